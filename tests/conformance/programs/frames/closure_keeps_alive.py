class Obj:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('freed', self.name)
def make():
    captured = Obj('captured')
    unused = Obj('unused')
    def inner():
        return captured.name
    print('make returning')
    return inner
fn = make()
print('closure still works:', fn())
print('cells:', len(fn.__closure__))
del fn
print('end')
