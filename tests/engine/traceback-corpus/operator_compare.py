a = [1, "two", 3]
print(sorted(a))
