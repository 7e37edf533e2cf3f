/** The int type. CPython counterpart: Objects/longobject.c (plus the bool objects of Objects/boolobject.c, see below). */

import { PyObject, decref, incref, makeImmortal, newref } from './object.js';
import {
  type PyTypeObject, type BuiltinMethod, builtinType, ObjectType, TPFLAGS_BASETYPE, TPFLAGS_LONG_SUBCLASS,
  NB_ADD, NB_AND, NB_FLOOR_DIVIDE, NB_LSHIFT, NB_MULTIPLY, NB_REMAINDER, NB_OR, NB_POWER, NB_RSHIFT, NB_DIVMOD,
  NB_SUBTRACT, NB_TRUE_DIVIDE, NB_XOR, Py_EQ, Py_NE, Py_LT, Py_LE, Py_GT, Py_GE, TPFLAGS_HEAPTYPE,
} from './typeobject.js';
import { heap } from '../memory/heap.js';
import { raise, unsupported } from '../eval/errors.js';
import { Exc } from './exceptions.js';
import { NotImplemented, PyNone } from './singletons.js';
import { normHash, HASH_MODULUS, type Hash } from './hash.js';
import { initBoolType } from './boolobject.js';
import { newFloat } from './floatobject.js';
import { PyStr, newStr } from './unicodeobject.js';
import { PyBytes } from './bytesobject.js';
import { newTuple } from './tupleobject.js';
import { parseArgs, checkArity, noKeywords, formatSpecArg } from './args.js';
import { call, lookupAttr } from './abstract.js';
import { formatInt } from './format.js';
import { parts, deferred, deferredMethods } from '../ondemand.js';

export class PyLong extends PyObject {
  /** a JS number whenever the value is a safe integer, else a bigint (see `norm`) */
  constructor(type: PyTypeObject, public value: number | bigint) {
    super(type, true);
    // The object header, assigned here so the stores stay monomorphic (see PyObject).
    this.type = type;
    this.refcnt = 1;
    this.ptr = 0;
    this.size = 0;
    this.serial = 0;
    this.weakrefs = null;
    this.dict = null;
  }
}

/** sys.int_info.bits_per_digit */
const SHIFT = 30;
/** offsetof(PyLongObject, long_value.ob_digit) */
const LONG_HEADER = 24;
/** sys.get_int_max_str_digits() default */
export const MAX_STR_DIGITS = 4300;

export const LongType = builtinType('int', LONG_HEADER, TPFLAGS_LONG_SUBCLASS | TPFLAGS_BASETYPE, ObjectType, 4);

const MIN_SAFE_BIG = BigInt(Number.MIN_SAFE_INTEGER);
const MAX_SAFE_BIG = BigInt(Number.MAX_SAFE_INTEGER);

/** Keeps the representation canonical: bigint only outside the safe-integer range. */
export function norm(v: bigint): number | bigint {
  return v >= MIN_SAFE_BIG && v <= MAX_SAFE_BIG ? Number(v) : v;
}

export function big(v: number | bigint): bigint {
  return typeof v === 'number' ? BigInt(v) : v;
}

/** Number of bits of |v| (int.bit_length). */
export function bitLength(v: number | bigint): number {
  if (typeof v === 'number') {
    const a = Math.abs(v);
    if (a < 2 ** 31) return 32 - Math.clz32(a);
    return Math.floor(Math.log2(a)) + 1 - (2 ** Math.floor(Math.log2(a)) > a ? 1 : 0);
  }
  const a = v < 0n ? -v : v;
  // toString(16) is linear and avoids repeated shifts on huge values
  const hex = a.toString(16);
  return (hex.length - 1) * 4 + (32 - Math.clz32(parseInt(hex[0], 16)));
}

/** Number of 30-bit digits CPython stores (at least 1 since 3.12: 0 keeps ob_digit[0]). */
function ndigits(v: number | bigint): number {
  if (typeof v === 'number') {
    const a = Math.abs(v);
    return a < 2 ** 30 ? 1 : 2;
  }
  return Math.max(1, Math.ceil(bitLength(v) / SHIFT));
}

