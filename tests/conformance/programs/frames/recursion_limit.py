import sys
print(sys.getrecursionlimit())
sys.setrecursionlimit(50)
print(sys.getrecursionlimit())
def f(n):
    return f(n + 1) if n < 100 else n
try:
    f(0)
except RecursionError as e:
    print('RecursionError with limit 50')
sys.setrecursionlimit(1000)
print(f(0))
