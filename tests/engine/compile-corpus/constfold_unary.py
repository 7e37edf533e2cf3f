a = -1
b = not True
c = ~5
d = -(1 + 2)
e = - -3
f = +4
