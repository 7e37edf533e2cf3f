print(True + True, True * 10, False - 1)
print(bool(0), bool(1), bool(''), bool('a'), bool([]), bool([0]), bool(None))
print(None is None, None == None, type(None).__name__)
print(not None, not 0, not 'x')
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or 'default')
print(isinstance(True, int), True == 1, False == 0)
print(str(True), repr(None), int(True))
x = None
if x is None:
    print('x is None')
print([] or {} or 'last')
