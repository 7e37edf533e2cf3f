import gc
class Node:
    def __init__(self, name):
        self.name = name
        self.ref = None
gc.collect()
a = Node('a')
b = Node('b')
a.ref = b
b.ref = a
del a, b
print('collected', gc.collect())
print('again', gc.collect())
