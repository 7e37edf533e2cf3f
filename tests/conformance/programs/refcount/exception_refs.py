import sys
class Res:
    def __del__(self):
        print('Res freed')
def fail(r):
    raise ValueError('x')
r = Res()
try:
    fail(r)
except ValueError:
    print('in handler', sys.getrefcount(r))
print('after handler', sys.getrefcount(r))
del r
print('end')
