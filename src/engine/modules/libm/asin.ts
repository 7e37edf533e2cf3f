/**
 * asin(x) and acos(x) as glibc 2.36 computes them on x86-64 with FMA
 * (__ieee754_asin_fma and __ieee754_acos_fma: sysdeps/ieee754/dbl-64/e_asin.c,
 * IBM's Accurate Mathematical Library, built with -mfma; each a * b + c the
 * compiler contracted, read off its machine code, is written here as fma).
 * The JS engine's Math.asin and Math.acos differ from them in the last bit
 * for about 6% and 8% of inputs uniform in [-1, 1].
 *
 * glibc 2.34 removed e_asin.c's slow paths (the __doasin / __dubsin /
 * __sin32 multi-precision fallbacks): 2.36's machine code calls nothing, every
 * finite input takes one of the fast paths below, so the port is complete
 * and no input falls back to Math.*.
 *
 * By |x|: below 2^-3 an odd Taylor polynomial; in [0.125, 0.96875) a
 * polynomial about the centre of one of ASNCS's subintervals; in
 * [0.96875, 1) asin(x) = pi/2 - 2 asin(sqrt((1 - |x|) / 2)), the square root
 * found by Newton's method from INROOT's guess, as y + cc (two doubles).
 *
 * Checked against CPython 3.12 (math.asin, math.acos) on Debian 12's glibc
 * 2.36: 600,000 inputs per function (two seeds) over all those ranges and
 * their thresholds, both signs, subnormals, |x| >= 1 and specials, plus
 * 100,000 uniform in [-1, 1]: no difference in any bit.
 */

import { fma } from './fma.js';
import { f64, u32, HI, highWord } from './bits.js';
import { ASNCS as C, INROOT, POWTWO } from './asin-table.js';

// e_asin.c's and uasncs.h's constants (read from the library's machine code)
/** pi/2 as a double and the rest, and pi */
const HP0 = 1.5707963267948966, HP1 = 6.123233995736766e-17;
const PI = 3.141592653589793;
/** the Taylor coefficients of asin(x) - x over x^3 (f1..f6) */
const F1 = 0.1666666666666641, F2 = 0.07500000000261227, F3 = 0.044642856142105974;
const F4 = 0.03038212685821193, F5 = 0.022355121102652562, F6 = 0.018138290340456505;
/** 1/sqrt(1 - r) ~= rt0 + r (rt1 + r (rt2 + r rt3)), refining INROOT's guess */
const RT0 = 0.9999999998599908, RT1 = 0.4999999994959554;
const RT2 = 0.3750175008673452, RT3 = 0.31252362655451865;
/** (c + t24) - t24 keeps c's bits above 2^-24 (asin); acos splits with 2^27 */
const T24 = 16777216.0, T27 = 134217728.0;

/** ((((f6 z + f5) z + f4) z + f3) z + f2) z + f1 */
function taylor(z: number): number {
  return fma(z, fma(z, fma(z, fma(z, fma(z, F6, F5), F4), F3), F2), F1);
}

/** where tableTerm's subinterval keeps asin(centre) */
let tableIndex = 0;

/**
 * The subinterval polynomial, for 0.125 <= |x| < 0.96875: returns t with
 * asin(|x|) ~= C[n + top + 2] + t. xx = |x| - C[n] (the centre), C[n + 1] is
 * the slope, C[n + 2..n + top] the higher coefficients, C[n + top + 1] the
 * constant's tail. Which subinterval and how many coefficients depends on
 * |x|'s range (asincos.tbl's layout).
 */
function tableTerm(ax: number, k: number): number {
  let n: number, top: number;
  if (k < 0x3fd00000) { n = 11 * ((k & 0x000fffff) >> 15); top = 6; } // [0.125, 0.25)
  else if (k < 0x3fe00000) { n = 11 * ((k & 0x000fffff) >> 14) + 352; top = 6; } // [0.25, 0.5)
  else if (k < 0x3fe80000) { n = 1056 + ((k & 0x000fe000) >> 11) * 3; top = 7; } // [0.5, 0.75)
  else if (k < 0x3fed8000) { n = 992 + ((k & 0x000fe000) >> 13) * 13; top = 8; } // [0.75, 0.921875)
  else if (k < 0x3fee8000) { n = 884 + ((k & 0x000fe000) >> 13) * 14; top = 9; } // [0.921875, 0.953125)
  else { n = 768 + ((k & 0x000fe000) >> 13) * 15; top = 10; } // [0.953125, 0.96875)
  const xx = ax - C[n];
  let poly = C[n + top];
  for (let i = n + top - 1; i >= n + 2; i--) poly = fma(xx, poly, C[i]);
  // t = C[n+1] xx + (xx^2 poly + C[n+top+1]), both products fused
  tableIndex = n + top + 2;
  return fma(xx, C[n + 1], fma(xx * xx, poly, C[n + top + 1]));
}

