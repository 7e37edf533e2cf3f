# An instance's attributes live in the instance until __dict__ is asked
# for; the dict made then is tracked only if a value could be in a cycle.
import gc
class N:
    pass
gc.collect()
a = N()
a.x = 1
a.y = 'text'
print(gc.is_tracked(a), gc.is_tracked(a.__dict__))
b = N()
b.items = []
print(gc.is_tracked(b.__dict__))
c = N()
c.__dict__
print(gc.is_tracked(c.__dict__))
c.other = b
print(gc.is_tracked(c.__dict__))
p = N()
q = N()
p.peer = q
q.peer = p
p.n = 1
del p, q
print(gc.collect())
r = N()
s = N()
r.peer = s
s.peer = r
r.__dict__
del r, s
print(gc.collect())
t = N()
t.me = t
t.__dict__
t.__dict__
del t
print(gc.collect())
