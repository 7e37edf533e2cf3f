# A class whose __init__ makes another instance of the class: CPython 3.12
# stops this at its fixed C recursion limit (about 500 levels), not at
# sys.getrecursionlimit(), because each level passes through C code.
import sys

depth = 0


class Node:
    def __init__(self, d):
        global depth
        depth = d
        self.child = Node(d + 1)


try:
    Node(1)
except RecursionError as e:
    print("Node:", e, depth)


def grow(d):
    global depth
    depth = d
    return [Link(d)]


class Link:
    def __init__(self, d):
        grow(d + 1)


try:
    grow(1)
except RecursionError as e:
    print("Link:", e, depth)


class Counted:
    def __init__(self, d):
        global depth
        depth = max(depth, d)
        self.child = Counted(d + 1)


depth = 0
try:
    Counted(1)
except RecursionError as e:
    print("Counted:", e, depth)

sys.setrecursionlimit(5000)
depth = 0
try:
    Node(1)
except RecursionError as e:
    print("limit 5000:", e, depth)

sys.setrecursionlimit(300)
depth = 0
try:
    Node(1)
except RecursionError as e:
    print("limit 300:", e, depth)
sys.setrecursionlimit(1000)

# a shallow chain is fine, and everything is freed afterwards
class Chain:
    def __init__(self, n):
        self.next = Chain(n - 1) if n else None


c = Chain(300)
n = 0
while c is not None:
    c = c.next
    n += 1
print("chain", n)
