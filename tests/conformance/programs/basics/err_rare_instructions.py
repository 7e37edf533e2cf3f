x = [1, 2, 3, 4]
x[1:3] = "ab"
print(x, x[::-1], x[1:2, ] if False else 0)
del x[0], x[-1:]
print(x)
def f(*a, **k): return a, k
args = (1, 2)
print(f(*args, **{"z": 3}), {**{"a": 1}, "b": 2})
h, *t = "abc"
print(h, t)
def g():
    r = yield from range(2)
    return r
print(list(g()))
q: int = 5
print(__annotations__)
def d():
    v = 1
    del v
    return v
try:
    d()
except UnboundLocalError as e:
    print(e)
class K:
    def __init__(self): super().__init__()
print({1, 2} | {3}, type(K()).__name__)
print(f(*1))
