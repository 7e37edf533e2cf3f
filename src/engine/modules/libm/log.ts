/**
 * log(x) as glibc 2.36 computes it on x86-64 with FMA (__ieee754_log_fma:
 * sysdeps/ieee754/dbl-64/e_log.c built with -mfma, the contracted
 * a * b + c written here as fma), for the last bit CPython's math.log
 * shows on such a machine (the JS engine's Math.log differs for about one
 * input in fifteen).
 *
 * x = 2^k z with z in [0x1.6p-1, 0x1.6p0) split into 128 subintervals with
 * c near each one's centre: log(x) = k ln2 + log(c) + log1p(z/c - 1), the
 * last by a polynomial. Inputs within 2^-4 of 1 use a longer polynomial in
 * x - 1 instead.
 */

import { fma } from './fma.js';
import { LOG, LOG_POLY as A, LOG_POLY1 as B, LOG_TAB } from './log-table.js';
import { f64, u32, HI, LO } from './bits.js';
import { splitLogArg, splitK, splitI, logSpecial } from './logsplit.js';

export function log(x: number): number {
  f64[0] = x;
  let hi = u32[HI];
  let lo = u32[LO];
  // 1 - 2^-4 <= x < 1 + 0x1.09p-4
  if (hi >= 0x3fee0000 && hi < 0x3ff10900) return logNear1(x, hi, lo);
  const top = hi >>> 16;
  if (top - 0x0010 >= 0x7ff0 - 0x0010 || top < 0x0010) {
    // x < 0x1p-1022, inf or nan
    const special = logSpecial(x);
    if (special !== null) return special;
    hi = u32[HI];
    lo = u32[LO];
  }
  const z = splitLogArg(hi, lo, 0x3fe60000, 7);
  const k = splitK, i = splitI;
  const invc = LOG_TAB[2 * i], logc = LOG_TAB[2 * i + 1];
  // r ~= z/c - 1, |r| < 1/256
  const r = fma(z, invc, -1.0);
  // hi + lo = r + log(c) + k ln2
  const w = fma(k, LOG.ln2hi, logc);
  const h = w + r;
  const l = fma(k, LOG.ln2lo, w - h + r);
  // log(x) = lo + (log1p(r) - r) + hi
  const r2 = r * r;
  const p = fma(fma(r, A[4], A[3]), r2, fma(r, A[2], A[1]));
  return fma(r * r2, p, fma(r2, A[0], l)) + h;
}

function logNear1(x: number, hi: number, lo: number): number {
  if (hi === 0x3ff00000 && lo === 0) return 0;
  const r = x - 1.0;
  const r2 = r * r;
  const r3 = r * r2;
  const inner = fma(
    fma(fma(r3, B[10], fma(r2, B[9], fma(r, B[8], B[7]))), r3, fma(r2, B[6], fma(r, B[5], B[4]))),
    r3,
    fma(r2, B[3], fma(r, B[2], B[1])),
  );
  // r split into rhi (27 bits) + rlo so that rhi^2 is exact
  const w = r * 2 ** 27;
  const rhi = r + w - w;
  const rlo = r - rhi;
  const w2 = rhi * rhi * B[0]; // B[0] = -0.5: exact
  const h = r + w2;
  let l = r - h + w2;
  l = fma(B[0] * rlo, rhi + r, l);
  return h + fma(r3, inner, l);
}
