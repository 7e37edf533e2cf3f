import gc
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
class N:
    pass
gc.collect()
for _ in range(3000):
    a = N()
    a.self = a
del a
print('collected while disabled:', gc.collect())
gc.enable()
print(gc.isenabled())
