/**
 * log10(x) as glibc 2.36 computes it (sysdeps/ieee754/dbl-64/e_log10.c,
 * from fdlibm): x = 2^n m with m in [1, 2), or [0.5, 1) when n < 0, and
 * log10(x) = n log10(2) + log(m) / ln(10), with log10(2) in two parts and
 * glibc's own log (log.ts).
 */

import { log } from './log.js';
import { f64, u32, HI } from './bits.js';

const TWO54 = 2 ** 54;
/** 1/ln(10), log10(2) high part (its last 21 bits zero: n log10_2hi is exact), low part */
const IVLN10 = 0.4342944819032518;
const LOG10_2HI = 0.30102999566361177;
const LOG10_2LO = 3.694239077158931e-13;

export function log10(x: number): number {
  let k = 0;
  if (x < 2 ** -1022 || Number.isNaN(x)) {
    if (x === 0) return -Infinity;
    if (x < 0 || Number.isNaN(x)) return NaN;
    // subnormal: scale up
    k -= 54;
    x *= TWO54;
  }
  if (x === Infinity) return x + x;
  f64[0] = x;
  const hx = u32[HI];
  k += (hx >>> 20) - 1023;
  const i = k < 0 ? 1 : 0;
  // the mantissa with exponent 0 (or -1 when k < 0)
  u32[HI] = (hx & 0x000fffff) | ((0x3ff - i) << 20);
  const m = f64[0];
  const y = k + i;
  const z = y * LOG10_2LO + IVLN10 * log(m);
  return z + y * LOG10_2HI;
}
