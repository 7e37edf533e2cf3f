try:
    exec("1 +* 2")
except SyntaxError as e:
    print(e.msg, e.filename, e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset)
    print(str(e))
    print(e.args)
raise SyntaxError("custom", ("data.txt", 3, 5, "a = b c\n", 3, 8))
