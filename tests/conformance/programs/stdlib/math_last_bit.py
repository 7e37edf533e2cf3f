# math's exp, log, trigonometric and other functions to the last bit: glibc's results (which CPython
# prints on Linux), for inputs spread over their whole ranges.
import math

state = 12345


def uniform(lo, hi):
    # a small linear congruential generator: the same inputs everywhere
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % 2**64
    return lo + (hi - lo) * (state >> 11) / 2**53


def show(name, f, ranges, n):
    out = []
    for i in range(n):
        lo, hi = ranges[i % len(ranges)]
        x = uniform(lo, hi)
        try:
            out.append(repr(f(x)))
        except (OverflowError, ValueError) as e:
            out.append(type(e).__name__)
    for i in range(0, n, 8):
        print(name, ' '.join(out[i:i + 8]))


show('exp', math.exp, [(-5, 5), (-40, 40), (-750, 710), (-1e-3, 1e-3), (690, 709.8), (-746, -700)], 1200)
show('log', math.log, [(0, 5), (0.9, 1.1), (0.93, 1.07), (1e-310, 1e-300), (1e5, 1e12), (0, 1e300)], 1200)
show('log2', math.log2, [(0, 100), (0.9, 1.1), (0.95, 1.05), (1e-310, 1e-300), (1, 1e6), (0, 1e300)], 1200)
show('log10', math.log10, [(0, 100), (0.9, 1.1), (1e-310, 1e-300), (1, 1e6), (0, 1e300)], 1200)
show('sin', math.sin, [(-1, 1), (-3, 3), (-100, 100), (-1e8, 1e8), (-0.2, 0.2)], 1200)
show('cos', math.cos, [(-1, 1), (-3, 3), (-100, 100), (-1e8, 1e8), (-0.2, 0.2)], 1200)
show('big sin', math.sin, [(1.1e8, 1e12), (-1e300, 1e300)], 400)
show('big cos', math.cos, [(1.1e8, 1e12), (-1e300, 1e300)], 400)
show('tan', math.tan, [(-1, 1), (-3, 3), (-100, 100), (-1e8, 1e8), (-0.1, 0.1), (1e8, 1e300)], 1200)
show('asin', math.asin, [(-1, 1), (-0.2, 0.2), (0.95, 1), (-1, -0.9)], 800)
show('acos', math.acos, [(-1, 1), (-0.2, 0.2), (0.95, 1), (-1, -0.9)], 800)
show('atan', math.atan, [(-1, 1), (-20, 20), (-1e6, 1e6), (-0.1, 0.1)], 800)
show('atan2', lambda y: math.atan2(y, uniform(-10, 10)), [(-10, 10), (-1e-3, 1e-3)], 800)
show('cbrt', math.cbrt, [(-1000, 1000), (0, 1e-300), (-1e300, 1e300)], 800)
show('exp2', math.exp2, [(-50, 50), (-1075, 1024), (-1e-3, 1e-3)], 800)
show('expm1', math.expm1, [(-1, 1), (-40, 710), (-1e-5, 1e-5)], 800)
show('log1p', math.log1p, [(-1, 1), (-1e-5, 1e-5), (0, 1e300)], 800)
show('sinh', math.sinh, [(-1, 1), (-30, 30), (700, 711), (-1e-5, 1e-5)], 600)
show('cosh', math.cosh, [(-1, 1), (-30, 30), (700, 711), (-1e-5, 1e-5)], 600)
show('tanh', math.tanh, [(-1, 1), (-30, 30), (-1e-5, 1e-5)], 600)
show('asinh', math.asinh, [(-1, 1), (-1e6, 1e6), (-1e300, 1e300)], 600)
show('acosh', math.acosh, [(1, 2), (1, 1e6), (0, 1e300)], 600)
show('atanh', math.atanh, [(-1, 1), (-0.5, 0.5), (0.99, 1)], 600)
show('erf', math.erf, [(-1, 1), (-6, 6), (-0.01, 0.01)], 600)
show('erfc', math.erfc, [(-1, 1), (-6, 30), (-0.01, 0.01)], 600)
show('gamma', math.gamma, [(0, 10), (-10, 0), (10, 172), (-180, -170)], 600)
show('lgamma', math.lgamma, [(0, 10), (-10, 0), (10, 1e6), (0, 1e300)], 600)
print(math.atan2(0.0, -0.0), math.atan2(-0.0, -1.0), math.atan2(1.0, 0.0), math.atan2(math.inf, math.inf),
      math.atan2(-math.inf, -math.inf), math.atan2(1.0, -math.inf), math.cbrt(-27), math.cbrt(-0.0), math.expm1(-0.0))
print([math.sin(k * math.pi / 12) for k in range(25)])
print([math.tan(k * math.pi / 12) for k in range(12)], [math.atan(k) for k in range(-5, 6)])
print([math.cos(k / 10) for k in range(20)])
print([math.log10(10.0 ** k) for k in range(-5, 20)], math.log2(2 ** 100), math.log10(10 ** 500))
print(math.exp(0), math.exp(-0.0), math.exp(1), math.log(1), math.log(math.e), math.log(2 ** 1000), math.log(10 ** 400))
