# int and float have __divmod__ and __rdivmod__ (bool inherits them); divmod() tries the subclass's first
print((7).__divmod__(2), (7).__rdivmod__(2), (-7).__divmod__(2), (7).__divmod__(2.0), (7).__rdivmod__(2.5))
print((7.5).__divmod__(2), (7.5).__rdivmod__(2), (-7.5).__divmod__(2.0), (7.5).__divmod__('x'))
print(True.__divmod__(2), True.__rdivmod__(7))
print(int.__divmod__, float.__rdivmod__, bool.__divmod__ is int.__divmod__)
print('__divmod__' in int.__dict__, '__divmod__' in bool.__dict__, '__rdivmod__' in float.__dict__)
for expr in ['(7).__divmod__(0)', '(7.0).__divmod__(0)']:
    try:
        print(expr, eval(expr))
    except ZeroDivisionError as e:
        print(expr, 'ZeroDivisionError', e)


class MyInt(int):
    pass


print(divmod(MyInt(17), 5), divmod(17, MyInt(5)), MyInt(17).__divmod__(5))


class D:
    def __divmod__(self, o):
        return ('D', o)

    def __rdivmod__(self, o):
        return ('rD', o)


print(divmod(D(), 1), divmod(1, D()))


class I2(int):
    def __rdivmod__(self, o):
        return 'I2.__rdivmod__'


print(divmod(5, I2(3)), divmod(5.0, I2(3)), divmod(I2(3), 5))
print(divmod(7, 2), divmod(-7.5, 2), divmod(2 ** 70, 3))
for expr in ['divmod(1, 0)', 'divmod(1.0, 0)', 'divmod(1, 0.0)', 'divmod(1j, 1)', 'divmod("a", 1)', 'divmod(True, False)',
             'divmod(7, True)', 'divmod(2 ** 100, 7)', 'divmod(-2 ** 100, 7.5)', 'divmod(1e308, 1e-308)', 'divmod(-0.0, 1)',
             'divmod(5, -0.0)', 'divmod(1)', 'divmod(D(), D())[0]']:
    try:
        print(expr, eval(expr))
    except Exception as e:
        print(expr, type(e).__name__, e)
