class A:
    __slots__ = ("x",)
    def __init__(self): self.x = 1
class B:
    def f(self): return "B"
class C(B):
    def f(self): return "C" + super().f()
print(A().x, C().f(), C.__mro__, super(C, C()).f(), super(C, C()))
b = B()
b.__class__ = C
print(b.f(), type("T", (B,), {"y": 2})().y)
class D(B, C): pass
