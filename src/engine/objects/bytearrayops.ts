/**
 * The bytearray type's code: its slots and methods, loaded on demand (a
 * program that names `bytearray` loads it; see src/engine/ondemand.ts). The
 * type itself, with a stub in every slot, is in bytearrayobject.ts, so that
 * `dir(bytearray)` and the type's dict are the same before the code arrives.
 * CPython counterpart: Objects/bytearrayobject.c (3.12, with PyByteArray_Resize's over-allocation).
 */

import { PyObject, decref, incref } from './object.js';
import {
  type PyTypeObject, TPFLAGS_HEAPTYPE, NB_ADD, Py_LT, Py_LE, Py_EQ, Py_NE, Py_GT, type Visit, type BuiltinMethod,
} from './typeobject.js';
import { heap } from '../memory/heap.js';
import { raise, unsupported } from '../eval/errors.js';
import { Exc } from './exceptions.js';
import { NotImplemented, PyNone } from './singletons.js';
import { gcAlloc, gcFree, gcTrack, gcUntrack } from '../gc/gcobject.js';
import { PyLong, LongType, newInt, newBool, asIndex, indexValue, subtypeAlloc } from './longobject.js';
import { PyStr, newStr, encodeString } from './unicodeobject.js';
import { PyBytes, BytesType, newBytes } from './bytesobject.js';
import { PyByteArray, ByteArrayType, PyByteArrayIter, BYTEARRAY_BASICSIZE } from './bytearrayobject.js';
import { PyTuple, TupleType, newTuple, reallocBuffer } from './tupleobject.js';
import { PyList, ListType, newList } from './listobject.js';
import { PySlice, sliceIndices, clampedIndex, lengthHint } from './sliceobject.js';
import { parseArgs, checkArity, noKeywords } from './args.js';
import { getIter, iterNext, isExceptionOf, clearRaise } from './abstract.js';

function sync(o: PyByteArray): void {
  o.value = o.data.subarray(o.start, o.start + o.n);
}

function isByteArray(o: PyObject): o is PyByteArray {
  return o instanceof PyByteArray;
}

// ---------------------------------------------------------------- memory

function bufMalloc(o: PyByteArray, n: number): number {
  return o.simBuffer ? heap.mallocBuffer(n) : 0;
}
function bufFree(o: PyByteArray, addr: number): void {
  if (o.simBuffer) heap.freeBuffer(addr);
}

/**
 * PyByteArray_Resize: the new length is `requested`; grows by ~1/8 (plus 3 or 6)
 * when the growth is moderate, exactly otherwise; shrinks the buffer only
 * below half of it. Contents up to min(old, new) length are kept.
 */
export function byteArrayResize(o: PyByteArray, requested: number): void {
  let alloc = o.alloc;
  const offset = o.start;
  const size = requested;
  if (requested === o.n) return;
  if (size + offset + 1 <= alloc) {
    if (size < Math.floor(alloc / 2)) {
      alloc = size + 1;
    } else {
      o.n = size;
      sync(o);
      return;
    }
  } else if (size <= alloc * 1.125) {
    alloc = size + (size >> 3) + (size < 9 ? 3 : 6);
  } else {
    alloc = size + 1;
  }
  if (alloc > 2 ** 31) unsupported('bytearrays larger than 2 GiB');
  const keep = Math.min(requested, o.n);
  const data = new Uint8Array(alloc);
  data.set(o.data.subarray(offset, offset + keep));
  if (offset > 0) {
    const p = bufMalloc(o, alloc);
    bufFree(o, o.bufAddr);
    o.bufAddr = p;
  } else if (o.simBuffer) {
    o.bufAddr = reallocBuffer(o.bufAddr, o.alloc, alloc);
  }
  o.data = data;
  o.start = 0;
  o.n = size;
  o.alloc = alloc;
  sync(o);
}

/** PyByteArray_FromStringAndSize: a NEW bytearray holding a copy of `u8` (object, then its buffer). */
export function newByteArray(u8: Uint8Array): PyByteArray {
  const o = new PyByteArray(ByteArrayType);
  heap.allocObject(o, BYTEARRAY_BASICSIZE);
  const n = u8.length;
  if (n > 0) {
    o.alloc = n + 1;
    o.data = new Uint8Array(n + 1);
    o.data.set(u8);
    o.bufAddr = heap.mallocBuffer(n + 1);
  }
  o.n = n;
  sync(o);
  return o;
}

function byteArrayDealloc(o: PyObject): void {
  const b = o as PyByteArray;
  if (b.bufAddr !== 0) bufFree(b, b.bufAddr);
  b.bufAddr = 0;
  heap.freeObject(o);
}

