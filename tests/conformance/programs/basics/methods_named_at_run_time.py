# Methods reached through names built at run time: the program's text never
# names them, so a host that loads their code on demand must still run them.
s = "ab"
print(getattr(s, "cen" + "ter")(6, "*"))
print(getattr(s, "z" + "fill")(5), getattr("Hello World", "swap" + "case")())
print(getattr(str, "for" + "mat")("{}-{}", 1, 2))
print(str.__mod__(chr(37) + "05.1f", 2.25))
enc = "en" + "code"
b = getattr(__builtins__, "byte" + "array")(getattr("xyz", enc)())
b.append(33)
print(b, len(b), getattr(b, "up" + "per")())
print(getattr(getattr("\x01\xff", enc)("latin-1"), "h" + "ex")(), getattr(type(getattr("", enc)()), "fro" + "mhex")("41 42"))
print(sorted(n for n in dir(str) if n[:2] == "is"))
z = getattr(__builtins__, "com" + "plex")(3, 4)
print(z, abs(z), z.conjugate(), z * z, hash(z), z.imag)
print(getattr(3.14159, "__for" + "mat__")(".2f"), getattr(255, "__for" + "mat__")("#x"), getattr("ab", "__for" + "mat__")("^6"))
print(getattr(1025, "to_by" + "tes")(2, "little"), getattr(int, "from_by" + "tes")([4, 1], "big", signed=True))
print(getattr(__builtins__, "ev" + "al")("s * 3"))
