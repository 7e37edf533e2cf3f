/**
 * expm1(x) = e^x - 1 as glibc 2.36 computes it on x86-64 with FMA
 * (__expm1_fma: sysdeps/ieee754/dbl-64/s_expm1.c, from fdlibm, built with
 * -mfma; each a * b + c the compiler contracted, read off the machine code,
 * is written here as fma, everything else is rounded on its own in the
 * machine code's order). CPython's math.expm1 calls the C library's expm1;
 * the JS engine's Math.expm1 differs from it in the last bit for about one
 * input in a thousand.
 *
 * x = k ln2 + r with |r| <= ln2/2 (ln2 in two parts, c the rounding error
 * of r), expm1(r) from a rational function of r^2, then
 * expm1(x) = 2^k (expm1(r) + 1) - 1 arranged case by case (k = 0, -1, 1,
 * <= 19, > 19, and k < -1 or > 56) to lose nothing to cancellation; 2^k is
 * applied by adding k to the exponent bits.
 *
 * Checked against CPython 3.12's math.expm1 on this machine on 800,000
 * sampled inputs (tiny and subnormal, each branch's thresholds, near the
 * overflow threshold 709.782712893384, large negative, specials): no
 * difference.
 */

import { fma } from './fma.js';
import { f64, u32, HI } from './bits.js';

// s_expm1.c's constants, read from the library's machine code
/** log(DBL_MAX) rounded down: above it expm1 overflows (0x40862e42fefa39ef) */
const O_THRESHOLD = 709.782712893384;
/** ln2 in two parts: k ln2_hi is exact for the k that occur */
const LN2_HI = 0.6931471803691238;
const LN2_LO = 1.9082149292705877e-10;
const INVLN2 = 1.4426950408889634;
/** the scaled coefficients Q1..Q5 of R1(r^2) = 1 + Q1 z + ... with z = r^2 / 2 */
const Q1 = -0.03333333333333313;
const Q2 = 0.0015873015872548146;
const Q3 = -7.93650757867488e-5;
const Q4 = 4.008217827329362e-6;
const Q5 = -2.0109921818362437e-7;

/** y with k added to its exponent field (SET_HIGH_WORD (y, high + (k << 20))) */
function addExponent(y: number, k: number): number {
  f64[0] = y;
  u32[HI] = (u32[HI] + (k << 20)) >>> 0;
  return f64[0];
}

/** the double whose high word is `hi` and low word 0 */
function fromHighBits(hi: number): number {
  f64[0] = 0;
  u32[HI] = hi >>> 0;
  return f64[0];
}

export function expm1(x: number): number {
  f64[0] = x;
  const hx = u32[HI] & 0x7fffffff;
  const negative = u32[HI] >>> 31 !== 0;

  let k: number;
  let hi: number, lo: number;
  if (hx >= 0x4043687a) {
    // |x| >= 56 ln2
    if (hx >= 0x40862e42) {
      // |x| >= 709.78...
      if (hx >= 0x7ff00000) {
        if (Number.isNaN(x)) return x + x;
        return negative ? -1.0 : x; // expm1(+-inf) = inf, -1
      }
      if (x > O_THRESHOLD) return Infinity; // huge * huge, ERANGE
    }
    // x < -56 ln2: e^x is below half an ulp of 1 (tiny - one)
    if (negative) return -1.0;
  }
  if (hx > 0x3fd62e42) {
    // |x| > ln2 / 2: reduce
    if (hx < 0x3ff0a2b2) {
      // |x| < 1.5 ln2: k = +-1
      if (!negative) {
        hi = x - LN2_HI; lo = LN2_LO; k = 1;
      } else {
        hi = x + LN2_HI; lo = -LN2_LO; k = -1;
      }
    } else {
      // k = (int) (x / ln2 +- 0.5), truncated
      k = Math.trunc(x * INVLN2 + (negative ? -0.5 : 0.5));
      hi = fma(-k, LN2_HI, x);
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (hx < 0x3c900000) {
    // |x| < 2^-54 (zeros and subnormals included): expm1(x) rounds to x
    return x;
  } else {
    k = 0;
    hi = lo = 0;
  }
  // c: what x = hi - lo lost to rounding (0 when k = 0)
  const c = k === 0 ? 0 : hi - x - lo;

  // x is now in [-ln2/2, ln2/2]
  const hfx = 0.5 * x;
  const hxs = x * hfx;
  const r1 = poly(hxs);
  const t = fma(-r1, hfx, 3.0);
  let e = hxs * ((r1 - t) / fma(-x, t, 6.0));
  if (k === 0) return x - fma(e, x, -hxs);
  e = fma(e - c, x, -c);
  e -= hxs;
  if (k === -1) return fma(0.5, x - e, -0.5);
  if (k === 1) {
    if (x < -0.25) return (e - (x + 0.5)) * -2.0;
    return fma(x - e, 2.0, 1.0);
  }
  if (k <= -2 || k > 56) {
    // 2^k (1 - (e - x)) - 1: the -1 is lost or nearly so. k reaches 1024
    // only for x > 1023.5 ln2, and x <= O_THRESHOLD < 1024 ln2 keeps r < 0,
    // so y < 1 and its exponent plus 1024 is still finite (at most DBL_MAX)
    const y = 1.0 - (e - x);
    return addExponent(y, k) - 1.0;
  }
  if (k < 20) {
    // 2^k ((1 - 2^-k) - (e - x))
    const t1 = fromHighBits(0x3ff00000 - (0x200000 >> k));
    return addExponent(t1 - (e - x), k);
  }
  // 2^k ((x - (e + 2^-k)) + 1)
  const t2 = fromHighBits((0x3ff - k) << 20);
  return addExponent(x - (e + t2) + 1.0, k);
}

/** R1(hxs) = 1 + Q1 z + ... + Q5 z^5 (z = hxs), in the machine code's order */
function poly(hxs: number): number {
  const R1 = fma(hxs, Q1, 1.0);
  const h2 = hxs * hxs;
  const R2 = fma(hxs, Q3, Q2);
  const h4 = h2 * h2;
  const R3 = fma(hxs, Q5, Q4);
  return fma(h4, R3, fma(h2, R2, R1));
}
