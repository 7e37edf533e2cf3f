def f(x):
    def g(y):
        nonlocal y
