def numbers():
    yield 1

g = numbers()
next(g)
next(g)
