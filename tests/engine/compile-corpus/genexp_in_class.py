class A:
    vals = [1, 2]
    total = sum(v for v in vals)
