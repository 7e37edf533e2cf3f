class Node:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child
    def __del__(self):
        print('del', self.name)
chain = Node('a', Node('b', Node('c')))
print('drop chain')
chain = None
print('done')
pair = [Node('x'), [Node('y'), Node('z')]]
print('drop pair')
del pair
print('end')
