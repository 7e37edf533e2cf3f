def f(a, *, b=lambda: 1):
    return b()
