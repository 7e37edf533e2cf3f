def f():
    with open('x') as fp:
        pass
    return fp
