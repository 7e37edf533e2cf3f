if x is None:
    f()
if x is not None:
    g()
