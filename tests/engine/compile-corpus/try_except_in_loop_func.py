def f(xs):
    out = []
    for x in xs:
        try:
            out.append(int(x))
        except ValueError:
            pass
    return out
