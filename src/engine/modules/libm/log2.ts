/**
 * log2(x) as glibc 2.36 computes it on x86-64 with FMA (__log2_fma:
 * sysdeps/ieee754/dbl-64/e_log2.c built with -mfma, the contracted
 * a * b + c written here as fma). The structure is log.ts's with 64
 * subintervals: log2(x) = k + log2(c) + log2(1 + r), r/ln2 kept in two parts.
 */

import { fma } from './fma.js';
import { LOG2, LOG2_POLY as A, LOG2_POLY1 as B, LOG2_TAB } from './log2-table.js';
import { f64, u32, HI, LO } from './bits.js';
import { splitLogArg, splitK, splitI, logSpecial } from './logsplit.js';

export function log2(x: number): number {
  f64[0] = x;
  let hi = u32[HI];
  let lo = u32[LO];
  // 1 - 0x1.5b51p-5 <= x < 1 + 0x1.6ab2p-5
  if (hi >= 0x3feea4af && hi < 0x3ff0b559) return log2Near1(x, hi, lo);
  const top = hi >>> 16;
  if (top - 0x0010 >= 0x7ff0 - 0x0010 || top < 0x0010) {
    // x < 0x1p-1022, inf or nan
    const special = logSpecial(x);
    if (special !== null) return special;
    hi = u32[HI];
    lo = u32[LO];
  }
  const z = splitLogArg(hi, lo, 0x3fe60000, 6);
  const k = splitK, i = splitI;
  const invc = LOG2_TAB[2 * i], logc = LOG2_TAB[2 * i + 1];
  // r ~= z/c - 1; r/ln2 = t1 + t2
  const r = fma(z, invc, -1.0);
  const t1 = r * LOG2.invln2hi;
  const t2 = fma(r, LOG2.invln2lo, fma(r, LOG2.invln2hi, -t1));
  // hi + lo = r/ln2 + log2(c) + k
  const t3 = k + logc;
  const h = t3 + t1;
  const l = t3 - h + t1 + t2;
  const r2 = r * r;
  const r4 = r2 * r2;
  const p = fma(fma(r, A[5], A[4]), r4, fma(fma(r, A[3], A[2]), r2, fma(r, A[1], A[0])));
  return fma(r2, p, l) + h;
}

function log2Near1(x: number, hi: number, lo: number): number {
  if (hi === 0x3ff00000 && lo === 0) return 0;
  const r = x - 1.0;
  const h = r * LOG2.invln2hi;
  let l = fma(r, LOG2.invln2lo, fma(LOG2.invln2hi, r, -h));
  const r2 = r * r;
  const r4 = r2 * r2;
  const b01 = fma(r, B[1], B[0]);
  // y = hi + r^2 (B0 + r B1), and what that sum rounded off
  const y = fma(b01, r2, h);
  l = fma(b01, r2, h - y) + l;
  const q = fma(
    fma(fma(r, B[9], B[8]), r2, fma(r, B[7], B[6])), r4,
    fma(fma(r, B[5], B[4]), r2, fma(r, B[3], B[2])),
  );
  return y + fma(q, r4, l);
}
