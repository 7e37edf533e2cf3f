cached = [n for n in range(-10, 300) if int(str(n)) is int(str(n))]
print(cached[0], cached[-1], len(cached))
a = -5
b = a - 1
print(b is int('-6'), a is int('-5'))
