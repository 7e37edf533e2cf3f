def f(xs):
    for x in xs:
        with x as y:
            return y
