a = [1, 2, 3]
b = [1, 2, 3]
c = a
print(a == b, a is b, a is c)
print((1, 2) == (1, 2))
x = 'abc'
y = 'ab' + 'c'
print(x == y, x is y)
d1 = {'k': 1}
d2 = dict(k=1)
print(d1 == d2, d1 is d2)
n = 1.0
m = 1
print(n == m, n is m)
print(float('nan') == float('nan'))
nan = float('nan')
print(nan == nan, nan is nan, [nan] == [nan])
