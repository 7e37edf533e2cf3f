try:
    [][1]
except IndexError:
    err = TypeError("t")
    err.__suppress_context__ = True
    raise err
