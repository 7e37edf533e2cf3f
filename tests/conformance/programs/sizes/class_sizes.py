# sys.getsizeof of classes: a heap type, plus the shared keys of a managed __dict__
import sys
class A: pass
class B(A): pass
class S:
    __slots__=()
class T(S): pass
class E(Exception): pass
class L(list): pass
print(sys.getsizeof(A), sys.getsizeof(B), sys.getsizeof(S), sys.getsizeof(T), sys.getsizeof(E), sys.getsizeof(L))
print(type.__sizeof__(A), sys.getsizeof(int), sys.getsizeof(type))
