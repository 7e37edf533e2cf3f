a = list(range(10))
print(a[2:5], a[:3], a[7:], a[-2:], a[::3], a[::-1], a[8:2:-2])
print(a[100:], a[-100:2], a[5:2])
b = a[:]
b[0:3] = ['x']
print(b)
b[1:1] = [7, 7]
print(b)
del b[::2]
print(b)
t = (1, 2, 3, 4)
print(t[1:3], t[::-1])
print('abcdef'[1:-1])
c = [0] * 6
c[::2] = [1, 1, 1]
print(c)
print(slice(1, 5, 2), a[slice(1, 5, 2)])
