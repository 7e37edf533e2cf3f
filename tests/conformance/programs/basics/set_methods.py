s = {3, 1, 2}
s.add(4)
s.discard(10)
s.remove(1)
print(sorted(s), len(s), 2 in s)
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(a.issubset({1, 2, 3, 4, 5}), {1, 2} <= a, a.isdisjoint({9}))
print(set(), set([1, 1, 2]) == {1, 2}, len({1, 1.0, True}))
fs = frozenset([1, 2, 3])
print(sorted(fs), fs | {4} == frozenset({1, 2, 3, 4}), type(fs | {4}).__name__)
print({fs: 'ok'}[frozenset({3, 2, 1})])
c = {1, 2, 3}
print(c.pop() in (1, 2, 3), len(c))
print(sorted({x % 3 for x in range(10)}))
