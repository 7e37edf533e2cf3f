/** The float type. CPython counterpart: Objects/floatobject.c (with its 3.12 free list). */

import { PyObject, decref, incref } from './object.js';
import {
  type PyTypeObject, type BuiltinMethod, builtinType, ObjectType, TPFLAGS_BASETYPE, TPFLAGS_HEAPTYPE,
  NB_ADD, NB_FLOOR_DIVIDE, NB_MULTIPLY, NB_REMAINDER, NB_POWER, NB_SUBTRACT, NB_TRUE_DIVIDE, NB_DIVMOD,
  Py_NE,
} from './typeobject.js';
import { heap } from '../memory/heap.js';
import { raise, unsupported } from '../eval/errors.js';
import { Exc } from './exceptions.js';
import { NotImplemented, PyNone } from './singletons.js';
import { normHash, HASH_MODULUS, HASH_INF, type Hash } from './hash.js';
import {
  PyLong, newBool, newInt, longToDouble, cmpResult, compareInts, intFromDouble, indexValue,
  subtypeAlloc, normalizeDigits,
} from './longobject.js';
import { PyStr, newStr } from './unicodeobject.js';
import { newTuple } from './tupleobject.js';
import { parseArgs, checkArity, noKeywords, formatSpecArg } from './args.js';
import { formatFloat, floatReprString, dtoaFixed } from './format.js';
// evaluated here as before its pow moved to numericops.ts: the order modules are evaluated in
// fixes the static addresses of the builtin types (their ids)
import './complexobject.js';
import { parts, deferred, deferredMethods } from '../ondemand.js';

