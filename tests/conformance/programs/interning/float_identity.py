a = 1.5
b = 1.5
print(a is b)
c = float('1.5')
d = float('1.5')
print(c is d, c == d)
e = 0.1 + 0.2
f = 0.1 + 0.2
print(e is f)
def g():
    return 2.5
print(g() is g())
