import sys
lst = [x for x in range(1000)]
gen = (x for x in range(1000))
print(sys.getsizeof(lst), sys.getsizeof(gen))
print(sys.getsizeof(x for x in range(10)), sys.getsizeof(x for x in range(10 ** 6)))
print(sys.getsizeof(range(10)), sys.getsizeof(range(10 ** 9)))
def g():
    yield 1
print(sys.getsizeof(g()))
print(sys.getsizeof(list(range(1000))), sys.getsizeof(tuple(range(1000))))
