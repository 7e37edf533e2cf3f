import sys
class Node:
    def __init__(self, name):
        self.name = name
        self.other = None
    def __del__(self):
        print('del', self.name)
a = Node('a')
b = Node('b')
a.other = b
b.other = a
print(sys.getrefcount(a), sys.getrefcount(b))
del a
print('a deleted, b refcount', sys.getrefcount(b))
b.other.other = None
print('cycle broken by hand')
del b
print('end')
