import gc
t = (1, 2, 'x')
gc.collect()
print(gc.is_tracked(t))
t2 = tuple([1, 2, 3])
print(gc.is_tracked(t2))
gc.collect()
print(gc.is_tracked(t2))
t3 = tuple([[], 1])
gc.collect()
print(gc.is_tracked(t3))
d = {}
print(gc.is_tracked(d))
d['k'] = 1
print(gc.is_tracked(d))
d['l'] = [1]
print(gc.is_tracked(d))
