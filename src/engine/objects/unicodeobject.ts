/** The str type. CPython counterpart: Objects/unicodeobject.c (PEP 393 compact strings, interning, str methods). */

import { PyObject, decref, incref, makeImmortal } from './object.js';
import {
  type PyTypeObject, builtinType, ObjectType, TPFLAGS_BASETYPE, TPFLAGS_UNICODE_SUBCLASS, TPFLAGS_HAVE_GC,
  TPFLAGS_HEAPTYPE, NB_ADD, NB_MULTIPLY, NB_REMAINDER, Py_LT, Py_LE, Py_EQ, Py_NE, Py_GT, type Visit,
  type BuiltinMethod,
} from './typeobject.js';
import { heap } from '../memory/heap.js';
import { profile } from '../profiles/index.js';
import { raise, unsupported } from '../eval/errors.js';
import { Exc } from './exceptions.js';
import { NotImplemented, PyNone } from './singletons.js';
import { normHash, type Hash } from './hash.js';
import { gcAlloc, gcFree, gcTrack, gcUntrack } from '../gc/gcobject.js';
import { PyLong, LongType, newInt, newBool, asIndex, intToDecimal } from './longobject.js';
import { PyFloat, FloatType } from './floatobject.js';
import { PyBytes, decodeBytes } from './bytesobject.js';
import { PyTuple, newTuple } from './tupleobject.js';
import { PyList, newList } from './listobject.js';
import { PySlice, sliceIndices, clampedIndex } from './sliceobject.js';
import { parseArgs, checkArity, noKeywords } from './args.js';
import {
  str as objStr, iterableToArray, call, lookupAttr, isExceptionOf,
  clearRaise,
} from './abstract.js';
import { formatStr, formatInt, formatFloat } from './format.js';
import { parts, deferred, deferredMethods } from '../ondemand.js';

export const NON_ASCII = /[^\x00-\x7f]/;
const SURROGATE = /[\ud800-\udfff]/;

export class PyStr extends PyObject {
  value: string;
  /** len(): number of code points */
  length: number;
  /** PEP 393 kind: 1 (ASCII or latin-1), 2 (UCS2), 4 (UCS4) */
  kind: 1 | 2 | 4;
  /** every character < 128 (compact ASCII layout) */
  isAscii: boolean;
  /** holds characters beyond the BMP (JS length != len()): indexing goes by code point */
  astral: boolean;
  interned = false;
  /** cached hash (CPython's ob_shash); null until computed */
  hashCache: Hash | null = null;
  /** code points, computed on demand for astral strings */
  cps: string[] | null = null;
  /** CPython keeps a UTF-8 copy for the static latin-1 singletons (and after PyUnicode_AsUTF8) */
  utf8Cached = false;

  constructor(type: PyTypeObject, value: string) {
    super(type, true);
    // The object header, assigned here so the stores stay monomorphic (see PyObject).
    this.type = type;
    this.refcnt = 1;
    this.ptr = 0;
    this.size = 0;
    this.serial = 0;
    this.weakrefs = null;
    this.dict = null;
    this.value = value;
    if (!NON_ASCII.test(value)) {
      this.length = value.length;
      this.kind = 1;
      this.isAscii = true;
      this.astral = false;
      return;
    }
    this.isAscii = false;
    let max = 0, pairs = 0;
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < value.length) {
        const d = value.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          pairs++;
          i++;
          max = 0x10000;
          continue;
        }
      }
      if (c > max) max = c;
    }
    this.length = value.length - pairs;
    this.astral = pairs > 0;
    this.kind = max < 256 ? 1 : max < 0x10000 ? 2 : 4;
  }
}

/** The code points of a str (cached for astral strings). */
function codePoints(o: PyStr): string[] {
  if (o.cps === null) o.cps = [...o.value];
  return o.cps;
}

export const StrType = builtinType('str', 64, TPFLAGS_BASETYPE | TPFLAGS_UNICODE_SUBCLASS, ObjectType, 1);

/** sizeof(PyASCIIObject) and sizeof(PyCompactUnicodeObject) in 3.12 */
const ASCII_HEADER = 40, COMPACT_HEADER = 56;

