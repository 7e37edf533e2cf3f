def f():
    a = 1000
    b = 1000
    return a is b
print(f())
def g():
    return 1000
def h():
    return 1000
print(g() is h(), g() is g())
def tup():
    return (1, 2, 3)
print(tup() is tup())
def lst():
    return [1, 2, 3]
print(lst() is lst())
