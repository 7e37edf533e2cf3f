import weakref

class Node:
    pass

def on_gone(ref):
    raise RuntimeError("callback failed")

n = Node()
w = weakref.ref(n, on_gone)
del n
print("end")
