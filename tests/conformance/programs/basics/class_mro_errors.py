# set_mro_error names the classes left at the heads of the sequences, not the bases;
# check_duplicates; and the message is cut to 999 UTF-8 bytes (a cut character is a
# UnicodeDecodeError)
def make(name_a, name_b):
    try:
        X = type(name_a, (), {})
        Y = type(name_b, (), {})
        P = type("P", (X, Y), {})
        Q = type("Q", (Y, X), {})
        type("R", (P, Q), {})
    except Exception as e:
        s = str(e)
        print(type(e).__name__, len(s), len(s.encode()), repr(s[:50]), repr(s[-20:]))

class X: pass
class Y: pass
class P(X, Y): pass
class Q(Y, X): pass
try:
    class R(P, Q): pass
except TypeError as e:
    print(repr(str(e)))
class A: pass
class B(A): pass
try:
    class C(A, B): pass
except TypeError as e:
    print(str(e))
K = type("K", (X,), {})
K.__name__ = "Renamed"
try:
    class S(X, K): pass
except TypeError as e:
    print(str(e))
for bases in [(X, X), (A, X, A)]:
    try:
        type("D", bases, {})
    except TypeError as e:
        print(str(e))
make("N" * 600, "M" * 600)
make("é" * 250, "ü" * 500)
make("A" * 453, "é" * 300)
make("A" * 454, "é" * 300)
make("A" * 952, "B" * 3)
make("A" * 953, "B" * 3)
