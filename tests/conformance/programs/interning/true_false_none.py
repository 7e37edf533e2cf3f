a = True
b = 1 < 2
print(a is b)
c = None
def nothing():
    pass
print(nothing() is c)
print(bool([]) is False, bool('x') is True)
print(type(True) is bool, True is not int('1'), True == 1)
x = [None] * 3
print(all(v is None for v in x))
