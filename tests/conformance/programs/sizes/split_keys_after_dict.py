# After __dict__ was asked for, the instance keeps that dict (still sharing
# the class's keys until it cannot).
import sys
class A:
    def __init__(self):
        self.p = 1
a = A()
d = a.__dict__
print(sys.getsizeof(d), d is a.__dict__, d is vars(a))
a.q = 2
print(d, sys.getsizeof(d))
b = A()
b.__dict__
b.r = 3
print(vars(b), sys.getsizeof(b.__dict__))
c = A()
vars(c)[1] = 'one'
print(vars(c), sys.getsizeof(c.__dict__))
e = A()
vars(e).update({'k' + str(i): i for i in range(5)})
print(sys.getsizeof(e.__dict__), len(vars(e)))
f = A()
f.s = 4
cp = f.__dict__.copy()
print(cp, sys.getsizeof(cp), sys.getsizeof(dict(f.__dict__)))
g = A()
g.t = 5
vars(g).popitem()
print(vars(g), sys.getsizeof(g.__dict__))
h = A()
vars(h).clear()
print(vars(h), sys.getsizeof(h.__dict__))
h.u = 6
print(vars(h), sys.getsizeof(h.__dict__))
i = A()
i.__dict__ = {'v': 7}
print(i.v, sys.getsizeof(i.__dict__))
j = A()
vars(j).setdefault('w', 8)
print(vars(j), sys.getsizeof(j.__dict__))
