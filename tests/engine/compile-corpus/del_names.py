x = 1
del x
def f():
    y = 2
    del y