/** int.__sizeof__: offsetof(ob_digit) + max(ndigits, 1) * sizeof(digit) */
export function longSizeof(o: PyObject): number {
  return LONG_HEADER + 4 * ndigits((o as PyLong).value);
}

// ---------------------------------------------------------------- small ints

const NSMALLNEG = 5, NSMALLPOS = 257;
/** _PyRuntime.static_objects.singletons.small_ints: -5..256, immortal, 32 bytes apart */
const smallInts: PyLong[] = [];
for (let i = -NSMALLNEG; i < NSMALLPOS; i++) {
  const o = new PyLong(LongType, i);
  makeImmortal(o, 32);
  o.size = 28;
  smallInts.push(o);
}

// bool is created here, right after int, because True/False are PyLong instances
// and every int operation returns them; boolobject.ts fills in bool's behaviour.
export const BoolType = builtinType('bool', LONG_HEADER, TPFLAGS_LONG_SUBCLASS, LongType, 4);
export const PyFalse = new PyLong(BoolType, 0);
makeImmortal(PyFalse, 32);
PyFalse.size = 28;
export const PyTrue = new PyLong(BoolType, 1);
makeImmortal(PyTrue, 32);
PyTrue.size = 28;

/** PyBool_FromLong: the singleton (immortal; incref'd for uniformity). */
export function newBool(b: boolean): PyLong {
  const o = b ? PyTrue : PyFalse;
  o.refcnt++;
  if (heap.tracing) heap.onIncref(o);
  return o;
}

/** PyLong_FromLong & co: a NEW reference; -5..256 come from the small-int cache. */
export function newInt(v: number | bigint): PyLong {
  if (typeof v === 'number') {
    if (v >= -NSMALLNEG && v < NSMALLPOS) {
      const o = smallInts[v + NSMALLNEG];
      o.refcnt++;
      if (heap.tracing) heap.onIncref(o);
      return o;
    }
  } else {
    v = norm(v);
    if (typeof v === 'number') return newInt(v);
  }
  let o = longPool.pop();
  if (o === undefined) o = new PyLong(LongType, v);
  else {
    o.refcnt = 1;
    o.value = v;
  }
  heap.allocObject(o, LONG_HEADER + 4 * ndigits(v));
  return o;
}

/**
 * JS objects of freed exact ints, reused for the next int (not a CPython free
 * list: the simulated address still comes from pymalloc). Creating objects is
 * the engine's main cost in arithmetic loops; nothing keeps a JS reference to
 * a freed object (the trace refers to objects by serial).
 */
const longPool: PyLong[] = [];
const LONG_POOL_MAX = 4096;

/** A JS number result of arithmetic: newInt when safe, else recomputed exactly by the caller. */
function newIntFromDouble(x: number): PyLong {
  return newInt(x === 0 ? 0 : x);
}

/**
 * How instances of user subclasses of int (class MyInt(int)) are allocated:
 * set by the class machinery (PyType_GenericAlloc adds the GC header and
 * managed-dict pre-header); the default gives them a plain block.
 */
export let subtypeAlloc: (o: PyObject, nbytes: number) => void = (o, n) => heap.allocObject(o, n);
export function setSubtypeAlloc(f: (o: PyObject, nbytes: number) => void): void {
  subtypeAlloc = f;
}

function longDealloc(o: PyObject): void {
  heap.freeObject(o);
  if (o.type === LongType && longPool.length < LONG_POOL_MAX) longPool.push(o as PyLong);
}

// ---------------------------------------------------------------- accessors

export function isIntExact(o: PyObject): o is PyLong {
  return o.type === LongType;
}

export function isInt(o: PyObject): o is PyLong {
  return o instanceof PyLong;
}

export function intValue(o: PyObject): number | bigint {
  return (o as PyLong).value;
}

export function asBigInt(o: PyObject): bigint {
  return big((o as PyLong).value);
}

