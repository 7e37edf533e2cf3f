def outer(a):
    def inner():
        return a
    return inner
