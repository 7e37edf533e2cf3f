import sys
lst = []
last = sys.getsizeof(lst)
changes = []
for i in range(1, 1001):
    lst.append(None)
    size = sys.getsizeof(lst)
    if size != last:
        changes.append((i, size))
        last = size
print(changes)
