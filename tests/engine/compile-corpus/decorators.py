@dec
def f():
    pass
@a.b
@c(1)
def g():
    pass
