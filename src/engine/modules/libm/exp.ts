/**
 * exp(x) as glibc 2.36 computes it on x86-64 with FMA (__ieee754_exp_fma:
 * sysdeps/ieee754/dbl-64/e_exp.c built with -mfma, every a * b + c the
 * compiler contracted written here as fma). CPython's math.exp calls the C
 * library's exp, so this gives the last bit CPython shows on such a machine;
 * the JS engine's Math.exp differs from it for about one input in ten.
 *
 * exp(x) = 2^(k/N) * exp(r) with N = 128, x = k ln2/N + r and |r| <= ln2/2N;
 * 2^(k/N) from a table (EXP_HEAD, EXP_TAIL), exp(r) - 1 by a polynomial.
 */

import { fma } from './fma.js';
import { EXP, EXP_HEAD, EXP_TAIL } from './tables.js';

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** the sign and exponent bits of x (top12 in glibc) */
function top12(x: number): number {
  f64[0] = x;
  return u32[HI] >>> 20;
}

export function exp(x: number): number {
  const abstop = top12(x) & 0x7ff;
  let large = false;
  // 0x3c9: top12(2^-54); 0x408: top12(512)
  if (abstop - 0x3c9 < 0 || abstop - 0x3c9 >= 0x408 - 0x3c9) {
    // tiny x (0 included): 1 + x is already rounded right
    if (abstop < 0x3c9) return 1.0 + x;
    if (abstop >= 0x409) {
      if (x === -Infinity) return 0;
      if (abstop >= 0x7ff) return 1.0 + x; // +inf or nan
      return x < 0 ? 0 : Infinity; // __math_uflow / __math_oflow
    }
    // 512 <= |x| < 1024: the result may overflow or be subnormal (specialCase)
    large = true;
  }
  // k = round(x N/ln2) by the shift trick, r = x - k ln2/N
  const k = fma(x, EXP.invln2N, EXP.shift) - EXP.shift;
  let r = fma(k, EXP.negln2hiN, x);
  r = fma(k, EXP.negln2loN, r);
  const i = k & 127;
  const e = (k - i) / 128;
  const r2 = r * r;
  // tail + r + r^2 (C2 + r C3) + r^4 (C4 + r C5), in the order the compiled code adds
  const tmp = fma(r2 * r2, fma(r, EXP.c5, EXP.c4), fma(fma(r, EXP.c3, EXP.c2), r2, r + EXP_TAIL[i]));
  if (!large) {
    const scale = EXP_HEAD[i] * 2 ** e;
    return fma(scale, tmp, scale);
  }
  return specialCase(tmp, i, e, k);
}

/** exp for 512 <= |x| < 1024: scale 2^e would overflow or underflow, so it is applied in two parts */
function specialCase(tmp: number, i: number, e: number, k: number): number {
  if (k >= 0) {
    const scale = EXP_HEAD[i] * 2 ** (e - 1009);
    return fma(scale, tmp, scale) * 2 ** 1009;
  }
  const scale = EXP_HEAD[i] * 2 ** (e + 1022);
  const st = scale * tmp;
  let y = scale + st;
  if (y < 1.0) {
    // a subnormal result: round once, at the final precision
    let lo = scale - y + st;
    const hi = 1.0 + y;
    lo = 1.0 - hi + y + lo;
    y = lo + hi - 1.0;
    if (y === 0) y = 0;
  }
  return y * 2 ** -1022;
}
