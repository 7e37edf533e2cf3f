import sys
d = {i: i for i in range(10)}
print(sys.getsizeof(d), sys.getsizeof(d.copy()), sys.getsizeof(dict(d)))
for k in range(9):
    del d[k]
print(sys.getsizeof(d), sys.getsizeof(dict(d)))
d.clear()
print(sys.getsizeof(d))
