x = 256
print(x is 256)
y = int('1000')
print(y is 1000, y == 1000)
s = 'hi'
print(s is 'hi')
