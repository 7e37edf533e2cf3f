/**
 * atan(x) and atan2(y, x) as glibc 2.36 computes them on x86-64 with FMA
 * (__atan_fma and __ieee754_atan2_fma: sysdeps/ieee754/dbl-64/s_atan.c and
 * e_atan2.c, IBM's Accurate Mathematical Library, built with -mfma; each
 * a * b + c the compiler contracted, read off its machine code, is written
 * here as fma). The JS engine's Math.atan and Math.atan2 differ from them in
 * the last bit for a few inputs in a hundred.
 *
 * atan: |x| < 1/16 is an odd polynomial; 1/16 <= |x| < 1 a Taylor
 * polynomial around the nearest of 241 points xi (CIJ, uatan.tbl); above 1,
 * atan(x) = pi/2 - atan(1/x) with 1/x as a double and its error, by the same
 * two means. atan2 computes u = min/max of |y| and |x| as a double and its
 * error du and the same way atan(u), then turns it into the quadrant of
 * (x, y) with pi/2 or pi (each as a double and its tail).
 *
 * glibc 2.36's machine code has no multi-precision slow path any more (it
 * was removed in 2.34): everything is ported, no input falls back on Math.*.
 * Checked against CPython 3.12's math.atan and math.atan2 on this machine
 * (glibc 2.36): 0 mismatches in 2 x 300,000 samples each (tiny, subnormal,
 * around the thresholds 2^-26.2, 1/16, 1, 16, 2^52.4, huge; for atan2 also
 * ratios around those, exponents 2^57 apart and more, 2^-500 and 2^500 on
 * either side of the scaling, signed zeros and infinities), 100,000 uniform
 * ones each, and libm's atan2 itself (through ctypes) on all 676 pairs of 26
 * special values (zeros, infinities, NaNs, subnormals), which CPython's
 * m_atan2 partly answers before calling it. Math.atan differed on 6% of
 * uniform x in (-10, 10), Math.atan2 on 18% of uniform (y, x) in (-1, 1)^2.
 */

import { fma } from './fma.js';
import { CIJ } from './atan-table.js';
import { f64, u32, HI, LO } from './bits.js';

// atnat.h and atnat2.h's constants (read from the library's machine code)
/** pi/2 as a double, and the rest pi/2 - HPI */
const HPI = 1.5707963267948966, MHPI = -1.5707963267948966, HPI1 = 6.123233995736766e-17;
/** pi as a double, and the rest */
const OPI = 3.141592653589793, MOPI = -3.141592653589793, OPI1 = 1.2246467991473532e-16;
/** pi/4 and 3pi/4: atan2 of two infinities */
const QPI = 0.7853981633974483, MQPI = -0.7853981633974483;
const TQPI = 2.356194490192345, MTQPI = -2.356194490192345;
/** atan(u) = u + u^3 (D3 + u^2 (D5 + ... + u^2 D13)) for |u| < 1/16 */
const D3 = -0.3333333333333333, D5 = 0.19999999999998855, D7 = -0.14285714283953163;
const D9 = 0.11111109821886427, D11 = -0.09090424391727987, D13 = 0.07601836584380736;
/** atan's thresholds: below A atan(x) = x; B = 1/16 (also atan2's inv16); 1; D; above E atan(x) = pi/2 */
const A = 1.2904777690891933e-08, B = 0.0625, D = 16.0, E = 5805361265115136.0;
/** TWO52 + TWO8 * u - TWO52 rounds 256 u to an integer (the table row + 16) */
const TWO52 = 4503599627370496.0, TWO8 = 256.0;
/** atan2 scales |x| and |y| by 2^±500 when one is below 2^-500 or above 2^500 */
const TWO500 = 3.273390607896142e+150, TWOM500 = 3.054936363499605e-151;
/** atan2: when the exponents differ by 57 * 2^20 in the high word or more (2^57), the answer is pi/2, or the ratio */
const EP = 59768832, EM = -59768832;

/** |v| with the sign of s (signArctan2 and __copysign; s is never a zero where it is used) */
const withSign = (v: number, s: number): number => (s < 0 ? -Math.abs(v) : Math.abs(v));

