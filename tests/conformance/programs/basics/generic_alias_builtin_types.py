# list[int], dict[str, int] …: types.GenericAlias objects (PEP 585)
import sys
import gc

GA = type(list[int])
print(GA, GA.__name__, GA.__qualname__, GA.__module__)
print(list[int], dict[str, int], tuple[int, ...], tuple[()], set[str], frozenset[int], enumerate[str])
print(list[None], list[...], list[[int, str]], list['int'], list[1], list[list[int]], dict[str, list[int]], list[len])


class C:
    pass


print(list[C], list[int].__origin__, list[int].__args__, dict[str, int].__args__, list[int].__parameters__)
print(list[int].__unpacked__, list[int].__typing_unpacked_tuple_args__)
print(list[int] == list[int], list[int] != list[int], list[int] == list[str], list[int] == list, list[int] != 3)
print(list[int] is list[int], hash(list[int]) == hash(list[int]), {list[int]: 1}[list[int]])
print(list[int]([1, 2]), dict[str, int](a=1), tuple[int, ...]((1, 2)), list[int]())
print(list[int].append is list.append, list[int].__name__, list[int].__qualname__, list[int].__module__)
print(list[int].__doc__ == list.__doc__, list[int].__bases__, list[int].__class__, type(list[int]) is type(dict[str, int]))
print(list[int].__mro_entries__((1,)), list[int].__reduce__())
for expr in [
    'isinstance([], list[int])', 'issubclass(list, list[int])', 'list[int][str]', 'list[int].x',
    'list.__class_getitem__()', 'list.__class_getitem__(1, 2)', 'int[str]', 'GA()', 'GA(list, int, x=1)',
    'list[int](x=1)', 'GA(list, int)', 'GA(dict, (str, int))', 'list[int].__origin__.__name__', 'list[int].__copy__',
]:
    try:
        print(expr, '->', eval(expr))
    except (TypeError, AttributeError) as e:
        print(expr, '->', type(e).__name__, e)
try:
    list[int].x = 1
except AttributeError as e:
    print('AttributeError', e)
print(sys.getsizeof(list[int]), sys.getsizeof(dict[str, int]), gc.is_tracked(list[int]))


class L(list):
    pass


x = L[int]([1])
print(type(x), x, x.__orig_class__, L[int], L.__class_getitem__(str))
print(list.__dict__['__class_getitem__'], type(list.__dict__['__class_getitem__']).__name__)
print(sorted(set(dir(list[int])) ^ set(dir(list))))
print(sorted(GA.__dict__))
print([t.__name__ for t in (list, dict, tuple, set, frozenset, enumerate) if '__class_getitem__' in t.__dict__])
