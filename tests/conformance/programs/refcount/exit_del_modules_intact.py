import sys
class R:
    def __init__(self, n): self.n = n
    def __del__(self): print('del', self.n, sys is None, R is None)
def f(): return 1
first = R('first')
g = f
last = R('last')
print('end')
