a, b = f()
[c, d] = g()
