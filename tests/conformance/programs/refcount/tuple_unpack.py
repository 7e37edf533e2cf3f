import sys
o = object()
t = (o, o)
print(sys.getrefcount(o))
a, b = t
print(sys.getrefcount(o))
del t
print(sys.getrefcount(o))
del a, b
print(sys.getrefcount(o))
