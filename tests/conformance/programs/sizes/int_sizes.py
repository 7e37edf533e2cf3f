import sys
for v in [0, 1, -1, 255, 2 ** 30 - 1, 2 ** 30, 2 ** 60 - 1, 2 ** 60, 2 ** 90, 10 ** 100, -(2 ** 30), True, False]:
    print(repr(v)[:20], sys.getsizeof(v))
