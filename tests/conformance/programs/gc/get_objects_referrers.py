import gc
class Marker:
    pass
m = Marker()
holder = [m]
other = {'m': m}
refs = gc.get_referrers(m)
print(sum(1 for r in refs if r is holder), sum(1 for r in refs if r is other))
print(gc.get_referents(holder) == [m])
print(sorted(type(x).__name__ for x in gc.get_referents(other)))
