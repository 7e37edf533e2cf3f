t = (1, 'two', 3.0)
print(t, len(t), t[1], t.index(3.0), (1, 1, 2).count(1))
single = (5,)
print(single, type(single).__name__, (), type(()).__name__)
print((1, 2) + (3,), (0,) * 3, (1, 2) < (1, 2, 0))
a, b, c = t
print(a, b, c)
print(tuple([1, 2]), tuple('ab'))
pt = 3, 4
x, y = pt
print(x * y, hash((1, 2)) == hash((1, 2)))
print(max((3, 'a'), (3, 'b')), sorted([(2, 'b'), (1, 'z'), (2, 'a')]))
