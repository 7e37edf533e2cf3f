def f(x):
    assert x > 0, f'bad {x}'
    return x
