import sys
class A:
    pass
class B(A):
    x = 1
def f():
    pass
print(sys.getsizeof(A) == sys.getsizeof(B), sys.getsizeof(A) > 500)
print(sys.getsizeof(f), sys.getsizeof(lambda: 0))
print(sys.getsizeof(len), sys.getsizeof(A().__init__))