function byteArraySizeof(o: PyObject): number {
  return o.type.basicsize + (o as PyByteArray).alloc;
}

// ---------------------------------------------------------------- helpers

/** _getbytevalue: an int in range(256) via __index__. */
function byteValue(o: PyObject): number {
  const v = indexValue(o);
  if (typeof v !== 'number' || v < 0 || v >= 256) raise(Exc.ValueError, 'byte must be in range(0, 256)');
  return v;
}

/** A buffer-exporting argument's bytes (bytes or bytearray), or null. */
function bufferOf(o: PyObject): Uint8Array | null {
  return o instanceof PyBytes ? o.value : null;
}

function bufferArg(o: PyObject): Uint8Array {
  if (o instanceof PyBytes) return o.value;
  raise(Exc.TypeError, `a bytes-like object is required, not '${o.type.name}'`);
}

/** memmove within the live contents */
function move(o: PyByteArray, to: number, from: number, count: number): void {
  if (count > 0) o.data.copyWithin(o.start + to, o.start + from, o.start + from + count);
}

/** bytearray_setslice_linear: replace [lo, hi) with `bytes`. */
function setSliceLinear(o: PyByteArray, lo: number, hi: number, bytes: Uint8Array): void {
  const avail = hi - lo;
  const len = bytes.length;
  const growth = len - avail;
  if (growth < 0) {
    if (lo === 0) {
      // shrink by advancing the logical start
      o.start -= growth;
    } else {
      move(o, lo + len, hi, o.n - hi);
    }
    byteArrayResize(o, o.n + growth);
  } else if (growth > 0) {
    const oldN = o.n;
    byteArrayResize(o, o.n + growth);
    move(o, lo + len, hi, oldN - hi);
  }
  if (len > 0) o.data.set(bytes, o.start + lo);
}

/** bytearray_setslice: b[lo:hi] = values (null deletes) */
function setSlice(o: PyByteArray, lo: number, hi: number, values: PyObject | null): void {
  if (values === o) {
    const copy = newByteArray(o.value);
    try {
      setSlice(o, lo, hi, copy);
    } finally {
      decref(copy);
    }
    return;
  }
  let bytes: Uint8Array;
  if (values === null) bytes = new Uint8Array(0);
  else {
    const b = bufferOf(values);
    if (b === null) raise(Exc.TypeError, `can't set bytearray slice from ${values.type.name}`);
    bytes = b.slice();
  }
  if (lo < 0) lo = 0;
  if (hi < lo) hi = lo;
  if (hi > o.n) hi = o.n;
  setSliceLinear(o, lo, hi, bytes);
}

/** PyByteArray_FromObject: bytearray(x), as a NEW reference. */
function byteArrayFromObject(x: PyObject): PyByteArray {
  const o = new PyByteArray(ByteArrayType);
  heap.allocObject(o, BYTEARRAY_BASICSIZE);
  try {
    byteArrayInit(o, [x], null);
  } catch (e) {
    decref(o);
    throw e;
  }
  return o;
}

// ---------------------------------------------------------------- construction

const INIT_ARGS = ['source', 'encoding', 'errors'] as const;

function strArg(o: PyObject, fname: string, n: string): string {
  if (o instanceof PyStr) return o.value;
  raise(Exc.TypeError, `${fname}() argument ${n} must be str, not ${o.type.name}`);
}

/** append one byte while filling from an iterator (bytearray___init__'s loop) */
function appendFast(o: PyByteArray, v: number): void {
  if (o.n + 1 < o.alloc) {
    o.n++;
    sync(o);
  } else {
    byteArrayResize(o, o.n + 1);
  }
  o.data[o.start + o.n - 1] = v;
}

function fillFromIterator(o: PyByteArray, arg: PyObject): void {
  let it: PyObject;
  try {
    it = getIter(arg);
  } catch (e) {
    if (isExceptionOf(e, Exc.TypeError)) {
      clearRaise(e);
      raise(Exc.TypeError, `cannot convert '${arg.type.name}' object to bytearray`);
    }
    throw e;
  }
  try {
    for (let item = iterNext(it); item !== null; item = iterNext(it)) {
      let v: number;
      try {
        v = byteValue(item);
      } finally {
        decref(item);
      }
      appendFast(o, v);
    }
  } finally {
    decref(it);
  }
}

