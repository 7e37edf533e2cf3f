import gc, weakref
class Res:
    pass
def cleanup(label):
    print('finalize:', label)
r = Res()
f = weakref.finalize(r, cleanup, 'resource one')
print(f.alive)
del r
print(f.alive)
r2 = Res()
f2 = weakref.finalize(r2, cleanup, 'resource two')
print(f2(), f2.alive)
print('end')
