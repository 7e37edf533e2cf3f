# dir(obj) copies obj.__dict__ (a split dict: the copy shares the class's
# keys) and merges the class's names into the copy: they fill the shared
# keys, so later instances stop shrinking them.
import sys
class A:
    def __init__(self):
        self.x = 1
        self.y = [2]
a = A()
print(sys.getsizeof(vars(a)))
print([n for n in dir(a) if not n.startswith('__')])
t = A()
print(sys.getsizeof(vars(t)), sys.getsizeof(vars(a)))
u = A()
print(sys.getsizeof(vars(u)))
u.z = 3
print(sys.getsizeof(vars(u)), list(vars(u)))
class B:
    pass
b = B()
print(b.__getstate__(), sys.getsizeof(B()))
b.k = 1
print(b.__getstate__(), sys.getsizeof(b.__getstate__()))
