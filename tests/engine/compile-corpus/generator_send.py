def gen():
    x = yield
    y = yield x
    return y
