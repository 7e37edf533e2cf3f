f(a=1)
f(1, b=2, c=3)
o.m(x, key=y)
