def f(n):
    return list(x + n for x in range(n))
