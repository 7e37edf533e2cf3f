import sys
print(sys.getrefcount(None) > 100)
print(sys.getrefcount(True) > 10, sys.getrefcount(False) > 10)
print(sys.getrefcount(None))
print(sys.getrefcount(True))
print(sys.getrefcount(False))
