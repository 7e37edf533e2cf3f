/**
 * Hash values. CPython counterpart: Python/pyhash.c, Include/cpython/pyhash.h.
 *
 * A Python hash is a signed 64-bit integer (Py_hash_t). Here it is a JS number
 * when it is a safe integer (every int key below 2**53, most float and tuple
 * hashes) and a bigint otherwise (str hashes from SipHash-1-3 are usually
 * full 64-bit values). Always build one with `normHash` so equal hashes have
 * one representation. Like CPython, -1 is never a valid hash (it becomes -2).
 */

export type Hash = number | bigint;

/** Modulus of numeric hashing: 2**61 - 1 (sys.hash_info.modulus). */
export const HASH_MODULUS = (1n << 61n) - 1n;
export const HASH_BITS = 61;
export const HASH_INF = 314159;
export const HASH_IMAG = 1000003;

const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER);
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Normalizes a signed 64-bit hash to its single representation. */
export function normHash(h: number | bigint): Hash {
  if (typeof h === 'number') return h === -1 ? -2 : h;
  if (h >= MIN_SAFE && h <= MAX_SAFE) {
    const n = Number(h);
    return n === -1 ? -2 : n;
  }
  return h;
}

/** The hash as a signed 64-bit bigint (for printing and for mixing). */
export function hashToBigInt(h: Hash): bigint {
  return typeof h === 'number' ? BigInt(h) : h;
}

/** The hash as an unsigned 64-bit bigint (Py_uhash_t), as set and dict probing use it. */
export function hashToUnsigned(h: Hash): bigint {
  return BigInt.asUintN(64, hashToBigInt(h));
}
