import sys
print([].__sizeof__(), sys.getsizeof([]))
print((1, 2).__sizeof__(), sys.getsizeof((1, 2)))
print((5).__sizeof__(), sys.getsizeof(5))
print('abc'.__sizeof__(), sys.getsizeof('abc'))
class Custom:
    def __sizeof__(self):
        return 1000
print(sys.getsizeof(Custom()))
