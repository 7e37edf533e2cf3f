/**
 * The complex type's code: its slots and methods, loaded on demand (a program
 * with an imaginary literal, `complex`, `**` or `pow` loads it; see
 * src/engine/ondemand.ts). The type itself, with a stub in every slot, is in
 * complexobject.ts, so that its dict is the same before the code arrives.
 * CPython counterpart: Objects/complexobject.c (3.12; no free list).
 */

import { PyObject, decref, incref } from './object.js';
import {
  type PyTypeObject, TPFLAGS_HEAPTYPE, Py_EQ, Py_NE,
} from './typeobject.js';
import { heap } from '../memory/heap.js';
import { raise, unsupported } from '../eval/errors.js';
import { Exc } from './exceptions.js';
import { NotImplemented, PyNone } from './singletons.js';
import { normHash, HASH_IMAG, type Hash } from './hash.js';
import { PyLong, newBool, longToDouble, normalizeDigits, subtypeAlloc } from './longobject.js';
import { PyFloat, newFloat, numberFloat, hashDouble } from './floatobject.js';
import { PyStr, newStr } from './unicodeobject.js';
import { newTuple } from './tupleobject.js';
import { parseArgs, checkArity, noKeywords, formatSpecArg } from './args.js';
import { richCompare } from './abstract.js';
import type { BuiltinMethod } from './typeobject.js';
import { PyComplex, ComplexType, newComplex } from './complexobject.js';
import { callDunder } from './typeslots.js';
import { doubleToString, DTSF_SIGN } from './format.js';
import { pow } from '../modules/libm/pow.js';
import { atan2 } from '../modules/libm/atan.js';
import { exp } from '../modules/libm/exp.js';
import { log } from '../modules/libm/log.js';
import { sin, cos } from '../modules/libm/sincos.js';
import { hypot } from '../modules/libm/hypot.js';

/** complex_subtype_from_doubles */
function complexSubtypeFromDoubles(type: PyTypeObject, real: number, imag: number): PyComplex {
  if (type === ComplexType) return newComplex(real, imag);
  const o = new PyComplex(type, real, imag);
  subtypeAlloc(o, type.basicsize);
  if (type.hasFlag(TPFLAGS_HEAPTYPE)) incref(type);
  return o;
}

function complexDealloc(o: PyObject): void {
  heap.freeObject(o);
}

type C = [number, number];

/** TO_COMPLEX: an int, float or complex operand as (real, imag); null otherwise. */
function toComplex(o: PyObject): C | null {
  if (o instanceof PyComplex) return [o.real, o.imag];
  if (o instanceof PyFloat) return [o.value, 0];
  if (o instanceof PyLong) return [longToDouble(o.value), 0];
  return null;
}

// ---------------------------------------------------------------- arithmetic (_Py_c_*)

function cProd(a: C, b: C): C {
  return [a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]];
}

/** _Py_c_quot: Smith's algorithm; null means division by zero (errno EDOM). */
function cQuot(a: C, b: C): C | null {
  const absBr = Math.abs(b[0]), absBi = Math.abs(b[1]);
  if (absBr >= absBi) {
    if (absBr === 0) return null;
    const ratio = b[1] / b[0];
    const denom = b[0] + b[1] * ratio;
    return [(a[0] + a[1] * ratio) / denom, (a[1] - a[0] * ratio) / denom];
  }
  if (absBi >= absBr) {
    const ratio = b[0] / b[1];
    const denom = b[0] * ratio + b[1];
    return [(a[0] * ratio + a[1]) / denom, (a[1] * ratio - a[0]) / denom];
  }
  return [NaN, NaN];
}

/** errno after an operation */
const enum Errno { OK, EDOM, ERANGE }

/** _Py_c_pow (with the C library's functions, as CPython calls them: glibc's, to the last bit) */
function cPow(a: C, b: C): [C, Errno] {
  if (b[0] === 0 && b[1] === 0) return [[1, 0], Errno.OK];
  if (a[0] === 0 && a[1] === 0) {
    return [[0, 0], b[1] !== 0 || b[0] < 0 ? Errno.EDOM : Errno.OK];
  }
  const vabs = hypot(a[0], a[1]);
  let len = pow(vabs, b[0]);
  const at = atan2(a[1], a[0]);
  let phase = at * b[0];
  if (b[1] !== 0) {
    len /= exp(at * b[1]);
    phase += b[1] * log(vabs);
  }
  return [[len * cos(phase), len * sin(phase)], Errno.OK];
}

/** c_powu: exponentiation by squaring */
function cPowu(x: C, n: number): C {
  let r: C = [1, 0];
  let p = x;
  let mask = 1;
  while (mask > 0 && n >= mask) {
    if (n & mask) r = cProd(r, p);
    mask <<= 1;
    p = cProd(p, p);
  }
  return r;
}

