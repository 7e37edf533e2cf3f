def f():
    x = 1
    def g():
        yield x
    x = 2
    return g
