class Noisy:
    def __init__(self, name):
        self.name = name
        print('create', name)
    def __del__(self):
        print('destroy', self.name)
print('start')
n = Noisy('one')
print('before del')
del n
print('after del')
Noisy('temporary')
print('after temporary')
m = Noisy('two')
m = Noisy('three')
print('after rebind')
def f():
    local = Noisy('local')
    print('leaving f')
f()
print('after f')