/** c_powi */
function cPowi(x: C, n: number): [C, Errno] {
  if (n > 0) return [cPowu(x, n), Errno.OK];
  const q = cQuot([1, 0], cPowu(x, -n));
  return q === null ? [[0, 0], Errno.EDOM] : [q, Errno.OK];
}

function isHuge(x: number): boolean {
  return x === Infinity || x === -Infinity;
}

function complexAdd(v: PyObject, w: PyObject): PyObject {
  const a = toComplex(v);
  if (a === null) return NotImplemented;
  const b = toComplex(w);
  if (b === null) return NotImplemented;
  return newComplex(a[0] + b[0], a[1] + b[1]);
}

function complexSub(v: PyObject, w: PyObject): PyObject {
  const a = toComplex(v);
  if (a === null) return NotImplemented;
  const b = toComplex(w);
  if (b === null) return NotImplemented;
  return newComplex(a[0] - b[0], a[1] - b[1]);
}

function complexMul(v: PyObject, w: PyObject): PyObject {
  const a = toComplex(v);
  if (a === null) return NotImplemented;
  const b = toComplex(w);
  if (b === null) return NotImplemented;
  const p = cProd(a, b);
  return newComplex(p[0], p[1]);
}

function complexDiv(v: PyObject, w: PyObject): PyObject {
  const a = toComplex(v);
  if (a === null) return NotImplemented;
  const b = toComplex(w);
  if (b === null) return NotImplemented;
  const q = cQuot(a, b);
  if (q === null) raise(Exc.ZeroDivisionError, 'complex division by zero');
  return newComplex(q[0], q[1]);
}

/** complex_pow: also what float ** float returns for a negative base and a fractional exponent. */
function complexPow3(v: PyObject, w: PyObject, z: PyObject): PyObject {
  const a = toComplex(v);
  if (a === null) return NotImplemented;
  const b = toComplex(w);
  if (b === null) return NotImplemented;
  if (z !== PyNone) raise(Exc.ValueError, 'complex modulo');
  let p: C, errno: Errno;
  if (b[1] === 0 && b[0] === Math.floor(b[0]) && Math.abs(b[0]) <= 100) [p, errno] = cPowi(a, b[0]);
  else [p, errno] = cPow(a, b);
  // _Py_ADJUST_ERANGE2
  if (isHuge(p[0]) || isHuge(p[1])) {
    if (errno === Errno.OK) errno = Errno.ERANGE;
  } else if (errno === Errno.ERANGE) errno = Errno.OK;
  if (errno === Errno.EDOM) raise(Exc.ZeroDivisionError, '0.0 to a negative or complex power');
  if (errno === Errno.ERANGE) raise(Exc.OverflowError, 'complex exponentiation');
  return newComplex(p[0], p[1]);
}

function complexPow(v: PyObject, w: PyObject): PyObject {
  return complexPow3(v, w, PyNone);
}

function complexNeg(o: PyObject): PyObject {
  const c = o as PyComplex;
  return newComplex(-c.real, -c.imag);
}

function complexPos(o: PyObject): PyObject {
  if (o.type === ComplexType) {
    incref(o);
    return o;
  }
  const c = o as PyComplex;
  return newComplex(c.real, c.imag);
}

/** _Py_c_abs */
function complexAbs(o: PyObject): PyObject {
  const c = o as PyComplex;
  let r: number;
  if (!Number.isFinite(c.real) || !Number.isFinite(c.imag)) {
    if (isHuge(c.real)) r = Math.abs(c.real);
    else if (isHuge(c.imag)) r = Math.abs(c.imag);
    else r = NaN;
  } else {
    r = hypot(c.real, c.imag);
    if (!Number.isFinite(r)) raise(Exc.OverflowError, 'absolute value too large');
  }
  return newFloat(r);
}

function complexBool(o: PyObject): boolean {
  const c = o as PyComplex;
  return c.real !== 0 || c.imag !== 0;
}

// ---------------------------------------------------------------- comparison and hash

function complexRichCompare(v: PyObject, w: PyObject, op: number): PyObject {
  if (op !== Py_EQ && op !== Py_NE) return NotImplemented;
  const i = v as PyComplex;
  let equal: boolean;
  if (w instanceof PyLong) {
    if (i.imag === 0) {
      // compared through a temporary float, exactly (float_richcompare)
      const j = newFloat(i.real);
      try {
        return richCompare(j, w, op);
      } finally {
        decref(j);
      }
    }
    equal = false;
  } else if (w instanceof PyFloat) {
    equal = i.real === w.value && i.imag === 0;
  } else if (w instanceof PyComplex) {
    equal = i.real === w.real && i.imag === w.imag;
  } else return NotImplemented;
  return newBool(equal === (op === Py_EQ));
}

