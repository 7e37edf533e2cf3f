import operator
from operator import itemgetter, attrgetter, methodcaller
print(operator.add(2, 3), operator.sub(5, 1), operator.mul('ab', 3), operator.truediv(7, 2), operator.floordiv(7, 2))
print(operator.mod(7, 3), operator.pow(2, 8), operator.neg(4), operator.pos(-4), operator.abs(-3), operator.invert(5))
print(operator.not_(0), operator.truth([1]), operator.eq(1, 1.0), operator.ne(1, 2), operator.lt(1, 2), operator.le(2, 2), operator.gt('b', 'a'), operator.ge(1, 2))
print(operator.and_(6, 3), operator.or_(6, 3), operator.xor(6, 3), operator.lshift(1, 4), operator.rshift(32, 2))
print(operator.is_(None, None), operator.is_not(1, None), operator.contains([1, 2], 2), operator.concat([1], [2]), operator.index(7))
d = {'a': 1}
operator.setitem(d, 'b', 2); operator.delitem(d, 'a')
print(d, operator.getitem([10, 20], 1), operator.countOf([1, 2, 1], 1), operator.indexOf('abc', 'c'))
l = [1]
print(operator.iadd(l, [2]) is l, l, operator.__add__(1, 2))
rows = [('b', 2), ('a', 3), ('c', 1)]
print(sorted(rows, key=itemgetter(1)), itemgetter(0, 1)(rows[0]), itemgetter(slice(1, None))('hello'))
print(itemgetter(1), itemgetter(1, 'x'), attrgetter('real'), attrgetter('a', 'b.c'))
class P:
    def __init__(self, name, inner=None):
        self.name = name
        self.inner = inner
    def greet(self, greeting, punct='!'):
        return f'{greeting} {self.name}{punct}'
p = P('outer', P('inner'))
print(attrgetter('name')(p), attrgetter('inner.name')(p), attrgetter('name', 'inner.name')(p))
mc = methodcaller('greet', 'hi', punct='?')
print(mc(p), mc, methodcaller('upper')('abc'))
try:
    operator.add(1, 'a')
except TypeError as e:
    print('TypeError', e)
try:
    itemgetter(5)([1])
except IndexError as e:
    print('IndexError', e)
