class A:
    vals = [1, 2]
    doubled = [v * 2 for v in vals]
