def f():
    with open('x') as fp:
        return fp.read()
