for x in y:
    assert x, x
