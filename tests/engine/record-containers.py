"""Records container facts from real CPython for tests/engine/*object.test.ts.

Run: PYTHONHASHSEED=0 $(pyenv root)/versions/3.12.1/bin/python3 tests/engine/record-containers.py
Writes tests/engine/containers-recorded.json. Every expected value in the
container tests comes from here.
"""
import json, os, sys

assert os.environ.get('PYTHONHASHSEED') == '0', 'run with PYTHONHASHSEED=0'
gs = sys.getsizeof
out = {'version': sys.version.split()[0]}

def err(f):
    try:
        f()
    except Exception as e:
        return f'{type(e).__name__}: {e}'
    return None

# ---- lists
l = []; s = []
for i in range(101):
    s.append(gs(l)); l.append(i)
out['list_append_sizes'] = s
s = []
while l:
    l.pop(); s.append(gs(l))
out['list_pop_sizes'] = s
l = []; s = []
for i in range(60):
    l.insert(0, i); s.append(gs(l))
out['list_insert_sizes'] = s
out['list_from_range_sizes'] = [gs(list(range(n))) for n in range(41)]
out['list_from_tuple_sizes'] = [gs(list(tuple(range(n)))) for n in range(41)]
out['list_comp_sizes'] = [gs([i for i in range(n)]) for n in range(41)]
out['list_repeat_sizes'] = [[gs([0, 1] * n), gs([0] * n)] for n in range(20)]
out['list_concat_sizes'] = [gs(list(range(a)) + list(range(b))) for a in range(6) for b in range(6)]
ex = []
for n in range(30):
    x = [1, 2, 3]; x.extend(range(n)); y = [1, 2, 3]; y.extend(list(range(n))); z = []; z.extend(range(n))
    ex.append([gs(x), gs(y), gs(z)])
out['list_extend_sizes'] = ex
base = list(range(20))
out['list_slice_sizes'] = [gs(base[a:b:c]) for a in (0, 3, -5) for b in (None, 10, -2) for c in (None, 2, -1)]
sl = []
for a, b, v in [(0, 5, []), (0, 0, list(range(10))), (2, 18, [1]), (0, 20, []), (5, 6, list(range(40)))]:
    x = list(range(20)); x[a:b] = v; sl.append([x, gs(x)])
x = list(range(20)); del x[::2]; sl.append([x, gs(x)])
x = list(range(20)); del x[::-3]; sl.append([x, gs(x)])
x = list(range(10)); x[::2] = 'abcde'; sl.append([x, gs(x)])
x = list(range(10)); x[::-2] = 'vwxyz'; sl.append([x, gs(x)])
x = list(range(10)); x[1:9:3] = [7, 7, 7]; sl.append([x, gs(x)])
out['list_slice_assign'] = sl
x = list(range(8)); x *= 3; y = [1]; y *= 0
out['list_inplace_repeat'] = [x, gs(x), gs(y)]
out['list_errors'] = [
    err(lambda: [][0]), err(lambda: [1].__setitem__(5, 0)), err(lambda: [].pop()), err(lambda: [1].pop(7)),
    err(lambda: [1].remove(2)), err(lambda: [1].index('x')), err(lambda: [1].index(5)),
    err(lambda: [1]['a']), err(lambda: [1] + (1,)), err(lambda: [1] * 'a'),
    err(lambda: [1, 2].__setitem__(slice(None, None, 2), [1, 2])),
]
out['list_reprs'] = [repr([]), repr([1, 'a', (1,), [2]]), repr([1.5, None, True])]
r = [1]; r.append(r)
out['list_repr_self'] = repr(r)
data = [5, 3, 9, 1, 5, 2, 8, 0, 7, 3, 3, 10, -1, 4]
out['list_sort'] = [sorted(data), sorted(data, reverse=True), sorted(['b', 'A', 'c', 'aa', 'a']),
                    [p for p in sorted([(1, 'x'), (0, 'y'), (1, 'a'), (0, 'b')], key=lambda t: t[0])],
                    [p for p in sorted([(1, 'x'), (0, 'y'), (1, 'a'), (0, 'b')], key=lambda t: t[0], reverse=True)]]
out['list_compare'] = [[1, 2] < [1, 3], [1, 2] < [1, 2, 0], [1, 2] == [1, 2], [2] > [1, 9], [] < [0]]

