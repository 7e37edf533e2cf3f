import sys
d = {}
sizes = []
for i in range(12):
    d['k' + str(i)] = i
    sizes.append(sys.getsizeof(d))
print(sizes)
print(sys.getsizeof({}), sys.getsizeof({'a': 1}), sys.getsizeof(dict(a=1, b=2)))
print(sys.getsizeof({i: i for i in range(100)}))
