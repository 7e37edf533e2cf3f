a = 2 ** 100
print(a)
print(a * a)
print(a // 3, a % 1000)
print(-a // 7)
print(10 ** 30 + 1)
f = 1
for i in range(1, 26):
    f *= i
print(f)
print(len(str(2 ** 1000)))
print((2 ** 64) - 1, hex(2 ** 64 - 1))
print(2 ** 62 + 2 ** 62 == 2 ** 63)
