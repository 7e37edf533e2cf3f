import sys
a = [1, 2, 3]
b = a
c = a
print(id(a) == id(b) == id(c))
print(sys.getrefcount(a))
del b
print(sys.getrefcount(a))
del a
print(sys.getrefcount(c))