/** _Py_HashPointer: hash(nan) parts hash the object's identity */
function hashPointer(addr: number): bigint {
  const y = BigInt(addr);
  return BigInt.asIntN(64, (y >> 4n) | (y << 60n));
}

function partHash(o: PyObject, x: number): bigint {
  if (Number.isNaN(x)) return hashPointer(o.addr);
  const h = hashDouble(x);
  return typeof h === 'number' ? BigInt(h) : h;
}

/** complex_hash: hash(real) + 1000003 * hash(imag), in unsigned 64-bit arithmetic */
function complexHash(o: PyObject): Hash {
  const c = o as PyComplex;
  const hr = BigInt.asUintN(64, partHash(o, c.real));
  const hi = BigInt.asUintN(64, partHash(o, c.imag));
  let combined = BigInt.asIntN(64, hr + BigInt(HASH_IMAG) * hi);
  if (combined === -1n) combined = -2n;
  return normHash(combined);
}

// ---------------------------------------------------------------- repr

/** PyOS_double_to_string(x, 'r', 0, flags) for one part (nan is never signed). */
function partRepr(x: number, sign: boolean): string {
  if (Number.isNaN(x)) return sign ? '+nan' : 'nan';
  return doubleToString(x, 'r', 0, sign ? DTSF_SIGN : 0);
}

/** repr(complex) exactly as CPython: '1j', '(1+2j)', '(-0-1j)', '(1.5+0j)' */
function complexReprString(real: number, imag: number): string {
  if (real === 0 && !Object.is(real, -0)) return partRepr(imag, false) + 'j';
  return '(' + partRepr(real, false) + partRepr(imag, true) + 'j)';
}

function complexRepr(o: PyObject): PyObject {
  const c = o as PyComplex;
  return newStr(complexReprString(c.real, c.imag));
}

// ---------------------------------------------------------------- construction

/** PyOS_string_to_double's longest float prefix (or null) */
const FLOAT_PREFIX = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|infinity|inf|nan)/i;

function parseFloatPrefix(s: string, pos: number): [number, number] | null {
  const m = FLOAT_PREFIX.exec(s.slice(pos));
  if (m === null) return null;
  const t = m[0].toLowerCase();
  const body = t.replace(/^[+-]/, '');
  let x: number;
  if (body === 'nan') x = NaN;
  else if (body === 'inf' || body === 'infinity') x = t[0] === '-' ? -Infinity : Infinity;
  else x = Number(t);
  return [x, pos + m[0].length];
}

function malformed(): never {
  raise(Exc.ValueError, 'complex() arg is a malformed string');
}

function isSpaceChar(ch: string | undefined): boolean {
  return ch !== undefined && /\s/.test(ch);
}

/** complex_from_string_inner (after _Py_string_to_number_with_underscores) */
export function complexFromString(src: string): C {
  let s = normalizeDigits(src);
  if (s.includes('_')) {
    // underscores only between digits
    for (let k = 0; k < s.length; k++) {
      if (s[k] === '_' && !(/\d/.test(s[k - 1] ?? '') && /\d/.test(s[k + 1] ?? ''))) malformed();
    }
    s = s.replace(/_/g, '');
  }
  let i = 0;
  let x = 0, y = 0;
  let gotBracket = false;
  while (isSpaceChar(s[i])) i++;
  if (s[i] === '(') {
    gotBracket = true;
    i++;
    while (isSpaceChar(s[i])) i++;
  }
  const first = parseFloatPrefix(s, i);
  const isJ = (ch: string | undefined): boolean => ch === 'j' || ch === 'J';
  if (first !== null) {
    const [z, end] = first;
    i = end;
    if (s[i] === '+' || s[i] === '-') {
      x = z;
      const second = parseFloatPrefix(s, i);
      if (second !== null) {
        y = second[0];
        i = second[1];
      } else {
        y = s[i] === '+' ? 1 : -1;
        i++;
      }
      if (!isJ(s[i])) malformed();
      i++;
    } else if (isJ(s[i])) {
      i++;
      y = z;
    } else {
      x = z;
    }
  } else {
    if (s[i] === '+' || s[i] === '-') {
      y = s[i] === '+' ? 1 : -1;
      i++;
    } else y = 1;
    if (!isJ(s[i])) malformed();
    i++;
  }
  while (isSpaceChar(s[i])) i++;
  if (gotBracket) {
    if (s[i] !== ')') malformed();
    i++;
    while (isSpaceChar(s[i])) i++;
  }
  if (i !== s.length) malformed();
  return [x, y];
}

/** try_complex_special_method: the result of __complex__, or null */
function trySpecial(o: PyObject): PyComplex | null {
  if (o instanceof PyComplex) return null;
  const r = callDunder(o, '__complex__', []);
  if (r === null) return null;
  if (!(r instanceof PyComplex)) {
    const tn = r.type.name;
    decref(r);
    raise(Exc.TypeError, `__complex__ returned non-complex (type ${tn})`);
  }
  return r;
}

