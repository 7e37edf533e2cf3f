# seed 001_f9105fa72ca75776.txt, example 6, under "Code Example: Garbage Collection in Action" (code unchanged; it prints nothing)
import gc

# Class with a cyclic reference
class Node:
    def __init__(self):
        self.ref = None

# Create two nodes that reference each other
node1 = Node()
node2 = Node()
node1.ref = node2
node2.ref = node1

# Break the references
node1 = None
node2 = None

# Trigger manual garbage collection
gc.collect()
