# PEP 604 unions: `X | Y` of classes, None and generic aliases (types.UnionType)


def f(x: int | None = None) -> list[int] | None:
    return None if x is None else [x]


print(f(), f(3), f.__annotations__)

u = int | None
print(u, type(u), type(u).__name__, type(u).__qualname__, type(u).__module__)
print(u.__args__, u.__parameters__, u.__module__)
print(None | int, str | int | None, (int | str) | (float | int))
print(int | int, type(int | int), int | str | int)
print(list[int] | None, dict[str, int] | list[int] | None)
print(list[int] | list[int], int | list[int] | list[int], (list[int] | None).__args__)

# == ignores order; hash agrees
print(int | str == str | int, (int | str) != (str | int), int | str == int | float)
print(hash(int | str) == hash(str | int), (int | str) == int, (int | str).__eq__(3))
print({int | str: 1}[str | int], len({int | str, str | int, int | None}))
print((int | str).__lt__(int | str), (int | str).__or__(3), (int | str).__ror__(float))
print(type.__or__(int, 3), type.__ror__(int, None), int | str | None)

# isinstance and issubclass
print(isinstance(3, int | str), isinstance('a', int | str), isinstance(2.5, int | str))
print(isinstance(None, int | None), isinstance(True, int | None), isinstance(3, (float, int | str)))
print(issubclass(bool, int | str), issubclass(float, int | str), issubclass(type(None), int | None))


class A:
    pass


class B(A):
    pass


print(A | B, B | None, isinstance(B(), A | None), issubclass(B, str | A))

for bad in (lambda: int | 'str', lambda: 'str' | int, lambda: int | 3, lambda: None | None,
            lambda: (int | str)[int], lambda: isinstance([], list[int] | None),
            lambda: issubclass(list, int | list[int]),
            lambda: isinstance(3, 3)):
    try:
        print(bad())
    except TypeError as e:
        print('TypeError:', e)

print(sorted(type(u).__dict__))
print(type(u).__doc__)
print(type(u).__base__)
try:
    class C(type(u)):
        pass
except TypeError as e:
    print('TypeError:', e)
