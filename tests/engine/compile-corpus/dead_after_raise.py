def f():
    raise X
    x = 1
