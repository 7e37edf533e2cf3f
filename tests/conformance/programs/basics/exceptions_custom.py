class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, key):
        super().__init__(f'{key} not found')
        self.key = key
try:
    raise NotFound('user')
except AppError as e:
    print(type(e).__name__, e, e.key, isinstance(e, Exception))
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError('bad math') from e
except ValueError as e:
    print(e, '<-', repr(e.__cause__), e.__suppress_context__)
try:
    try:
        {}['k']
    except KeyError:
        raise RuntimeError('during handling')
except RuntimeError as e:
    print(e, '<-', repr(e.__context__), e.__cause__)
try:
    try:
        raise TypeError('inner')
    except TypeError:
        raise
except TypeError as e:
    print('re-raised', e)
def check(n):
    if n < 0:
        raise ValueError(f'negative: {n}')
    return n
for v in (1, -2):
    try:
        print(check(v))
    except ValueError as e:
        print('err', e)
e = None
try:
    raise KeyError('x')
except KeyError as exc:
    e = exc
print(repr(e), str(e))
