import gc
gc.collect()
c0 = gc.get_count()[0]
a = [[] for _ in range(10)]
c1 = gc.get_count()[0]
del a
c2 = gc.get_count()[0]
b = [object() for _ in range(10)]
c3 = gc.get_count()[0]
d = {i: [] for i in range(5)}
c4 = gc.get_count()[0]
print(c0, c1 - c0, c2 - c0, c3 - c0, c4 - c0)
