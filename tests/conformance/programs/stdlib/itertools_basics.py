import itertools, sys
from itertools import *
print(list(islice(count(5), 3)), list(chain('ab', [1])), list(accumulate([1,2,3,4])))
print(count(5), count(1.5, 2), count(0, 2), repeat('a', 3), repeat('a'))
c = count(3); next(c); print(c)
print(list(repeat(7, 3)), list(islice(cycle('abc'), 7)))
print(list(chain.from_iterable([[1,2],[3]])))
print(list(islice(range(10), 2, 8, 2)), list(islice(range(10), None)))
print(list(accumulate([1,2,3], lambda a, b: a*b, initial=10)))
print(list(product('ab', range(2))), list(product([1,2], repeat=2)))
print(list(permutations('abc', 2)), len(list(permutations(range(4)))))
print(list(combinations('abcd', 2)), list(combinations_with_replacement('ab', 2)))
print(list(zip_longest('abc', [1], fillvalue='-')))
print(list(takewhile(lambda x: x < 3, [1,2,3,1])), list(dropwhile(lambda x: x < 3, [1,2,3,1])))
for k, g in groupby('aaabbcaa'):
    print(k, list(g))
print([(k, len(list(g))) for k, g in groupby([1,2,3,4,5], key=lambda x: x > 2)])
print(list(starmap(pow, [(2, 3), (3, 2)])), list(pairwise('abcd')), list(batched('abcdefg', 3)))
print(list(filterfalse(None, [0,1,0,2])), list(compress('abcd', [1,0,1,0])))
a, b = tee([1,2,3])
print(list(a), list(b))
print(type(count()), sys.getsizeof(count()), type(iter(chain())))
try:
    islice([], -1)
except ValueError as e:
    print(e)
try:
    count('a')
except TypeError as e:
    print(e)
p = product('ab', 'cd')
x = next(p); idx = id(x); del x
y = next(p); print(id(y) == idx, y)
