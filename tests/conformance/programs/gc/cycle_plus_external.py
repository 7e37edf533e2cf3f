import gc
class Node:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('freed', self.name)
gc.collect()
a = Node('a')
b = Node('b')
a.b = b
b.a = a
keep = a
del a, b
print('collect with external ref:', gc.collect())
del keep
print('collect without:', gc.collect())