/** bytearray___init__ */
function byteArrayInit(self: PyObject, args: PyObject[], kwnames: string[] | null): void {
  const o = self as PyByteArray;
  const [arg, encObj, errObj] = parseArgs('bytearray', args, kwnames, INIT_ARGS, 0);
  if (o.n !== 0 || o.bufAddr !== 0) byteArrayResize(o, 0);
  if (arg === undefined) {
    if (encObj !== undefined || errObj !== undefined) {
      raise(Exc.TypeError, encObj !== undefined ? 'encoding without a string argument' : 'errors without a string argument');
    }
    return;
  }
  if (arg instanceof PyStr) {
    if (encObj === undefined) raise(Exc.TypeError, 'string argument without an encoding');
    const enc = strArg(encObj, 'bytearray', "'encoding'");
    const errors = errObj === undefined ? 'strict' : strArg(errObj, 'bytearray', "'errors'");
    // PyUnicode_AsEncodedString makes a bytes object; bytearray_iconcat copies it
    const encoded = newBytes(encodeString(arg.value, enc, errors));
    try {
      iconcat(o, encoded.value);
    } finally {
      decref(encoded);
    }
    return;
  }
  if (encObj !== undefined || errObj !== undefined) {
    raise(Exc.TypeError, encObj !== undefined ? 'encoding without a string argument' : 'errors without a string argument');
  }
  if (arg.type.nb_index !== null) {
    let count: number | null = null;
    try {
      count = asIndex(arg, Exc.OverflowError);
    } catch (e) {
      if (!isExceptionOf(e, Exc.TypeError)) throw e;
      clearRaise(e);
    }
    if (count !== null) {
      if (count < 0) raise(Exc.ValueError, 'negative count');
      if (count > 2 ** 28) unsupported('bytearrays longer than 2**28');
      if (count > 0) byteArrayResize(o, count);
      return;
    }
  }
  const buf = bufferOf(arg);
  if (buf !== null) {
    const copy = buf.slice();
    byteArrayResize(o, copy.length);
    o.data.set(copy, o.start);
    return;
  }
  if (arg.type === ListType || arg.type === TupleType) {
    const items = (arg as PyList | PyTuple).items;
    byteArrayResize(o, items.length);
    let slow = false;
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (item.type !== LongType) {
        if (o.n !== 0) byteArrayResize(o, 0);
        slow = true;
        break;
      }
      o.data[o.start + i] = byteValue(item);
    }
    if (!slow) return;
  }
  fillFromIterator(o, arg);
}

/** PyType_GenericNew: an empty bytearray (ob_bytes NULL); __init__ fills it. */
function byteArrayNew(type: PyTypeObject, _args: PyObject[], _kwnames: string[] | null): PyObject {
  const o = new PyByteArray(type);
  if (type === ByteArrayType) {
    heap.allocObject(o, BYTEARRAY_BASICSIZE);
  } else {
    // Subclass instances are freed by subtype_dealloc, which does not know
    // about ob_bytes: their buffer is sized (getsizeof) but not simulated.
    o.simBuffer = false;
    subtypeAlloc(o, type.basicsize);
    if (type.hasFlag(TPFLAGS_HEAPTYPE)) incref(type);
  }
  return o;
}

// ---------------------------------------------------------------- repr, compare

