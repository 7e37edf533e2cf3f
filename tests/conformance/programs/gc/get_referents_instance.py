# gc.get_referents of an instance: its attribute values in the order of the
# class's shared keys (not the order this instance set them), then the class.
import gc
class A: pass
a = A(); a.p = 1; a.q = 'q'; a.r = [1]
b = A(); b.r = (1, 2); b.p = 2.5
print([type(o).__name__ for o in gc.get_referents(b)])
del a.q
print([type(o).__name__ for o in gc.get_referents(a)])
class S:
    __slots__ = ('s', '__dict__')
s = S(); s.z = {}; s.s = 1
print([type(o).__name__ for o in gc.get_referents(s)])
