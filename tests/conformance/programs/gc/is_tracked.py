import gc
gc.collect()
print(gc.is_tracked(0), gc.is_tracked(10 ** 30), gc.is_tracked('a string'), gc.is_tracked(3.5))
print(gc.is_tracked([]), gc.is_tracked({}), gc.is_tracked(set()))
print(gc.is_tracked(()), gc.is_tracked(tuple([1, 2])), gc.is_tracked(([],)))
print(gc.is_tracked({'a': 1}), gc.is_tracked({'a': []}))
class C:
    pass
print(gc.is_tracked(C()), gc.is_tracked(C), gc.is_tracked(lambda: 0))
print(gc.is_tracked(None), gc.is_tracked(True), gc.is_tracked(b'bytes'))
