import sys, gc as g
from sys import getrefcount as rc, maxsize
print(g.isenabled(), rc(None) > 0, maxsize)
def f():
    from gc import collect
    return collect()
print(f())
import nosuchmodule
