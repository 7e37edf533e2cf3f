# Every builtin exception class (OSError, SyntaxError and the rest, found by name): its bases (__mro__)
# and the size of an instance
import sys
import builtins

for n in sorted(dir(builtins)):
    t = getattr(builtins, n)
    if isinstance(t, type) and issubclass(t, BaseException):
        if issubclass(t, BaseExceptionGroup):
            size = '-'
        elif t is UnicodeDecodeError:
            size = sys.getsizeof(t('utf-8', b'x', 0, 1, 'r'))
        elif t is UnicodeEncodeError:
            size = sys.getsizeof(t('utf-8', 'x', 0, 1, 'r'))
        elif t is UnicodeTranslateError:
            size = '-'
        else:
            size = sys.getsizeof(t())
        print(n, size, [c.__name__ for c in t.__mro__[1:-2]], [b.__name__ for b in t.__bases__])
print(IOError is OSError, EnvironmentError is OSError, ExceptionGroup.__mro__)
try:
    raise ConnectionRefusedError(111, 'Connection refused')
except ConnectionError as c:
    print(type(c).__name__, c, c.errno, isinstance(c, OSError))
try:
    raise PendingDeprecationWarning('old')
except DeprecationWarning:
    print('not this one')
except Warning as w:
    print(type(w).__name__, w, type(w).__mro__)
