e = SyntaxError("bad", ("f.py", 3, 4, "x y", 3, 5))
print(e, e.msg, e.lineno, e.text, e.end_offset, e.args)
e.lineno = None
print(str(e), IndentationError("m"), TabError("t", ("a/b.py", 1, 1, "", 1, 1)))
try:
    exec("x = (1,")
except SyntaxError as e:
    print(repr(e), e.filename, e.offset, e.args)
f = SyntaxError("z")
del f.msg
print(f.msg)
raise SyntaxError("top", ("m.py", 2, 1, "a b\n", 2, 2))
