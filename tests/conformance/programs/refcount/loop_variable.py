import sys
objs = [object(), object()]
for o in objs:
    print(sys.getrefcount(o))
print('after loop', sys.getrefcount(objs[-1]))
del o
print('after del o', sys.getrefcount(objs[-1]))
for i, o in enumerate(objs):
    print(i, sys.getrefcount(o))
x = [object()]
print([sys.getrefcount(v) for v in x])
