# 3.12's traceback printer parses the failing line's segment again (to place the ~~~^~~~ under
# the operator), as if it were the start of the file: an invalid escape in it warns again,
# between the source line and the carets, at "line 1" (with the file's first line shown)
x = 1
def f():
    return x + "\q"
try:
    f()
except TypeError as e:
    print("caught", e)
y = "\d" + x