/** PyNumber_Index: an int (new reference) from an int or an object with __index__. */
export function numberIndex(o: PyObject): PyLong {
  if (o instanceof PyLong) {
    incref(o);
    return o;
  }
  const f = o.type.nb_index;
  if (f === null) raise(Exc.TypeError, `'${o.type.name}' object cannot be interpreted as an integer`);
  const r = f(o);
  if (!(r instanceof PyLong)) {
    const tn = r.type.name;
    decref(r);
    raise(Exc.TypeError, `__index__ returned non-int (type ${tn})`);
  }
  return r;
}

/** PyNumber_Index's value without keeping an object. */
export function indexValue(o: PyObject): number | bigint {
  if (o instanceof PyLong) return o.value;
  const r = numberIndex(o);
  const v = r.value;
  decref(r);
  return v;
}

/**
 * PyNumber_AsSsize_t: an index-sized integer. `exc` is what to raise when it
 * does not fit (IndexError for subscripts, OverflowError elsewhere).
 */
export function asIndex(o: PyObject, exc: PyTypeObject = Exc.OverflowError): number {
  const v = indexValue(o);
  if (typeof v === 'number') return v;
  if (v >= -(1n << 63n) && v < 1n << 63n) return Number(v);
  raise(exc, `cannot fit '${o.type.name}' into an index-sized integer`);
}

/** PyLong_AsDouble: correctly rounded, OverflowError past the float range. */
export function longToDouble(v: number | bigint): number {
  if (typeof v === 'number') return v;
  const d = Number(v);
  if (!Number.isFinite(d)) raise(Exc.OverflowError, 'int too large to convert to float');
  return d;
}

// ---------------------------------------------------------------- arithmetic

/** Both operands ints? Number slots return NotImplemented otherwise. */
export function bothInts(a: PyObject, b: PyObject): boolean {
  return a instanceof PyLong && b instanceof PyLong;
}

function longAdd(a: PyObject, b: PyObject): PyObject {
  if (!bothInts(a, b)) return NotImplemented;
  const x = (a as PyLong).value, y = (b as PyLong).value;
  if (typeof x === 'number' && typeof y === 'number') {
    const r = x + y;
    if (Number.isSafeInteger(r)) return newInt(r);
  }
  return newInt(big(x) + big(y));
}

function longSub(a: PyObject, b: PyObject): PyObject {
  if (!bothInts(a, b)) return NotImplemented;
  const x = (a as PyLong).value, y = (b as PyLong).value;
  if (typeof x === 'number' && typeof y === 'number') {
    const r = x - y;
    if (Number.isSafeInteger(r)) return newInt(r);
  }
  return newInt(big(x) - big(y));
}

function longMul(a: PyObject, b: PyObject): PyObject {
  if (!bothInts(a, b)) return NotImplemented;
  const x = (a as PyLong).value, y = (b as PyLong).value;
  if (typeof x === 'number' && typeof y === 'number') {
    const r = x * y;
    if (Number.isSafeInteger(r)) return newIntFromDouble(r);
  }
  checkBigResult(bitLength(x) + bitLength(y));
  return newInt(big(x) * big(y));
}

/** Results beyond this many bits are refused (the heap cap would end the run anyway). */
const MAX_BITS = 1 << 26;
export function checkBigResult(bits: number): void {
  if (bits <= MAX_BITS) return;
  // More memory than the simulated heap holds: CPython's allocation fails too.
  if (bits / 8 > heap.cap) raise(Exc.MemoryError);
  unsupported('integers with more than 2**26 bits');
}

/** Floor division and modulo with Python's sign rules; y !== 0. */
export function floorDivMod(x: number | bigint, y: number | bigint): [number | bigint, number | bigint] {
  if (typeof x === 'number' && typeof y === 'number') {
    let r = x % y;
    // (x - r) is an exact multiple of y, so this division is exact
    let q = (x - r) / y;
    if (r !== 0 && (r < 0) !== (y < 0)) {
      r += y;
      q -= 1;
    }
    return [q === 0 ? 0 : q, r === 0 ? 0 : r];
  }
  const bx = big(x), by = big(y);
  let q = bx / by, r = bx % by;
  if (r !== 0n && (r < 0n) !== (by < 0n)) {
    r += by;
    q -= 1n;
  }
  return [norm(q), norm(r)];
}

