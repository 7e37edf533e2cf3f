import sys
x = []
print(sys.getrefcount(x))
x.append(x)
print(sys.getrefcount(x))
x.append(x)
print(sys.getrefcount(x))
print(x)
x.clear()
print(sys.getrefcount(x))
