a, b = 1, 2
a, b = b, a
print(a, b)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = 'abcd'
print(init, last)
x, *mid, y = range(5)
print(x, mid, y)
(p, q), r = (1, 2), 3
print(p, q, r)
for i, (k, v) in enumerate({'a': 1, 'b': 2}.items()):
    print(i, k, v)
print(*[1, 2, 3], sep='-')
print([*range(3), *'ab'], {**{'a': 1}, 'b': 2})
def f(a, b, c):
    return a + b + c
args = (1, 2)
print(f(*args, 3), f(**{'a': 1, 'b': 2, 'c': 3}))
h, *t = [9]
print(h, t)
