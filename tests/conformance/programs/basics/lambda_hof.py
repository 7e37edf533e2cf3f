sq = lambda x: x * x
print(sq(7), (lambda a, b=2: a ** b)(3))
print(list(map(sq, [1, 2, 3])), list(map(lambda a, b: a + b, [1, 2], [10, 20])))
print(list(filter(lambda n: n % 2, range(10))), list(filter(None, [0, 1, '', 'a'])))
pairs = [(1, 'b'), (3, 'a'), (2, 'c')]
print(sorted(pairs, key=lambda p: p[1]))
print(max(pairs, key=lambda p: p[0]), min(pairs, key=lambda p: p[1]))
def compose(f, g):
    return lambda x: f(g(x))
inc_then_sq = compose(sq, lambda x: x + 1)
print(inc_then_sq(4))
print((lambda: 'no args')())