export function isZero(v: number | bigint): boolean {
  return v === 0;
}

function longFloorDiv(a: PyObject, b: PyObject): PyObject {
  if (!bothInts(a, b)) return NotImplemented;
  const y = (b as PyLong).value;
  if (isZero(y)) raise(Exc.ZeroDivisionError, 'integer division or modulo by zero');
  return newInt(floorDivMod((a as PyLong).value, y)[0]);
}

function longMod(a: PyObject, b: PyObject): PyObject {
  if (!bothInts(a, b)) return NotImplemented;
  const x = (a as PyLong).value, y = (b as PyLong).value;
  if (isZero(y)) raise(Exc.ZeroDivisionError, 'integer modulo by zero');
  if (typeof x === 'number' && typeof y === 'number') {
    let r = x % y;
    if (r !== 0 && (r < 0) !== (y < 0)) r += y;
    return newInt(r === 0 ? 0 : r);
  }
  return newInt(floorDivMod(x, y)[1]);
}

/** x * 2**e without intermediate overflow or double rounding (math.ldexp for exact inputs). */
export function ldexp(x: number, e: number): number {
  while (e > 1000) {
    x *= 2 ** 1000;
    e -= 1000;
    if (!Number.isFinite(x)) return x;
  }
  while (e < -1000) {
    // only reached with x an integer < 2**54, so these steps stay exact
    x *= 2 ** -1000;
    e += 1000;
  }
  return x * 2 ** e;
}

/**
 * a / b for integers, correctly rounded (long_true_divide): the quotient is
 * computed to exactly the precision the result double can hold (53 bits, or
 * fewer for subnormals) and rounded half-to-even on the exact remainder.
 */
export function trueDivideInts(x: number | bigint, y: number | bigint): number {
  if (isZero(y)) raise(Exc.ZeroDivisionError, 'division by zero');
  if (typeof x === 'number' && typeof y === 'number') return x / y;
  let a = big(x), b = big(y);
  const negative = (a < 0n) !== (b < 0n);
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  if (a === 0n) return negative ? -0 : 0;
  // e = floor(log2(a / b))
  let e = bitLength(a) - bitLength(b);
  if ((e >= 0 ? a < b << BigInt(e) : a << BigInt(-e) < b)) e--;
  if (e > 1023) raise(Exc.OverflowError, 'integer division result too large for a float');
  const u = Math.max(e - 52, -1074); // exponent of the result's last bit
  let num = a, den = b;
  if (u >= 0) den <<= BigInt(u);
  else num <<= BigInt(-u);
  let q = num / den;
  const r2 = (num % den) * 2n;
  if (r2 > den || (r2 === den && (q & 1n) === 1n)) q++;
  const result = ldexp(Number(q), u);
  if (!Number.isFinite(result)) raise(Exc.OverflowError, 'integer division result too large for a float');
  return negative ? -result : result;
}

function longTrueDiv(a: PyObject, b: PyObject): PyObject {
  if (!bothInts(a, b)) return NotImplemented;
  return newFloat(trueDivideInts((a as PyLong).value, (b as PyLong).value));
}

function shiftCount(b: PyLong): number {
  const n = b.value;
  if (n < 0) raise(Exc.ValueError, 'negative shift count');
  return typeof n === 'number' ? n : Number(n);
}

function longLshift(a: PyObject, b: PyObject): PyObject {
  if (!bothInts(a, b)) return NotImplemented;
  const x = (a as PyLong).value;
  const n = shiftCount(b as PyLong);
  if (isZero(x)) return newInt(0);
  if (typeof x === 'number' && n < 53) {
    const r = x * 2 ** n;
    if (Number.isSafeInteger(r)) return newInt(r);
  }
  checkBigResult(bitLength(x) + n);
  return newInt(big(x) << BigInt(n));
}