/** str.__sizeof__ (PEP 393 compact layout, plus a cached UTF-8 copy for the static latin-1 singletons). */
export function strSizeof(o: PyObject): number {
  const s = o as PyStr;
  if (s.isAscii) return ASCII_HEADER + s.length + 1;
  let n = COMPACT_HEADER + (s.length + 1) * s.kind;
  if (s.utf8Cached) n += utf8Length(s.value) + 1;
  return n;
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

// ---------------------------------------------------------------- singletons and creation

function staticStr(s: string, spacing: number): PyStr {
  const o = new PyStr(StrType, s);
  o.interned = true;
  if (!o.isAscii) o.utf8Cached = true;
  makeImmortal(o, spacing);
  o.size = strSizeof(o);
  return o;
}

/** _Py_STR(empty) */
const EMPTY = staticStr('', 48);
/** _Py_LATIN1_CHR: one static str per character 0..255 (ASCII 48 bytes apart, latin-1 64) */
const LATIN1: PyStr[] = [];
for (let c = 0; c < 256; c++) LATIN1.push(staticStr(String.fromCharCode(c), c < 128 ? 48 : 64));

export const EmptyStr = EMPTY;

/** PyUnicode_FromString & co: a NEW reference (the empty string and 1-char latin-1 strings are shared). */
export function newStr(s: string): PyStr {
  if (s.length <= 1) {
    const o = s.length === 0 ? EMPTY : s.charCodeAt(0) < 256 ? LATIN1[s.charCodeAt(0)] : null;
    if (o !== null) {
      o.refcnt++;
      if (heap.tracing) heap.onIncref(o);
      return o;
    }
  }
  const o = new PyStr(StrType, s);
  heap.allocObject(o, strSizeof(o));
  return o;
}

/** One character as a str (new reference). */
function charStr(ch: string): PyStr {
  return newStr(ch);
}

/** How instances of user subclasses of str are allocated (set by the class machinery). */
let subtypeAllocStr: (o: PyObject, nbytes: number) => void = (o, n) => heap.allocObject(o, n);
export function setStrSubtypeAlloc(f: (o: PyObject, nbytes: number) => void): void {
  subtypeAllocStr = f;
}

export function strValue(o: PyObject): string {
  return (o as PyStr).value;
}

export function isStr(o: PyObject): o is PyStr {
  return o instanceof PyStr;
}

// ---------------------------------------------------------------- interning

/** interp->cached_objects.interned_strings: one str per value. Reset per run. */
let interned = new Map<string, PyStr>();

/** The statically allocated one-letter identifiers (_Py_ID), made once, immortal. */
const staticIdentifiers = new Map<string, PyStr>();
function staticIdentifier(s: string): PyStr {
  let o = staticIdentifiers.get(s);
  if (o === undefined) {
    o = new PyStr(StrType, s);
    o.interned = true;
    makeImmortal(o, 64);
    staticIdentifiers.set(s, o);
  }
  return o;
}

export function resetInterned(): void {
  interned = new Map();
}

/**
 * PyUnicode_InternFromString: the interned str for `s` (NEW reference). In
 * the 3.12 profile interned strings are immortal; otherwise the table holds
 * a borrowed reference and the str leaves the table when it is freed.
 */
export function internStr(s: string): PyStr {
  if (s.length <= 1) {
    if (s.length === 1 && profile.staticIdentifierChars.includes(s)) return staticIdentifier(s);
    const c = s.length === 0 ? 0 : s.charCodeAt(0);
    if (s.length === 0 || c < 256) return newStr(s);
  }
  let o = interned.get(s);
  if (o !== undefined) {
    o.refcnt++;
    if (heap.tracing) heap.onIncref(o);
    return o;
  }
  o = newStr(s);
  o.interned = true;
  interned.set(s, o);
  if (profile.internedStringsImmortal) makeImmortal(o);
  return o;
}

/** PyUnicode_InternInPlace: steals `o`, returns the canonical interned str (new reference). */
export function internInPlace(o: PyStr): PyStr {
  if (o.interned || o.type !== StrType) return o;
  const existing = interned.get(o.value);
  if (existing !== undefined) {
    existing.refcnt++;
    if (heap.tracing) heap.onIncref(existing);
    decref(o);
    return existing;
  }
  o.interned = true;
  interned.set(o.value, o);
  if (profile.internedStringsImmortal) makeImmortal(o);
  return o;
}

export function isInterned(o: PyStr): boolean {
  return o.interned;
}

function strDealloc(o: PyObject): void {
  const s = o as PyStr;
  if (s.interned && interned.get(s.value) === s) interned.delete(s.value);
  heap.freeObject(o);
}

// ---------------------------------------------------------------- hash: SipHash-1-3

/** v0..v3 as [hi, lo] 32-bit halves */
const V = new Uint32Array(8);
const V0 = 0, V1 = 2, V2 = 4, V3 = 6;

function add64(a: number, b: number): void {
  const lo = V[a + 1] + V[b + 1];
  V[a] = V[a] + V[b] + (lo > 0xffffffff ? 1 : 0);
  V[a + 1] = lo;
}
function rotl64(a: number, s: number): void {
  const h = V[a], l = V[a + 1];
  if (s === 32) {
    V[a] = l;
    V[a + 1] = h;
  } else if (s < 32) {
    V[a] = (h << s) | (l >>> (32 - s));
    V[a + 1] = (l << s) | (h >>> (32 - s));
  } else {
    const t = s - 32;
    V[a] = (l << t) | (h >>> (32 - t));
    V[a + 1] = (h << t) | (l >>> (32 - t));
  }
}
function xor64(a: number, b: number): void {
  V[a] ^= V[b];
  V[a + 1] ^= V[b + 1];
}
function halfRound(a: number, b: number, c: number, d: number, s: number, t: number): void {
  add64(a, b);
  add64(c, d);
  rotl64(b, s);
  xor64(b, a);
  rotl64(d, t);
  xor64(d, c);
  rotl64(a, 32);
}
function sipRound(): void {
  halfRound(V0, V1, V2, V3, 13, 16);
  halfRound(V2, V1, V0, V3, 17, 21);
}

/**
 * CPython 3.12's siphash13 (Python/pyhash.c) with PYTHONHASHSEED=0, i.e. an
 * all-zero key, over `n` bytes given by `byteAt`. Empty input hashes to 0.
 */
export function siphash13(bytes: Uint8Array): Hash {
  const n = bytes.length;
  if (n === 0) return 0;
  // k0 = k1 = 0: v = constants
  V[0] = 0x736f6d65; V[1] = 0x70736575;
  V[2] = 0x646f7261; V[3] = 0x6e646f6d;
  V[4] = 0x6c796765; V[5] = 0x6e657261;
  V[6] = 0x74656462; V[7] = 0x79746573;
  let i = 0;
  for (; i + 8 <= n; i += 8) {
    const lo = (bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24)) >>> 0;
    const hi = (bytes[i + 4] | (bytes[i + 5] << 8) | (bytes[i + 6] << 16) | (bytes[i + 7] << 24)) >>> 0;
    V[V3] ^= hi;
    V[V3 + 1] ^= lo;
    sipRound();
    V[V0] ^= hi;
    V[V0 + 1] ^= lo;
  }
  let tlo = 0, thi = 0;
  for (let k = 0; i + k < n; k++) {
    const b = bytes[i + k];
    if (k < 4) tlo |= b << (8 * k);
    else thi |= b << (8 * (k - 4));
  }
  const bhi = (thi | ((n & 0xff) << 24)) >>> 0, blo = tlo >>> 0;
  V[V3] ^= bhi;
  V[V3 + 1] ^= blo;
  sipRound();
  V[V0] ^= bhi;
  V[V0 + 1] ^= blo;
  V[V2 + 1] ^= 0xff;
  sipRound();
  sipRound();
  sipRound();
  const hi = (V[0] ^ V[2] ^ V[4] ^ V[6]) | 0;
  const lo = (V[1] ^ V[3] ^ V[5] ^ V[7]) >>> 0;
  // signed 64-bit value hi * 2**32 + lo
  if (hi >= -(2 ** 20) && hi < 2 ** 20) return normHash(hi * 2 ** 32 + lo);
  return normHash((BigInt(hi) << 32n) | BigInt(lo));
}

