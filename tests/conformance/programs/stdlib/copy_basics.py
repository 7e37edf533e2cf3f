import copy, sys
a = [1, [2, 3], {'k': [4]}]
s = copy.copy(a)
d = copy.deepcopy(a)
print(s == a, s is a, s[1] is a[1], d == a, d[1] is a[1], d[2]['k'] is a[2]['k'])
t = (1, 2, 'x')
print(copy.copy(t) is t, copy.deepcopy(t) is t, copy.deepcopy((1, [2]))[1] is t)
t2 = (1, [2])
print(copy.deepcopy(t2) is t2, copy.deepcopy(t2) == t2)
print(copy.copy(5), copy.copy('s'), copy.copy(None), copy.copy(len) is len, copy.deepcopy({1, 2}), copy.copy(frozenset([1])))
cyc = [1]
cyc.append(cyc)
c2 = copy.deepcopy(cyc)
print(c2[1] is c2, c2[1] is cyc, len(c2))
shared = [0]
pair = [shared, shared]
p2 = copy.deepcopy(pair)
print(p2[0] is p2[1], p2[0] is shared)
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __repr__(self):
        return f'Point({self.x}, {self.y})'
pt = Point(1, [2])
c = copy.copy(pt)
dc = copy.deepcopy(pt)
print(c, dc, c is pt, c.y is pt.y, dc.y is pt.y, type(dc).__name__, c.__dict__)
class Slotted:
    __slots__ = ('a', 'b')
    def __init__(self):
        self.a = [1]
sl = copy.deepcopy(Slotted())
print(sl.a, hasattr(sl, 'b'))
class Custom:
    def __init__(self, v):
        self.v = v
    def __copy__(self):
        print('__copy__ called')
        return Custom(self.v)
    def __deepcopy__(self, memo):
        print('__deepcopy__ called', type(memo).__name__)
        return Custom(copy.deepcopy(self.v, memo))
cu = Custom([1])
print(copy.copy(cu).v is cu.v, copy.deepcopy(cu).v is cu.v)
nested = {'a': {'b': {'c': [1, 2]}}}
n2 = copy.deepcopy(nested)
n2['a']['b']['c'].append(3)
print(nested, n2)
def gen():
    yield 1
try:
    copy.copy(gen())
except TypeError as e:
    print('TypeError', e)
memo = {}
x = [1, 2]
y = copy.deepcopy([x, x], memo)
print(y[0] is y[1], id(x) in memo, memo[id(x)] is y[0])
