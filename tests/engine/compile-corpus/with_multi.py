with a as x, b as y:
    f(x, y)
