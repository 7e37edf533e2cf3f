import gc
class C:
    pass
gc.collect()
c = C()
c.me = c
del c
print(gc.collect())
class S:
    __slots__ = ('me',)
s = S()
s.me = s
del s
print(gc.collect())
