from contextlib import contextmanager, suppress, nullcontext, closing
import sys
@contextmanager
def tag(name):
    print(f'<{name}>')
    try:
        yield name.upper()
    except KeyError as e:
        print('caught in gen', repr(e))
    finally:
        print(f'</{name}>')
with tag('p') as t:
    print('body', t)
with tag('q'):
    raise KeyError('k')
print('after q')
try:
    with tag('r'):
        raise ValueError('v')
except ValueError as e:
    print('propagated', e)
@contextmanager
def noyield():
    if False:
        yield
try:
    with noyield():
        pass
except RuntimeError as e:
    print('RE', e)
@contextmanager
def twice():
    yield 1
    yield 2
try:
    with twice():
        pass
except RuntimeError as e:
    print('RE', e)
@contextmanager
def swallow():
    try:
        yield
    except Exception:
        yield
try:
    with swallow():
        1/0
except RuntimeError as e:
    print('RE', e)
with suppress(ZeroDivisionError, KeyError):
    1/0
print('suppressed')
try:
    with suppress(KeyError):
        [][1]
except IndexError as e:
    print('not suppressed', e)
with nullcontext(5) as v:
    print('null', v)
class Res:
    def close(self):
        print('closed')
with closing(Res()) as r:
    print('using', type(r).__name__)
cm = tag('z')
print(type(cm).__name__, cm.args, cm.kwds)
with cm as v:
    print(v)
print(sys.getsizeof(suppress()), sys.getsizeof(nullcontext()))
