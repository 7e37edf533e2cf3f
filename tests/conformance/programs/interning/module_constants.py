x = 1000
y = 1000
print(x is y)
s = 'hello world!'
t = 'hello world!'
print(s is t)
f1 = 3.14
f2 = 3.14
print(f1 is f2)
big1 = 10 ** 20
big2 = 10 ** 20
print(big1 is big2)
