import gc, weakref
class Node:
    pass
gc.collect()
a = Node()
b = Node()
a.other = b
b.other = a
wa = weakref.ref(a)
print(wa() is a)
del a, b
print('after del, still alive:', wa() is not None)
gc.collect()
print('after collect:', wa())
