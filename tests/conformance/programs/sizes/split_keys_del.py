# Deleting an attribute keeps its name in the class's shared keys.
import sys
class Box:
    def __init__(self):
        self.a = 1
        self.b = 2
        self.c = 3
x = Box()
del x.b
print(vars(x), sys.getsizeof(x.__dict__))
x.b = 20
print(vars(x), sys.getsizeof(x.__dict__))
y = Box()
del y.a
y.a = 10
print(list(vars(y)))
d = y.__dict__
del y.c
print(d, sys.getsizeof(d))
d.pop('b')
print(d, sys.getsizeof(d))
try:
    del y.c
except AttributeError as e:
    print('AttributeError:', e)
z = Box()
try:
    del z.nope
except AttributeError as e:
    print('AttributeError:', e)
print(vars(z))
