import sys
print(sys.getrefcount(object()))
print(sys.getrefcount([] + []))
print(sys.getrefcount(str(123456)))
s = 'abc' * 1000
print(sys.getrefcount(s))
