import sys
d = ['default']
print(sys.getrefcount(d))
def f(x=d):
    return sys.getrefcount(x)
print(sys.getrefcount(d))
print(f())
del f
print(sys.getrefcount(d))
