class Node:
    def __init__(self, n): self.n = n; self.other = None
    def __del__(self): print('del', self.n)
a = Node('a'); b = Node('b'); a.other = b; b.other = a
x = Node('x')
del a, b
y = Node('y')
print('end')
