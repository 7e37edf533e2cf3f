class Obj:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('  freed', self.name)
def gen():
    local = Obj('gen-local')
    yield 1
    yield 2
    print('  generator finishing')
g = gen()
print('created (nothing ran yet)')
print('next ->', next(g))
print('next ->', next(g))
print('exhaust ->', next(g, 'done'))
print('after exhaustion')
g2 = gen()
next(g2)
print('closing g2')
g2.close()
print('closed')
g3 = gen()
next(g3)
print('dropping g3')
del g3
print('end')
