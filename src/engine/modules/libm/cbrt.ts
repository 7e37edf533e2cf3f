/**
 * cbrt(x), the cube root, as glibc 2.36 computes it on x86-64 (__cbrt:
 * sysdeps/ieee754/dbl-64/s_cbrt.c, Dirk Alboth's and Ulrich Drepper's).
 * glibc has no FMA variant of cbrt, so nothing is contracted: every
 * operation here is rounded on its own, in the order of the machine code.
 * CPython's math.cbrt calls the C library's cbrt, which is not correctly
 * rounded (math.cbrt(27.0) is 3.0000000000000004): the JS engine's
 * Math.cbrt differs from it in the last bit for about half of all inputs.
 *
 * |x| = xm 2^xe with xm in [0.5, 1) (frexp), u ~= cbrt(xm) by a polynomial,
 * one Halley step u (u^3 + 2 xm) / (2 u^3 + xm), times 2^((xe mod 3)/3)
 * from a table, and 2^(xe/3) applied exactly (ldexp; the result is always
 * a normal number).
 *
 * Checked against CPython 3.12's math.cbrt on this machine on 800,000
 * sampled inputs (every binade's exponent mod 3, subnormal, huge, negative,
 * perfect cubes, specials): no difference.
 */

import { f64, u32, HI } from './bits.js';

// s_cbrt.c's constants, read from the library's machine code
/** the polynomial for cbrt(xm), xm in [0.5, 1), highest degree first (signs as the machine code applies them) */
const P6 = 0.14526389938548637; // subtracted: 0.78... - P6 xm
const P5 = 0.7849323449766392;
const P4 = 1.8346927748361308; // subtracted
const P3 = 2.4469312256353444;
const P2 = 2.114994941673713; // subtracted
const P1 = 1.508191937815849;
const P0 = 0.35489576504391984;
/** factor[2 + xe % 3]: 2^(-2/3), 2^(-1/3), 1, 2^(1/3), 2^(2/3) (the symbol `factor`) */
const FACTOR = [0.6299605249474365, 0.7937005259840997, 1.0, 1.2599210498948732, 1.5874010519681996];

export function cbrt(x: number): number {
  // zeros, infinities and NaN: x + x (-0 stays -0)
  if (x === 0 || !Number.isFinite(x)) return x + x;
  // frexp(|x|): xm in [0.5, 1), exact (a subnormal is first scaled by 2^54)
  let xe = 0;
  let ax = Math.abs(x);
  if (ax < 2 ** -1022) {
    ax *= 2 ** 54;
    xe = -54;
  }
  f64[0] = ax;
  const hx = u32[HI];
  xe += (hx >>> 20) - 1022;
  u32[HI] = (hx & 0x800fffff) | 0x3fe00000;
  const xm = f64[0];

  const u = ((((((P5 - P6 * xm) * xm - P4) * xm + P3) * xm - P2) * xm + P1) * xm + P0);
  const t2 = u * u * u;
  // C's % and / truncate toward zero
  const ym = ((xm + xm + t2) * u) / (t2 + t2 + xm) * FACTOR[2 + (xe % 3)];
  return (x > 0 ? ym : -ym) * 2 ** Math.trunc(xe / 3);
}
