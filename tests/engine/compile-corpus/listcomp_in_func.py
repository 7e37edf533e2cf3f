def f(y):
    return [x + 1 for x in y]
