class C:
    def __init__(self): self._x = 1
    @property
    def x(self): return self._x
    @x.setter
    def x(self, v): self._x = v
c = C()
c.x = 5
print(c.x, type(C.x).__name__, C.x.fget.__name__)
p = property()
print(p.fget, p.getter(len).fget)
c2 = C()
del c2.x
