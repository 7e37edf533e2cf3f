import sys
print(sys.getrefcount(0))
print(sys.getrefcount(1))
print(sys.getrefcount(256))
print(sys.getrefcount(-5))
n = 7
a = n
print(sys.getrefcount(n) == sys.getrefcount(7))
