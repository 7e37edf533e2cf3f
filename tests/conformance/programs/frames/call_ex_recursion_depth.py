# Recursion through f(*args) / f(**kwargs) (CALL_FUNCTION_EX). CPython 3.12 pushes a Python
# function's frame inline, as for a plain call, so the recursion limit stops it (not the C
# stack). A bound method called so goes through C (PyObject_Call, a new evaluation loop each
# level) and stops at the fixed C recursion limit instead: 749 levels from the main module.
import sys


def depth(call):
    n = 0

    def r():
        nonlocal n
        n += 1
        call(r)

    try:
        r()
    except RecursionError as e:
        return n, str(e)
    return n, None


print("plain", depth(lambda r: r()))
print("star", depth(lambda r: r(*())))
print("kw", depth(lambda r: r(**{})))
print("both", depth(lambda r: r(*[], **{})))
print("star list", depth(lambda r: r(*[])))

last = 0


def g(n):
    global last
    last = n
    return g(*[n + 1])


def h(n):
    global last
    last = n
    return h(**{"n": n + 1})


def hk(n, **kw):
    global last
    last = n
    return hk(*(n + 1,), **kw)


def gen_star(n):
    global last
    last = n
    return gen_star(*(i for i in [n + 1]))


for fn, args, kw in [(g, (0,), {}), (h, (0,), {}), (hk, (0,), {"a": 1}), (gen_star, (0,), {})]:
    last = -1
    try:
        fn(*args, **kw)
    except RecursionError as e:
        print(fn.__name__, last, e)


class C:
    def m(self, n):
        global last
        last = n
        return self.m(*(n + 1,))

    def mkw(self, n, k=None):
        global last
        last = n
        f = self.mkw
        return f(*(n + 1,), **{"k": k})

    def mempty(self, n):
        global last
        last = n
        return self.mempty(*[n + 1], **{})

    @classmethod
    def cm(cls, n):
        global last
        last = n
        return cls.cm(*(n + 1,))

    @staticmethod
    def sm(n):
        global last
        last = n
        return C.sm(*(n + 1,))

    def rep(self, n):
        global last
        last = n
        repr([n])
        return self.rep(*(n + 1,))


for name in ["m", "mkw", "mempty", "cm", "sm", "rep"]:
    last = -1
    try:
        getattr(C(), name)(0)
    except RecursionError as e:
        print(name, last, e)


# a bound method of a lambda, alternating with a plain call: two Python frames a level,
# so the recursion limit comes first
class D:
    pass


D.f = lambda self, n: bm(n)
bmb = D().f


def bm(n):
    global last
    last = n
    return bmb(*(n + 1,))


last = -1
try:
    bm(0)
except RecursionError as e:
    print("bm", last, e)

# __init__ (three C units a level) alternating with a bound method called with *args (two)
init_at = method_at = 0


class A:
    def __init__(self, n):
        global init_at
        init_at = n
        self.m(*(n,))

    def m(self, n):
        global method_at
        method_at = n
        A(n + 1)


try:
    A(1)
except RecursionError as e:
    print("init", init_at, "method", method_at, e)


# __init__ alternating with a plain function called with *args (inline: no C units)
def f(n):
    global init_at
    init_at = n
    return A2(n)


class A2:
    def __init__(self, n):
        global method_at
        method_at = n
        f(*(n + 1,))


try:
    f(1)
except RecursionError as e:
    print("init2", init_at, "f", method_at, e)

# the recursion limit does not change the C limit; a lower one comes first
for limit in [5000, 300]:
    sys.setrecursionlimit(limit)
    for name, fn in [("g", g), ("m", C().m), ("mkw", C().mkw)]:
        last = -1
        try:
            fn(0)
        except RecursionError as e:
            print(limit, name, last, e)
sys.setrecursionlimit(1000)


# everything the unwound calls held is released: the argument tuples, keyword dicts and
# their copies, the frames
class Token:
    pass


tok = Token()
before = sys.getrefcount(tok)


class E:
    def down(self, n, tok):
        return self.down(*(n + 1, tok), **{})

    def downkw(self, n, tok):
        return self.downkw(*(n + 1,), **{"tok": tok})


def down(n, tok):
    return down(*(n + 1,), **{"tok": tok})


for name, fn in [("E.down", E().down), ("E.downkw", E().downkw), ("down", down)]:
    try:
        fn(0, tok)
    except RecursionError:
        pass
    print(name, sys.getrefcount(tok) == before)
print("ok after", depth(lambda r: r(*())))
