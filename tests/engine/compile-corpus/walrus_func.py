def f(data):
    if any((z := x) for x in data):
        return z
