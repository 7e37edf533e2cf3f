/**
 * fma(a, b, c): a * b + c rounded once, as the x86-64 vfmadd instructions
 * compute it. glibc's exp and log are compiled with FMA contraction on
 * machines that have it (their *_fma variants), so a port that rounds the
 * product first differs from them in the last bit now and then.
 *
 * The fast path is Boldo and Melquiond's emulation ("Emulation of FMA and
 * correctly rounded sums: proved algorithms using rounding to odd", 2008):
 * the exact product as two doubles (Veltkamp/Dekker), the exact sum of its
 * high part and c (TwoSum), the two low parts added with rounding to odd,
 * then one rounding to nearest. Its proof needs no overflow or underflow on
 * the way; operands far from 1 take the exact BigInt path instead.
 */

import { f64, u32, HI, LO } from './bits.js';

const SPLIT = 134217729; // 2^27 + 1
/** |operands| and |results| inside which the fast path cannot overflow or underflow */
const BIG = 2 ** 500;
const SMALL = 2 ** -400;

export function fma(a: number, b: number, c: number): number {
  const p = a * b;
  const aa = Math.abs(a), ab = Math.abs(b), ac = Math.abs(c), ap = Math.abs(p);
  const ok = (x: number): boolean => x === 0 || (x > SMALL && x < BIG);
  if (!(ok(aa) && ok(ab) && ok(ac) && ok(ap))) return fmaExact(a, b, c);
  if (p === 0 || c === 0) return p + c;
  // p + e = a * b exactly
  let t = SPLIT * a;
  const ah = t - (t - a), al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b), bl = b - bh;
  const e = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
  // s + u = p + c exactly
  const s = p + c;
  const bv = s - p;
  const u = (p - (s - bv)) + (c - bv);
  return s + addOdd(u, e);
}

/** x + y rounded to odd: the exact sum if it is a double, else its neighbour whose last bit is 1 */
function addOdd(x: number, y: number): number {
  const v = x + y;
  const bv = v - x;
  const err = (x - (v - bv)) + (y - bv);
  if (err === 0) return v;
  f64[0] = v;
  if ((u32[LO] & 1) === 1) return v;
  // one step from v towards the exact sum (v is not 0 here: the sum would be exact)
  const up = (err > 0) === (v > 0);
  if (up) {
    if (u32[LO] === 0xffffffff) { u32[LO] = 0; u32[HI]++; } else u32[LO]++;
  } else if (u32[LO] === 0) {
    u32[LO] = 0xffffffff;
    u32[HI]--;
  } else {
    u32[LO]--;
  }
  return f64[0];
}

// ---------------------------------------------------------------- exact path

/** a finite double as m * 2^e, m an integer */
function parts(x: number): [bigint, number] {
  f64[0] = x;
  const hi = u32[HI], lo = u32[LO];
  const exp = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (exp === 0) e = -1074;
  else {
    m |= 1n << 52n;
    e = exp - 1075;
  }
  return [hi >>> 31 ? -m : m, e];
}

/** x * 2^k for a result that is a double (k may be beyond what one 2^k can hold) */
function ldexp(x: number, k: number): number {
  while (k > 1023) {
    x *= 2 ** 1023;
    k -= 1023;
  }
  while (k < -1022) {
    x *= 2 ** -1022;
    k += 1022;
  }
  return x * 2 ** k;
}

function bitLength(n: bigint): number {
  return n.toString(2).length;
}

/** fma by exact integer arithmetic: slow, for operands near the ends of the double range */
export function fmaExact(a: number, b: number, c: number): number {
  // (a finite product is not rounded first: it cannot overflow into inf - inf)
  if (Number.isFinite(a) && Number.isFinite(b) && !Number.isFinite(c)) return c;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a * b + c;
  const [ma, ea] = parts(a), [mb, eb] = parts(b), [mc, ec] = parts(c);
  let mp = ma * mb;
  let ep = ea + eb;
  let m2 = mc;
  // align both terms on the smaller exponent
  const e = Math.min(ep, ec);
  mp <<= BigInt(ep - e);
  m2 <<= BigInt(ec - e);
  ep = e;
  const sum = mp + m2;
  // an exact zero: the sign IEEE 754 gives (+0 unless both terms are -0)
  if (sum === 0n) return a * b + c;
  return scaledToDouble(sum, ep);
}

/**
 * m * 2^e rounded to the nearest double (ties to even), as one IEEE 754
 * rounding does it: subnormal results keep fewer bits, results too large
 * are infinite. (float.fromhex rounds the same way.)
 */
export function scaledToDouble(m: bigint, e: number): number {
  const neg = m < 0n;
  let mag = neg ? -m : m;
  if (mag === 0n) return neg ? -0 : 0;
  const n = bitLength(mag);
  // keep 53 bits, or fewer where the result is subnormal (nothing below 2^-1074)
  const drop = Math.max(n - 53, -1074 - e);
  let exp = e;
  if (drop > 0) {
    if (drop > n + 1) return neg ? -0 : 0; // below half of the smallest subnormal
    const d = BigInt(drop);
    const q = mag >> d;
    const rem = mag - (q << d);
    const half = 1n << (d - 1n);
    mag = rem > half || (rem === half && (q & 1n) === 1n) ? q + 1n : q;
    exp += drop;
  }
  if (exp + bitLength(mag) > 1025) return neg ? -Infinity : Infinity;
  const r = ldexp(Number(mag), exp);
  return neg ? -r : r;
}
