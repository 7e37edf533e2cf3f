def f(y):
    return sum(x for x in y if x)
