d = {'a': 1, 'b': 2}
d['c'] = 3
print(d, len(d), d['a'], d.get('z'), d.get('z', 0))
print(list(d.keys()), list(d.values()), list(d.items()))
print('a' in d, 1 in d)
d.update({'a': 10, 'd': 4})
print(d)
print(d.pop('b'), d.pop('zz', 'none'), d)
print(d.setdefault('e', 5), d.setdefault('a', 99), d)
print(d.popitem(), d)
e = dict(x=1, y=2)
print(e, dict([('k', 'v')]), dict.fromkeys('ab', 0))
for k, v in sorted(e.items()):
    print(k, '->', v)
del e['x']
print(e, {**d, 'z': 26}, d | {'q': 0})
counts = {}
for w in 'the cat the dog the end'.split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
