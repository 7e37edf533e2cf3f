import sys
k = 'a key ' + str(1)
v = ['value']
d = {}
print(sys.getrefcount(k), sys.getrefcount(v))
d[k] = v
print(sys.getrefcount(k), sys.getrefcount(v))
d[k] = v
print(sys.getrefcount(k), sys.getrefcount(v))
d2 = d.copy()
print(sys.getrefcount(k), sys.getrefcount(v))
del d[k]
print(sys.getrefcount(k), sys.getrefcount(v))
d2.clear()
print(sys.getrefcount(k), sys.getrefcount(v))
