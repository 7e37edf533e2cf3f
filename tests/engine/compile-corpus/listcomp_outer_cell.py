def f(n):
    r = [i * n for i in range(3)]
    g = lambda: n
    return r
