x = [3, 1, 2]
getattr(x, "so" + "rt")()
print(x)
