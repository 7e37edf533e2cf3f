import sys
def fresh():
    return int('123456789')
x = fresh()
print(sys.getrefcount(x))
y = x
print(sys.getrefcount(x))
big = 10 ** 20
print(sys.getrefcount(big))
lst = [big] * 3
print(sys.getrefcount(big))