function longRshift(a: PyObject, b: PyObject): PyObject {
  if (!bothInts(a, b)) return NotImplemented;
  const x = (a as PyLong).value;
  const n = shiftCount(b as PyLong);
  if (typeof x === 'number') {
    if (n >= 64) return newInt(x < 0 ? -1 : 0);
    return newInt(Math.floor(x / 2 ** n));
  }
  if (n > bitLength(x)) return newInt(x < 0n ? -1 : 0);
  return newInt(x >> BigInt(n));
}

const INT32_MIN = -(2 ** 31), INT32_MAX = 2 ** 31 - 1;
function isInt32(v: number | bigint): v is number {
  return typeof v === 'number' && v >= INT32_MIN && v <= INT32_MAX;
}

export function bitAnd(x: number | bigint, y: number | bigint): number | bigint {
  if (isInt32(x) && isInt32(y)) return x & y;
  return norm(big(x) & big(y));
}
export function bitOr(x: number | bigint, y: number | bigint): number | bigint {
  if (isInt32(x) && isInt32(y)) return x | y;
  return norm(big(x) | big(y));
}
export function bitXor(x: number | bigint, y: number | bigint): number | bigint {
  if (isInt32(x) && isInt32(y)) return x ^ y;
  return norm(big(x) ^ big(y));
}

function longAnd(a: PyObject, b: PyObject): PyObject {
  if (!bothInts(a, b)) return NotImplemented;
  return newInt(bitAnd((a as PyLong).value, (b as PyLong).value));
}
function longOr(a: PyObject, b: PyObject): PyObject {
  if (!bothInts(a, b)) return NotImplemented;
  return newInt(bitOr((a as PyLong).value, (b as PyLong).value));
}
function longXor(a: PyObject, b: PyObject): PyObject {
  if (!bothInts(a, b)) return NotImplemented;
  return newInt(bitXor((a as PyLong).value, (b as PyLong).value));
}

/** A plain int equal to `o` (int(x) on a bool or an int subclass gives an exact int). */
export function longExact(o: PyLong): PyLong {
  if (o.type === LongType) {
    incref(o);
    return o;
  }
  return newInt(o.value);
}

function longNeg(o: PyObject): PyObject {
  const v = (o as PyLong).value;
  return typeof v === 'number' ? newInt(v === 0 ? 0 : -v) : newInt(-v);
}
function longPos(o: PyObject): PyObject {
  return longExact(o as PyLong);
}
function longAbs(o: PyObject): PyObject {
  const v = (o as PyLong).value;
  if (typeof v === 'number') return newInt(Math.abs(v));
  return newInt(v < 0n ? -v : v);
}
function longInvert(o: PyObject): PyObject {
  const v = (o as PyLong).value;
  if (typeof v === 'number') return newInt(-v - 1);
  return newInt(-v - 1n);
}
function longBool(o: PyObject): boolean {
  return (o as PyLong).value !== 0;
}
function longFloat(o: PyObject): PyObject {
  return newFloat(longToDouble((o as PyLong).value));
}

// ---------------------------------------------------------------- comparison and hash

/** Three-way comparison of two int values. */
export function compareInts(x: number | bigint, y: number | bigint): number {
  if (typeof x === 'number' && typeof y === 'number') return x < y ? -1 : x > y ? 1 : 0;
  const bx = big(x), by = big(y);
  return bx < by ? -1 : bx > by ? 1 : 0;
}

export function cmpResult(c: number, op: number): boolean {
  switch (op) {
    case Py_LT: return c < 0;
    case Py_LE: return c <= 0;
    case Py_EQ: return c === 0;
    case Py_NE: return c !== 0;
    case Py_GT: return c > 0;
    default: return c >= 0;
  }
}

