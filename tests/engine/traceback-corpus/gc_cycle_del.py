import gc

class Node:
    def __del__(self):
        raise LookupError("from cycle")

a = Node()
a.self = a
del a
gc.collect()
print("collected")
