import sys
class Plain:
    def __init__(self):
        self.x = 1
        self.y = 2
class Slotted:
    __slots__ = ('x', 'y')
    def __init__(self):
        self.x = 1
        self.y = 2
class Empty:
    pass
class EmptySlots:
    __slots__ = ()
p = Plain()
s = Slotted()
print(sys.getsizeof(p), sys.getsizeof(s))
print(sys.getsizeof(Empty()), sys.getsizeof(EmptySlots()))
print(hasattr(p, '__dict__'), hasattr(s, '__dict__'))
print(sys.getsizeof(object()))
