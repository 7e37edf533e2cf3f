class Obj:
    def __del__(self):
        print('Obj freed')
def fail():
    o = Obj()
    raise RuntimeError('fail')
try:
    fail()
except RuntimeError as e:
    print('handling')
print('after except block')
saved = None
try:
    fail()
except RuntimeError as e:
    saved = e
print('exception saved, frame alive')
saved = None
print('end')
