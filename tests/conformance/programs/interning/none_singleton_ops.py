def f():
    return
def g():
    return None
print(f() is g(), f() is None)
d = {}
print(d.get('x') is None)
l = [3, 1]
print(l.sort() is None)
print(print() is None)
