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

/** the sign and exponent bits of x (top12 in glibc) */
export function top12(x: number): number {
  f64[0] = x;
  return u32[HI] >>> 20;
}
