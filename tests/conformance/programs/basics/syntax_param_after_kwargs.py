def f(a, **k, b):
    pass
