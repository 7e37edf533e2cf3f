import sys
s = set()
print(0, sys.getsizeof(s))
for i in range(1, 25):
    s.add(i)
    print(i, sys.getsizeof(s))
print(sys.getsizeof(frozenset()), sys.getsizeof(frozenset(range(10))))
