class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)
    def __repr__(self):
        return f'Point({self.x}, {self.y})'
    def __lt__(self, other):
        return (self.x, self.y) < (other.x, other.y)
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __bool__(self):
        return bool(self.x or self.y)
    def __contains__(self, v):
        return v in (self.x, self.y)
    def __call__(self, k):
        return Point(self.x * k, self.y * k)
p, q = Point(1, 2), Point(1, 2)
print(p == q, p is q, p != q, hash(p) == hash(q), len({p, q}))
print(p + q, sorted([Point(2, 0), Point(1, 5), Point(1, 1)]))
print(len(p), p[0], list(p), bool(Point(0, 0)), 2 in p, p(3))
class NoEq:
    pass
a = NoEq()
print(a == a, a == NoEq(), NoEq.__hash__ is object.__hash__)
class EqNoHash:
    def __eq__(self, o):
        return True
print(EqNoHash.__hash__)
