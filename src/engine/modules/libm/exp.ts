/**
 * exp(x) as glibc 2.36 computes it on x86-64 with FMA (__ieee754_exp_fma:
 * sysdeps/ieee754/dbl-64/e_exp.c built with -mfma, every a * b + c the
 * compiler contracted written here as fma). CPython's math.exp calls the C
 * library's exp, so this gives the last bit CPython shows on such a machine;
 * the JS engine's Math.exp differs from it for about one input in ten.
 *
 * exp(x) = 2^(k/N) * exp(r) with N = 128, x = k ln2/N + r and |r| <= ln2/2N;
 * 2^(k/N) from a table (EXP_HEAD, EXP_TAIL), exp(r) - 1 by a polynomial.
 * pow (pow.ts) ends in the same computation, with a correction term and a sign.
 */

import { fma } from './fma.js';
import { EXP, EXP_HEAD, EXP_TAIL } from './exp-table.js';
import { top12 } from './bits.js';

export function exp(x: number): number {
  if (Number.isNaN(x) || x === Infinity) return 1.0 + x;
  if (x === -Infinity) return 0;
  return expInline(x, 0, false);
}

/**
 * exp(x + xtail), negated if `negative` (exp_inline in e_pow.c; exp's own
 * body is the same with xtail 0). x is finite; |xtail| is tiny next to |x|.
 */
export function expInline(x: number, xtail: number, negative: boolean): number {
  const abstop = top12(x) & 0x7ff;
  let large = false;
  // 0x3c9: top12(2^-54); 0x408: top12(512)
  if (abstop - 0x3c9 < 0 || abstop - 0x3c9 >= 0x408 - 0x3c9) {
    // tiny x (0 included): 1 + x is already rounded right
    if (abstop < 0x3c9) return negative ? -(1.0 + x) : 1.0 + x;
    // |x| >= 1024: __math_oflow / __math_uflow
    if (abstop >= 0x409) return (x < 0 ? 0 : Infinity) * (negative ? -1 : 1);
    // 512 <= |x| < 1024: the result may overflow or be subnormal (specialCase)
    large = true;
  }
  // k = round(x N/ln2) by the shift trick, r = x - k ln2/N
  const k = fma(x, EXP.invln2N, EXP.shift) - EXP.shift;
  let r = fma(k, EXP.negln2hiN, x);
  r = fma(k, EXP.negln2loN, r);
  r = xtail + r;
  const i = k & 127;
  const e = (k - i) / 128;
  const r2 = r * r;
  // tail + r + r^2 (C2 + r C3) + r^4 (C4 + r C5), in the order the compiled code adds
  const tmp = fma(r2 * r2, fma(r, EXP.c5, EXP.c4), fma(fma(r, EXP.c3, EXP.c2), r2, r + EXP_TAIL[i]));
  const sign = negative ? -1 : 1;
  if (!large) {
    const scale = sign * EXP_HEAD[i] * 2 ** e;
    return fma(scale, tmp, scale);
  }
  return specialCase(tmp, sign * EXP_HEAD[i], e, k);
}

/**
 * The result head * 2^e * (1 + tmp) for 512 <= |x| < 1024, where 2^e alone
 * would overflow or underflow: applied in two parts.
 */
function specialCase(tmp: number, head: number, e: number, k: number): number {
  if (k >= 0) {
    const scale = head * 2 ** (e - 1009);
    return fma(scale, tmp, scale) * 2 ** 1009;
  }
  const scale = head * 2 ** (e + 1022);
  const st = scale * tmp;
  let y = scale + st;
  if (Math.abs(y) < 1.0) {
    // a subnormal result: round once, at the final precision
    const one = y < 0 ? -1.0 : 1.0;
    let lo = scale - y + st;
    const hi = one + y;
    lo = one - hi + y + lo;
    y = lo + hi - one;
    if (y === 0) y = head < 0 ? -0 : 0;
  }
  return y * 2 ** -1022;
}
