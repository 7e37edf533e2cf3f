import sys
data = [1, 2, 3]
print(sys.getrefcount(data))
it = iter(data)
print(sys.getrefcount(data))
g = (x for x in data)
print(sys.getrefcount(data))
next(it); next(it); next(it)
print(next(it, 'exhausted'), sys.getrefcount(data))
list(g)
print(sys.getrefcount(data))
del it, g
print(sys.getrefcount(data))
