def f(n):
    def gen():
        yield n
    return gen
