import sys
def make(obj):
    def inner():
        return obj
    return inner
x = object()
print(sys.getrefcount(x))
f = make(x)
print(sys.getrefcount(x))
g = make(x)
print(sys.getrefcount(x))
del f
print(sys.getrefcount(x))
g = None
print(sys.getrefcount(x))
def counter():
    data = []
    def add(v):
        data.append(v)
        return sys.getrefcount(data)
    return add
add = counter()
print(add(1), add(2))
