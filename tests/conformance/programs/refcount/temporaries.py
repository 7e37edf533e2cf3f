class T:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('free', self.n)
    def __add__(self, other):
        return T(self.n + other.n)
print('expr start')
x = T(1) + T(2) + T(3)
print('expr done, x =', x.n)
print(len([T(10), T(20)]))
print('after len')
del x
print('end')
