# SyntaxWarning for invalid escapes: the first of each literal (of each piece of an
# f-string's text), octal escapes above \377, str and bytes; none for raw strings or a
# backslash before a non-ASCII character; the parser's warnings come before the compiler's
a = "\q" ; b = "\d\w" "\8"
c = b"\q" + b"\400\9" + rb"\q"
d = "\400" "\777" r"\d" "\é" "\101\x41\u0041\n"
e = """line one
\z line two"""
def f():
    return "\[", 'ok\
\j'
x = 1
g = f"\p{x}\{x}" + f"{x}\}}" + f"a\{{b\q{{\w"
h = f"""
{x}\y"""
i = f"{'\q'}\j" + rf"\q{x}\{x}"
if x is 1: pass
print(a, b, c, d, e, f(), g, h, i, sep="|")
exec('k = "\\v\\s"\nif k is 1: pass\n')
for n in range(2):
    exec('"\\w"')
print(eval('"\\d" + b"\\777".hex()'))
