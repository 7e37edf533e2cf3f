n = 5
print(n)
print(n[0])
