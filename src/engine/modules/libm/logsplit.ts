/**
 * The argument reduction glibc's log, log2 and pow's log share: x = 2^k z
 * with z in [c, 2c) for a constant c a little below 1, read off x's bits,
 * and the index of z's subinterval in the function's table. Also the
 * special inputs log and log2 treat alike.
 */

import { f64, u32, HI, LO } from './bits.js';

/** k and the table index of the last splitLogArg */
export let splitK = 0;
export let splitI = 0;

/**
 * z for x's bits `hi`, `lo` (a subnormal's normalized: exponent made
 * negative); `offHi` is the high half of c's bits (the low half is 0), the
 * table has 2^`tableBits` entries. Sets splitK and splitI.
 */
export function splitLogArg(hi: number, lo: number, offHi: number, tableBits: number): number {
  // tmp = ix - off, of which only the high half changes
  const tmpHi = (hi - offHi) | 0;
  splitI = (tmpHi >>> (20 - tableBits)) & ((1 << tableBits) - 1);
  splitK = tmpHi >> 20;
  // z = x 2^-k: x with tmp's exponent taken off
  u32[HI] = (hi - (tmpHi & 0xfff00000)) >>> 0;
  u32[LO] = lo;
  return f64[0];
}

/**
 * log or log2 of x below 0x1p-1022, infinite or nan: the result, or null for
 * a subnormal x, whose bits normalized (those of x 2^52 with the exponent
 * lowered by 52) are then in `u32`.
 */
export function logSpecial(x: number): number | null {
  if (x === 0) return -Infinity; // __math_divzero (1)
  if (x === Infinity) return x;
  if (x < 0 || Number.isNaN(x)) return NaN; // __math_invalid
  f64[0] = x * 2 ** 52;
  u32[HI] = (u32[HI] - (52 << 20)) >>> 0;
  return null;
}
