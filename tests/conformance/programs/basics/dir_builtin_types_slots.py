# dir() of the builtin types: __class_getitem__, int's and float's __divmod__ and __rdivmod__,
# and no __radd__ on the sequences (their + is sq_concat, which has no reflected form)
for t in (list, str, int, bool, dict, set, frozenset):
    print(t.__name__, dir(t))
for t in (tuple, bytes, bytearray, float, complex, range):
    print(t.__name__, [n for n in ('__class_getitem__', '__divmod__', '__rdivmod__', '__add__', '__radd__', '__mul__', '__rmul__') if n in dir(t)])
print([n for n in int.__dict__ if 'divmod' in n], [n for n in bool.__dict__ if 'divmod' in n])
