import sys, weakref
class C:
    def __del__(self):
        print('C freed')
c = C()
print(sys.getrefcount(c))
w = weakref.ref(c)
print(sys.getrefcount(c), w() is c)
print(sys.getrefcount(c))
del c
print('weakref now', w())
