import gc
gc.collect()
x = []
x.append(x)
del x
print(gc.collect())
y = [1, 2, 3]
y.append(y)
z = [y]
del y, z
print(gc.collect())
print(gc.collect())
