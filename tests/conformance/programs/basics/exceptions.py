def divide(a, b):
    try:
        r = a / b
    except ZeroDivisionError as e:
        print('caught:', e)
        return None
    else:
        print('no error')
        return r
    finally:
        print('finally runs')
print(divide(6, 3))
print(divide(1, 0))
try:
    [1, 2][5]
except (KeyError, IndexError) as e:
    print(type(e).__name__, e)
try:
    {}['missing']
except LookupError as e:
    print('lookup:', repr(e))
try:
    int('abc')
except ValueError as e:
    print(e)
try:
    None.foo
except AttributeError as e:
    print(e)
try:
    1 + 'a'
except TypeError as e:
    print(e)
try:
    undefined_name
except NameError as e:
    print(e)
def f():
    try:
        return 'try'
    finally:
        print('cleanup before return')
print(f())
try:
    raise RuntimeError('boom')
except Exception as e:
    print(type(e).__name__, e.args)
