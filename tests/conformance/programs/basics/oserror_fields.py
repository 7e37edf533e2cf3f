# OSError(errno, strerror[, filename[, winerror[, filename2]]]): its fields, its message, the subclass for errno
import sys

m = {}
for i in range(-5, 200):
    t = type(OSError(i, 'x'))
    if t is not OSError:
        m.setdefault(t.__name__, []).append(i)
print(m)
print(type(OSError(True, 'x')), type(OSError(2.0, 'x')), type(OSError(2)), type(OSError(2, 'x', 'f', 'w', 'f2', 'extra')))
e = OSError(2, 'x', 'f', 'w', 'f2')
print(e.args, e, e.filename2, repr(e))
e = OSError(2, 'x', None, 'w', 'f2')
print(e.args, e, e.filename2)
e = BlockingIOError(11, 'x', 5)
print(e.args, e, e.characters_written, e.filename)
e = BlockingIOError(11, 'x')
try:
    print(e.characters_written)
except AttributeError as a:
    print('AttributeError', repr(a))
e.characters_written = 3
print(e.characters_written)
del e.characters_written
try:
    del e.characters_written
except AttributeError as a:
    print('AttributeError', repr(a))
e.characters_written = True
print(repr(e.characters_written))
try:
    BlockingIOError(11, 'x', 2.5)
except TypeError as t:
    print('TypeError', t)
e = OSError('a')
print(e.errno, e.strerror, e.filename, e.filename2, e, repr(e))
print(OSError(None, 'x'), OSError(2, None), repr(OSError(2, None)))
e = OSError(2, 'x', 'f')
e.errno = 5
e.filename = None
print(e, e.args)
del e.filename
print(e, e.filename)
for f in [lambda: OSError(2, 'x', k=1), lambda: FileNotFoundError(k=1)]:
    try:
        f()
    except TypeError as t:
        print('TypeError', t)


class E(OSError):
    pass


print(type(E(2, 'x')), E(2, 'x', 'f'), E(2, 'x', 'f').args)


class F(OSError):
    def __init__(self, a, b):
        super().__init__(a, b)


print(F(17, 'y'), F(17, 'y').errno, type(F(17, 'y')), F(17, 'y').args)


class G(OSError):
    def __init__(self, *a, **k):
        super().__init__(*a)


print(G(2, 'x', 'fn', k=1))
e = FileExistsError(17, 'File exists', 'a.txt')
print(e, repr(e), e.errno, e.strerror, e.filename)
print(OSError(2, 'x', b'f'), OSError(2, 'x', 'f', None, 'g'))
print(repr(OSError(1, 2, 3, 4, 5, 6)), str(OSError(1, 2, 3, 4, 5, 6)))
print(sys.getsizeof(OSError(2, 'x', 'f')), sys.getsizeof(ConnectionResetError()))
