print(2 ** 100, 2 ** -1, 2.5 ** 2, pow(3, 4, 5), pow(38, -1, 97), round(2.675, 2), round(2.5), round(-0.5))
print((0.1).as_integer_ratio(), (1.5).hex(), 10 ** 0.5)
print(0.0 ** -1)
