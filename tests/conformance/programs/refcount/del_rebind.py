import sys
class Tracked:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('  freed', self.name)
a = Tracked('A')
b = a
print('refcount', sys.getrefcount(a))
print('del a')
del a
print('refcount via b', sys.getrefcount(b))
print('rebind b')
b = Tracked('B')
print('after rebind')
b = 5
print('end')
