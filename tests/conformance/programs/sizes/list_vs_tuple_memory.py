import sys
data = list(range(10))
print(sys.getsizeof(data), sys.getsizeof(tuple(data)))
data.append(10)
print(sys.getsizeof(data), sys.getsizeof(tuple(data)))
print(sys.getsizeof([]), sys.getsizeof(()), sys.getsizeof({}), sys.getsizeof(set()))
