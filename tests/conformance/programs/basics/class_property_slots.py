class Temp:
    def __init__(self, c):
        self._c = c
    @property
    def f(self):
        return self._c * 9 / 5 + 32
    @property
    def c(self):
        return self._c
    @c.setter
    def c(self, v):
        if v < -273.15:
            raise ValueError('too cold')
        self._c = v
t = Temp(100)
print(t.f, t.c)
t.c = 0
print(t.f)
try:
    t.c = -300
except ValueError as e:
    print('error:', e)
try:
    t.f = 1
except AttributeError as e:
    print('AttributeError')
class Slotted:
    __slots__ = ('a', 'b')
    def __init__(self):
        self.a = 1
s = Slotted()
print(s.a, hasattr(s, '__dict__'), Slotted.__slots__)
try:
    s.c = 3
except AttributeError as e:
    print('cannot add c:', e)
try:
    print(s.b)
except AttributeError as e:
    print('b unset:', e)
class Util:
    @staticmethod
    def add(a, b):
        return a + b
    @classmethod
    def make(cls):
        return cls.__name__
print(Util.add(2, 3), Util.make(), Util().make())
