for i in range(3):
    print('for', i)
else:
    print('for finished')
for i in range(10):
    if i == 2:
        break
else:
    print('not printed')
print('broke at', i)
n = 0
while n < 5:
    n += 1
    if n % 2:
        continue
    print('even', n)
else:
    print('while finished at', n)
while True:
    n -= 1
    if n < 2:
        break
print('n =', n)
for i in range(2):
    for j in range(3):
        if j == 1:
            break
        print(i, j)
print(list(range(10, 0, -3)), list(range(0)), len(range(0, 100, 7)))
