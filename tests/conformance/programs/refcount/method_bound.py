import sys
class C:
    def m(self):
        return sys.getrefcount(self)
c = C()
print(sys.getrefcount(c))
print(c.m())
bm = c.m
print(sys.getrefcount(c))
print(bm())
del bm
print(sys.getrefcount(c))
