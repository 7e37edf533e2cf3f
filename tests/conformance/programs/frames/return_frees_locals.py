class Obj:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('  freed', self.name)
def work():
    a = Obj('a')
    b = Obj('b')
    c = Obj('c')
    print('  work about to return')
    return 'result'
print('calling work')
r = work()
print('work returned', r)
def keep():
    x = Obj('kept')
    y = Obj('dropped')
    return x
print('calling keep')
k = keep()
print('keep returned', k.name)
del k
print('end')
