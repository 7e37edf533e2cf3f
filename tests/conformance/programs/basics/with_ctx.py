class Managed:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print('enter', self.name)
        return self
    def __exit__(self, exc_type, exc, tb):
        print('exit', self.name, exc_type.__name__ if exc_type else None)
        return exc_type is KeyError
with Managed('a') as m:
    print('inside', m.name)
with Managed('b'):
    raise KeyError('swallowed')
print('after b')
try:
    with Managed('c'):
        raise ValueError('propagates')
except ValueError as e:
    print('caught', e)
with Managed('x') as x, Managed('y') as y:
    print('both', x.name, y.name)
from contextlib import contextmanager
@contextmanager
def tag(name):
    print(f'<{name}>')
    yield name.upper()
    print(f'</{name}>')
with tag('p') as t:
    print('body', t)
