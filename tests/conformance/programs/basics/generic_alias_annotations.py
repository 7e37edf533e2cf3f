# Annotations that use list[int], dict[str, int] … work at def time and show in __annotations__
def total(xs: list[int], weights: dict[str, list[float]] = {}) -> tuple[int, ...]:
    return (sum(xs),)


print(total([1, 2, 3]), total.__annotations__)


def plain(a, b=2):
    return a


print(plain.__annotations__, plain.__annotations__ is plain.__annotations__)
plain.__annotations__ = {'a': set[str]}
print(plain.__annotations__)
try:
    plain.__annotations__ = [1]
except TypeError as e:
    print('TypeError', e)
plain.__annotations__ = None
print(plain.__annotations__)
del plain.__annotations__
print(plain.__annotations__)


class Point:
    xs: list[int]
    names: dict[str, tuple[int, int]] = {}


print(Point.__annotations__)
count: frozenset[str] = frozenset()
print(__annotations__)