/** bytearray_repr: always escapes ' and \, prefers single quotes. */
function byteArrayRepr(self: PyObject): PyObject {
  const u = (self as PyBytes).value;
  let quote = "'";
  for (let i = 0; i < u.length; i++) {
    if (u[i] === 0x22) {
      quote = "'";
      break;
    } else if (u[i] === 0x27) quote = '"';
  }
  let out = self.type.name + '(b' + quote;
  for (let i = 0; i < u.length; i++) {
    const c = u[i];
    if (c === 0x27 || c === 0x5c) out += '\\' + String.fromCharCode(c);
    else if (c === 9) out += '\\t';
    else if (c === 10) out += '\\n';
    else if (c === 13) out += '\\r';
    else if (c < 0x20 || c >= 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += String.fromCharCode(c);
  }
  return newStr(out + quote + ')');
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return a.length - b.length;
}

function byteArrayRichCompare(a: PyObject, b: PyObject, op: number): PyObject {
  const x = bufferOf(a), y = bufferOf(b);
  if (x === null || y === null) return NotImplemented;
  if (x.length !== y.length && (op === Py_EQ || op === Py_NE)) return newBool(op === Py_NE);
  const c = compareBytes(x, y);
  switch (op) {
    case Py_LT: return newBool(c < 0);
    case Py_LE: return newBool(c <= 0);
    case Py_EQ: return newBool(c === 0);
    case Py_NE: return newBool(c !== 0);
    case Py_GT: return newBool(c > 0);
    default: return newBool(c >= 0);
  }
}

// ---------------------------------------------------------------- sequence protocol

function byteArrayLength(o: PyObject): number {
  return (o as PyByteArray).n;
}

function byteArraySubscript(self: PyObject, key: PyObject): PyObject {
  const o = self as PyByteArray;
  if (key instanceof PySlice) {
    const [start, , step, n] = sliceIndices(key, o.n);
    if (n <= 0) return newByteArray(new Uint8Array(0));
    if (step === 1) return newByteArray(o.value.subarray(start, start + n));
    const out = new Uint8Array(n);
    for (let i = 0, j = start; i < n; i++, j += step) out[i] = o.value[j];
    return newByteArray(out);
  }
  if (key.type.nb_index !== null) {
    let i = asIndex(key, Exc.IndexError);
    if (i < 0) i += o.n;
    if (i < 0 || i >= o.n) raise(Exc.IndexError, 'bytearray index out of range');
    return newInt(o.value[i]);
  }
  raise(Exc.TypeError, `bytearray indices must be integers or slices, not ${key.type.name}`);
}

function isNumberLike(o: PyObject): boolean {
  return o.type.nb_index !== null || o.type.nb_int !== null || o.type.nb_float !== null;
}

/** bytearray_ass_subscript (value null deletes) */
function byteArrayAssSubscript(self: PyObject, index: PyObject, values: PyObject | null): void {
  const o = self as PyByteArray;
  let start: number, stop: number, step: number, slicelen: number;
  if (index.type.nb_index !== null && !(index instanceof PySlice)) {
    let i = asIndex(index, Exc.IndexError);
    const ival = values !== null ? byteValue(values) : -1;
    if (i < 0) i += o.n;
    if (i < 0 || i >= o.n) raise(Exc.IndexError, 'bytearray index out of range');
    if (values !== null) {
      o.value[i] = ival;
      return;
    }
    start = i;
    stop = i + 1;
    step = 1;
    slicelen = 1;
  } else if (index instanceof PySlice) {
    [start, stop, step, slicelen] = sliceIndices(index, o.n);
  } else {
    raise(Exc.TypeError, `bytearray indices must be integers or slices, not ${index.type.name}`);
  }
  let bytes: Uint8Array;
  if (values === null) bytes = new Uint8Array(0);
  else if (values === o || !isByteArray(values)) {
    if (isNumberLike(values) || values instanceof PyStr) {
      raise(Exc.TypeError, 'can assign only bytes, buffers, or iterables of ints in range(0, 256)');
    }
    const tmp = byteArrayFromObject(values);
    try {
      byteArrayAssSubscript(o, index, tmp);
    } finally {
      decref(tmp);
    }
    return;
  } else bytes = values.value;
  if ((step < 0 && start < stop) || (step > 0 && start > stop)) stop = start;
  if (step === 1) {
    setSliceLinear(o, start, stop, bytes.slice());
    return;
  }
  if (bytes.length === 0) {
    if (slicelen === 0) return;
    if (step < 0) {
      stop = start + 1;
      start = stop + step * (slicelen - 1) - 1;
      step = -step;
    }
    const keep: number[] = [];
    const drop = new Set<number>();
    for (let k = 0, cur = start; k < slicelen; k++, cur += step) drop.add(cur);
    for (let k = 0; k < o.n; k++) if (!drop.has(k)) keep.push(o.value[k]);
    o.data.set(keep, o.start);
    byteArrayResize(o, o.n - slicelen);
    return;
  }
  if (bytes.length !== slicelen) {
    raise(Exc.ValueError, `attempt to assign bytes of size ${bytes.length} to extended slice of size ${slicelen}`);
  }
  for (let k = 0, cur = start; k < slicelen; k++, cur += step) o.value[cur] = bytes[k];
}

function byteArrayContains(self: PyObject, item: PyObject): boolean {
  const u = (self as PyByteArray).value;
  if (item.type.nb_index !== null) {
    const v = asIndex(item);
    if (v < 0 || v > 255) raise(Exc.ValueError, 'byte must be in range(0, 256)');
    return u.includes(v);
  }
  const needle = bufferArg(item);
  return indexOf(u, needle, 0, u.length) >= 0;
}

/** PyByteArray_Concat (sq_concat): only when the left operand is a bytearray */
function byteArrayConcat(a: PyObject, b: PyObject): PyObject {
  if (!isByteArray(a)) return NotImplemented;
  const y = bufferOf(b);
  if (y === null) {
    if (b.type.hasFlag(TPFLAGS_HEAPTYPE) && b.type.nb[NB_ADD] !== null) return NotImplemented;
    raise(Exc.TypeError, `can't concat ${b.type.name} to ${a.type.name}`);
  }
  const out = new Uint8Array(a.n + y.length);
  out.set(a.value);
  out.set(y, a.n);
  return newByteArray(out);
}

/** bytearray_iconcat's core */
function iconcat(o: PyByteArray, y: Uint8Array): void {
  const copy = y.slice();
  const size = o.n;
  byteArrayResize(o, size + copy.length);
  o.data.set(copy, o.start + size);
}

function byteArrayInplaceConcat(a: PyObject, b: PyObject): PyObject {
  if (!isByteArray(a)) return NotImplemented;
  const y = bufferOf(b);
  if (y === null) {
    if (b.type.hasFlag(TPFLAGS_HEAPTYPE) && b.type.nb[NB_ADD] !== null) return NotImplemented;
    raise(Exc.TypeError, `can't concat ${b.type.name} to ${a.type.name}`);
  }
  iconcat(a, y);
  incref(a);
  return a;
}

function repeatArgs(a: PyObject, b: PyObject): [PyByteArray, number] | null {
  if (isByteArray(a) && b.type.nb_index !== null) return [a, asIndex(b)];
  if (isByteArray(b) && a.type.nb_index !== null) return [b, asIndex(a)];
  return null;
}

function byteArrayRepeat(a: PyObject, b: PyObject): PyObject {
  const r = repeatArgs(a, b);
  if (r === null) return NotImplemented;
  const [s, count] = r;
  const n = Math.max(0, count);
  if (s.n * n > 2 ** 28) unsupported('bytearrays longer than 2**28');
  const out = new Uint8Array(s.n * n);
  for (let i = 0; i < n; i++) out.set(s.value, i * s.n);
  return newByteArray(out);
}

function byteArrayInplaceRepeat(a: PyObject, b: PyObject): PyObject {
  if (!isByteArray(a) || b.type.nb_index === null) return NotImplemented;
  const count = Math.max(0, asIndex(b));
  const mysize = a.n;
  if (mysize * count > 2 ** 28) unsupported('bytearrays longer than 2**28');
  const src = a.value.slice();
  byteArrayResize(a, mysize * count);
  for (let i = 1; i < count; i++) a.data.set(src, a.start + i * mysize);
  incref(a);
  return a;
}

// ---------------------------------------------------------------- iterator

function byteArrayIter(o: PyObject): PyObject {
  const it = new PyByteArrayIter(o as PyByteArray);
  incref(o);
  gcAlloc(it, 32);
  gcTrack(it);
  return it;
}

function byteArrayIterNext(o: PyObject): PyObject | null {
  const it = o as PyByteArrayIter;
  const s = it.seq;
  if (s === null) return null;
  if (it.index < s.n) return newInt(s.value[it.index++]);
  it.seq = null;
  decref(s);
  return null;
}

function byteArrayIterDealloc(o: PyObject): void {
  const it = o as PyByteArrayIter;
  gcUntrack(it);
  const s = it.seq;
  it.seq = null;
  if (s !== null) decref(s);
  gcFree(it);
}

function byteArrayIterTraverse(o: PyObject, visit: Visit): void {
  const s = (o as PyByteArrayIter).seq;
  if (s !== null) visit(s);
}

// ---------------------------------------------------------------- methods

function indexOf(hay: Uint8Array, needle: Uint8Array, from: number, to: number): number {
  outer: for (let i = from; i + needle.length <= to; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function lastIndexOf(hay: Uint8Array, needle: Uint8Array, from: number, to: number): number {
  outer: for (let i = to - needle.length; i >= from; i--) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function selfOf(o: PyObject): PyByteArray {
  return o as PyByteArray;
}

function noArgs(name: string, args: PyObject[], kw: string[] | null): void {
  noKeywords(name, kw);
  checkArity(name, args, 0, 0);
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}
function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}
function isUpper(c: number): boolean {
  return c >= 65 && c <= 90;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** split on runs of ASCII whitespace / on `sep`, at most `max` times (-1 = all) */
function splitBytes(u: Uint8Array, sep: Uint8Array | null, max: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  if (sep === null) {
    let i = 0;
    while (i < u.length) {
      while (i < u.length && isSpace(u[i])) i++;
      if (i >= u.length) break;
      if (max === 0) {
        out.push(u.slice(i));
        break;
      }
      let j = i;
      while (j < u.length && !isSpace(u[j])) j++;
      out.push(u.slice(i, j));
      max--;
      i = j;
    }
    return out;
  }
  if (sep.length === 0) raise(Exc.ValueError, 'empty separator');
  let i = 0;
  while (max !== 0) {
    const k = indexOf(u, sep, i, u.length);
    if (k < 0) break;
    out.push(u.slice(i, k));
    i = k + sep.length;
    max--;
  }
  out.push(u.slice(i));
  return out;
}

function rsplitBytes(u: Uint8Array, sep: Uint8Array | null, max: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  if (sep === null) {
    let j = u.length;
    while (j > 0) {
      while (j > 0 && isSpace(u[j - 1])) j--;
      if (j <= 0) break;
      if (max === 0) {
        out.push(u.slice(0, j));
        break;
      }
      let i = j;
      while (i > 0 && !isSpace(u[i - 1])) i--;
      out.push(u.slice(i, j));
      max--;
      j = i;
    }
    return out.reverse();
  }
  if (sep.length === 0) raise(Exc.ValueError, 'empty separator');
  let j = u.length;
  while (max !== 0) {
    const k = lastIndexOf(u, sep, 0, j);
    if (k < 0) break;
    out.push(u.slice(k + sep.length, j));
    j = k;
    max--;
  }
  out.push(u.slice(0, j));
  return out.reverse();
}

const SPLIT_ARGS = ['sep', 'maxsplit'] as const;

function splitMethod(name: string, f: typeof splitBytes): BuiltinMethod {
  return (self, args, kw) => {
    const [sepObj, maxObj] = parseArgs(name, args, kw, SPLIT_ARGS, 0);
    const max = maxObj === undefined ? -1 : asIndex(maxObj);
    const sep = sepObj === undefined || sepObj === PyNone ? null : bufferArg(sepObj).slice();
    const parts = f(selfOf(self).value, sep, max < 0 ? -1 : max);
    const items: PyObject[] = [];
    for (const p of parts) items.push(newByteArray(p));
    return newList(items);
  };
}

function stripMethod(name: string, left: boolean, right: boolean): BuiltinMethod {
  return (self, args, kw) => {
    noKeywords(name, kw);
    checkArity(name, args, 0, 1);
    const u = selfOf(self).value;
    const chars = args.length && args[0] !== PyNone ? bufferArg(args[0]) : null;
    const strip = (c: number): boolean => (chars ? chars.includes(c) : isSpace(c));
    let i = 0, j = u.length;
    if (left) while (i < j && strip(u[i])) i++;
    if (right) while (j > i && strip(u[j - 1])) j--;
    return newByteArray(u.subarray(i, j));
  };
}

function mapMethod(name: string, f: (c: number) => number): BuiltinMethod {
  return (self, args, kw) => {
    noArgs(name, args, kw);
    return newByteArray(selfOf(self).value.map(f));
  };
}

function predicateMethod(name: string, f: (u: Uint8Array) => boolean): BuiltinMethod {
  return (self, args, kw) => {
    noArgs(name, args, kw);
    return newBool(f(selfOf(self).value));
  };
}

function partitionMethod(name: string, fromRight: boolean): BuiltinMethod {
  return (self, args, kw) => {
    noKeywords(name, kw);
    checkArity(name, args, 1, 1);
    const u = selfOf(self).value;
    const sep = bufferArg(args[0]).slice();
    if (sep.length === 0) raise(Exc.ValueError, 'empty separator');
    const k = fromRight ? lastIndexOf(u, sep, 0, u.length) : indexOf(u, sep, 0, u.length);
    let parts: Uint8Array[];
    if (k < 0) parts = fromRight ? [new Uint8Array(0), new Uint8Array(0), u.slice()] : [u.slice(), new Uint8Array(0), new Uint8Array(0)];
    else parts = [u.slice(0, k), sep, u.slice(k + sep.length)];
    return newTuple(parts.map((p) => newByteArray(p)));
  };
}

const NOT_SIMULATED = [
  'capitalize', 'center', 'expandtabs', 'ljust', 'rjust', 'splitlines', 'swapcase', 'title', 'translate',
  'zfill', 'istitle', '__reduce__', '__reduce_ex__',
] as const;

/** bytearray's own methods (those it shares with bytes are bytes' own: bytesobject.ts) */
function byteArrayMethods(): Record<string, BuiltinMethod> {
  const m: Record<string, BuiltinMethod> = {};
  for (const name of NOT_SIMULATED) m[name] = () => unsupported(`bytearray.${name}()`);
  Object.assign(m, {
    __alloc__: (self, args, kw) => (noArgs('__alloc__', args, kw), newInt(selfOf(self).alloc)),
    __sizeof__: (self, args, kw) => (noArgs('__sizeof__', args, kw), newInt(byteArraySizeof(self))),
    append: (self, args, kw) => {
      noKeywords('append', kw);
      checkArity('append', args, 1, 1);
      const v = byteValue(args[0]);
      const o = selfOf(self);
      byteArrayResize(o, o.n + 1);
      o.value[o.n - 1] = v;
      return none();
    },
    extend: (self, args, kw) => {
      noKeywords('extend', kw);
      checkArity('extend', args, 1, 1);
      byteArrayExtend(selfOf(self), args[0]);
      return none();
    },
    insert: (self, args, kw) => {
      noKeywords('insert', kw);
      checkArity('insert', args, 2, 2);
      const o = selfOf(self);
      let index = asIndex(args[0]);
      const v = byteValue(args[1]);
      const n = o.n;
      byteArrayResize(o, n + 1);
      if (index < 0) {
        index += n;
        if (index < 0) index = 0;
      }
      if (index > n) index = n;
      move(o, index + 1, index, n - index);
      o.value[index] = v;
      return none();
    },
    pop: (self, args, kw) => {
      noKeywords('pop', kw);
      checkArity('pop', args, 0, 1);
      const o = selfOf(self);
      let index = args.length ? asIndex(args[0]) : -1;
      const n = o.n;
      if (n === 0) raise(Exc.IndexError, 'pop from empty bytearray');
      if (index < 0) index += n;
      if (index < 0 || index >= n) raise(Exc.IndexError, 'pop index out of range');
      const v = o.value[index];
      move(o, index, index + 1, n - index - 1);
      byteArrayResize(o, n - 1);
      return newInt(v);
    },
    remove: (self, args, kw) => {
      noKeywords('remove', kw);
      checkArity('remove', args, 1, 1);
      const o = selfOf(self);
      const v = byteValue(args[0]);
      const where = o.value.indexOf(v);
      if (where < 0) raise(Exc.ValueError, 'value not found in bytearray');
      const n = o.n;
      move(o, where, where + 1, n - where - 1);
      byteArrayResize(o, n - 1);
      return none();
    },
    clear: (self, args, kw) => {
      noArgs('clear', args, kw);
      byteArrayResize(selfOf(self), 0);
      return none();
    },
    copy: (self, args, kw) => (noArgs('copy', args, kw), newByteArray(selfOf(self).value)),
    reverse: (self, args, kw) => {
      noArgs('reverse', args, kw);
      selfOf(self).value.reverse();
      return none();
    },
    rindex: (self, args, kw) => {
      const r = BytesType.methods.rfind(self, args, kw) as PyLong;
      const v = r.value;
      decref(r);
      if (v === -1) raise(Exc.ValueError, 'subsection not found');
      return newInt(v);
    },
    join: (self, args, kw) => {
      noKeywords('join', kw);
      checkArity('join', args, 1, 1);
      const it = getIter(args[0]);
      const parts: Uint8Array[] = [];
      try {
        for (let x = iterNext(it), i = 0; x !== null; x = iterNext(it), i++) {
          const b = bufferOf(x);
          decref(x);
          if (b === null) raise(Exc.TypeError, `sequence item ${i}: expected a bytes-like object, ${x.type.name} found`);
          parts.push(b.slice());
        }
      } finally {
        decref(it);
      }
      const sep = selfOf(self).value;
      const total = parts.reduce((n, p) => n + p.length, 0) + sep.length * Math.max(0, parts.length - 1);
      const out = new Uint8Array(total);
      let k = 0;
      parts.forEach((p, i) => {
        if (i > 0) {
          out.set(sep, k);
          k += sep.length;
        }
        out.set(p, k);
        k += p.length;
      });
      return newByteArray(out);
    },
    split: splitMethod('split', splitBytes),
    rsplit: splitMethod('rsplit', rsplitBytes),
    strip: stripMethod('strip', true, true),
    lstrip: stripMethod('lstrip', true, false),
    rstrip: stripMethod('rstrip', false, true),
    partition: partitionMethod('partition', false),
    rpartition: partitionMethod('rpartition', true),
    upper: mapMethod('upper', (c) => (isLower(c) ? c - 32 : c)),
    lower: mapMethod('lower', (c) => (isUpper(c) ? c + 32 : c)),
    isalnum: predicateMethod('isalnum', (u) => u.length > 0 && u.every((c) => isLower(c) || isUpper(c) || isDigit(c))),
    isalpha: predicateMethod('isalpha', (u) => u.length > 0 && u.every((c) => isLower(c) || isUpper(c))),
    isascii: predicateMethod('isascii', (u) => u.every((c) => c < 128)),
    isdigit: predicateMethod('isdigit', (u) => u.length > 0 && u.every(isDigit)),
    isspace: predicateMethod('isspace', (u) => u.length > 0 && u.every(isSpace)),
    islower: predicateMethod('islower', (u) => u.some(isLower) && !u.some(isUpper)),
    isupper: predicateMethod('isupper', (u) => u.some(isUpper) && !u.some(isLower)),
    replace: (self, args, kw) => {
      noKeywords('replace', kw);
      checkArity('replace', args, 2, 3);
      const u = selfOf(self).value, old = bufferArg(args[0]).slice(), rep = bufferArg(args[1]).slice();
      let count = args.length > 2 ? asIndex(args[2]) : -1;
      const parts: number[] = [];
      if (old.length === 0) {
        // insert `rep` before every byte and at the end, `count` times
        let i = 0;
        for (; i <= u.length && count !== 0; i++, count--) {
          for (const b of rep) parts.push(b);
          if (i < u.length) parts.push(u[i]);
        }
        for (; i < u.length; i++) parts.push(u[i]);
        return newByteArray(Uint8Array.from(parts));
      }
      let i = 0;
      while (count !== 0) {
        const k = indexOf(u, old, i, u.length);
        if (k < 0) break;
        for (let x = i; x < k; x++) parts.push(u[x]);
        for (const b of rep) parts.push(b);
        i = k + old.length;
        count--;
      }
      for (let x = i; x < u.length; x++) parts.push(u[x]);
      return newByteArray(Uint8Array.from(parts));
    },
    removeprefix: (self, args, kw) => {
      noKeywords('removeprefix', kw);
      checkArity('removeprefix', args, 1, 1);
      const u = selfOf(self).value, p = bufferArg(args[0]);
      const has = p.length <= u.length && p.every((b, i) => u[i] === b);
      return newByteArray(has ? u.subarray(p.length) : u);
    },
    removesuffix: (self, args, kw) => {
      noKeywords('removesuffix', kw);
      checkArity('removesuffix', args, 1, 1);
      const u = selfOf(self).value, p = bufferArg(args[0]);
      const has = p.length > 0 && p.length <= u.length && p.every((b, i) => u[u.length - p.length + i] === b);
      return newByteArray(has ? u.subarray(0, u.length - p.length) : u);
    },
  } satisfies Record<string, BuiltinMethod>);
  return m;
}

const classMethods: Record<string, BuiltinMethod> = {
    fromhex: (type, args, kw) => {
      const b = BytesType.classMethods.fromhex(BytesType, args, kw) as PyBytes;
      try {
        if (type !== ByteArrayType) unsupported('fromhex on a bytearray subclass');
        return newByteArray(b.value);
      } finally {
        decref(b);
      }
    },
};

function none(): PyObject {
  incref(PyNone);
  return PyNone;
}

/** bytearray_extend */
function byteArrayExtend(o: PyByteArray, iterable: PyObject): void {
  if (bufferOf(iterable) !== null) {
    setSlice(o, o.n, o.n, iterable);
    return;
  }
  let it: PyObject;
  try {
    it = getIter(iterable);
  } catch (e) {
    if (isExceptionOf(e, Exc.TypeError)) {
      clearRaise(e);
      raise(Exc.TypeError, `can't extend bytearray with ${iterable.type.name}`);
    }
    throw e;
  }
  let tmp: PyByteArray | null = null;
  try {
    let bufSize = lengthHint(iterable, 32);
    tmp = newByteArray(new Uint8Array(bufSize));
    let len = 0;
    for (let item = iterNext(it); item !== null; item = iterNext(it)) {
      let v: number;
      try {
        v = byteValue(item);
      } finally {
        decref(item);
      }
      if (len >= tmp.n) {
        // (only reachable with a zero length hint: CPython writes into its buffer first)
        byteArrayResize(tmp, len + 1);
      }
      tmp.value[len++] = v;
      if (len >= bufSize) {
        bufSize = len + (len >> 1) + 1;
        byteArrayResize(tmp, bufSize);
      }
    }
    byteArrayResize(tmp, len);
    setSlice(o, o.n, o.n, tmp);
  } finally {
    decref(it);
    if (tmp !== null) decref(tmp);
  }
}


/** The implementations of bytearrayobject.ts's stubs (src/engine/ondemand.ts checks they match). */
export const byteArrayOps: Record<string, BuiltinMethod | ((...args: never[]) => unknown)> = {
  tp_dealloc: byteArrayDealloc,
  tp_repr: byteArrayRepr,
  tp_richcompare: byteArrayRichCompare,
  tp_iter: byteArrayIter,
  tp_sizeof: byteArraySizeof,
  tp_new: byteArrayNew,
  tp_init: byteArrayInit,
  mp_length: byteArrayLength,
  mp_subscript: byteArraySubscript,
  mp_ass_subscript: byteArrayAssSubscript,
  sq_contains: byteArrayContains,
  nb_add: byteArrayConcat,
  nb_multiply: byteArrayRepeat,
  nb_inplace_add: byteArrayInplaceConcat,
  nb_inplace_multiply: byteArrayInplaceRepeat,
  iter_dealloc: byteArrayIterDealloc,
  iter_traverse: byteArrayIterTraverse,
  iter_next: byteArrayIterNext,
  ...byteArrayMethods(),
  ...classMethods,
};
