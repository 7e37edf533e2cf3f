def f(x, y, z):
    return x * 2 + y / z - 1

print(f(1, 2, 0))
