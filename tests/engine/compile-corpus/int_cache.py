a = 256
b = 256
print(a is b)
c = int('257')
d = int('257')
print(c is d)
