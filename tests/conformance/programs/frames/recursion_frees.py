class Marker:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('free', self.n)
def rec(n):
    m = Marker(n)
    if n > 0:
        rec(n - 1)
    print('return from', n)
rec(3)
print('done')
