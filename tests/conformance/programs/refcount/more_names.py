import sys
x = [1, 2]
print(sys.getrefcount(x))
y = x
print(sys.getrefcount(x))
z = y
print(sys.getrefcount(x))
w = x
del y
print(sys.getrefcount(x))
z = None
print(sys.getrefcount(x))
w = 'rebound'
print(sys.getrefcount(x))
