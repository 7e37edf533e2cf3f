def compute(n):
    return n * 1
x = compute(100)
y = compute(100)
print(x is y)
x = compute(1000)
y = compute(1000)
print(x is y, x == y)
nums = [n for n in range(250, 262)]
print([n is int(str(n)) for n in nums])
total = 0
for v in range(300):
    total += 1
three_hundred = 300
print(total, total is three_hundred)
