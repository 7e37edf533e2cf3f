import sys
d = {}
print(0, sys.getsizeof(d))
for i in range(1, 25):
    d[i] = i
    print(i, sys.getsizeof(d))
