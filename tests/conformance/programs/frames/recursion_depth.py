import sys
def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)
print(depth(10), depth(500), depth(900))
print(sys.getrecursionlimit())
def how_deep(n=1):
    try:
        return how_deep(n + 1)
    except RecursionError:
        return n
d = how_deep()
print(990 < d <= 1000)