function isNumberArg(o: PyObject): boolean {
  return o.type.nb_float !== null || o.type.nb_index !== null || o instanceof PyComplex;
}

/** a real-number argument through PyNumber_Float (which may allocate a float) */
function floatPart(o: PyObject): number {
  const f = numberFloat(o);
  const v = f.value;
  decref(f);
  return v;
}

const NEW_ARGS = ['real', 'imag'] as const;

function complexNew(type: PyTypeObject, args: PyObject[], kwnames: string[] | null): PyObject {
  const [rArg, iArg] = parseArgs('complex', args, kwnames, NEW_ARGS, 0);
  if (rArg === undefined && iArg === undefined) return complexSubtypeFromDoubles(type, 0, 0);
  if (rArg !== undefined && rArg.type === ComplexType && iArg === undefined && type === ComplexType) {
    incref(rArg);
    return rArg;
  }
  if (rArg instanceof PyStr) {
    if (iArg !== undefined) raise(Exc.TypeError, "complex() can't take second arg if first is a string");
    const [x, y] = complexFromString(rArg.value);
    return complexSubtypeFromDoubles(type, x, y);
  }
  if (iArg !== undefined && iArg instanceof PyStr) raise(Exc.TypeError, "complex() second arg can't be a string");
  let cr: C, ci: C;
  let crIsComplex = false, ciIsComplex = false;
  if (rArg === undefined) {
    cr = [0, 0];
  } else {
    const special = trySpecial(rArg);
    const r = special ?? rArg;
    try {
      if (!isNumberArg(r)) {
        raise(Exc.TypeError, `complex() first argument must be a string or a number, not '${r.type.name}'`);
      }
      if (iArg !== undefined && !isNumberArg(iArg)) {
        raise(Exc.TypeError, `complex() second argument must be a number, not '${iArg.type.name}'`);
      }
      if (r instanceof PyComplex) {
        cr = [r.real, r.imag];
        crIsComplex = true;
      } else {
        cr = [floatPart(r), 0];
      }
    } finally {
      if (special !== null) decref(special);
    }
  }
  if (iArg === undefined) ci = [cr[1], 0];
  else if (iArg instanceof PyComplex) {
    ci = [iArg.real, iArg.imag];
    ciIsComplex = true;
  } else ci = [floatPart(iArg), 0];
  if (ciIsComplex) cr[0] -= ci[1];
  if (crIsComplex && iArg !== undefined) ci[0] += cr[1];
  return complexSubtypeFromDoubles(type, cr[0], ci[0]);
}

// ---------------------------------------------------------------- methods and the type

function noArgs(name: string, args: PyObject[], kw: string[] | null): void {
  noKeywords(name, kw);
  checkArity(name, args, 0, 0);
}

function readonlyMember(): never {
  raise(Exc.AttributeError, 'readonly attribute');
}

const methods: Record<string, BuiltinMethod> = {
  conjugate: (self, args, kw) => {
    noArgs('conjugate', args, kw);
    const c = self as PyComplex;
    return newComplex(c.real, -c.imag);
  },
  __complex__: (self, args, kw) => (noArgs('__complex__', args, kw), complexPos(self)),
  __getnewargs__: (self, args, kw) => {
    noArgs('__getnewargs__', args, kw);
    const c = self as PyComplex;
    return newTuple([newFloat(c.real), newFloat(c.imag)]);
  },
  __format__: (self, args, kw) => {
    const spec = formatSpecArg('complex.__format__', args, kw);
    if (spec === '') return (self.type.tp_str ?? self.type.tp_repr!)(self);
    unsupported('format specifications for complex numbers');
  },
};

/** The implementations of complexobject.ts's stubs (src/engine/ondemand.ts checks they match). */
export const complexOps: Record<string, BuiltinMethod | ((...args: never[]) => unknown)> = {
  tp_dealloc: complexDealloc,
  tp_repr: complexRepr,
  tp_hash: complexHash,
  tp_richcompare: complexRichCompare,
  tp_new: complexNew,
  nb_add: complexAdd,
  nb_subtract: complexSub,
  nb_multiply: complexMul,
  nb_true_divide: complexDiv,
  nb_power: complexPow,
  nb_power3: complexPow3,
  nb_negative: complexNeg,
  nb_positive: complexPos,
  nb_absolute: complexAbs,
  nb_bool: complexBool,
  complexReprString,
  ...methods,
  real_get: (self: PyObject) => newFloat((self as PyComplex).real),
  imag_get: (self: PyObject) => newFloat((self as PyComplex).imag),
  readonly_set: readonlyMember,
};
