def f(a, /, b, *args, c=3, **kw):
    return a, b, args, c, kw
print(f(1, 2, 3, d=4))
def k(*, x):
    return x
print(k(x=1), (lambda *a, **k: (a, k))(1, y=2))