/** the row of CIJ for 1/16 <= u <= 1: round(256 u) - 16, times 7 (256 u is exact, so the fma adds nothing) */
const row = (u: number): number => ((TWO52 + TWO8 * u) - TWO52 - 16) * 7;

/** D3 + v (D5 + v (... + v D13)), Horner's rule as the machine code fuses it */
function oddPoly(v: number): number {
  return fma(v, fma(v, fma(v, fma(v, fma(v, D13, D11), D9), D7), D5), D3);
}

/** CIJ[k+2] + z (CIJ[k+3] + ... + z CIJ[k+6]) */
function taylor(k: number, z: number): number {
  return fma(z, fma(z, fma(z, fma(z, CIJ[k + 6], CIJ[k + 5]), CIJ[k + 4]), CIJ[k + 3]), CIJ[k + 2]);
}

export function atan(x: number): number {
  if (x !== x) return x + x;
  const u = Math.abs(x);
  if (u < 1) {
    if (u < B) {
      if (u < A) return x; // (the C code squares u below DBL_MIN only to raise underflow)
      const v = x * x;
      return fma(x * v, oddPoly(v), x);
    }
    // atan(xi) + (u - xi) (c2 + (u - xi) (c3 + ...))
    const k = row(u);
    const z = u - CIJ[k];
    return withSign(fma(taylor(k, z), z, CIJ[k + 1]), x);
  }
  if (u < D) {
    // pi/2 - atan(w) with w + ww = 1/u: EMULV gives u w = t1 + t2 exactly
    const w = 1 / u;
    const t1 = u * w;
    const t2 = fma(u, w, -t1);
    const e = (1 - t1) - t2;
    const k = row(w);
    const z = fma(e, w, w - CIJ[k]); // (w - xi) + ww, with ww = w e fused
    const yy = fma(-taylor(k, z), z, HPI1);
    return withSign((HPI - CIJ[k + 1]) + yy, x);
  }
  if (u < E) {
    // pi/2 - atan(w) by the odd polynomial, w + ww = 1/u
    const w = 1 / u;
    const t1 = u * w;
    const v = w * w;
    const p = oddPoly(v);
    const t2 = fma(u, w, -t1);
    const ww = ((1 - t1) - t2) * w;
    const yy = (w * v) * p;
    // ESUB(HPI, w, t3, cor): HPI - w = t3 + cor exactly
    const t3 = HPI - w;
    const cor = HPI > Math.abs(w) ? (HPI - t3) - w : HPI - (w + t3);
    return withSign((((cor + HPI1) - ww) - yy) + t3, x);
  }
  return x > 0 ? HPI : MHPI;
}

