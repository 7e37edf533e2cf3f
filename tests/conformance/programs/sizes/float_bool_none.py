import sys
print(sys.getsizeof(0.0), sys.getsizeof(1e300), sys.getsizeof(float('inf')))
print(sys.getsizeof(None), sys.getsizeof(True), sys.getsizeof(1j))
print(sys.getsizeof(Ellipsis), sys.getsizeof(NotImplemented))
