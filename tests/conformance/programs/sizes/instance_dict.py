import sys
class P:
    def __init__(self, n):
        for i in range(n):
            setattr(self, 'a' + str(i), i)
for n in [0, 1, 2, 5, 10, 20]:
    o = P(n)
    print(n, sys.getsizeof(o.__dict__))
