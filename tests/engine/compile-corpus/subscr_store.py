d[1] = 2
d['k'] += 3
del d[1]
