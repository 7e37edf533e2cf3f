# str, list, tuple, bytes and bytearray have no __radd__; + works as before
for t in (str, list, tuple, bytes, bytearray):
    print(t.__name__, hasattr(t, '__radd__'), '__add__' in t.__dict__, hasattr(t, '__rmul__'))
for expr in ["'a'.__radd__('b')", "[1].__radd__([2])", "(1,).__radd__((2,))", "b'a'.__radd__(b'b')",
             "bytearray(b'a').__radd__(b'b')"]:
    try:
        print(expr, eval(expr))
    except AttributeError as e:
        print(expr, 'AttributeError', e)
print('a' + 'b', [1] + [2], (1,) + (2,), b'a' + b'b', bytearray(b'a') + b'b', b'a' + bytearray(b'b'))


class S(str):
    def __radd__(self, o):
        return 'S.__radd__(%r)' % (o,)


print('x' + S('y'), S('y') + 'x')


class L(list):
    def __radd__(self, o):
        return 'L.__radd__'


print([1] + L([2]), L([2]) + [1])


class T(tuple):
    pass


print((1,) + T((2,)), type((1,) + T((2,))), T((2,)) + (1,))


class A:
    def __radd__(self, o):
        return 'A.__radd__'


print('s' + A(), [1] + A(), (1,) + A(), b'x' + A())
for expr in ["'a' + 1", "[1] + (2,)", "(1,) + [2]", "1 + 'a'", "b'a' + 'b'", "None + [1]"]:
    try:
        print(eval(expr))
    except TypeError as e:
        print(expr, 'TypeError', e)
print((3).__add__(4), (3).__radd__(4), (2.5).__radd__(1), (1j).__radd__(2))
x = 'ab'
x += 'c'
y = [1]
y += (2, 3)
print(x, y)