/** The bytes of a str's PEP 393 representation (what CPython hashes). */
function reprBytes(o: PyStr): Uint8Array {
  const s = o.value;
  if (o.kind === 1) {
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
    return out;
  }
  if (o.kind === 2) {
    const out = new Uint8Array(s.length * 2);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      out[2 * i] = c & 0xff;
      out[2 * i + 1] = c >>> 8;
    }
    return out;
  }
  const cps = codePoints(o);
  const out = new Uint8Array(cps.length * 4);
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i].codePointAt(0)!;
    out[4 * i] = c & 0xff;
    out[4 * i + 1] = (c >>> 8) & 0xff;
    out[4 * i + 2] = c >>> 16;
  }
  return out;
}

export function strHash(o: PyObject): Hash {
  const s = o as PyStr;
  if (s.hashCache !== null) return s.hashCache;
  const h = siphash13(reprBytes(s));
  s.hashCache = h;
  return h;
}

// ---------------------------------------------------------------- repr

const NONPRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

/** Py_UNICODE_ISPRINTABLE for one code point (space is printable). */
export function isPrintableChar(ch: string): boolean {
  return ch === ' ' || !NONPRINTABLE.test(ch);
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/** unicode_repr: the quote CPython picks and its escapes. */
export function strReprString(s: string, asciiOnly = false): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  let plain = 0; // start of a run of characters copied as is
  const flush = (i: number) => {
    if (i > plain) out += s.slice(plain, i);
  };
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let esc: string | null = null;
    let width = 1;
    if (c >= 0x20 && c < 0x7f) {
      if (c === 0x5c) esc = '\\\\';
      else if (String.fromCharCode(c) === quote) esc = '\\' + quote;
    } else if (c === 9) esc = '\\t';
    else if (c === 10) esc = '\\n';
    else if (c === 13) esc = '\\r';
    else if (c < 0x20 || c === 0x7f) esc = '\\x' + hex(c, 2);
    else {
      let cp = c;
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
        cp = s.codePointAt(i)!;
        width = 2;
      }
      const ch = String.fromCodePoint(cp);
      if (asciiOnly || !isPrintableChar(ch) || (cp >= 0xd800 && cp <= 0xdfff)) {
        esc = cp < 0x100 ? '\\x' + hex(cp, 2) : cp < 0x10000 ? '\\u' + hex(cp, 4) : '\\U' + hex(cp, 8);
      }
    }
    if (esc !== null) {
      flush(i);
      out += esc;
      plain = i + width;
    }
    if (width === 2) i++;
  }
  flush(s.length);
  return out + quote;
}

function strRepr(o: PyObject): PyObject {
  return newStr(strReprString((o as PyStr).value));
}

/** unicode_str: an exact str returns itself; a subclass instance gives an exact copy. */
function strStr(o: PyObject): PyObject {
  if (o.type === StrType) {
    incref(o);
    return o;
  }
  return newStr((o as PyStr).value);
}


// ---------------------------------------------------------------- comparison

