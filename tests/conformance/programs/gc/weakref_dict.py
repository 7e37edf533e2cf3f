import gc, weakref
class Thing:
    def __init__(self, n):
        self.n = n
cache = weakref.WeakValueDictionary()
a = Thing(1)
b = Thing(2)
cache['a'] = a
cache['b'] = b
print(sorted(cache.keys()))
del a
print(sorted(cache.keys()))
b.self = b
del b
print(sorted(cache.keys()))
gc.collect()
print(sorted(cache.keys()))
ws = weakref.WeakSet()
t = Thing(3)
ws.add(t)
print(len(ws))
del t
print(len(ws))