# ---- tuples
out['tuple_sizes'] = [gs(tuple(range(n))) for n in range(10)]
tups = [(), (1,), (1, 2), (1, 2, 3), (-1,), (0,), (1, (2, 3)), ('a', 'b'), (1.5, 2.25), (None,), (2**70,), (-2**63,), ((),), (True, False)]
out['tuple_hashes'] = [[repr(t), str(hash(t))] for t in tups]
out['tuple_reprs'] = [repr(t) for t in [(), (1,), (1, 2), ('a', (1,)), ((),)]]
out['tuple_errors'] = [err(lambda: ()[0]), err(lambda: (1,).index(2)), err(lambda: (1,)['x']), err(lambda: (1,) + [1])]

# ---- dicts
d = {}; s = [gs(d)]
for i in range(40):
    d['k%d' % i] = i; s.append(gs(d))
out['dict_str_sizes'] = s
d = {}; s = [gs(d)]
for i in range(40):
    d[i] = i; s.append(gs(d))
out['dict_int_sizes'] = s
d = {}; s = []
for i in range(12):
    d['k%d' % i] = i
for i in range(12):
    del d['k%d' % i]; s.append(gs(d))
for i in range(12):
    d['n%d' % i] = i; s.append(gs(d))
out['dict_delete_reinsert_sizes'] = s
mix = []
for n in range(8):
    d = {}
    for i in range(n):
        d['k%d' % i] = i
    before = gs(d); d[1] = 1; mix.append([before, gs(d)])
out['dict_str_then_int_sizes'] = mix
out['dict_fromkeys_sizes'] = [[gs(dict.fromkeys(range(n))), gs(dict.fromkeys({i: 0 for i in range(n)})),
                               gs(dict.fromkeys({str(i): 0 for i in range(n)})), gs(dict.fromkeys(set(range(n))))] for n in range(20)]
cp = []
for n in range(20):
    d = {str(i): i for i in range(n)}
    cp.append([gs(d), gs(d.copy()), gs(dict(d))])
out['dict_copy_sizes'] = cp
d = {'a': 1, 'b': 2}; d.clear()
out['dict_clear_size'] = gs(d)
pops = []
d = {i: i for i in range(10)}
while d:
    pops.append(list(d.popitem())); 
out['dict_popitem'] = pops
out['dict_reprs'] = [repr({}), repr({'a': 1, 2: 'b', (1,): [1]}), repr({1: 1, True: 2, 1.0: 3})]
sd = {}; sd['self'] = sd
out['dict_repr_self'] = repr(sd)
out['dict_errors'] = [err(lambda: {}['x']), err(lambda: {}[1]), err(lambda: {}.popitem()), err(lambda: {}[[1]]),
                      err(lambda: dict([(1, 2, 3)])), err(lambda: dict([1])), err(lambda: dict(1, 2))]
out['keyerror_str'] = str(KeyError('x'))
d = {1: 'a', 2: 'b', 3: 'c'}
out['dict_views'] = [sorted(d.keys() & {1, 3, 5}), sorted(d.keys() | {9}), sorted(d.keys() - {1}), sorted(d.keys() ^ {1, 7}),
                     d.keys() == {1, 2, 3}, d.items() <= {(1, 'a'), (2, 'b'), (3, 'c'), (4, 'd')}, list(reversed(d)),
                     repr(d.keys()), repr(d.values()), repr(d.items())]
out['dict_or'] = [repr({'a': 1} | {'b': 2, 'a': 3})]
import gc
t1 = {}; t2 = {'a': 1}; t3 = {'a': []}; t4 = {1: (1, 2)}; t5 = dict(); t6 = {(): 1}
out['dict_tracked'] = [gc.is_tracked(x) for x in (t1, t2, t3, t4, t5, t6)]

# ---- sets
orders = []
for xs in [[3, 1, 2], [100, 17, 9, 3, 1], list(range(20, 0, -1)), [2**40, 5, 2**61, -1, -2, 7], [8, 16, 24, 0, 32],
           list(range(0, 200, 7)), [10**20, 3, 10**18], [-5, -10, 1, 2, 3]]:
    orders.append([[str(x) for x in xs], [str(x) for x in set(xs)]])
