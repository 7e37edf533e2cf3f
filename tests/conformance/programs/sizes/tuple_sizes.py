import sys
for n in [0, 1, 2, 3, 10, 100]:
    print(n, sys.getsizeof(tuple(range(n))))
print(sys.getsizeof(()), sys.getsizeof((1,)), sys.getsizeof((1, 2, 3)))
print(sys.getsizeof([1, 2, 3]) - sys.getsizeof((1, 2, 3)))
