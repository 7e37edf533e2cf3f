d = dict.fromkeys("abc", 0)
print(d.popitem(), d)
class D(dict): pass
print(D.fromkeys([1]))
e = {"a": 1, "z": 2}
print(d.keys() & e.keys(), e.items() - {("a", 1)}, d.keys() | ["q"], d.keys() ^ e)
{}.popitem()