function longRichCompare(a: PyObject, b: PyObject, op: number): PyObject {
  if (!(b instanceof PyLong)) return NotImplemented;
  const x = (a as PyLong).value, y = b.value;
  if (typeof x === 'number' && typeof y === 'number') {
    switch (op) {
      case Py_LT: return newBool(x < y);
      case Py_LE: return newBool(x <= y);
      case Py_EQ: return newBool(x === y);
      case Py_NE: return newBool(x !== y);
      case Py_GT: return newBool(x > y);
      default: return newBool(x >= y);
    }
  }
  return newBool(cmpResult(compareInts(x, y), op));
}

/** The numeric hash of an integer: sign * (|v| mod 2**61-1), -1 → -2. */
export function hashInt(v: number | bigint): Hash {
  if (typeof v === 'number') return v === -1 ? -2 : v; // |v| < 2**53 < modulus
  const neg = v < 0n;
  let h = (neg ? -v : v) % HASH_MODULUS;
  if (neg) h = -h;
  return normHash(h);
}

function longHash(o: PyObject): Hash {
  return hashInt((o as PyLong).value);
}

// ---------------------------------------------------------------- repr and parsing

/** Decimal string of an int value, with 3.12's int_max_str_digits limit. */
export function intToDecimal(v: number | bigint): string {
  if (typeof v === 'number') return String(v);
  if (bitLength(v) > 14300) {
    // more than 4300 digits for sure (4300 digits < 2**14285); CPython checks before converting
    raise(Exc.ValueError, `Exceeds the limit (${MAX_STR_DIGITS} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit`);
  }
  const s = v.toString();
  if (s.length - (v < 0n ? 1 : 0) > MAX_STR_DIGITS) {
    raise(Exc.ValueError, `Exceeds the limit (${MAX_STR_DIGITS} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit`);
  }
  return s;
}

function longRepr(o: PyObject): PyObject {
  return newStr(intToDecimal((o as PyLong).value));
}

/** bin()/oct()/hex() text of an int value: sign, prefix, digits. */
export function intToBase(v: number | bigint, base: 2 | 8 | 16): string {
  const prefix = base === 2 ? '0b' : base === 8 ? '0o' : '0x';
  const neg = v < 0;
  const a = typeof v === 'number' ? Math.abs(v) : v < 0n ? -v : v;
  return (neg ? '-' : '') + prefix + a.toString(base);
}

/** Unicode decimal digits (Nd) are accepted by int() and float(): map them to ASCII. */
export function normalizeDigits(s: string): string {
  if (/^[\x00-\x7f]*$/.test(s)) return s;
  let out = '';
  for (const ch of s) {
    if (/\p{Nd}/u.test(ch)) {
      // find the zero of this digit block: Nd digits come in runs of ten
      let cp = ch.codePointAt(0)!, d = 0;
      while (d < 9 && /\p{Nd}/u.test(String.fromCodePoint(cp - 1))) {
        cp--;
        d++;
      }
      out += String(d);
    } else if (/\s/u.test(ch)) out += ' ';
    else out += ch;
  }
  return out;
}

/**
 * PyLong_FromUnicodeObject: int(s, base) with Python's literal rules: an
 * on-demand part (objects/intparse.ts), which the word int loads.
 */
export const intFromString = deferred<(s: string, base: number) => PyLong>(parts.intparse, 'intFromString');

// ---------------------------------------------------------------- constructor

/** int(x) for a float value: truncation toward zero with CPython's errors. */
export function intFromDouble(d: number): PyLong {
  if (Number.isNaN(d)) raise(Exc.ValueError, 'cannot convert float NaN to integer');
  if (!Number.isFinite(d)) raise(Exc.OverflowError, 'cannot convert float infinity to integer');
  const t = Math.trunc(d);
  return newInt(Number.isSafeInteger(t) ? (t === 0 ? 0 : t) : BigInt(t));
}

