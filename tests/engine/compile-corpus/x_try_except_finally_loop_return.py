def f(xs):
    for x in xs:
        try:
            return g(x)
        except E:
            continue
        finally:
            h()
