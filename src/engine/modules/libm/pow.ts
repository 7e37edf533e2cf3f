/**
 * pow(x, y) as glibc 2.36 computes it on x86-64 with FMA
 * (__ieee754_pow_fma: sysdeps/ieee754/dbl-64/e_pow.c built with -mfma),
 * which float ** float and math.pow call once CPython has dealt with the
 * special cases it handles itself. The JS engine's Math.pow differs from
 * it for a few inputs in ten thousand (x ** 2 and x ** 0.5 among them).
 *
 * x^y = exp(y log x), with log x computed to about 68 bits (hi + lo, from a
 * 128-entry table and a polynomial), the product y log x kept as ehi + elo,
 * and exp of that (exp.ts's expInline) given the sign.
 */

import { fma } from './fma.js';
import { expInline } from './exp.js';
import { POW_LOG, POW_LOG_POLY as A, POW_LOG_TAB } from './pow-table.js';
import { f64, u32, HI, LO } from './bits.js';
import { splitLogArg, splitK, splitI } from './logsplit.js';

/** log_inline's second result: the low part of log(x) */
let logTail = 0;

/**
 * log(x) as hi (returned) + lo (logTail), for x > 0 given by the high and
 * low halves of its bits (normalized: a subnormal's exponent made negative)
 */
function logInline(hi: number, lo: number): number {
  // z = x 2^-k in [0x1.6955p-1, 0x1.6955p0)
  const z = splitLogArg(hi, lo, 0x3fe69555, 7);
  const k = splitK, i = splitI;
  const invc = POW_LOG_TAB[3 * i], logc = POW_LOG_TAB[3 * i + 1], logctail = POW_LOG_TAB[3 * i + 2];
  // r = z/c - 1, exact
  const r = fma(z, invc, -1.0);
  // k ln2 + log(c) + r
  const t1 = fma(k, POW_LOG.ln2hi, logc);
  const t2 = t1 + r;
  const lo1 = fma(k, POW_LOG.ln2lo, logctail);
  const lo2 = t1 - t2 + r;
  const ar = A[0] * r; // A[0] = -0.5
  const ar2 = r * ar;
  const ar3 = r * ar2;
  // k ln2 + log(c) + r + A[0] r^2
  const h = t2 + ar2;
  const lo3 = fma(ar, r, -ar2);
  const lo4 = t2 - h + ar2;
  // log1p(r) - r - A[0] r^2 = ar3 (A[1] + r A[2] + ar2 (A[3] + r A[4] + ar2 (A[5] + r A[6])))
  const q = fma(ar2, fma(fma(r, A[6], A[5]), ar2, fma(r, A[4], A[3])), fma(r, A[2], A[1]));
  const l = fma(ar3, q, lo1 + lo2 + lo3 + lo4);
  const y = h + l;
  logTail = h - y + l;
  return y;
}

/** 0 if y (finite, not 0) is not an integer, 1 if it is odd, 2 if even */
function checkint(y: number): number {
  if (!Number.isInteger(y)) return 0;
  return Math.abs(y) < 2 ** 53 && y % 2 !== 0 ? 1 : 2;
}

const signbit = (v: number): boolean => v < 0 || Object.is(v, -0);

export function pow(x: number, y: number): number {
  f64[0] = x;
  let hx = u32[HI], lx = u32[LO];
  f64[0] = y;
  const hy = u32[HI];
  let topx = hx >>> 20;
  const topy = hy >>> 20;
  let negative = false;
  // x < 0x1p-1022, negative, inf or nan; or |y| < 0x1p-65, |y| >= 0x1p63 or nan
  if (topx - 0x001 >= 0x7ff - 0x001 || topx === 0 || ((topy & 0x7ff) - 0x3be) >>> 0 >= 0x43e - 0x3be) {
    if (y === 0 || !Number.isFinite(y)) {
      if (y === 0) return 1.0;
      if (x === 1) return 1.0;
      if (Number.isNaN(x) || Number.isNaN(y)) return x + y;
      if (Math.abs(x) === 1) return 1.0;
      // |x| < 1 with y = inf, or |x| > 1 with y = -inf
      if ((Math.abs(x) < 1) === !signbit(y)) return 0.0;
      return y * y;
    }
    if (x === 0 || !Number.isFinite(x)) {
      let x2 = x * x;
      let odd = false;
      if (signbit(x) && checkint(y) === 1) {
        x2 = -x2;
        odd = true;
      }
      if (x === 0 && signbit(y)) return odd ? -Infinity : Infinity; // __math_divzero
      return signbit(y) ? 1 / x2 : x2;
    }
    // x and y finite and not 0
    if (signbit(x)) {
      const yint = checkint(y);
      if (yint === 0) return NaN; // __math_invalid
      if (yint === 1) negative = true;
      hx &= 0x7fffffff;
      topx &= 0x7ff;
    }
    if (((topy & 0x7ff) - 0x3be) >>> 0 >= 0x43e - 0x3be) {
      // (y is even here, or |y| tiny: no sign)
      const one = hx === 0x3ff00000 && lx === 0;
      if (one) return 1.0;
      const above1 = hx > 0x3ff00000 || (hx === 0x3ff00000 && lx > 0);
      // |y| < 2^-65: x^y ~= 1 + y log(x)
      if ((topy & 0x7ff) < 0x3be) return above1 ? 1.0 + y : 1.0 - y;
      return above1 === (topy < 0x800) ? Infinity : 0; // __math_oflow / __math_uflow
    }
    if (topx === 0) {
      // subnormal x: normalize so that the exponent becomes negative
      f64[0] = Math.abs(x) * 2 ** 52;
      hx = (u32[HI] - (52 << 20)) | 0;
      lx = u32[LO];
    }
  }
  const hi = logInline(hx, lx);
  const lo = logTail;
  const ehi = y * hi;
  const elo = fma(y, lo, fma(y, hi, -ehi));
  return expInline(ehi, elo, negative);
}
