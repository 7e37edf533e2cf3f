import sys
a = []
print(sys.getrefcount(a))
print(sys.getrefcount([]))
print(sys.getrefcount([1, 2, 3]))
d = {}
print(sys.getrefcount(d))
class C:
    pass
c = C()
print(sys.getrefcount(c))
print(sys.getrefcount(C()))
