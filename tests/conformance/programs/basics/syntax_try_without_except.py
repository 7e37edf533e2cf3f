x = 1
try:
    pass
print(x)
