# seed 004_6a075b3d688097ef.txt, example 2, under "View Code Example – Garbage Collection" (code unchanged)
import gc

class Node:
    def __init__(self):
        self.ref = None

# create a reference cycle
a = Node()
b = Node()
a.ref = b
b.ref = a

# break all external references
del a
del b

# the two Node objects reference each other,
# so reference counting alone can't free them.
# gc.collect() finds and frees them.
collected = gc.collect()
print("Unreachable objects collected:", collected)
