(a, b), c = x
