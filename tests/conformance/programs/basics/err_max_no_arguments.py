x = [3, 1, 2]
x.sort(reverse=True)
print(x, sorted("bca"), sorted(x, key=lambda v: -v))
print(min(x), max(x, key=str), min([], default=0), sum(x, 10), sum([0.1] * 3))
print(max())
