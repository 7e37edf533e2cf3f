/**
 * The bytes type. CPython counterpart: Objects/bytesobject.c (and the UTF-8
 * decoder of Objects/stringlib/codecs.h). bytearray is not simulated.
 */

import { PyObject, decref, incref, makeImmortal } from './object.js';
import {
  type PyTypeObject, builtinType, ObjectType, TPFLAGS_BASETYPE, TPFLAGS_BYTES_SUBCLASS, TPFLAGS_HAVE_GC,
  TPFLAGS_HEAPTYPE, NB_ADD, NB_MULTIPLY, type Visit,
  type BuiltinMethod,
} from './typeobject.js';
import { heap } from '../memory/heap.js';
import { raise } from '../eval/errors.js';
import { Exc } from './exceptions.js';
import './singletons.js'; // (evaluation order: module order fixes the builtin types' ids)
import type { Hash } from './hash.js';
import { gcAlloc, gcFree, gcTrack, gcUntrack } from '../gc/gcobject.js';
import { newInt } from './longobject.js';
import { PyStr, newStr } from './unicodeobject.js';
import { newTuple } from './tupleobject.js';
import './listobject.js'; // (evaluation order, see complexobject.ts)
import './sliceobject.js'; // (evaluation order: module order fixes the builtin types' ids)
import { checkArity, noKeywords } from './args.js';
import './abstract.js'; // (evaluation order, see complexobject.ts)
import { parts, deferred, deferredMethods } from '../ondemand.js';

export class PyBytes extends PyObject {
  hashCache: Hash | null = null;
  constructor(type: PyTypeObject, public value: Uint8Array) {
    super(type);
  }
}

/** offsetof(PyBytesObject, ob_sval) + 1 for the trailing NUL */
const BYTES_HEADER = 33;

export const BytesType = builtinType('bytes', BYTES_HEADER, TPFLAGS_BASETYPE | TPFLAGS_BYTES_SUBCLASS, ObjectType, 1);

export function bytesSizeof(o: PyObject): number {
  return BYTES_HEADER + (o as PyBytes).value.length;
}

// ---------------------------------------------------------------- singletons and creation

function staticBytes(u8: Uint8Array): PyBytes {
  const o = new PyBytes(BytesType, u8);
  makeImmortal(o, 48);
  o.size = bytesSizeof(o);
  return o;
}

/** _Py_SINGLETON(bytes_empty) and bytes_characters[256] (3.12: statically allocated) */
const EMPTY = staticBytes(new Uint8Array(0));
const CHARS: PyBytes[] = [];
for (let i = 0; i < 256; i++) CHARS.push(staticBytes(Uint8Array.of(i)));

/** PyBytes_FromStringAndSize: a NEW reference; takes ownership of `u8`. */
export function newBytes(u8: Uint8Array): PyBytes {
  if (u8.length <= 1) {
    const o = u8.length === 0 ? EMPTY : CHARS[u8[0]];
    o.refcnt++;
    if (heap.tracing) heap.onIncref(o);
    return o;
  }
  const o = new PyBytes(BytesType, u8);
  heap.allocObject(o, BYTES_HEADER + u8.length);
  return o;
}

let subtypeAllocBytes: (o: PyObject, nbytes: number) => void = (o, n) => heap.allocObject(o, n);
export function setBytesSubtypeAlloc(f: (o: PyObject, nbytes: number) => void): void {
  subtypeAllocBytes = f;
}

function bytesDealloc(o: PyObject): void {
  heap.freeObject(o);
}

export function bytesValue(o: PyObject): Uint8Array {
  return (o as PyBytes).value;
}

// ---------------------------------------------------------------- repr, hash, compare

