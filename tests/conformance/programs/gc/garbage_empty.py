import gc
class WithDel:
    def __del__(self):
        pass
gc.collect()
for _ in range(3):
    x = WithDel()
    y = WithDel()
    x.y = y
    y.x = x
del x, y
print(gc.collect())
print(gc.garbage, len(gc.garbage))
