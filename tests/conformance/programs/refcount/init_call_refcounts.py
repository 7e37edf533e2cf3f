# What holds references while __init__ runs, and what happens when it fails.
import sys


class Point:
    def __init__(self, x, y=0, *rest, **kw):
        print("self", sys.getrefcount(self), "class", sys.getrefcount(Point))
        self.x = x
        self.y = y
        self.rest = rest
        self.kw = kw


base = sys.getrefcount(Point)
p = Point(1)
q = Point(1, 2, 3, 4, z=5)
print(p.x, p.y, p.rest, p.kw, q.rest, q.kw)
print("class refs after", sys.getrefcount(Point) - base)


class Noisy:
    def __init__(self, fail):
        self.fail = fail
        if fail == "raise":
            raise ValueError("no")
        if fail == "return":
            return 42

    def __del__(self):
        print("del", self.fail)


for how in ("raise", "return", "ok"):
    try:
        n = Noisy(how)
        print("made", n.fail)
        del n
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
    print("after", how)


class NeedsTwo:
    def __init__(self, a, b):
        self.a = a


try:
    NeedsTwo(1)
except TypeError as e:
    print(e)
try:
    NeedsTwo(1, 2, 3)
except TypeError as e:
    print(e)
try:
    NeedsTwo(1, c=2)
except TypeError as e:
    print(e)


class Gen:
    def __init__(self):
        yield 1


try:
    Gen()
except TypeError as e:
    print(e)


class Sub(Point):
    def __init__(self):
        super().__init__(7)


s = Sub()
print(s.x, sys.getrefcount(s))


# the argument tuple, keyword dict and keyword copies of type.__call__'s C path
class A:
    def __init__(self, x, *r, **k):
        print("A", sys.getrefcount(self), sys.getrefcount(x))


class B:
    def __init__(self, x):
        print("B", sys.getrefcount(self), sys.getrefcount(x), sys.getrefcount(B.__init__))


v = []
A(v)
A(v, 1)
A(v, k=1)
A(x=v)
B(v)
B(x=v)
print(sys.getrefcount(v), sys.getrefcount(B.__init__))
