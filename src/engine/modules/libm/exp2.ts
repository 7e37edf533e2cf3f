/**
 * exp2(x) = 2^x as glibc 2.36 computes it on x86-64 (__exp2:
 * sysdeps/ieee754/dbl-64/e_exp2.c, Arm's optimized-routines). glibc has no
 * FMA variant of exp2, so nothing is contracted: every operation here is
 * rounded on its own, in the order of the machine code. CPython's
 * math.exp2 calls the C library's exp2; the JS engine's 2 ** x differs from
 * it in the last bit for about one input in a thousand.
 *
 * 2^x = 2^(k/N) 2^r with N = 128, x = k/N + r and |r| <= 1/2N: 2^(k/N) from
 * exp's table (EXP_HEAD, EXP_TAIL), 2^r - 1 by a polynomial (EXP2, read from
 * __exp_data by scripts/libm-exp2-table.py).
 *
 * Checked against CPython 3.12's math.exp2 on this machine on 800,000
 * sampled inputs (tiny, ordinary, near +-512, 928, 1022, 1024, 1075, the
 * subnormal results, specials): no difference.
 */

import { EXP_HEAD, EXP_TAIL } from './exp-table.js';
import { EXP2 } from './exp2-table.js';
import { top12 } from './bits.js';

export function exp2(x: number): number {
  const abstop = top12(x) & 0x7ff;
  let special = false;
  // 0x3c9: top12(2^-54); 0x408: top12(512)
  if (abstop - 0x3c9 < 0 || abstop - 0x3c9 >= 0x408 - 0x3c9) {
    // tiny x (zeros included): 1 + x is already rounded right
    if (abstop < 0x3c9) return 1.0 + x;
    if (abstop >= 0x409) {
      // |x| >= 1024, inf or nan
      if (x === -Infinity) return 0;
      if (abstop >= 0x7ff) return 1.0 + x;
      if (x > 0) return Infinity; // __math_oflow
      if (x <= -1075) return 0; // __math_uflow
    }
    // |x| > 928: the result may overflow or be subnormal (specialcase)
    if (Math.abs(x) > 928) special = true;
  }
  // k = round(x N) by the shift trick, r = x - k/N (both exact)
  const kd = x + EXP2.shift - EXP2.shift;
  const r = x - kd;
  const k = kd * 128;
  const i = k & 127;
  const e = (k - i) / 128;
  const r2 = r * r;
  // tail + r C1 + r^2 (C2 + r C3) + r^4 (C4 + r C5), each product rounded
  const tmp = EXP_TAIL[i] + r * EXP2.c1 + r2 * (EXP2.c2 + r * EXP2.c3) + r2 * r2 * (EXP2.c4 + r * EXP2.c5);
  if (!special) {
    const scale = EXP_HEAD[i] * 2 ** e;
    return scale + scale * tmp;
  }
  return specialCase(tmp, EXP_HEAD[i], e, k);
}

/**
 * The result head * 2^e * (1 + tmp) for 928 < |x| < 1075, where 2^e alone
 * may overflow or underflow: the scale is built one binade lower (k > 0) or
 * 1022 binades higher (k < 0) and the product scaled back.
 */
function specialCase(tmp: number, head: number, e: number, k: number): number {
  if (k >= 0) {
    // sbits -= 1 << 52
    const scale = head * 2 ** (e - 1);
    return 2 * (scale + scale * tmp);
  }
  // sbits += 1022 << 52
  const scale = head * 2 ** (e + 1022);
  const st = scale * tmp;
  let y = scale + st;
  if (y < 1.0) {
    // a subnormal result: round once, at the final precision (no double rounding)
    let lo = scale - y + st;
    const hi = 1.0 + y;
    lo = 1.0 - hi + y + lo;
    y = lo + hi - 1.0;
    if (y === 0) y = 0; // not -0
  }
  return 2 ** -1022 * y;
}
