def f(a, b):
    return a + b

print(f(1, f(2, f(3, None))))