/** the first guess t of 1/sqrt(z) (z = (1 - |x|) / 2 < 2^-6): INROOT by exponent parity and 6 bits, scaled */
function invRootGuess(z: number): number {
  f64[0] = z;
  const k = u32[HI];
  return INROOT[(k & 0x001fffff) >> 14] * POWTWO[511 - (k >> 21)];
}

export function asin(x: number): number {
  const m = highWord(x) | 0; // (signed, as the C code's m)
  const k = m & 0x7fffffff;
  if (k < 0x3e500000) return x; // |x| < 2^-26: asin(x) = x
  if (k < 0x3fc00000) {
    // |x| < 2^-3: x + x^3 (f1 + f2 x^2 + ...)
    const x2 = x * x;
    return fma(taylor(x2), x * x2, x);
  }
  if (k < 0x3fef0000) {
    const t = tableTerm(Math.abs(x), k);
    const res = C[tableIndex] + t;
    return m > 0 ? res : -res;
  }
  if (k < 0x3ff00000) {
    // 0.96875 <= |x| < 1: pi/2 - 2 asin(sqrt(z)), sqrt(z) = y + cc
    const z = 0.5 * (m > 0 ? 1.0 - x : x + 1.0);
    let t = invRootGuess(z);
    const r = fma(-(t * t), z, 1.0);
    t = fma(r, fma(r, fma(r, RT3, RT2), RT1), RT0) * t;
    const c = z * t;
    // t = c (1.5 - 0.5 t c), contracted into t + y below
    const s = fma(-c, t * 0.5, 1.5);
    const y = c + T24 - T24;
    const cc = fma(-y, y, z) / fma(s, c, y);
    const p = taylor(z) * z;
    const cor = fma(-((y + cc) + (y + cc)), p, fma(-2.0, cc, HP1));
    const res = cor + fma(-2.0, y, HP0);
    return m > 0 ? res : -res;
  }
  if (x === 1 || x === -1) return m > 0 ? HP0 : -HP0;
  return NaN; // |x| > 1, infinite or nan
}

export function acos(x: number): number {
  const m = highWord(x) | 0; // (signed, as the C code's m)
  const k = m & 0x7fffffff;
  if (k < 0x3c880000) return HP0; // |x| < 2^-55: pi/2
  if (k < 0x3fc00000) {
    // |x| < 2^-3: (pi/2 - x) - x^3 (f1 + ...), pi/2's tail and r's error carried in cor
    const x2 = x * x;
    const r = HP0 - x;
    const cor = fma(-taylor(x2), x * x2, HP0 - r - x + HP1);
    return r + cor;
  }
  if (k < 0x3fef0000) {
    // pi/2 -+ asin(|x|), the table value and the small term each with pi/2's part
    const t = tableTerm(Math.abs(x), k);
    const v = C[tableIndex];
    return m > 0 ? (HP1 - t) + (HP0 - v) : (t + HP1) + (v + HP0);
  }
  if (k < 0x3ff00000) {
    // 0.96875 <= |x| < 1: 2 asin(sqrt(z)) or pi - 2 asin(sqrt(z)), sqrt(z) = y + cc
    const z = 0.5 * (m > 0 ? 1.0 - x : x + 1.0);
    let t = invRootGuess(z);
    const r = fma(-(t * t), z, 1.0);
    t = fma(r, fma(r, fma(r, RT3, RT2), RT1), RT0) * t;
    const c = z * t;
    const s = fma(-c, t * 0.5, 1.5);
    // y = (t27 c + c) - t27 c: with both steps fused it is c to a few bits less
    const y = fma(-T27, c, fma(c, T27, c));
    const cc = fma(-y, y, z) / fma(s, c, y);
    const pc = taylor(z) * z * (y + cc);
    if (m < 0) {
      const res = (HP1 - cc - pc) + (HP0 - y);
      return res + res;
    }
    const res = cc + pc + y;
    return res + res;
  }
  if (x === 1 || x === -1) return m > 0 ? 0 : PI;
  return NaN; // |x| > 1, infinite or nan
}
