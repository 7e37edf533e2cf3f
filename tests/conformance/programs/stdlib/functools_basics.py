import functools
from functools import partial, reduce, lru_cache, cache, cmp_to_key, total_ordering
def power(base, exp, *, mod=None):
    return base ** exp if mod is None else pow(base, exp, mod)
square = partial(power, exp=2)
print(square(5), square(3, mod=5), partial(power, 2)(10))
p = partial(print, 1, sep='-')
p(2, 3)
print(p.args, p.keywords, p.func is print)
print(partial(print, 1, x=2))
pp = partial(partial(power, 2), 3)
print(pp.args, pp.func is power, pp())
print(reduce(lambda a, b: a * b, [1, 2, 3, 4]), reduce(lambda a, b: a + b, [], 10), reduce(max, [3, 9, 2]))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print('TypeError', e)
calls = []
@lru_cache(maxsize=2)
def slow(n):
    calls.append(n)
    return n * n
print(slow(1), slow(2), slow(1), slow(3), slow(2), slow(1))
print(calls, slow.cache_info())
info = slow.cache_info()
print(info.hits, info.misses, info.maxsize, info.currsize, info[0], tuple(info))
slow.cache_clear()
print(slow.cache_info(), slow.cache_parameters())
@cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info())
@lru_cache
def ident(x, y=0):
    return (x, y)
print(ident(1), ident(1, y=2), ident(1, y=2), ident.cache_info())
words = ['banana', 'Apple', 'cherry', 'apple']
def cmp(a, b):
    a, b = a.lower(), b.lower()
    return (a > b) - (a < b)
print(sorted(words, key=cmp_to_key(cmp)), sorted([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))
@total_ordering
class Version:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        return self.n == other.n
    def __lt__(self, other):
        return self.n < other.n
a, b = Version(1), Version(2)
print(a < b, a > b, a <= b, a >= b, b >= a, a <= Version(1))
class Acc:
    @lru_cache(maxsize=None)
    def double(self, x):
        return 2 * x
acc = Acc()
print(acc.double(4), acc.double(4), Acc.double.cache_info())
