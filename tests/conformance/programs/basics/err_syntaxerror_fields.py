# SyntaxError's fields are T_OBJECT members: set only by SyntaxError.__init__ (or the parser), deleting one makes it NULL, read as None
FIELDS = ("msg", "filename", "lineno", "offset", "text", "end_lineno", "end_offset", "print_file_and_line")
e = SyntaxError("m", ("f.py", 1, 2, "t", 1, 3))
for name in FIELDS:
    before = getattr(e, name)
    delattr(e, name)
    delattr(e, name)
    print(name, repr(before), repr(getattr(e, name)))
print(e.args, str(e), repr(e))
e.msg = "again"
print(str(e), e.args)
class E(SyntaxError):
    def __init__(self, *args):
        pass
x = E("m", ("f.py", 1, 2, "t", 1, 3))
print([getattr(x, n) for n in FIELDS], x.args, str(x))
y = SyntaxError.__new__(SyntaxError, "n")
print(y.msg, y.args, str(y))
z = SyntaxError()
print(z.msg, z.args, repr(str(z)))
try:
    exec("(1 2")
except SyntaxError as err:
    del err.msg
    print(err.msg, err.args[0], str(err))
    err.print_file_and_line = 5
    print(err.print_file_and_line)
    err.args = ("other",)
    print(err.msg, str(err))
w = SyntaxError("a")
w.args = ("b",)
print(w.msg, str(w))
raise E("gone", ("q.py", 3, 1, "zz\n", 3, 2))
