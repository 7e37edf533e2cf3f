import sys
def who():
    return sys._getframe().f_code.co_name
def caller():
    return sys._getframe(1).f_code.co_name
def a():
    return b()
def b():
    f = sys._getframe()
    names = []
    while f is not None:
        names.append(f.f_code.co_name)
        f = f.f_back
    return names
print(who(), caller(), a())