/** PyNumber_Long: int(x) for one argument. */
export function numberLong(o: PyObject): PyLong {
  if (o.type === LongType) return newref(o as PyLong);
  const t = o.type;
  if (t.nb_int !== null) {
    const r = t.nb_int(o);
    if (r.type === LongType) return r as PyLong;
    if (r instanceof PyLong) {
      // __int__ returned an int subclass: CPython warns and converts
      const exact = newInt(r.value);
      decref(r);
      return exact;
    }
    const tn = r.type.name;
    decref(r);
    raise(Exc.TypeError, `__int__ returned non-int (type ${tn})`);
  }
  if (t.nb_index !== null) {
    const r = numberIndex(o);
    if (r.type === LongType) return r;
    const exact = newInt(r.value);
    decref(r);
    return exact;
  }
  const trunc = lookupAttr(o, '__trunc__');
  if (trunc !== null) {
    let r: PyObject;
    try {
      r = call(trunc, []);
    } finally {
      decref(trunc);
    }
    if (r instanceof PyLong) return r;
    try {
      return numberIndex(r);
    } catch (e) {
      raise(Exc.TypeError, `__trunc__ returned non-Integral (type ${r.type.name})`);
    } finally {
      decref(r);
    }
  }
  if (o instanceof PyStr) return intFromString(o.value, 10);
  if (o instanceof PyBytes) return intFromString(latin1(o.value), 10);
  raise(Exc.TypeError, `int() argument must be a string, a bytes-like object or a real number, not '${t.name}'`);
}

function latin1(u: Uint8Array): string {
  let s = '';
  for (let i = 0; i < u.length; i++) s += String.fromCharCode(u[i]);
  return s;
}

const INT_NEW_ARGS = ['x', 'base'] as const;

function longNew(type: PyTypeObject, args: PyObject[], kwnames: string[] | null): PyObject {
  const [x, baseObj] = parseArgs('int', args, kwnames, INT_NEW_ARGS, 0, 1);
  let r: PyLong;
  if (x === undefined) {
    if (baseObj !== undefined) raise(Exc.TypeError, "int() missing string argument");
    r = newInt(0);
  } else if (baseObj === undefined) {
    r = numberLong(x);
  } else {
    const base = asIndex(baseObj);
    if (x instanceof PyStr) r = intFromString(x.value, base);
    else if (x instanceof PyBytes) r = intFromString(latin1(x.value), base);
    else raise(Exc.TypeError, "int() can't convert non-string with explicit base");
  }
  if (type === LongType) return r;
  // a subclass instance (class MyInt(int)): copy the value into a new object of that type
  const o = new PyLong(type, r.value);
  decref(r);
  subtypeAlloc(o, LONG_HEADER + 4 * ndigits(o.value));
  if (type.hasFlag(TPFLAGS_HEAPTYPE)) incref(type);
  return o;
}

// ---------------------------------------------------------------- methods

function selfValue(self: PyObject): number | bigint {
  return (self as PyLong).value;
}

/** int.bit_count: population count of |x| */
function bitCount(v: number | bigint): number {
  let a = big(v);
  if (a < 0n) a = -a;
  let n = 0;
  const s = a.toString(2);
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 49) n++;
  return n;
}

/**
 * int.to_bytes and int.from_bytes load with the bytes methods
 * (objects/bytesmethods.ts, src/engine/ondemand.ts); these stubs forward to them.
 */
const intBytes = deferredMethods<BuiltinMethod>(parts.bytes, ['to_bytes', 'from_bytes']);

function noArgs(name: string, args: PyObject[], kwnames: string[] | null): void {
  noKeywords(name, kwnames);
  if (args.length !== 0) raise(Exc.TypeError, `${name}() takes no arguments (${args.length} given)`);
}

/** round(int, ndigits): round half to even at 10**-ndigits (long_round). */
export function roundInt(x: PyObject, ndigits: PyObject | null): PyObject {
  if (ndigits === null || ndigits === PyNone) return longExact(x as PyLong);
  const nd = indexValue(ndigits);
  if (nd >= 0) return longExact(x as PyLong);
  const v = big((x as PyLong).value);
  const nbig = -big(nd);
  if (nbig > 100000n) return newInt(0);
  const p = 10n ** nbig;
  let q = v / p, r = v % p;
  if (r < 0n) { r += p; q -= 1n; }
  const twice = 2n * r;
  if (twice > p || (twice === p && (q & 1n) === 1n)) q += 1n;
  return newInt(q * p);
}

