f = lambda x: x + 1
g = lambda: 0
h = lambda *a, **k: (a, k)
