a = ...
b = b'xyz'
c = 1.5
d = 2j
e = True
f = None
