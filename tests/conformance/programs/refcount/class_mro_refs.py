# A class is referenced by its own __mro__ tuple and __dict__/__weakref__
# descriptors; a subclass adds references through __bases__, __mro__ and its base.
import sys
class A:
    pass
print(sys.getrefcount(A))
class B(A):
    pass
print(sys.getrefcount(A), sys.getrefcount(B))
class C(B):
    pass
print(sys.getrefcount(A), sys.getrefcount(B), sys.getrefcount(C))
class S:
    __slots__ = ()
print(sys.getrefcount(S))
class T(S):
    pass
print(sys.getrefcount(S), sys.getrefcount(T))
a = A()
print(sys.getrefcount(A))
del a
print(sys.getrefcount(A))
