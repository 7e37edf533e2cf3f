# complex ** complex and abs(complex) to the last bit: CPython computes them
# with the C library's pow, atan2, exp, log, cos, sin and hypot (glibc's here).
state = 77


def uniform(lo, hi):
    # a small linear congruential generator: the same inputs everywhere
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return lo + (hi - lo) * (state >> 11) / 2**53


for i in range(150):
    a = complex(uniform(-5, 5), uniform(-5, 5))
    b = complex(uniform(-3, 3), uniform(-3, 3))
    print(a ** b, a ** 2.5, a ** 0.5, abs(a), abs(complex(uniform(-1e300, 1e300), uniform(-1e-300, 1e-300))))
print(abs(3 + 4j), abs(complex(1e-320, 1e-320)), abs(complex(float('inf'), float('nan'))), (1j) ** 1j, (-1) ** 0.5j)
for z in [complex(1e308, 1e308), complex(-1.5e308, 1e308)]:
    try:
        print(abs(z))
    except OverflowError as e:
        print('OverflowError', e)
