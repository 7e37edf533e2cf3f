import gc
class Node:
    def __init__(self, name):
        self.name = name
        self.ref = None
    def __del__(self):
        print('__del__', self.name)
gc.collect()
a = Node('a')
b = Node('b')
a.ref = b
b.ref = a
del a
del b
print('cycle unreachable; nothing freed yet')
n = gc.collect()
print('collected', n)
print('garbage', gc.garbage)
print('second collect', gc.collect())
