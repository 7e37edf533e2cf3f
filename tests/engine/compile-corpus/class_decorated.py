@dec
class A:
    x: int = 1
