# type[int]: `type` itself has no __class_getitem__; subscripting it makes a GenericAlias too
print(type[int], type[int].__origin__, type[int].__args__, type(type[int]).__name__)


def make(cls: type[int]) -> int:
    return cls()


print(make(int), make.__annotations__)
