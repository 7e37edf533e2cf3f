a = {1, 2, 3}
b = {2, 3, 4}
print(a | b, a & b, a - b, a ^ b, a <= b, a == {3, 2, 1})
a |= {9}
a -= {1}
print(a, a.union([7]), a.intersection(b), a.issubset(range(10)))
f = frozenset(a)
print(hash(f) == hash(frozenset(a)), {f: 1})
d = {1: 2, 3: 4}
print(d.keys() & {1}, d.keys() == {1, 3})
