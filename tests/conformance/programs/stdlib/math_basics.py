import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.sqrt(2), math.sqrt(16), math.floor(2.7), math.ceil(2.1), math.floor(-2.5), math.trunc(-2.7))
print(math.floor(5), math.ceil(10**20), type(math.floor(2.0)).__name__)
print(math.fabs(-3), math.pow(2, 10), math.pow(2, 0.5), math.pow(1, math.nan), math.pow(math.nan, 0))
print(math.exp(1), math.exp(0), math.log(math.e), math.log(8, 2), math.log(100, 10), math.log2(1024), math.log10(1000))
print(math.log(10**400), math.log2(2**2000), math.log10(10**500))
print(math.sin(0), math.cos(0), math.tan(0), math.atan2(1, 1), math.atan2(-0.0, -1))
print(math.hypot(3, 4), math.hypot(1, 1), math.hypot(1, 2, 3), math.hypot(), math.hypot(1e200, 1e200))
print(math.gcd(12, 18), math.gcd(0, 0), math.gcd(12, -18, 30), math.lcm(4, 6), math.lcm(), math.lcm(3, 0))
print(math.factorial(0), math.factorial(20), math.factorial(30))
print(math.isqrt(17), math.isqrt(10**40), math.isqrt(10**40 - 1))
print(math.comb(5, 2), math.comb(52, 5), math.comb(3, 5), math.perm(5, 2), math.perm(5), math.perm(100, 3))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([2.5, 2]), math.prod([1, 2], start=10))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1), math.isclose(1, 1.1, rel_tol=0.2), math.isclose(0, 1e-10, abs_tol=1e-9))
print(math.isfinite(1.0), math.isfinite(math.inf), math.isinf(-math.inf), math.isnan(math.nan), math.isnan(1))
print(math.copysign(3, -0.0), math.copysign(-2, 1), math.degrees(math.pi), math.radians(180))
print(math.modf(3.25), math.modf(-2.5), math.frexp(8.0), math.frexp(0.1), math.ldexp(0.5, 4))
print(math.fmod(7, 3), math.fmod(-7, 3), math.remainder(7, 3), math.remainder(5, 2))
for bad in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.log(-5), lambda: math.exp(1000),
            lambda: math.factorial(-1), lambda: math.factorial(2.5), lambda: math.isqrt(-4), lambda: math.pow(0, -1),
            lambda: math.comb(-1, 2), lambda: math.sqrt('x'), lambda: math.floor(math.inf), lambda: math.acos(2)]:
    try:
        print(bad())
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
