import sys
print(sys.getrecursionlimit(), sys.intern("ab") is sys.intern("a" + "b"), sys.exc_info())
try:
    1 / 0
except ZeroDivisionError:
    print(sys.exc_info()[0].__name__, type(sys.exception()).__name__)
print(sys._getframe().f_lineno > 0)
sys.setrecursionlimit(0)
