double = lambda v: v * 2 + None
print(list(map(double, [1, 2])))
