import sys
o = object()
L = []
for i in range(5):
    L.append(o)
    print(i, sys.getrefcount(o))
L.pop()
print('pop', sys.getrefcount(o))
L2 = L[:]
print('slice copy', sys.getrefcount(o))
L3 = L * 2
print('repeat', sys.getrefcount(o))
del L[0]
print('del item', sys.getrefcount(o))
L = None
print('list gone', sys.getrefcount(o))
del L2, L3
print('all gone', sys.getrefcount(o))
