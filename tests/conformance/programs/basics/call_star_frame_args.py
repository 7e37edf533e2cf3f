# f(*args, **kwargs) calling a Python function: the frame takes its own references to the
# arguments and the argument tuple and keyword dict go before the body runs (refcounts inside,
# the order items die in); binding errors; generators; bound methods keep the tuple until they return
import sys
class A:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print("del", self.n)

def f(*args, **kw):
    print("in f", [a.n for a in args], sorted(kw), sys.getrefcount(f))
    return len(args) + len(kw)

def h(a, b=None, **kw):
    print("in h", sys.getrefcount(a), a.n)

def gen(*args):
    print("gen starts")
    yield len(args)

print(sys.getrefcount(f))
print(f(*[A(1)], **{"k": A(2)}))
print(f(*(A(i) for i in range(2)), **dict(x=A(3), y=A(4))))
h(*[A(5)])
h(*(A(6),))
t = (A(7),)
h(*t)
del t
d = {"b": A(8)}
h(*[A(9)], **d)
del d
try:
    h(*[A(10), A(11), A(12)])
except TypeError as e:
    print(e)
try:
    h(*[A(13)], **{"a": A(14)})
except TypeError as e:
    print(e)
g = gen(*[A(15), A(16)])
print("made")
print(next(g))
del g
class C:
    def m(self, *a):
        print("in m", len(a))
C().m(*[A(17)])
print(list(map(lambda *a: len(a), *[[1, 2]])))
print("end")
