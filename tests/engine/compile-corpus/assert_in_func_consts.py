def f():
    assert False
