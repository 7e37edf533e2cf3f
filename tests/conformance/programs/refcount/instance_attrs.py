import sys
class Holder:
    pass
payload = [0]
print(sys.getrefcount(payload))
h = Holder()
h.a = payload
print(sys.getrefcount(payload))
h.b = payload
print(sys.getrefcount(payload))
h2 = Holder()
h2.a = payload
print(sys.getrefcount(payload))
del h.a
print(sys.getrefcount(payload))
h = None
print(sys.getrefcount(payload))
print(sys.getrefcount(h2))
class Slots:
    __slots__ = ('v',)
s = Slots()
s.v = payload
print(sys.getrefcount(payload))
