# Instances of one class share their attribute names (3.12 split keys):
# the order each instance set its attributes is its own.
import sys
class Point:
    pass
a = Point()
a.x = 1
a.y = 2
b = Point()
b.y = 3
b.x = 4
print(list(vars(a)), list(vars(b)))
print(sys.getsizeof(a.__dict__), sys.getsizeof(b.__dict__))
c = Point()
c.z = 5
c.x = 6
print(vars(c))
print(sys.getsizeof(c.__dict__))
d = Point()
print(sys.getsizeof(d.__dict__), vars(d))
d.w = 7
print(sys.getsizeof(d.__dict__), vars(d))
print(vars(a), vars(b))
