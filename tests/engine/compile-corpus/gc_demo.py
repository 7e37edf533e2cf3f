import gc
class A:
    pass
a = A()
a.self = a
del a
print(gc.collect())
