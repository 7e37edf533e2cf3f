a = [1]
b = a
print(id(a) == id(b), a is b)
c = [1]
print(id(a) == id(c), a is c)
x = 5
y = x
print(id(x) == id(y))
x = x + 1
print(id(x) == id(y), x, y)
z = 5
print(id(y) == id(z))
