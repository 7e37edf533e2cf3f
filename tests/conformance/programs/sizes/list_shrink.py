import sys
lst = list(range(100))
print(sys.getsizeof(lst))
while lst:
    lst.pop()
    if len(lst) % 10 == 0:
        print(len(lst), sys.getsizeof(lst))
lst.clear()
print(sys.getsizeof(lst))
