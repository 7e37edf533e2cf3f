import sys
class A:
    pass
base = sys.getrefcount(A)
a1 = A()
print(sys.getrefcount(A) - base)
a2 = A()
print(sys.getrefcount(A) - base)
del a1, a2
print(sys.getrefcount(A) - base)
def f():
    pass
print(sys.getrefcount(f))
g = f
print(sys.getrefcount(f))
