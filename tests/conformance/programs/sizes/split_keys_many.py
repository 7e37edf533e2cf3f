# The shared keys shrink by one for each new instance (down to one spare
# slot) and hold at most 30 names; a 31st name gives that instance a dict
# of its own.
import sys
class C:
    pass
sizes = []
objs = []
for i in range(35):
    o = C()
    objs.append(o)
    sizes.append(sys.getsizeof(o.__dict__))
print(sizes)
class Wide:
    pass
w = Wide()
for i in range(34):
    setattr(w, 'f' + str(i), i)
    if i in (0, 5, 10, 20, 28, 29, 30, 31, 33):
        print(i, sys.getsizeof(w.__dict__) if i % 2 else len(vars(w)))
print(sys.getsizeof(w.__dict__), len(w.__dict__))
w2 = Wide()
w2.f0 = 0
w2.other = 1
print(sys.getsizeof(w2.__dict__), list(vars(w2)))
w3 = Wide()
w3.f33 = 33
print(sys.getsizeof(w3.__dict__))
