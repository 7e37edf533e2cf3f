/**
 * A double's bits, as the C code reads them through asuint64: one shared
 * Float64Array and its two 32-bit halves (JS has no 64-bit integers short
 * of BigInt, which would cost more than the computation).
 */

export const f64 = new Float64Array(1);
export const u32 = new Uint32Array(f64.buffer);
const LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
/** indices in `u32` of the high half (sign, exponent, top of the mantissa) and the low half */
export const HI = LITTLE ? 1 : 0, LO = LITTLE ? 0 : 1;

/** x's high half (sign, exponent, top of the mantissa), unsigned (GET_HIGH_WORD) */
export function highWord(x: number): number {
  f64[0] = x;
  return u32[HI];
}

/** x's low half (GET_LOW_WORD) */
export function lowWord(x: number): number {
  f64[0] = x;
  return u32[LO];
}

/** the sign and exponent bits of x (top12 in glibc) */
export function top12(x: number): number {
  return highWord(x) >>> 20;
}

/** copysign(x, y): x's magnitude with y's sign bit (-0 and a negative NaN count as negative) */
export function copysign(x: number, y: number): number {
  const ax = Math.abs(x);
  return y < 0 || Object.is(y, -0) || (Number.isNaN(y) && highWord(y) >>> 31 !== 0) ? -ax : ax;
}
