class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next

def build(n):
    head = None
    for i in range(n):
        head = Node(i, head)
    return head

def total(node):
    s = 0
    while node is not None:
        s += node.value
        node = node.next
    return s

print(total(build(10)))
