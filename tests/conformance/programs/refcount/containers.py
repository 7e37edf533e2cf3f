import sys
obj = object()
print(sys.getrefcount(obj))
lst = [obj, obj, obj]
print(sys.getrefcount(obj))
tup = (obj,)
print(sys.getrefcount(obj))
d = {'k': obj}
print(sys.getrefcount(obj))
d2 = {obj: 1}
print(sys.getrefcount(obj))
s = {obj}
print(sys.getrefcount(obj))
lst.clear()
print(sys.getrefcount(obj))
del tup, d, d2, s
print(sys.getrefcount(obj))
