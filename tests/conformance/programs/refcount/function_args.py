import sys
def show(arg):
    return sys.getrefcount(arg)
def show_two(a, b):
    return sys.getrefcount(a)
def nested(arg):
    return show(arg)
x = []
print(sys.getrefcount(x))
print(show(x))
print(show_two(x, x))
print(nested(x))
print(sys.getrefcount(x))
def keep(arg):
    local = arg
    another = arg
    return sys.getrefcount(arg)
print(keep(x))
