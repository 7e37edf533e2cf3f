import sys
print(sys.getsizeof(range(0)), sys.getsizeof(range(100)))
print(sys.getsizeof(iter([])), sys.getsizeof(iter(())), sys.getsizeof(iter(range(5))))
print(sys.getsizeof(enumerate([])), sys.getsizeof(zip()), sys.getsizeof(map(str, [])))
