/**
 * sin(x) and cos(x) as glibc 2.36 computes them on x86-64 with FMA
 * (__sin_fma and __cos_fma: sysdeps/ieee754/dbl-64/s_sin.c, IBM's
 * Accurate Mathematical Library, built with -mfma; each a * b + c the
 * compiler contracted, read off its machine code, is written here as fma).
 * The JS engine's Math.sin and Math.cos differ from them for a few inputs in
 * a hundred, math.cos(0.1) among them.
 *
 * |x| is reduced to a + da (two doubles) in [-pi/4, pi/4] plus a quadrant;
 * sin(a + da) is a Taylor polynomial for |a| < 0.126, otherwise sin and cos
 * of the nearest multiple of 1/128 (SINCOS_TAB, each with a tail) combined
 * with polynomials for the rest. |x| >= 105414350 is reduced by __branred
 * (branred.ts, 144 bits of 2/pi).
 */

import { fma } from './fma.js';
import { SINCOS_TAB as T } from './sincos-table.js';
import { highWord, copysign } from './bits.js';
import { __branred } from './branred.js';

// s_sin.c and usncs.h's constants (read from the library's machine code)
/** 1.5 * 2^45: big + |x| rounds |x| to a multiple of 1/128 */
const BIG = 52776558133248.0;
const SN3 = -0.16666666666666488, SN5 = 0.008333332142857223;
const CS2 = 0.5, CS4 = -0.04166666666666644, CS6 = 0.001388888740079376;
const S1 = -0.16666666666666666, S2 = 0.008333333333332329, S3 = -0.00019841269834414642;
const S4 = 2.755729806860771e-06, S5 = -2.5022014848318398e-08;
/** pi/2 as a double and the rest */
const HP0 = 1.5707963267948966, HP1 = 6.123233995736766e-17;
/** 2/pi, the rounding shift, and pi/2 in four parts for the reduction */
const HPINV = 0.6366197723675814, TOINT = 6755399441055744.0;
const MP1 = 1.5707963407039642, MP2 = -1.3909067564377153e-08;
const PP3 = -4.97899623147991e-17, PP4 = -1.9034889620193266e-25;

/** the high word of x without its sign */
const absTop = (x: number): number => highWord(x) & 0x7fffffff;

/** TAYLOR_SIN: sin(a + da) for |a| < 0.126 (xx = a * a) */
function taylorSin(xx: number, a: number, da: number): number {
  const poly = fma(xx, fma(xx, fma(xx, fma(xx, S5, S4), S3), S2), S1);
  return a + fma(xx, fma(poly, a, -(0.5 * da)), da);
}

/** do_sin: sin(x + dx) for |x| <= pi/4 or so */
function doSin(x: number, dx: number): number {
  if (Math.abs(x) < 0.126) return taylorSin(x * x, x, dx);
  const xold = x;
  if (x <= 0) dx = -dx;
  const ax = Math.abs(x);
  const xi = BIG + ax - BIG;
  const r = ax - xi;
  const rr = r * r;
  const s = r + fma(r * rr, fma(rr, SN5, SN3), dx);
  const c = fma(r, dx, rr * fma(rr, fma(rr, CS6, CS4), CS2));
  const k = xi * 512;
  const sn = T[k], ssn = T[k + 1], cs = T[k + 2], ccs = T[k + 3];
  const cor = fma(s, cs, fma(-sn, c, fma(s, ccs, ssn)));
  return copysign(sn + cor, xold);
}

/** do_cos: cos(x + dx) for |x| <= pi/4 or so */
function doCos(x: number, dx: number): number {
  if (x < 0) dx = -dx;
  const ax = Math.abs(x);
  const xi = BIG + ax - BIG;
  const r = ax - xi + dx;
  const rr = r * r;
  const s = fma(r * rr, fma(rr, SN5, SN3), r);
  const c = rr * fma(rr, fma(rr, CS6, CS4), CS2);
  const k = xi * 512;
  const sn = T[k], ssn = T[k + 1], cs = T[k + 2], ccs = T[k + 3];
  const cor = fma(-sn, s, fma(-cs, c, fma(-s, ssn, ccs)));
  return cs + cor;
}

/** reduce_sincos's results: x = n pi/2 + a + da */
let reducedA = 0, reducedDa = 0;

/** reduce_sincos for |x| < 105414350: sets reducedA and reducedDa, returns the quadrant */
function reduce(x: number): number {
  const t = fma(x, HPINV, TOINT);
  const xn = t - TOINT;
  const y = fma(-xn, MP2, fma(-xn, MP1, x));
  const t2 = fma(-xn, PP3, y);
  const db = fma(-xn, PP3, y - t2);
  const b = fma(-xn, PP4, t2);
  reducedA = b;
  reducedDa = db + fma(-xn, PP4, t2 - b);
  return xn & 3;
}

/** do_sincos: sin(a + da) turned by quadrant n */
function doSinCos(a: number, da: number, n: number): number {
  const v = n & 1 ? doCos(a, da) : doSin(a, da);
  return n & 2 ? -v : v;
}

/** __branred's a and aa */
const huge = new Float64Array(2);

export function sin(x: number): number {
  const k = absTop(x);
  if (k < 0x3e500000) return x; // |x| < 2^-26
  if (k < 0x3feb6000) return doSin(x, 0); // |x| < 0.855469
  if (k < 0x400368fd) return copysign(doCos(HP0 - Math.abs(x), HP1), x); // |x| < 2.426265
  if (k < 0x419921fb) {
    const n = reduce(x);
    return doSinCos(reducedA, reducedDa, n);
  }
  if (k < 0x7ff00000) {
    const n = __branred(x, huge);
    return doSinCos(huge[0], huge[1], n);
  }
  return x - x; // inf or nan: nan
}

export function cos(x: number): number {
  const k = absTop(x);
  if (k < 0x3e400000) return 1.0; // |x| < 2^-27
  if (k < 0x3feb6000) return doCos(x, 0);
  if (k < 0x400368fd) {
    const y = HP0 - Math.abs(x);
    const a = y + HP1;
    return doSin(a, y - a + HP1);
  }
  if (k < 0x419921fb) {
    const n = reduce(x);
    return doSinCos(reducedA, reducedDa, n + 1);
  }
  if (k < 0x7ff00000) {
    const n = __branred(x, huge);
    return doSinCos(huge[0], huge[1], n + 1);
  }
  return x - x;
}
