# Where the 'unicodeescape' codec says a bad escape is: from the backslash to where it
# stopped (after the valid hex digits), counted in the piece as the parser hands it over
# (each non-ASCII character spelled \UXXXXXXXX); a bytes literal's \x error gives the
# backslash's place in the literal. The SyntaxError points at the literal, or at the
# end of an f-string (whose text is decoded once it ends).
cases = [
    r'"\xZZ"', r'"\x4Z"', r'"\x4"', r'"\x"', r'"ab\xZZ"', r'"\n\xZZ"', r"'''a\nb\xZ'''",
    r'"\uZZ"', r'"\u12Z4"', r'"\U0000ZZ"', r'"\U0011000"', r'"\U00110000"',
    r'"\N{}"', r'"\Nx"', r'"\N"', r'"\N{abc"',
    r'"é\xZZ"', r'"€\uZZ"', r'"\é\xZZ"', r'"\u00e9\xZZ"', r'"\U0001F600\xZZ"', r'"😀\xZZ"', r'"\\\\é\xZZ"',
    r'"ok" "\xZZ"', r'"\N{}" + f"\xZZ"',
    r'b"\xZZ"', r'b"ab\xZ"', r'b"\n\xZZ"', r'b"\x4"', r'b"\x"', r'b"ok" b"\101\xZ"',
    r'f"\xZZ"', r'f"{1}\xZZ"', r'f"a{{\xZZ"', r'f"a}}b\xZZ"', r'f"ab\xZZ"', r'f"é\xZZ"', r'f"{f"\xZZ"}"',
    r'f"\xZZ" + 1', r'f"\N{}"', r'f"a\Nb"', 'f"""\n\\xZZ"""',
]
for c in cases:
    try:
        exec("x = " + c)
        print(c, "OK")
    except SyntaxError as e:
        print(c, "|", e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