/** bytes repr: b'...' with CPython's quote choice and \x escapes. */
export function bytesReprString(u: Uint8Array): string {
  let hasSingle = false, hasDouble = false;
  for (let i = 0; i < u.length; i++) {
    if (u[i] === 0x27) hasSingle = true;
    else if (u[i] === 0x22) hasDouble = true;
  }
  const quote = hasSingle && !hasDouble ? '"' : "'";
  let out = 'b' + quote;
  for (let i = 0; i < u.length; i++) {
    const c = u[i];
    if (c === 0x5c) out += '\\\\';
    else if (String.fromCharCode(c) === quote) out += '\\' + quote;
    else if (c === 9) out += '\\t';
    else if (c === 10) out += '\\n';
    else if (c === 13) out += '\\r';
    else if (c < 0x20 || c >= 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += String.fromCharCode(c);
  }
  return out + quote;
}

function bytesRepr(o: PyObject): PyObject {
  return newStr(bytesReprString((o as PyBytes).value));
}

// ---------------------------------------------------------------- sequence protocol

function bytesLength(o: PyObject): number {
  return (o as PyBytes).value.length;
}

/** A bytes-like argument (bytes only; bytearray/memoryview are not simulated). */
export function bytesArg(o: PyObject, what = ''): Uint8Array {
  if (o instanceof PyBytes) return o.value;
  raise(Exc.TypeError, what || `a bytes-like object is required, not '${o.type.name}'`);
}

// ---------------------------------------------------------------- iterator

export class PyBytesIter extends PyObject {
  index = 0;
  constructor(public seq: PyBytes | null) {
    super(BytesIterType);
  }
}

export const BytesIterType = builtinType('bytes_iterator', 32, TPFLAGS_HAVE_GC);

function bytesIter(o: PyObject): PyObject {
  const it = new PyBytesIter(o as PyBytes);
  incref(o);
  gcAlloc(it, 32);
  gcTrack(it);
  return it;
}

function bytesIterDealloc(o: PyObject): void {
  const it = o as PyBytesIter;
  gcUntrack(it);
  const s = it.seq;
  it.seq = null;
  if (s !== null) decref(s);
  gcFree(it);
}

function bytesIterTraverse(o: PyObject, visit: Visit): void {
  const s = (o as PyBytesIter).seq;
  if (s !== null) visit(s);
}

// ---------------------------------------------------------------- codecs and constructor

// In bytesmethods.ts, loaded on demand (src/engine/ondemand.ts).

/** bytes.decode / str(b, encoding) */
export const decodeBytes = deferred<(u: Uint8Array, encoding: string, errors: string) => string>(parts.bytes, 'decodeBytes');

/** bytes(x): a new bytes object of `type` (a subclass instance is allocated as the interpreter's subtypes are) */
export function newBytesOfType(type: PyTypeObject, u8: Uint8Array): PyBytes {
  if (type === BytesType) return newBytes(u8);
  const o = new PyBytes(type, u8);
  subtypeAllocBytes(o, BYTES_HEADER + u8.length);
  if (type.hasFlag(TPFLAGS_HEAPTYPE)) incref(type);
  return o;
}

/** An argument that must be a str (`encoding`, `errors` …). */
export function strArg(o: PyObject, fname: string, n: string): string {
  if (o instanceof PyStr) return o.value;
  raise(Exc.TypeError, `${fname}() argument ${n} must be str, not ${o.type.name}`);
}

/**
 * The bytes methods other than the dunders: their code is in bytesmethods.ts,
 * loaded on demand (src/engine/ondemand.ts).
 */
const later = deferredMethods<BuiltinMethod>(parts.bytes, [
  'decode', 'hex', 'find', 'rfind', 'index', 'count', 'startswith', 'endswith', 'join', 'split', 'strip',
  'upper', 'lower', 'replace', 'fromhex',
]);

function setupBytesMethods(t: PyTypeObject): void {
  t.methods = {
    decode: later.decode,
    hex: later.hex,
    find: later.find,
    rfind: later.rfind,
    index: later.index,
    count: later.count,
    startswith: later.startswith,
    endswith: later.endswith,
    join: later.join,
    split: later.split,
    strip: later.strip,
    upper: later.upper,
    lower: later.lower,
    replace: later.replace,
    __getnewargs__: (self) => {
      const b = newBytes((self as PyBytes).value.slice());
      return newTupleOf(b);
    },
    __sizeof__: (self, args, kw) => {
      noKeywords('__sizeof__', kw);
      checkArity('__sizeof__', args, 0, 0);
      return newInt(bytesSizeof(self));
    },
  };
  t.classMethods = { fromhex: later.fromhex };
}

function newTupleOf(o: PyObject): PyObject {
  return newTuple([o]);
}

// The operations on bytes objects (hash, comparison, subscripts, `in`, `+`,
// `*`, iteration) are in the bytes part (objects/bytesmethods.ts): a bytes
// object is made by a bytes literal, bytes(), encode() or to_bytes(), whose
// names load it (a name built at run time means a second run).
function initBytesType(t: PyTypeObject): void {
  t.tp_dealloc = bytesDealloc;
  t.tp_repr = bytesRepr;
  // str(b'x') is its repr (and warns under -b, which the simulator does not model)
  t.tp_hash = deferred(parts.bytes, 'bytes.tp_hash');
  t.tp_richcompare = deferred(parts.bytes, 'bytes.tp_richcompare');
  t.tp_iter = bytesIter;
  t.tp_sizeof = bytesSizeof;
  t.tp_new = deferred(parts.bytes, 'tp_new');
  t.mp_length = bytesLength;
  t.mp_subscript = deferred(parts.bytes, 'bytes.mp_subscript');
  t.sq_contains = deferred(parts.bytes, 'bytes.sq_contains');
  t.nb[NB_ADD] = deferred(parts.bytes, 'bytes.nb_add');
  t.nb[NB_MULTIPLY] = deferred(parts.bytes, 'bytes.nb_multiply');
  t.doc = 'bytes(iterable_of_ints) -> bytes';
  setupBytesMethods(t);
  BytesIterType.tp_dealloc = bytesIterDealloc;
  BytesIterType.tp_traverse = bytesIterTraverse;
  BytesIterType.tp_iter = (o) => (incref(o), o);
  BytesIterType.tp_iternext = deferred(parts.bytes, 'bytes_iterator.tp_iternext');
}

initBytesType(BytesType);

