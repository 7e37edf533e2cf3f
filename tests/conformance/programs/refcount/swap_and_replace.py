class V:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('free', self.n)
slots = [V(0), V(1), V(2)]
print('replace slot 1')
slots[1] = V(3)
print('slice replace')
slots[0:2] = []
print('remaining', [v.n for v in slots])
a, b = V(4), V(5)
a, b = b, a
print('swapped', a.n, b.n)
a = b
print('a = b')
b = None
a = None
print('both none')
slots = None
print('end')