export class PyFloat extends PyObject {
  constructor(type: PyTypeObject, public value: number) {
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

/** sizeof(PyFloatObject) */
const FLOAT_SIZE = 24;

export const FloatType = builtinType('float', FLOAT_SIZE, TPFLAGS_BASETYPE, ObjectType);

// ---------------------------------------------------------------- allocation and the free list

/** PyFloat_MAXFREELIST */
const MAX_FREELIST = 100;
/**
 * Addresses of freed floats (3.12's float free list): a freed float keeps its
 * memory, and the next float created takes the most recently freed one.
 * Reset with the heap at the start of each run (resetFloatFreeList).
 */
let freeList: number[] = [];

export function resetFloatFreeList(): void {
  freeList = [];
}

/** Number of floats on the free list (for tests and the memory view). */
export function floatFreeListSize(): number {
  return freeList.length;
}

/** PyFloat_FromDouble: a NEW reference. */
export function newFloat(x: number): PyFloat {
  const o = new PyFloat(FloatType, x);
  if (freeList.length > 0) {
    o.ptr = freeList.pop()!;
    o.size = FLOAT_SIZE;
    o.serial = heap.nextSerial++;
    if (heap.tracing) heap.observer?.alloc(o);
  } else {
    heap.allocObject(o, FLOAT_SIZE);
  }
  return o;
}

function floatDealloc(o: PyObject): void {
  if (o.type === FloatType && freeList.length < MAX_FREELIST) {
    // kept by the free list: reported as freed, but the block stays with floats
    if (heap.tracing) heap.observer?.free(o, heap.freeReason);
    freeList.push(o.ptr);
    return;
  }
  heap.freeObject(o);
}

// ---------------------------------------------------------------- conversions

export function isFloat(o: PyObject): o is PyFloat {
  return o instanceof PyFloat;
}

export function floatValue(o: PyObject): number {
  return (o as PyFloat).value;
}

/** CONVERT_TO_DOUBLE: the operand as a double, or null when it is neither float nor int. */
export function toDouble(o: PyObject): number | null {
  if (o instanceof PyFloat) return o.value;
  if (o instanceof PyLong) return longToDouble(o.value);
  return null;
}

/** PyFloat_AsDouble: float(x)'s value for any object with __float__ or __index__. */
export function asDouble(o: PyObject): number {
  if (o instanceof PyFloat) return o.value;
  if (o instanceof PyLong) return longToDouble(o.value);
  const r = numberFloat(o);
  const v = r.value;
  decref(r);
  return v;
}

/** PyNumber_Float */
export function numberFloat(o: PyObject): PyFloat {
  if (o.type === FloatType) {
    incref(o);
    return o as PyFloat;
  }
  const t = o.type;
  if (t.nb_float !== null) {
    const r = t.nb_float(o);
    if (r.type === FloatType) return r as PyFloat;
    if (r instanceof PyFloat) {
      const exact = newFloat(r.value);
      decref(r);
      return exact;
    }
    const tn = r.type.name;
    decref(r);
    raise(Exc.TypeError, `${t.name}.__float__ returned non-float (type ${tn})`);
  }
  if (t.nb_index !== null) {
    const v = indexValue(o);
    return newFloat(longToDouble(v));
  }
  if (o instanceof PyStr) return newFloat(floatFromString(o.value));
  raise(Exc.TypeError, `float() argument must be a string or a real number, not '${t.name}'`);
}

const FLOAT_RE = /^[+-]?(?:(?:\d(?:_?\d)*)?\.?\d(?:_?\d)*|\d(?:_?\d)*\.)(?:[eE][+-]?\d(?:_?\d)*)?$/;
const SPECIAL_RE = /^[+-]?(?:inf|infinity|nan)$/i;

/** float(str): Python's float literal syntax plus inf/nan (PyOS_string_to_double). */
export function floatFromString(s: string): number {
  const t = normalizeDigits(s).replace(/^[\s\u001c-\u001f\u0085]+|[\s\u001c-\u001f\u0085]+$/g, '');
  if (FLOAT_RE.test(t)) return Number(t.replace(/_/g, ''));
  if (SPECIAL_RE.test(t)) {
    const neg = t[0] === '-';
    const body = t.replace(/^[+-]/, '').toLowerCase();
    if (body === 'nan') return NaN;
    return neg ? -Infinity : Infinity;
  }
  raise(Exc.ValueError, `could not convert string to float: ${reprOfStr(s)}`);
}

function reprOfStr(s: string): string {
  const r = newStr(s);
  try {
    return r.type.tp_repr ? (r.type.tp_repr(r) as PyStr).value : `'${s}'`;
  } finally {
    decref(r);
  }
}

// ---------------------------------------------------------------- arithmetic

function floatAdd(a: PyObject, b: PyObject): PyObject {
  const x = toDouble(a);
  if (x === null) return NotImplemented;
  const y = toDouble(b);
  if (y === null) return NotImplemented;
  return newFloat(x + y);
}

function floatSub(a: PyObject, b: PyObject): PyObject {
  const x = toDouble(a);
  if (x === null) return NotImplemented;
  const y = toDouble(b);
  if (y === null) return NotImplemented;
  return newFloat(x - y);
}

function floatMul(a: PyObject, b: PyObject): PyObject {
  const x = toDouble(a);
  if (x === null) return NotImplemented;
  const y = toDouble(b);
  if (y === null) return NotImplemented;
  return newFloat(x * y);
}

function floatDiv(a: PyObject, b: PyObject): PyObject {
  const x = toDouble(a);
  if (x === null) return NotImplemented;
  const y = toDouble(b);
  if (y === null) return NotImplemented;
  if (y === 0) raise(Exc.ZeroDivisionError, 'float division by zero');
  return newFloat(x / y);
}

/** float % float with the sign of the divisor (float_rem). */
export function floatMod(vx: number, wx: number): number {
  let mod = vx % wx;
  // C's `if (mod)` is true for NaN too, hence `!== 0`
  if (mod !== 0) {
    if ((wx < 0) !== (mod < 0)) mod += wx;
  } else {
    mod = wx < 0 || Object.is(wx, -0) ? -0 : 0;
  }
  return mod;
}

/** _float_div_mod: floor quotient and remainder, CPython's exact recipe. */
export function floatDivMod(vx: number, wx: number): [number, number] {
  let mod = vx % wx;
  let div = (vx - mod) / wx;
  if (mod !== 0) {
    if ((wx < 0) !== (mod < 0)) {
      mod += wx;
      div -= 1.0;
    }
  } else {
    mod = wx < 0 || Object.is(wx, -0) ? -0 : 0;
  }
  let floordiv: number;
  if (div !== 0) {
    floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = Math.sign(vx / wx) < 0 || Object.is(vx / wx, -0) ? -0 : 0;
  }
  return [floordiv, mod];
}

function floatRem(a: PyObject, b: PyObject): PyObject {
  const x = toDouble(a);
  if (x === null) return NotImplemented;
  const y = toDouble(b);
  if (y === null) return NotImplemented;
  if (y === 0) raise(Exc.ZeroDivisionError, 'float modulo');
  return newFloat(floatMod(x, y));
}

function floatFloorDiv(a: PyObject, b: PyObject): PyObject {
  const x = toDouble(a);
  if (x === null) return NotImplemented;
  const y = toDouble(b);
  if (y === null) return NotImplemented;
  if (y === 0) raise(Exc.ZeroDivisionError, 'float floor division by zero');
  return newFloat(floatDivMod(x, y)[0]);
}

function floatNeg(o: PyObject): PyObject {
  return newFloat(-(o as PyFloat).value);
}
function floatPos(o: PyObject): PyObject {
  if (o.type === FloatType) {
    incref(o);
    return o;
  }
  return newFloat((o as PyFloat).value);
}
function floatAbs(o: PyObject): PyObject {
  return newFloat(Math.abs((o as PyFloat).value));
}
function floatBool(o: PyObject): boolean {
  return (o as PyFloat).value !== 0;
}
function floatInt(o: PyObject): PyObject {
  return intFromDouble((o as PyFloat).value);
}

// ---------------------------------------------------------------- comparison and hash

/**
 * Exact comparison of a double with an integer (float_richcompare): NaN when
 * unordered (x is nan), else -1/0/1 — correct even for ints beyond 2**53.
 */
export function compareFloatInt(x: number, v: number | bigint): number {
  if (Number.isNaN(x)) return NaN;
  if (typeof v === 'number') return x < v ? -1 : x > v ? 1 : 0;
  if (!Number.isFinite(x)) return x > 0 ? 1 : -1;
  const fl = Math.floor(x);
  const c = compareInts(BigInt(fl), v);
  if (c !== 0) return c;
  return x === fl ? 0 : 1; // x lies strictly between fl == v and v + 1
}

/** float vs int comparison for an op (used by float's richcompare, reflected for int). */
export function floatRichCompareWithInt(x: number, v: number | bigint, op: number): boolean {
  const c = compareFloatInt(x, v);
  if (Number.isNaN(c)) return op === Py_NE;
  return cmpResult(c, op);
}

function floatRichCompare(a: PyObject, b: PyObject, op: number): PyObject {
  const x = (a as PyFloat).value;
  if (b instanceof PyFloat) {
    const y = b.value;
    switch (op) {
      case 0: return newBool(x < y);
      case 1: return newBool(x <= y);
      case 2: return newBool(x === y);
      case 3: return newBool(x !== y);
      case 4: return newBool(x > y);
      default: return newBool(x >= y);
    }
  }
  if (b instanceof PyLong) return newBool(floatRichCompareWithInt(x, b.value, op));
  return NotImplemented;
}

export const f64 = new DataView(new ArrayBuffer(8));

/** |x| (finite) as mant * 2**e with mant a 53-bit integer: its IEEE 754 fields. */
export function mantissaExponent(x: number): [bigint, number] {
  f64.setFloat64(0, Math.abs(x));
  const hi = f64.getUint32(0), lo = f64.getUint32(4);
  const bexp = (hi >>> 20) & 0x7ff;
  const mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  return bexp === 0 ? [mant, -1074] : [mant | (1n << 52n), bexp - 1075];
}

/** _Py_HashDouble for finite x: (m * 2**e) mod (2**61 - 1), with x's sign. */
export function hashDouble(x: number): Hash {
  if (Number.isInteger(x) && Math.abs(x) <= Number.MAX_SAFE_INTEGER) return x === -1 ? -2 : x === 0 ? 0 : x;
  if (!Number.isFinite(x)) return x > 0 ? HASH_INF : -HASH_INF;
  const neg = x < 0;
  const [mant, e] = mantissaExponent(x);
  // 2**61 ≡ 1 (mod 2**61 - 1), so 2**e ≡ 2**(e mod 61)
  const e61 = ((e % 61) + 61) % 61;
  let h = ((mant % HASH_MODULUS) << BigInt(e61)) % HASH_MODULUS;
  if (neg) h = -h;
  return normHash(h);
}

/** _Py_HashPointer: hash(nan) in 3.10+ is its object's identity hash. */
function hashPointer(addr: number): Hash {
  const y = BigInt(addr);
  const r = BigInt.asIntN(64, (y >> 4n) | (y << 60n));
  return normHash(r);
}

function floatHash(o: PyObject): Hash {
  const x = (o as PyFloat).value;
  if (Number.isNaN(x)) return hashPointer(o.addr);
  return hashDouble(x);
}

// ---------------------------------------------------------------- repr

/** repr(float) exactly as CPython: '1e-05', '1e+16', 'inf', '1.0', '-0.0'. */
export function floatRepr(x: number): string {
  return floatReprString(x);
}

function floatReprSlot(o: PyObject): PyObject {
  return newStr(floatReprString((o as PyFloat).value));
}

// ---------------------------------------------------------------- methods

export function noArgs(name: string, args: PyObject[], kwnames: string[] | null): void {
  noKeywords(name, kwnames);
  if (args.length !== 0) raise(Exc.TypeError, `${name}() takes no arguments (${args.length} given)`);
}

function floatNew(type: PyTypeObject, args: PyObject[], kwnames: string[] | null): PyObject {
  noKeywords('float', kwnames);
  if (args.length > 1) raise(Exc.TypeError, `float expected at most 1 argument, got ${args.length}`);
  const r = args.length === 0 ? newFloat(0) : numberFloat(args[0]);
  if (type === FloatType) return r;
  const o = new PyFloat(type, r.value);
  decref(r);
  subtypeAlloc(o, FLOAT_SIZE);
  if (type.hasFlag(TPFLAGS_HEAPTYPE)) incref(type);
  return o;
}

function selfValue(o: PyObject): number {
  return (o as PyFloat).value;
}

// powers, rounding, as_integer_ratio, hex and fromhex: an on-demand part (objects/numericops.ts)
const P = parts.numeric;
const later = deferredMethods<BuiltinMethod>(P, ['as_integer_ratio', 'hex', '__round__', 'fromhex']);
/** round(x[, ndigits]) for floats (numericops.ts) */
export const roundFloat = deferred<(x: number, ndigits?: number | null) => PyObject>(P, 'roundFloat');

function setupFloatMethods(t: PyTypeObject): void {
  t.methods = {
    conjugate: (self, args, kw) => (noArgs('conjugate', args, kw), floatPos(self)),
    is_integer: (self, args, kw) => (noArgs('is_integer', args, kw), newBool(Number.isInteger(selfValue(self)))),
    as_integer_ratio: later.as_integer_ratio,
    hex: later.hex,
    __trunc__: (self, args, kw) => (noArgs('__trunc__', args, kw), intFromDouble(selfValue(self))),
    __floor__: (self, args, kw) => (noArgs('__floor__', args, kw), intFromDouble(Math.floor(selfValue(self)))),
    __ceil__: (self, args, kw) => (noArgs('__ceil__', args, kw), intFromDouble(Math.ceil(selfValue(self)))),
    __round__: later.__round__,
    __getnewargs__: (self, args, kw) => (noArgs('__getnewargs__', args, kw), newTuple([newFloat(selfValue(self))])),
    __format__: (self, args, kw) => {
      const spec = formatSpecArg('float.__format__', args, kw);
      if (spec === '') return (self.type.tp_str ?? self.type.tp_repr!)(self);
      return newStr(formatFloat(selfValue(self), spec, self.type.name));
    },
    __sizeof__: (self, args, kw) => (noArgs('__sizeof__', args, kw), newInt(FLOAT_SIZE)),
  };
  t.classMethods = { fromhex: later.fromhex };
  t.getsets = {
    real: { get: (self) => floatPos(self) },
    imag: { get: () => newFloat(0) },
  };
}

function initFloatType(t: PyTypeObject): void {
  t.tp_dealloc = floatDealloc;
  t.tp_repr = floatReprSlot;
  t.tp_hash = floatHash;
  t.tp_richcompare = floatRichCompare;
  t.tp_sizeof = () => FLOAT_SIZE;
  t.tp_new = floatNew;
  t.nb[NB_ADD] = floatAdd;
  t.nb[NB_SUBTRACT] = floatSub;
  t.nb[NB_MULTIPLY] = floatMul;
  t.nb[NB_TRUE_DIVIDE] = floatDiv;
  t.nb[NB_FLOOR_DIVIDE] = floatFloorDiv;
  t.nb[NB_REMAINDER] = floatRem;
  t.nb[NB_POWER] = deferred(P, 'float.nb_power');
  t.nb[NB_DIVMOD] = deferred(P, 'float.nb_divmod');
  t.nb_power3 = deferred(P, 'float.nb_power3');
  t.nb_negative = floatNeg;
  t.nb_positive = floatPos;
  t.nb_absolute = floatAbs;
  t.nb_bool = floatBool;
  t.nb_int = floatInt;
  t.nb_float = floatPos;
  t.doc = 'Convert a string or number to a floating point number, if possible.';
  setupFloatMethods(t);
}

initFloatType(FloatType);
