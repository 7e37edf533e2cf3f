class Box:
    size = 1
b = Box()
print(getattr(b, 'size'), hasattr(b, 'size'), hasattr(b, 'color'))
setattr(b, 'color', 'red')
print(b.color, getattr(b, 'color'), vars(b))
delattr(b, 'color')
print(hasattr(b, 'color'), vars(b))
try:
    getattr(b, 'missing')
except AttributeError as e:
    print(e)
try:
    delattr(b, 'missing')
except AttributeError as e:
    print('delattr failed:', e)
print(type(b) is Box, type(Box).__name__, Box.__name__, Box.__qualname__)
print(dir(b)[-2:], 'size' in dir(Box))
