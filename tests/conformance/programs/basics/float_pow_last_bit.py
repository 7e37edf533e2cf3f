# float ** float to the last bit: the C library's pow (glibc's, which CPython
# prints on Linux), for x ** 2, x ** 0.5, negative bases with integer
# exponents, results near overflow and underflow, math.pow, int ** negative
# int and powers the compiler folds.
import math

state = 2024


def uniform(lo, hi):
    # a small linear congruential generator: the same inputs everywhere
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return lo + (hi - lo) * (state >> 11) / 2**53


def show(name, pairs):
    out = []
    for x, y in pairs:
        try:
            out.append(repr(x ** y))
        except (OverflowError, ZeroDivisionError) as e:
            out.append(type(e).__name__)
    for i in range(0, len(out), 8):
        print(name, ' '.join(out[i:i + 8]))


n = 800
show('square', [(uniform(0, 1000), 2.0) for i in range(n)])
show('sqrt', [(uniform(0, 1000), 0.5) for i in range(n)])
show('any', [(uniform(0, 10), uniform(-30, 30)) for i in range(n)])
show('negative', [(-uniform(0, 10), float(int(uniform(-40, 40)))) for i in range(n)])
show('near one', [(uniform(0.5, 2), uniform(-2000, 2000)) for i in range(n)])
show('tiny x', [(2 ** uniform(-1074, -1020), uniform(-1.2, 1.2)) for i in range(n)])
show('huge', [(uniform(1, 3), uniform(600, 1100) * (1 if i % 2 else -1)) for i in range(n)])
# inputs where a pow other than glibc's (JavaScript's Math.pow) rounds the other way
hard = [
    (338.190287153399, 0.5),
    (964.9581086085759, 0.5),
    (616.9141137295321, 0.5),
    (940.5500739278103, 2.0),
    (704.5497385485166, 0.5),
    (730.1883081379623, 0.5),
    (452.29099252100445, 2.0),
    (857.8355781700212, 2.0),
    (857.4735533652513, 0.5),
    (508.7831032094792, 0.5),
    (146.0286399631946, 2.0),
    (838.6448685940782, 0.5),
    (758.2985421502844, 2.0),
    (189.55406963797762, 0.5),
    (626.9712255543924, 0.5),
    (974.9439712776843, 0.5),
    (455.09323718017856, 2.0),
    (973.3015427656114, 0.5),
    (690.427632550652, 2.0),
    (452.37458132628205, 2.0),
    (910.870756487253, 2.0),
    (711.5982948152713, 2.0),
    (685.1225395848214, 2.0),
    (330.6137014530356, 2.0),
]
show('hard', hard)
print([math.pow(uniform(0, 5), uniform(-5, 5)) for i in range(8)])
print([3 ** -k for k in range(1, 12)], 10 ** -7, 7 ** -0.5)
print(1.1 ** 2.5, 2.0 ** 0.5, 10.0 ** -3, (-2.5) ** 3, 0.1 ** 2, 1.0000001 ** 1e7)
