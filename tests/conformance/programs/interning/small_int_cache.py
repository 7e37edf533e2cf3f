a = 256
b = 256
print(a is b)
c = int('256')
d = int('256')
print(c is d, c == d)
e = int('257')
f = int('257')
print(e is f, e == f)
g = int('-5')
h = int('-5')
print(g is h)
i = int('-6')
j = int('-6')
print(i is j)
k = 200 + 56
print(k is a)
