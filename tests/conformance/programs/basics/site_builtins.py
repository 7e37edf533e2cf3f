# exit, quit and credits: the objects site.py adds to builtins (_sitebuiltins.Quitter, _Printer)
import sys

print(exit, quit, repr(exit), str(quit))
print(type(exit), type(credits), type(exit) is type(quit), type(credits) is type(license), type(copyright))
print(type(exit).__name__, type(exit).__module__, type(credits).__qualname__, callable(exit), callable(credits))
print(repr(credits))
r = credits()
print(r)
for f in [lambda: exit(), lambda: quit(5), lambda: exit('bye'), lambda: exit(code=7), lambda: quit(None)]:
    try:
        f()
    except SystemExit as e:
        print(type(e).__name__, e.args, e.code, repr(e), str(e))
for expr in ['exit(1, 2)', 'exit(x=1)', 'exit(1, code=2)', 'credits(1)', 'credits(x=1)', 'quit(1, 2, 3)']:
    try:
        eval(expr)
    except TypeError as e:
        print(expr, 'TypeError', e)
print(sys.getsizeof(exit), sys.getsizeof(credits))
try:
    quit()
finally:
    print("finally runs")
print("not reached")
