class Obj:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('freed', self.name)
def f():
    x = Obj('x1')
    x = Obj('x2')
    print('rebound inside f')
    del x
    print('deleted inside f')
    y = Obj('y')
    return None
f()
print('after f')
def g(o):
    print('g has', o.name)
g(Obj('argument'))
print('after g')
