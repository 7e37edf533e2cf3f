/**
 * log1p(x) = log(1 + x) as glibc 2.36 computes it on x86-64 with FMA
 * (__log1p_fma: sysdeps/ieee754/dbl-64/s_log1p.c, from fdlibm, built with
 * -mfma; each a * b + c the compiler contracted, read off the machine code,
 * is written here as fma, everything else is rounded on its own in the
 * machine code's order). CPython's math.log1p calls the C library's log1p;
 * the JS engine's Math.log1p differs from it in the last bit for about one
 * input in three thousand.
 *
 * 1 + x = 2^k (1 + f) with sqrt(2)/2 < 1 + f < sqrt(2) (k = 0 and f = x for
 * -0.2929 < x < 0.41422, otherwise from u = 1 + x rounded, with c the
 * rounding error of u divided by u), s = f / (2 + f), and
 * log1p(f) = f - (hfsq - s (hfsq + R(s^2))) with hfsq = f^2 / 2;
 * log1p(x) = k ln2_hi + (log1p(f) + k ln2_lo + c).
 *
 * Checked against CPython 3.12's math.log1p on this machine on 800,000
 * sampled inputs (tiny and subnormal, each branch's thresholds, near -1,
 * 2^k - 1, huge, specials): no difference.
 */

import { fma } from './fma.js';
import { f64, u32, HI, LO } from './bits.js';

// s_log1p.c's constants, read from the library's machine code
/** ln2 in two parts: k ln2_hi is exact for |k| < 2000 */
const LN2_HI = 0.6931471803691238;
const LN2_LO = 1.9082149292705877e-10;
/** the polynomial R(z) = Lp1 z + ... + Lp7 z^7 for 2 s^2 / 3 + 2 s^4 / 5 + ... */
const LP1 = 0.6666666666666735;
const LP2 = 0.3999999999940942;
const LP3 = 0.2857142874366239;
const LP4 = 0.22222198432149784;
const LP5 = 0.1818357216161805;
const LP6 = 0.15313837699209373;
const LP7 = 0.14798198605116586;
/** the double 0.66666666666666666 of the |f| < 2^-20 case */
const TWO_THIRDS = 0.6666666666666666;

export function log1p(x: number): number {
  f64[0] = x;
  const hx = u32[HI] | 0; // signed, as the C code compares it
  const ax = hx & 0x7fffffff;

  let k = 1;
  let f = 0, c = 0, hu = 0;
  if (hx < 0x3fda827a) {
    // x < 0.41422 (negative x and -NaN included)
    if (ax >= 0x3ff00000) {
      // x <= -1
      if (x === -1.0) return -Infinity; // -two54 / zero
      return NaN; // (x - x) / (x - x)
    }
    if (ax < 0x3e200000) {
      // |x| < 2^-29
      if (ax < 0x3c900000) return x; // |x| < 2^-54 (zeros and subnormals included)
      return fma(-(x * x), 0.5, x);
    }
    if (hx > 0 || hx <= (0xbfd2bec3 | 0)) {
      // -0.2929 < x < 0.41422
      k = 0;
      f = x;
      hu = 1;
    }
  } else if (hx >= 0x7ff00000) {
    return x + x; // inf or NaN
  }
  if (k !== 0) {
    let u: number;
    if (hx < 0x43400000) {
      // x < 2^53: u = 1 + x rounded, c its rounding error over u
      u = 1.0 + x;
      f64[0] = u;
      hu = u32[HI] | 0;
      k = (hu >> 20) - 1023;
      c = k > 0 ? 1.0 - (u - x) : x - (u - 1.0);
      c /= u;
    } else {
      // x >= 2^53: 1 + x is x for log's purposes
      u = x;
      hu = hx;
      k = (hu >> 20) - 1023;
      c = 0;
    }
    hu &= 0x000fffff;
    f64[0] = u;
    const lo = u32[LO];
    if (hu < 0x6a09e) {
      // u's mantissa in [1, sqrt(2)): normalize u
      u32[HI] = hu | 0x3ff00000;
    } else {
      // in [sqrt(2), 2): normalize u / 2
      k += 1;
      u32[HI] = hu | 0x3fe00000;
      hu = (0x00100000 - hu) >> 2;
    }
    u32[LO] = lo;
    f = f64[0] - 1.0;
  }
  const hfsq = 0.5 * f * f;
  if (hu === 0) {
    // |f| < 2^-20
    if (f === 0) {
      if (k === 0) return 0;
      return fma(k, LN2_HI, fma(k, LN2_LO, c));
    }
    const R = fma(-f, TWO_THIRDS, 1.0) * hfsq;
    if (k === 0) return f - R;
    return fma(k, LN2_HI, -(R - fma(k, LN2_LO, c) - f));
  }
  const s = f / (2.0 + f);
  const z = s * s;
  const R2 = fma(z, LP3, LP2);
  const R3 = fma(z, LP5, LP4);
  const R4 = fma(z, LP7, LP6);
  const z2 = z * z;
  const z4 = z2 * z2;
  const z6 = z2 * z4;
  const R = fma(z6, R4, fma(z4, R3, fma(z, LP1, z2 * R2)));
  const sR = (R + hfsq) * s;
  if (k === 0) return f - (hfsq - sR);
  return fma(k, LN2_HI, -(hfsq - (fma(k, LN2_LO, c) + sR) - f));
}
