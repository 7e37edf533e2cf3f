import sys
for n in [0, 1, 2, 7, 8, 9, 15, 16, 17, 100, 1000]:
    print(n, sys.getsizeof('a' * n), sys.getsizeof('é' * n), sys.getsizeof('€' * n), sys.getsizeof('😀' * n))
