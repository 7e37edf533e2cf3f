/**
 * __branred (sysdeps/ieee754/dbl-64/branred.c, glibc 2.36): the reduction
 * sin, cos and tan use for huge arguments, x = n pi/2 + a + aa with 144 bits
 * of 2/pi (TOVERP). It has no FMA variant: every operation rounds on its own,
 * in the C code's order (checked against its machine code). Ported with tan
 * (tan.ts), checked through it and through sin and cos against CPython.
 */

import { TOVERP } from './tan-table.js';
import { f64, u32, HI } from './bits.js';

// branred.h's constants (read from __branred's machine code)
/** 2^27 + 1: Veltkamp's splitting */
const SPLIT = 134217729.0;
const TM600 = 2 ** -600, TM24 = 2 ** -24;
/** 1.5 * 2^52 and 1.5 * 2^54: adding and subtracting them rounds to a multiple of 1 and of 4 */
const BIG = 6755399441055744.0, BIG1 = 27021597764222976.0;
/** pi/2 = HP0 + HP1; and ~ BMP1 + BMP2, whose short mantissas (26 and 23 bits) make t1 * BMP1 and the like exact */
const HP0 = 1.5707963267948966, HP1 = 6.123233995736766e-17;
const BMP1 = 1.5707963407039642, BMP2 = -1.3909067675399456e-08;

const abs = Math.abs;

/** one half (x1 or x2, exact parts of 2^-600 x) of __branred: returns sum, sets partB and partBb */
let partB = 0, partBb = 0;
const r = new Float64Array(6);
function branredPart(xh: number): number {
  f64[0] = xh;
  let k = (u32[HI] >>> 20) & 2047;
  k = Math.trunc((k - 450) / 24); // C's int division truncates
  if (k < 0) k = 0;
  // gor = t576 with (k * 24) taken off its exponent: 2^(576 - 24 k)
  let gor = 2 ** (576 - k * 24);
  for (let i = 0; i < 6; i++) {
    r[i] = xh * TOVERP[k + i] * gor;
    gor *= TM24;
  }
  let sum = 0;
  for (let i = 0; i < 3; i++) {
    const s = r[i] + BIG - BIG;
    sum += s;
    r[i] -= s;
  }
  let t = 0;
  for (let i = 0; i < 6; i++) t += r[5 - i];
  let bb = r[0] - t + r[1] + r[2] + r[3] + r[4] + r[5];
  let s = t + BIG - BIG;
  sum += s;
  t -= s;
  const b = t + bb;
  bb = t - b + bb;
  s = sum + BIG1 - BIG1;
  sum -= s;
  partB = b;
  partBb = bb;
  return sum;
}

/**
 * __branred: x = n pi/2 + y[0] + y[1] with |y[0] + y[1]| <= pi/4 (about) for
 * huge x; returns n mod 4 (y as C's two pointers). Each 26-bit half of x is
 * multiplied by the 144 bits of 2/pi (TOVERP) its exponent needs, the whole
 * multiples of 4 dropped, the rest summed in double length.
 */
export function __branred(x: number, y: Float64Array): number {
  x *= TM600;
  let t = x * SPLIT; // split x into two halves of 26 bits
  const x1 = t - (t - x);
  const x2 = x - x1;

  const sum1 = branredPart(x1);
  const b1 = partB, bb1 = partBb;
  const sum2 = branredPart(x2);
  const b2 = partB, bb2 = partBb;

  let sum = sum1 + sum2;
  let b = b1 + b2;
  let bb = abs(b1) > abs(b2) ? b1 - b + b2 : b2 - b + b1;
  if (b > 0.5) {
    b -= 1.0;
    sum += 1.0;
  } else if (b < -0.5) {
    b += 1.0;
    sum -= 1.0;
  }
  let s = b + (bb + bb1 + bb2);
  t = b - s + bb + (bb1 + bb2);
  b = s * SPLIT;
  const t1 = b - (b - s);
  const t2 = s - t1;
  b = s * HP0;
  bb = t1 * BMP1 - b + t1 * BMP2 + t2 * BMP1 + (t2 * BMP2 + s * HP1 + t * HP0);
  s = b + bb;
  t = b - s + bb;
  y[0] = s;
  y[1] = t;
  return Math.trunc(sum) & 3; // (int) sum & 3, two's complement as in C
}