/** Code-point order (JS compares UTF-16 units, which differs only past U+E000 vs astral). */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  if (!SURROGATE.test(a) && !SURROGATE.test(b)) return a < b ? -1 : 1;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; ) {
    const x = a.codePointAt(i)!, y = b.codePointAt(i)!;
    if (x !== y) return x < y ? -1 : 1;
    i += x > 0xffff ? 2 : 1;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

function strRichCompare(a: PyObject, b: PyObject, op: number): PyObject {
  if (!(b instanceof PyStr)) return NotImplemented;
  const x = (a as PyStr).value, y = b.value;
  if (op === Py_EQ) return newBool(x === y);
  if (op === Py_NE) return newBool(x !== y);
  const c = compareStrings(x, y);
  switch (op) {
    case Py_LT: return newBool(c < 0);
    case Py_LE: return newBool(c <= 0);
    case Py_GT: return newBool(c > 0);
    default: return newBool(c >= 0);
  }
}

// ---------------------------------------------------------------- sequence protocol

function strLength(o: PyObject): number {
  return (o as PyStr).length;
}

function strContains(o: PyObject, item: PyObject): boolean {
  if (!(item instanceof PyStr)) {
    raise(Exc.TypeError, `'in <string>' requires string as left operand, not ${item.type.name}`);
  }
  return (o as PyStr).value.includes(item.value);
}

/** The character at code-point index i (already bounds-checked). */
function charAt(o: PyStr, i: number): PyStr {
  if (!o.astral) return charStr(o.value[i]);
  return charStr(codePoints(o)[i]);
}

/** A substring by code-point indices [start, stop) */
export function substr(o: PyStr, start: number, stop: number): PyStr {
  if (start === 0 && stop === o.length && o.type === StrType) {
    incref(o);
    return o;
  }
  if (!o.astral) return newStr(o.value.slice(start, stop));
  return newStr(codePoints(o).slice(start, stop).join(''));
}

function strSubscript(o: PyObject, key: PyObject): PyObject {
  const s = o as PyStr;
  if (key instanceof PyLong || (key.type.nb_index !== null && !(key instanceof PySlice))) {
    let i = asIndex(key, Exc.IndexError);
    if (i < 0) i += s.length;
    if (i < 0 || i >= s.length) raise(Exc.IndexError, 'string index out of range');
    return charAt(s, i);
  }
  if (key instanceof PySlice) {
    const [start, stop, step, n] = sliceIndices(key, s.length);
    if (n <= 0) return newStr('');
    if (step === 1) return substr(s, start, stop);
    const src = s.astral ? codePoints(s) : s.value;
    let out = '';
    for (let i = 0, j = start; i < n; i++, j += step) out += src[j];
    return newStr(out);
  }
  raise(Exc.TypeError, `string indices must be integers, not '${key.type.name}'`);
}

function strConcat(a: PyObject, b: PyObject): PyObject {
  if (!(a instanceof PyStr) || !(b instanceof PyStr)) return NotImplemented;
  if (b.value.length === 0 && a.type === StrType) {
    incref(a);
    return a;
  }
  if (a.value.length === 0 && b.type === StrType) {
    incref(b);
    return b;
  }
  return newStr(a.value + b.value);
}

/** Refuses results JS strings cannot hold; CPython would raise MemoryError long before the heap cap anyway. */
export function checkLength(n: number): void {
  if (n > 2 ** 28) unsupported('strings longer than 2**28 characters');
}

function strRepeat(a: PyObject, b: PyObject): PyObject {
  let s: PyStr, count: PyObject;
  if (a instanceof PyStr && b.type.nb_index !== null) {
    s = a;
    count = b;
  } else if (b instanceof PyStr && a.type.nb_index !== null) {
    s = b;
    count = a;
  } else return NotImplemented;
  const n = asIndex(count);
  if (n <= 0 || s.value.length === 0) return newStr('');
  if (n === 1 && s.type === StrType) {
    incref(s);
    return s;
  }
  checkLength(s.value.length * n);
  return newStr(s.value.repeat(n));
}

/** PyUnicode_Format (`'%d' % n`): its code is in printf.ts, loaded on demand (any `%` in a program loads it). */
export const printfFormat = deferred<(fmt: string, args: PyObject) => string>(parts.printf, 'printfFormat');

function strMod(a: PyObject, b: PyObject): PyObject {
  if (!(a instanceof PyStr)) return NotImplemented;
  return newStr(printfFormat(a.value, b));
}

// ---------------------------------------------------------------- iterator

export class PyStrIter extends PyObject {
  /** index into the JS string (UTF-16 units) */
  pos = 0;
  constructor(type: PyTypeObject, public seq: PyStr | null) {
    super(type);
  }
}

/** unicodeiterobject: header + index + seq */
const STRITER_SIZE = 32;
export const StrAsciiIterType = builtinType('str_ascii_iterator', STRITER_SIZE, TPFLAGS_HAVE_GC);
export const StrIterType = builtinType('str_iterator', STRITER_SIZE, TPFLAGS_HAVE_GC);

function strIter(o: PyObject): PyObject {
  const s = o as PyStr;
  const it = new PyStrIter(s.isAscii ? StrAsciiIterType : StrIterType, s);
  incref(s);
  gcAlloc(it, STRITER_SIZE);
  gcTrack(it);
  return it;
}

function strIterNext(o: PyObject): PyObject | null {
  const it = o as PyStrIter;
  const s = it.seq;
  if (s === null) return null;
  const v = s.value;
  if (it.pos < v.length) {
    const c = v.charCodeAt(it.pos);
    if (c >= 0xd800 && c <= 0xdbff && it.pos + 1 < v.length && (v.charCodeAt(it.pos + 1) & 0xfc00) === 0xdc00) {
      it.pos += 2;
      return charStr(v.slice(it.pos - 2, it.pos));
    }
    it.pos++;
    return c < 256 ? newStr(v[it.pos - 1]) : charStr(v[it.pos - 1]);
  }
  it.seq = null;
  decref(s);
  return null;
}

function strIterDealloc(o: PyObject): void {
  const it = o as PyStrIter;
  gcUntrack(it);
  const s = it.seq;
  it.seq = null;
  if (s !== null) decref(s);
  gcFree(it);
}

function strIterTraverse(o: PyObject, visit: Visit): void {
  const s = (o as PyStrIter).seq;
  if (s !== null) visit(s);
}

function initStrIterType(t: PyTypeObject): void {
  t.tp_dealloc = strIterDealloc;
  t.tp_traverse = strIterTraverse;
  t.tp_iter = (o) => (incref(o), o);
  t.tp_iternext = strIterNext;
  t.methods = {
    __length_hint__: (self) => {
      const it = self as PyStrIter;
      if (it.seq === null) return newInt(0);
      const rest = it.seq.value.slice(it.pos);
      return newInt(it.seq.astral ? [...rest].length : rest.length);
    },
  };
}

// ---------------------------------------------------------------- argument helpers

/** A str argument or TypeError "must be str, not int" (the common wording). */
export function needStr(o: PyObject | undefined, msg?: string): string {
  if (o instanceof PyStr) return o.value;
  raise(Exc.TypeError, msg ?? `must be str, not ${o!.type.name}`);
}

/** `fname() argument N must be str, not T` */
export function argStr(o: PyObject, fname: string, n: number | string): string {
  if (o instanceof PyStr) return o.value;
  raise(Exc.TypeError, `${fname}() argument ${n} must be str, not ${o.type.name}`);
}

/** start/end arguments of find & co (None allowed), clamped like slice indices */
function optIndex(o: PyObject | undefined, dflt: number): number {
  if (o === undefined || o === PyNone) return dflt;
  return clampedIndex(o);
}

/** ADJUST_INDICES: code-point start/end for a string of length len */
function adjust(start: number, end: number, len: number): [number, number] {
  if (end > len) end = len;
  else if (end < 0) {
    end += len;
    if (end < 0) end = 0;
  }
  if (start < 0) {
    start += len;
    if (start < 0) start = 0;
  }
  return [start, end];
}

/** UTF-16 offset of code-point index i */
function u16(o: PyStr, i: number): number {
  if (!o.astral) return i;
  const s = o.value;
  let k = 0;
  for (let n = 0; n < i && k < s.length; n++) {
    const c = s.charCodeAt(k);
    k += c >= 0xd800 && c <= 0xdbff && (s.charCodeAt(k + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
  }
  return k;
}

/** code-point index of UTF-16 offset k */
function cpi(o: PyStr, k: number): number {
  if (!o.astral) return k;
  return [...o.value.slice(0, k)].length;
}

export function self_(o: PyObject): PyStr {
  return o as PyStr;
}

/** Python's whitespace (Py_UNICODE_ISSPACE) */
const WS = '\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
export const WS_RE = new RegExp(`[${WS}]`);
const WS_RUN = new RegExp(`[${WS}]+`, 'g');
const LSTRIP_WS = new RegExp(`^[${WS}]+`);
const RSTRIP_WS = new RegExp(`[${WS}]+$`);

function isSpace(ch: string): boolean {
  return WS_RE.test(ch);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\\-]/g, '\\$&');
}

/** strip/lstrip/rstrip: which ends, and with what */
function doStrip(o: PyStr, charsObj: PyObject | undefined, left: boolean, right: boolean, fname: string): PyObject {
  let s = o.value;
  if (charsObj === undefined || charsObj === PyNone) {
    if (left) s = s.replace(LSTRIP_WS, '');
    if (right) s = s.replace(RSTRIP_WS, '');
  } else {
    if (!(charsObj instanceof PyStr)) raise(Exc.TypeError, `${fname} arg must be None or str`);
    const set = new Set([...charsObj.value]);
    const cps = [...s];
    let i = 0, j = cps.length;
    if (left) while (i < j && set.has(cps[i])) i++;
    if (right) while (j > i && set.has(cps[j - 1])) j--;
    if (i === 0 && j === cps.length) s = o.value;
    else s = cps.slice(i, j).join('');
  }
  if (s === o.value && o.type === StrType) {
    incref(o);
    return o;
  }
  return newStr(s);
}

export function strList(items: string[]): PyObject {
  return newList(items.map((p) => newStr(p)));
}

// ---------------------------------------------------------------- split & co

/** whitespace split from the left with at most maxsplit splits */
function splitWhitespace(s: string, maxsplit: number): string[] {
  const out: string[] = [];
  let i = 0;
  const n = s.length;
  while (i < n) {
    while (i < n && isSpace(s[i])) i++;
    if (i >= n) break;
    if (maxsplit === 0) {
      // the rest keeps its trailing whitespace, as in CPython
      out.push(s.slice(i));
      break;
    }
    let j = i;
    while (j < n && !isSpace(s[j])) j++;
    out.push(s.slice(i, j));
    maxsplit--;
    i = j;
  }
  return out;
}

function rsplitWhitespace(s: string, maxsplit: number): string[] {
  const out: string[] = [];
  let j = s.length;
  while (j > 0) {
    while (j > 0 && isSpace(s[j - 1])) j--;
    if (j <= 0) break;
    if (maxsplit === 0) {
      out.push(s.slice(0, j));
      break;
    }
    let i = j;
    while (i > 0 && !isSpace(s[i - 1])) i--;
    out.push(s.slice(i, j));
    maxsplit--;
    j = i;
  }
  return out.reverse();
}

function splitSep(s: string, sep: string, maxsplit: number): string[] {
  const out: string[] = [];
  let i = 0;
  while (maxsplit !== 0) {
    const k = s.indexOf(sep, i);
    if (k < 0) break;
    out.push(s.slice(i, k));
    i = k + sep.length;
    maxsplit--;
  }
  out.push(s.slice(i));
  return out;
}

function rsplitSep(s: string, sep: string, maxsplit: number): string[] {
  const out: string[] = [];
  let j = s.length;
  while (maxsplit !== 0 && j >= sep.length) {
    const k = s.lastIndexOf(sep, j - sep.length);
    if (k < 0) break;
    out.push(s.slice(k + sep.length, j));
    j = k;
    maxsplit--;
  }
  out.push(s.slice(0, j));
  return out.reverse();
}

const SPLIT_ARGS = ['sep', 'maxsplit'] as const;

function splitImpl(self: PyObject, args: PyObject[], kwnames: string[] | null, right: boolean): PyObject {
  const [sepObj, maxObj] = parseArgs(right ? 'rsplit' : 'split', args, kwnames, SPLIT_ARGS, 0);
  const s = self_(self).value;
  let maxsplit = maxObj === undefined ? -1 : asIndex(maxObj);
  if (maxsplit < 0) maxsplit = -1;
  if (sepObj === undefined || sepObj === PyNone) {
    return strList(right ? rsplitWhitespace(s, maxsplit) : splitWhitespace(s, maxsplit));
  }
  const sep = needStr(sepObj, `must be str or None, not ${sepObj.type.name}`);
  if (sep.length === 0) raise(Exc.ValueError, 'empty separator');
  return strList(right ? rsplitSep(s, sep, maxsplit) : splitSep(s, sep, maxsplit));
}

// ---------------------------------------------------------------- join

function join(self: PyObject, args: PyObject[], kwnames: string[] | null): PyObject {
  noKeywords('join', kwnames);
  checkArity('join', args, 1, 1);
  const iterable = args[0];
  let items: PyObject[];
  let owned = false;
  if (iterable instanceof PyList || iterable instanceof PyTuple) items = iterable.items.slice();
  else {
    try {
      items = iterableToArray(iterable);
    } catch (e) {
      if (isExceptionOf(e, Exc.TypeError) && iterable.type.tp_iter === null && iterable.type.mp_subscript === null) {
        clearRaise(e);
        raise(Exc.TypeError, 'can only join an iterable');
      }
      throw e;
    }
    owned = true;
  }
  try {
    if (items.length === 1 && items[0].type === StrType) {
      incref(items[0]);
      return items[0];
    }
    const parts: string[] = new Array(items.length);
    for (let i = 0; i < items.length; i++) {
      const it = items[i];
      if (!(it instanceof PyStr)) {
        raise(Exc.TypeError, `sequence item ${i}: expected str instance, ${it.type.name} found`);
      }
      parts[i] = it.value;
    }
    const out = parts.join(self_(self).value);
    checkLength(out.length);
    return newStr(out);
  } finally {
    if (owned) for (const it of items) decref(it);
  }
}

// ---------------------------------------------------------------- find & co

/** [sub, start, end] in UTF-16 offsets plus the code-point bounds; null when the range is empty */
function findArgs(self: PyObject, args: PyObject[], kwnames: string[] | null, fname: string): [PyStr, string, number, number] {
  noKeywords(fname, kwnames);
  checkArity(fname, args, 1, 3);
  const o = self_(self);
  const sub = needStr(args[0]);
  const [start, end] = adjust(optIndex(args[1], 0), optIndex(args[2], o.length), o.length);
  return [o, sub, start, end];
}

function findImpl(o: PyStr, sub: string, start: number, end: number, right: boolean): number {
  const subLen = o.astral ? [...sub].length : sub.length;
  if (end - start < subLen) return -1;
  const s = o.value;
  const a = u16(o, start), b = u16(o, end);
  if (right) {
    const k = s.lastIndexOf(sub, b - sub.length);
    return k < a ? -1 : cpi(o, k);
  }
  const k = s.indexOf(sub, a);
  return k < 0 || k + sub.length > b ? -1 : cpi(o, k);
}

function countImpl(o: PyStr, sub: string, start: number, end: number): number {
  if (end - start < 0 || (sub.length > 0 && end - start < sub.length && !o.astral)) return 0;
  if (start > o.length) return 0;
  if (sub.length === 0) return end - start + 1 > 0 ? end - start + 1 : 0;
  const s = o.value.slice(u16(o, start), u16(o, end));
  let n = 0;
  for (let k = s.indexOf(sub); k >= 0; k = s.indexOf(sub, k + sub.length)) n++;
  return n;
}

function startsEnds(self: PyObject, args: PyObject[], kwnames: string[] | null, ends: boolean): PyObject {
  const fname = ends ? 'endswith' : 'startswith';
  noKeywords(fname, kwnames);
  checkArity(fname, args, 1, 3);
  const o = self_(self);
  const [start, end] = adjust(optIndex(args[1], 0), optIndex(args[2], o.length), o.length);
  const test = (p: string): boolean => {
    const plen = o.astral ? [...p].length : p.length;
    if (start > o.length) return false;
    if (end - start < plen) return false;
    const s = o.value.slice(u16(o, start), u16(o, end));
    return ends ? s.endsWith(p) : s.startsWith(p);
  };
  const arg = args[0];
  if (arg instanceof PyTuple) {
    for (const p of arg.items) {
      if (!(p instanceof PyStr)) raise(Exc.TypeError, `tuple for ${fname} must only contain str, not ${p.type.name}`);
      if (test(p.value)) return newBool(true);
    }
    return newBool(false);
  }
  if (!(arg instanceof PyStr)) {
    raise(Exc.TypeError, `${fname} first arg must be str or a tuple of str, not ${arg.type.name}`);
  }
  return newBool(test(arg.value));
}

/** The string itself, or an exact-str copy of a subclass instance (unicode_result_unchanged). */
export function unchanged(o: PyStr): PyObject {
  if (o.type === StrType) {
    incref(o);
    return o;
  }
  return newStr(o.value);
}

// ---------------------------------------------------------------- replace

function replaceImpl(o: PyStr, old: string, rep: string, count: number): string {
  const s = o.value;
  if (count < 0) count = Infinity;
  if (old.length === 0) {
    const cps = o.astral ? codePoints(o) : s.split('');
    let out = '';
    let n = 0;
    for (let i = 0; i <= cps.length; i++) {
      if (n < count) {
        out += rep;
        n++;
      }
      if (i < cps.length) out += cps[i];
    }
    return out;
  }
  if (count === Infinity) return s.split(old).join(rep);
  let out = '';
  let i = 0;
  for (let n = 0; n < count; n++) {
    const k = s.indexOf(old, i);
    if (k < 0) break;
    out += s.slice(i, k) + rep;
    i = k + old.length;
  }
  return out + s.slice(i);
}


// ---------------------------------------------------------------- encode

// The codecs are in bytesmethods.ts, loaded on demand with the bytes methods
// (src/engine/ondemand.ts): a program that names `encode` or `bytearray`,
// calls `bytes`, or has a bytes literal, loads them.

/** Canonical codec name, or null when unknown (normalizes like encodings.normalize_encoding). */
export const normalizeEncoding = deferred<(name: string) => string | null>(parts.bytes, 'normalizeEncoding');

/** str.encode: UTF-8, ASCII and latin-1 with the strict/ignore/replace handlers. */
export const encodeString = deferred<(s: string, encoding: string, errors: string) => Uint8Array>(parts.bytes, 'encodeString');

const encode = deferredMethods<BuiltinMethod>(parts.bytes, ['encode']).encode;

// ---------------------------------------------------------------- constructor

const STR_NEW_ARGS = ['object', 'encoding', 'errors'] as const;

function strNew(type: PyTypeObject, args: PyObject[], kwnames: string[] | null): PyObject {
  // `str(x)`, the common call, skips the argument parser (same result: PyObject_Str)
  if (type === StrType && kwnames === null && args.length === 1) return objStr(args[0]);
  const [obj, encObj, errObj] = parseArgs('str', args, kwnames, STR_NEW_ARGS, 0);
  let r: PyStr;
  if (obj === undefined) r = newStr('');
  else if (encObj === undefined && errObj === undefined) r = objStr(obj);
  else {
    const enc = encObj === undefined ? 'utf-8' : argStr(encObj, 'str', "'encoding'");
    const errors = errObj === undefined ? 'strict' : argStr(errObj, 'str', "'errors'");
    if (obj instanceof PyStr) raise(Exc.TypeError, 'decoding str is not supported');
    if (!(obj instanceof PyBytes)) {
      raise(Exc.TypeError, `decoding to str: need a bytes-like object, ${obj.type.name} found`);
    }
    r = newStr(decodeBytes(obj.value, enc, errors));
  }
  if (type === StrType) return r;
  const o = new PyStr(type, r.value);
  decref(r);
  subtypeAllocStr(o, strSizeof(o));
  if (type.hasFlag(TPFLAGS_HEAPTYPE)) incref(type);
  return o;
}

// ---------------------------------------------------------------- method table

export function noArgs(name: string, args: PyObject[], kwnames: string[] | null): void {
  noKeywords(name, kwnames);
  if (args.length !== 0) raise(Exc.TypeError, `${name}() takes no arguments (${args.length} given)`);
}

/** Case operations always build a new string in CPython, even when nothing changes. */
export function mapStr(o: PyObject, f: (s: string) => string): PyObject {
  const s = self_(o);
  return newStr(f(s.value));
}

/**
 * The str methods most programs never call; their code is in unicodemethods.ts,
 * loaded on demand (src/engine/ondemand.ts). Dunder methods stay here: the
 * interpreter calls those without the program naming them.
 */
const later = deferredMethods<BuiltinMethod>(parts.str, [
  'splitlines', 'partition', 'rpartition', 'title', 'capitalize', 'swapcase', 'casefold',
  'isdigit', 'isdecimal', 'isnumeric', 'isalpha', 'isalnum', 'isspace', 'isupper', 'islower', 'istitle',
  'isidentifier', 'isprintable', 'isascii', 'center', 'ljust', 'rjust', 'zfill', 'expandtabs', 'format',
  'format_map', 'removeprefix', 'removesuffix', 'translate', 'maketrans',
]);

function setupStrMethods(t: PyTypeObject): void {
  // the order is the type dict's order (str.__dict__), as before the split
  t.methods = {
    split: (self, args, kw) => splitImpl(self, args, kw, false),
    rsplit: (self, args, kw) => splitImpl(self, args, kw, true),
    splitlines: later.splitlines,
    partition: later.partition,
    rpartition: later.rpartition,
    join,
    strip: (self, args, kw) => (noKeywords('strip', kw), checkArity('strip', args, 0, 1), doStrip(self_(self), args[0], true, true, 'strip')),
    lstrip: (self, args, kw) => (noKeywords('lstrip', kw), checkArity('lstrip', args, 0, 1), doStrip(self_(self), args[0], true, false, 'lstrip')),
    rstrip: (self, args, kw) => (noKeywords('rstrip', kw), checkArity('rstrip', args, 0, 1), doStrip(self_(self), args[0], false, true, 'rstrip')),
    replace: (self, args, kw) => {
      noKeywords('replace', kw);
      checkArity('replace', args, 2, 3);
      const old = argStr(args[0], 'replace', 1), rep = argStr(args[1], 'replace', 2);
      const count = args.length > 2 ? asIndex(args[2]) : -1;
      const o = self_(self);
      const r = replaceImpl(o, old, rep, count);
      checkLength(r.length);
      return r === o.value ? unchanged(o) : newStr(r);
    },
    find: (self, args, kw) => {
      const [o, sub, start, end] = findArgs(self, args, kw, 'find');
      return newInt(findImpl(o, sub, start, end, false));
    },
    rfind: (self, args, kw) => {
      const [o, sub, start, end] = findArgs(self, args, kw, 'rfind');
      return newInt(findImpl(o, sub, start, end, true));
    },
    index: (self, args, kw) => {
      const [o, sub, start, end] = findArgs(self, args, kw, 'index');
      const r = findImpl(o, sub, start, end, false);
      if (r < 0) raise(Exc.ValueError, 'substring not found');
      return newInt(r);
    },
    rindex: (self, args, kw) => {
      const [o, sub, start, end] = findArgs(self, args, kw, 'rindex');
      const r = findImpl(o, sub, start, end, true);
      if (r < 0) raise(Exc.ValueError, 'substring not found');
      return newInt(r);
    },
    count: (self, args, kw) => {
      const [o, sub, start, end] = findArgs(self, args, kw, 'count');
      return newInt(countImpl(o, sub, start, end));
    },
    startswith: (self, args, kw) => startsEnds(self, args, kw, false),
    endswith: (self, args, kw) => startsEnds(self, args, kw, true),
    upper: (self, args, kw) => (noArgs('upper', args, kw), mapStr(self, (s) => s.toUpperCase())),
    lower: (self, args, kw) => (noArgs('lower', args, kw), mapStr(self, (s) => s.toLowerCase())),
    title: later.title,
    capitalize: later.capitalize,
    swapcase: later.swapcase,
    casefold: later.casefold,
    isdigit: later.isdigit,
    isdecimal: later.isdecimal,
    isnumeric: later.isnumeric,
    isalpha: later.isalpha,
    isalnum: later.isalnum,
    isspace: later.isspace,
    isupper: later.isupper,
    islower: later.islower,
    istitle: later.istitle,
    isidentifier: later.isidentifier,
    isprintable: later.isprintable,
    isascii: later.isascii,
    center: later.center,
    ljust: later.ljust,
    rjust: later.rjust,
    zfill: later.zfill,
    expandtabs: later.expandtabs,
    format: later.format,
    format_map: later.format_map,
    encode,
    removeprefix: later.removeprefix,
    removesuffix: later.removesuffix,
    translate: later.translate,
    __getnewargs__: (self, args, kw) => (noArgs('__getnewargs__', args, kw), newTuple([newStr(self_(self).value)])),
    __format__: (self, args, kw) => {
      noKeywords('__format__', kw);
      checkArity('__format__', args, 1, 1);
      const spec = argStr(args[0], '__format__', 1);
      return newStr(formatStr(self_(self).value, spec, self.type.name));
    },
    __sizeof__: (self, args, kw) => (noArgs('__sizeof__', args, kw), newInt(strSizeof(self))),
  };
  t.staticMethods = { maketrans: later.maketrans };
}

function initStrType(t: PyTypeObject): void {
  t.tp_dealloc = strDealloc;
  t.tp_repr = strRepr;
  t.tp_str = strStr;
  t.tp_hash = strHash;
  t.tp_richcompare = strRichCompare;
  t.tp_iter = strIter;
  t.tp_sizeof = strSizeof;
  t.tp_new = strNew;
  t.mp_length = strLength;
  t.mp_subscript = strSubscript;
  t.sq_contains = strContains;
  t.nb[NB_ADD] = strConcat;
  t.nb[NB_MULTIPLY] = strRepeat;
  t.nb[NB_REMAINDER] = strMod;
  t.doc = "str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str";
  setupStrMethods(t);
}

initStrType(StrType);
initStrIterType(StrAsciiIterType);
initStrIterType(StrIterType);

