a = 2 ** 10
b = 1024
print(a is b)
c = 'ab' * 3
d = 'ababab'
print(c is d)
e = (1, 2) + (3,)
f = (1, 2, 3)
print(e is f, e == f)
x = 10 ** 5
y = 100000
print(x is y)
long1 = 'a' * 5000
long2 = 'a' * 5000
print(long1 is long2)
