import gc, weakref
class Node:
    def __init__(self, name):
        self.name = name
def gone(ref):
    print('callback fired, referent is', ref())
gc.collect()
n = Node('simple')
r = weakref.ref(n, gone)
print('deleting simple node')
del n
print('after del')
c = Node('cyclic')
c.me = c
rc = weakref.ref(c, gone)
del c
print('cycle deleted, collecting')
print('collected', gc.collect())
print('done')
