def f():
    raise X from None