function setupLongMethods(t: PyTypeObject): void {
  t.methods = {
    conjugate: (self, args, kw) => (noArgs('conjugate', args, kw), longExact(self as PyLong)),
    bit_length: (self, args, kw) => (noArgs('bit_length', args, kw), newInt(bitLength(selfValue(self)))),
    bit_count: (self, args, kw) => (noArgs('bit_count', args, kw), newInt(bitCount(selfValue(self)))),
    to_bytes: intBytes.to_bytes,
    as_integer_ratio: (self, args, kw) => (noArgs('as_integer_ratio', args, kw), newTuple([longExact(self as PyLong), newInt(1)])),
    is_integer: (_self, args, kw) => (noArgs('is_integer', args, kw), newBool(true)),
    __trunc__: (self, args, kw) => (noArgs('__trunc__', args, kw), longExact(self as PyLong)),
    __floor__: (self, args, kw) => (noArgs('__floor__', args, kw), longExact(self as PyLong)),
    __ceil__: (self, args, kw) => (noArgs('__ceil__', args, kw), longExact(self as PyLong)),
    __round__: (self, args, kw) => {
      noKeywords('__round__', kw);
      checkArity('__round__', args, 0, 1);
      return roundInt(self, args.length ? args[0] : null);
    },
    __getnewargs__: (self, args, kw) => (noArgs('__getnewargs__', args, kw), newTuple([newInt(selfValue(self))])),
    __format__: (self, args, kw) => {
      const spec = formatSpecArg('int.__format__', args, kw);
      if (spec === '') return (self.type.tp_str ?? self.type.tp_repr!)(self);
      return newStr(formatInt(selfValue(self), spec, self.type.name));
    },
    __sizeof__: (self, args, kw) => (noArgs('__sizeof__', args, kw), newInt(longSizeof(self))),
  };
  t.classMethods = { from_bytes: intBytes.from_bytes };
  t.getsets = {
    real: { get: (self) => longExact(self as PyLong) },
    imag: { get: () => newInt(0) },
    numerator: { get: (self) => longExact(self as PyLong) },
    denominator: { get: () => newInt(1) },
  };
}

// ---------------------------------------------------------------- the type

function initLongType(t: PyTypeObject): void {
  t.tp_dealloc = longDealloc;
  t.tp_repr = longRepr;
  t.tp_hash = longHash;
  t.tp_richcompare = longRichCompare;
  t.tp_sizeof = longSizeof;
  t.tp_new = longNew;
  t.nb[NB_ADD] = longAdd;
  t.nb[NB_SUBTRACT] = longSub;
  t.nb[NB_MULTIPLY] = longMul;
  t.nb[NB_FLOOR_DIVIDE] = longFloorDiv;
  t.nb[NB_REMAINDER] = longMod;
  t.nb[NB_TRUE_DIVIDE] = longTrueDiv;
  t.nb[NB_POWER] = deferred(parts.numeric, 'int.nb_power');
  t.nb[NB_DIVMOD] = deferred(parts.numeric, 'int.nb_divmod');
  t.nb[NB_LSHIFT] = longLshift;
  t.nb[NB_RSHIFT] = longRshift;
  t.nb[NB_AND] = longAnd;
  t.nb[NB_OR] = longOr;
  t.nb[NB_XOR] = longXor;
  t.nb_power3 = deferred(parts.numeric, 'int.nb_power3');
  t.nb_negative = longNeg;
  t.nb_positive = longPos;
  t.nb_absolute = longAbs;
  t.nb_invert = longInvert;
  t.nb_bool = longBool;
  t.nb_int = longPos;
  t.nb_index = longPos;
  t.nb_float = longFloat;
  t.doc = 'int([x]) -> integer\nint(x, base=10) -> integer';
  setupLongMethods(t);
}

initLongType(LongType);
initBoolType(BoolType);
