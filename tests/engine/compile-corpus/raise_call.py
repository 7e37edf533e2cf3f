def f():
    raise ValueError('x')
