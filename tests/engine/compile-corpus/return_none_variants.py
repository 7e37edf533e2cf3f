def a():
    return
def b():
    return None
def c():
    pass
