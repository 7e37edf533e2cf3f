import gc
class Link:
    def __init__(self):
        self.next = None
gc.collect()
first = Link()
cur = first
for _ in range(9):
    cur.next = Link()
    cur = cur.next
cur.next = first
del first, cur
print(gc.collect())
ring = [[] for _ in range(5)]
for i in range(5):
    ring[i].append(ring[(i + 1) % 5])
del ring
print(gc.collect())