out['set_int_orders'] = orders
sorders = []
for xs in [['b', 'a'], ['b', 'a', 'c', 'hello'], ['x%d' % i for i in range(30)], ['apple', 'banana', 'cherry', 'date', 'elder'], ['', 'a', 'ab', 'abc']]:
    sorders.append([xs, list(set(xs))])
out['set_str_orders'] = sorders
out['set_range_sizes'] = [gs(set(range(n))) for n in range(0, 120, 3)]
s = set(); ss = []
for i in range(100):
    s.add(i); ss.append(gs(s))
out['set_add_sizes'] = ss
s = set(range(50)); rm = []
for i in range(0, 50, 2):
    s.discard(i)
rm.append([list(s), gs(s)])
s.add(1000); rm.append([list(s), gs(s)])
out['set_discard'] = rm
s = set(range(10)); pops = []
for _ in range(4):
    pops.append(s.pop())
out['set_pop'] = [pops, list(s)]
a = {1, 2, 3, 40, 50}; b = {3, 4, 50, 60}
out['set_ops'] = [list(a | b), list(a & b), list(a - b), list(a ^ b), list(b - a), list(a.union([9, 8], (7,))),
                  a <= b, {1, 2} < {1, 2, 3}, a.isdisjoint({99}), list(a.copy()), gs(a.copy()),
                  list({'b', 'a'} | {'c'})]
fz = [frozenset(), frozenset({1}), frozenset({1, 2}), frozenset({'a', 'b'}), frozenset(range(10)), frozenset({(1, 2)}), frozenset({-1, -2})]
out['frozenset_hashes'] = [[sorted(map(repr, f)), str(hash(f))] for f in fz]
out['set_reprs'] = [repr(set()), repr({1, 2}), repr(frozenset()), repr(frozenset({1, 2}))]
out['set_errors'] = [err(lambda: set().pop()), err(lambda: {1}.remove(2)), err(lambda: {[1]}), err(lambda: {1} < 3)]
out['frozenset_empty_singleton'] = frozenset() is frozenset()

# ---- range, slice
rs = [range(5), range(1, 10, 2), range(10, 0, -3), range(0), range(5, 5), range(-3, 3), range(2**64, 2**64 + 10, 3)]
out['ranges'] = [[repr(r), len(r), str(hash(r)), [str(x) for x in list(r)[:6]], [str(x) for x in list(reversed(r))[:4]]] for r in rs]
out['range_slices'] = [repr(range(20)[a:b:c]) for a in (None, 2, -3) for b in (None, 15, -1) for c in (None, 3, -2)]
out['range_errors'] = [err(lambda: range(1, 2, 0)), err(lambda: range(5)[9]), err(lambda: range(3).index(7)), err(lambda: range('a')), err(lambda: range())]
sls = []
for a in (None, -30, -3, 0, 2, 30):
    for b in (None, -30, -2, 0, 4, 30):
        for c in (None, 1, 2, -1, -3):
            sls.append([a, b, c, list(slice(a, b, c).indices(10))])
out['slice_indices'] = sls
out['slice_reprs'] = [repr(slice(1, 2)), repr(slice(None)), repr(slice(1, 'a', None))]
out['slice_hashes'] = [str(hash(slice(1, 2))), str(hash(slice(None))), str(hash(slice(1, 2, 3)))]

# ---- iterator sizes
out['iter_sizes'] = {
    'enumerate': gs(enumerate([])), 'zip': gs(zip()), 'map': gs(map(len, [])), 'filter': gs(filter(None, [])),
    'reversed': gs(reversed([])), 'list_iterator': gs(iter([])), 'tuple_iterator': gs(iter(())),
    'range_iterator': gs(iter(range(3))), 'set_iterator': gs(iter(set())), 'dict_keyiterator': gs(iter({})),
    'dict_keys': gs({}.keys()), 'range': gs(range(3)), 'slice': gs(slice(1)),
}
out['zip_errors'] = [err(lambda: list(zip([1], [1, 2], strict=True))), err(lambda: list(zip([1, 2], [1], strict=True))),
                     err(lambda: list(zip([1, 2], [1, 2], [1], strict=True)))]
out['builtin_iter_errors'] = [err(lambda: map(len)), err(lambda: filter(None)), err(lambda: reversed(3))]

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'containers-recorded.json'), 'w') as f:
    json.dump(out, f, indent=1)
print('ok')
