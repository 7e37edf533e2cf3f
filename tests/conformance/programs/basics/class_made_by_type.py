T = type("T", (), {"x": 1})
t = T()
print(t.x, T.__name__, type(t) is T)
del t, T
print(type.__new__(type, "U", (int,), {})(7))
