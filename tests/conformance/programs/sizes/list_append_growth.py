import sys
lst = []
print(0, sys.getsizeof(lst))
for i in range(1, 21):
    lst.append(i)
    print(i, sys.getsizeof(lst))
