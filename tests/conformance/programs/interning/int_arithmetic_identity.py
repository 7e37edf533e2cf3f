a = 100
b = a + 0
print(a is b)
c = 1000
d = c + 0
print(c is d)
e = -5
m6 = -6
print(e - 1 is m6, e + 0 is e)
f = 255
c256 = 256
c257 = 257
print(f + 1 is c256, f + 2 is c257)
g = 2 ** 8
print(g is c256)
h = int(256.0)
print(h is c256)
i = True + 255
print(i is c256)
