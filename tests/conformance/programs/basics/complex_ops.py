# complex: literals, constructor, repr, attributes, arithmetic, comparisons, hash, errors
import sys
print(1j, 2j, 1.5j, 0j, 1e16j, 1e-5j, 1 + 2j, 3 - 4j, 1.5 + 0j, 1j * 1j)
print(complex(), complex(2), complex(1, 2), complex(-0.0, -1), complex(1.5), complex(True), complex(1j, 1j))
print(complex(real=3, imag=4), complex('1+2j'), complex(' ( -1.5e3-2J ) '), complex('j'), complex('-j'), complex('1_0j'), complex('inf-nanj'))
print(complex(float('nan'), float('nan')), complex(1, float('inf')), complex(-float('inf'), -0.0), complex(0.0, -0.0), complex(-0.0, 0.0))
c = 3 + 4j
print(c.real, c.imag, c.conjugate(), abs(c), -c, +c, bool(c), bool(0j), bool(complex(0, -0.0)))
print(type(c).__name__, isinstance(c, complex), type(c.real).__name__, str(c), f'{c}', format(c, ''))

print((1 + 2j) + 1, 1 + (1 + 2j), 2.5 - 1j, 1 - (2 + 3j), (1 + 2j) * (3 - 4j), 2 * (1 + 1j), (1 + 1j) * 0.5)
print((1 + 2j) / (3 - 4j), 1 / 2j, 2.0 / (1 + 1j), (4 + 2j) / 2, 1j / 1e300)
print((1 + 1j) ** 2, 1j ** 2, (1 + 2j) ** 3, (2 + 0j) ** -2, 2 ** 1j, 1j ** 0.5, (1 + 1j) ** (1 - 1j), 0j ** 0, 0j ** 2)
print((-8.0) ** (1 / 3), (-1) ** 0.5, (-2.0) ** 1.5, (-4) ** 0.5, pow(-27.0, 1 / 3), (-1.0) ** 2.0)

print(1j == 1j, 1 + 0j == 1, 1.0 == 1 + 0j, 1j != 1, 2 ** 60 + 0j == 2 ** 60, 2 ** 53 + 1 == complex(2 ** 53 + 1))
print(1j == 'x', 1j != None, 1j in [0, 1j], (1 + 0j) in {1: 'one'}, {1j: 'a'}[1j])
print(hash(1j), hash(1 + 2j), hash(complex(1, 0)) == hash(1), hash(1.5 + 2.5j), hash(-1 - 1j), hash(complex(-1, 0)))
print(hash(complex(1e300, 1e-300)), hash(complex(float('inf'), -float('inf'))))

x = 2j
y = 2j
print(x is y, sys.getsizeof(x), sys.getsizeof(1 + 2j), (1j).__sizeof__())

for expr in ["1j / 0", "(1 + 1j) / 0j", "1j < 2j", "1 < 2j", "2j >= 1.0", "0j ** -1", "0j ** 1j",
             "pow(1j, 2, 3)", "1j // 2", "1j % 2", "int(1j)", "float(1j)", "complex('1+2')",
             "complex('')", "complex([])", "complex(1, 'x')", "complex('1', 2)", "complex(1, [])",
             "round(1j)", "(1e200 + 1e200j) ** 5", "abs(complex(1e308, 1e308))", "1j.real = 2"]:
    try:
        print(eval(expr) if not expr.endswith('= 2') else exec(expr))
    except Exception as e:
        print(expr, '->', type(e).__name__, e)

class Num:
    def __complex__(self):
        return 5 + 6j

class Sub(complex):
    pass

s = Sub(1, 2)
print(complex(Num()), s, type(s).__name__, s + 1, type(s + 1).__name__, s == 1 + 2j, +s, type(+s).__name__)
