import sys
from collections import deque, defaultdict, Counter
d = deque([1, 2, 3])
d.append(4); d.appendleft(0)
print(d, len(d), d[0], d[-1], 3 in d, d.pop(), d.popleft(), d)
d.extend('ab'); d.extendleft([8, 9])
print(d, d.count('a'), d.index(2))
d.rotate(2); print(d)
d.rotate(-3); print(d)
d.remove('a'); d.reverse(); print(d, list(reversed(d)))
del d[1]; d[0] = 'first'; print(d)
q = deque(maxlen=3)
for i in range(5):
    q.append(i)
print(q, q.maxlen, deque(range(3), 2), deque())
q.appendleft(-1); print(q)
print(deque([1, 2]) == deque([1, 2]), deque([1]) < deque([2]), deque([1]) + deque([2]), bool(deque()))
print(sys.getsizeof(deque()), sys.getsizeof(deque(range(100))), sys.getsizeof(deque(range(200))))
big = deque()
for i in range(70):
    big.append(i)
print(sys.getsizeof(big))
for i in range(70):
    big.appendleft(i)
print(sys.getsizeof(big), len(big))
try:
    deque().pop()
except IndexError as e:
    print('IndexError', e)
it_d = deque([1, 2])
try:
    for x in it_d:
        it_d.append(3)
except RuntimeError as e:
    print('RuntimeError', e)
dd = defaultdict(list)
dd['a'].append(1); dd['a'].append(2); dd['b'].append(3)
print(dd, dd['missing'], len(dd), dd.default_factory)
counts = defaultdict(int)
for w in 'the cat the hat the end'.split():
    counts[w] += 1
print(counts, dict(counts), counts.get('zzz'), 'zzz' in counts)
nd = defaultdict(None, {'x': 1})
print(nd)
try:
    nd['y']
except KeyError as e:
    print('KeyError', e)
print(isinstance(dd, dict), type(dd), dd.copy() == dd, type(dd.copy()))
try:
    defaultdict(5)
except TypeError as e:
    print('TypeError', e)
c = Counter('abracadabra')
print(c, c['a'], c['z'], c.most_common(2), c.total())
print(sorted(c.elements()))
c.update('aaz'); c.subtract({'b': 5})
print(c)
c2 = Counter(a=3, b=1)
c3 = Counter(a=1, b=2, c=5)
print(c2 + c3, c2 - c3, c2 | c3, c2 & c3, Counter(), Counter({'x': 2}))
print(Counter([1, 2, 2, 3, 3, 3]).most_common(), Counter('aab') == Counter('aba'), Counter(a=1, b=0) == Counter(a=1))
import copy
dq = deque([[1], [2]], maxlen=5)
dq2 = copy.deepcopy(dq)
print(dq2, dq2[0] is dq[0], copy.copy(dq)[0] is dq[0], copy.deepcopy(dd), copy.copy(c2))
print(Counter(a=1) - Counter(a=2, b=-3), Counter(a=-1) + Counter(b=2))