export function atan2(y: number, x: number): number {
  f64[0] = x;
  const ux = u32[HI], dx = u32[LO];
  f64[0] = y;
  const uy = u32[HI], dy = u32[LO];
  const xNeg = ux >= 0x80000000, yNeg = uy >= 0x80000000;

  // NaNs
  if ((ux & 0x7ff00000) === 0x7ff00000 && ((ux & 0x000fffff) | dx) !== 0) return x + y;
  if ((uy & 0x7ff00000) === 0x7ff00000 && ((uy & 0x000fffff) | dy) !== 0) return y + y;
  // y = +-0
  if (uy === 0 && dy === 0) return xNeg ? OPI : 0;
  if (uy === 0x80000000 && dy === 0) return xNeg ? MOPI : -0;
  // x = +-0
  if (x === 0) return yNeg ? MHPI : HPI;
  // x = +-inf
  if (dx === 0 && ux === 0x7ff00000) {
    if (dy === 0 && uy === 0x7ff00000) return QPI;
    if (dy === 0 && uy === 0xfff00000) return MQPI;
    if ((uy & 0x7ff00000) !== 0x7ff00000) return yNeg ? -0 : 0;
  } else if (dx === 0 && ux === 0xfff00000) {
    if (dy === 0 && uy === 0x7ff00000) return TQPI;
    if (dy === 0 && uy === 0xfff00000) return MTQPI;
    if ((uy & 0x7ff00000) !== 0x7ff00000) return yNeg ? MOPI : OPI;
  }
  // y = +-inf
  if (dy === 0 && uy === 0x7ff00000) return HPI;
  if (dy === 0 && uy === 0xfff00000) return MHPI;

  let ax = Math.abs(x), ay = Math.abs(y);
  // one of x/y, y/x is below 2^-57 or so
  const de = (uy & 0x7ff00000) - (ux & 0x7ff00000);
  if (de >= EP) return y > 0 ? HPI : MHPI;
  if (de <= EM) {
    if (x > 0) return withSign(ay / ax, y);
    return y > 0 ? OPI : MOPI;
  }

  // keep the divisions and EMULV away from underflow and overflow
  if (ax < TWOM500 || ay < TWOM500) {
    ax *= TWO500;
    ay *= TWO500;
  }
  if (ax > TWO500 || ay > TWO500) {
    ax *= TWOM500;
    ay *= TWOM500;
  }

  // u + du = the smaller over the larger (EMULV: den u = v + vv exactly)
  let u: number, du: number;
  const yBelow = ay < ax;
  if (yBelow) {
    u = ay / ax;
    const v = ax * u;
    const vv = fma(ax, u, -v);
    du = ((ay - v) - vv) / ax;
  } else {
    u = ax / ay;
    const v = ay * u;
    const vv = fma(ay, u, -v);
    du = ((ax - v) - vv) / ay;
  }

  if (x > 0) {
    if (yBelow) {
      // (i) atan(u + du)
      if (u < B) {
        const v = u * u;
        return withSign(u + fma(u * v, oddPoly(v), du), y);
      }
      const k = row(u);
      const t3 = u - CIJ[k];
      // EADD(t3, du, v, dv): t3 + du = v + dv exactly
      const v = du + t3;
      const dv = Math.abs(t3) > Math.abs(du) ? (t3 - v) + du : (du - v) + t3;
      const t2 = CIJ[k + 2];
      const hi = (v * v) * fma(v, fma(v, fma(v, CIJ[k + 6], CIJ[k + 5]), CIJ[k + 4]), CIJ[k + 3]);
      const zz = fma(v, t2, fma(dv, t2, hi));
      return withSign(zz + CIJ[k + 1], y);
    }
    // (ii) pi/2 - atan(u + du)
    if (u < B) {
      const v = u * u;
      const zz = (u * v) * oddPoly(v);
      // ESUB(HPI, u, t2, cor)
      const t2 = HPI - u;
      const cor = HPI > Math.abs(u) ? (HPI - t2) - u : HPI - (u + t2);
      return withSign((((cor + HPI1) - du) - zz) + t2, y);
    }
    const k = row(u);
    const v = (u - CIJ[k]) + du;
    const zz = fma(-taylor(k, v), v, HPI1);
    return withSign((HPI - CIJ[k + 1]) + zz, y);
  }

  if (!yBelow) {
    // (iii) pi/2 + atan(u + du)
    if (u < B) {
      const v = u * u;
      const zz = (v * u) * oddPoly(v);
      // EADD(HPI, u, t2, cor)
      const t2 = u + HPI;
      const cor = HPI > Math.abs(u) ? (HPI - t2) + u : (u - t2) + HPI;
      return withSign((((cor + HPI1) + du) + zz) + t2, y);
    }
    const k = row(u);
    const t1 = HPI + CIJ[k + 1];
    const v = (u - CIJ[k]) + du;
    const zz = fma(taylor(k, v), v, HPI1);
    return withSign(t1 + zz, y);
  }

  // (iv) pi - atan(u + du)
  if (u < B) {
    const v = u * u;
    const zz = (v * u) * oddPoly(v);
    // ESUB(OPI, u, t2, cor)
    const t2 = OPI - u;
    const cor = OPI > Math.abs(u) ? (OPI - t2) - u : OPI - (t2 + u);
    return withSign((((cor + OPI1) - du) - zz) + t2, y);
  }
  const k = row(u);
  const v = (u - CIJ[k]) + du;
  const zz = fma(-taylor(k, v), v, OPI1);
  return withSign((OPI - CIJ[k + 1]) + zz, y);
}
