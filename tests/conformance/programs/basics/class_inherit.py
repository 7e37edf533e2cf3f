class Shape:
    def __init__(self, name):
        self.name = name
    def area(self):
        return 0
    def describe(self):
        return f'{self.name} with area {self.area()}'
class Rect(Shape):
    def __init__(self, w, h):
        super().__init__('rect')
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)
        self.name = 'square'
    def describe(self):
        return 'Square! ' + super().describe()
for s in [Shape('blob'), Rect(2, 3), Square(4)]:
    print(s.describe())
print(issubclass(Square, Shape), isinstance(Square(1), Rect), Square.__mro__[1].__name__)
print([c.__name__ for c in Square.__mro__])
class A:
    def who(self): return 'A'
class B(A):
    def who(self): return 'B' + super().who()
class C(A):
    def who(self): return 'C' + super().who()
class D(B, C):
    def who(self): return 'D' + super().who()
print(D().who(), [k.__name__ for k in D.__mro__])
print(Square.__bases__[0].__name__, Shape.__bases__[0].__name__)
