import sys
print(sys.getrecursionlimit())
def forever(n):
    return forever(n + 1)
forever(0)
