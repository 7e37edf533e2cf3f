import gc
class Obj:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('freed', self.name)
gc.disable()
plain = Obj('plain')
del plain
print('plain freed by refcounting even with gc disabled')
cyc = Obj('cyclic')
cyc.self = cyc
del cyc
print('cyclic still alive')
gc.collect()
print('after collect')
gc.enable()
