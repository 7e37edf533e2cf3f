d = {}
for k in ['z', 'a', 'm']:
    d[k] = len(d)
print(d, list(d))
d['a'] = 100
print(d)
del d['z']
d['z'] = 0
print(d)
keys = d.keys()
d['new'] = 1
print(keys, len(keys))
print(sorted(d, key=d.get), {1: 'a', 1.0: 'b', True: 'c'})
print({(1, 2): 'tuple key'}[(1, 2)])
try:
    {[1]: 2}
except TypeError as e:
    print(e)
