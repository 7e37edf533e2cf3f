x = 1000
y = 1000
z = 10 ** 3
print(x is y, x is z)
