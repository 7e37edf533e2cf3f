import gc
class Payload:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        print('payload freed', self.n)
class Holder:
    pass
gc.collect()
h = Holder()
h.me = h
h.data = [Payload(1), Payload(2)]
del h
print('before collect')
n = gc.collect()
print('collected', n)
