/**
 * range and its iterators. CPython counterpart: Objects/rangeobject.c (3.12).
 * Values are JS numbers when safe and bigints otherwise (as PyLong.value).
 */

import { PyObject, decref, newref } from './object.js';
import { PyTypeObject, builtinType, Py_EQ, Py_NE, TPFLAGS_SEQUENCE } from './typeobject.js';
import { heap } from '../memory/heap.js';
import { raise } from '../eval/errors.js';
import { Exc } from './exceptions.js';
import { PyLong, LongType, newInt, numberIndex, norm } from './longobject.js';
import { newBool } from './boolobject.js';
import { NotImplemented, PyNone } from './singletons.js';
import { newStr } from './unicodeobject.js';
import { hash, richCompareBool, getIter, iterNext } from './abstract.js';
import { newTuple } from './tupleobject.js';
import { PySlice, sliceIndices, clampedIndex } from './sliceobject.js';
import { noKeywords } from './args.js';
import type { Hash } from './hash.js';
import { parts, deferredMethodsOf } from '../ondemand.js';
import type { BuiltinMethod } from './typeobject.js';

type Int = number | bigint;

export function big(v: Int): bigint {
  return typeof v === 'bigint' ? v : BigInt(v);
}
function add(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (Number.isSafeInteger(r)) return r;
  }
  return norm(big(a) + big(b));
}
function mul(a: Int, b: Int): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a * b;
    if (Number.isSafeInteger(r)) return r;
  }
  return norm(big(a) * big(b));
}
function sign(a: Int): number {
  return a > 0 ? 1 : a < 0 ? -1 : 0;
}

/** compute_range_length */
function rangeLength(start: Int, stop: Int, step: Int): Int {
  if (typeof start === 'number' && typeof stop === 'number' && typeof step === 'number') {
    if (step > 0) return start < stop ? Math.floor((stop - start - 1) / step) + 1 : 0;
    return start > stop ? Math.floor((start - stop - 1) / -step) + 1 : 0;
  }
  const a = big(start), b = big(stop), s = big(step);
  if (s > 0n) return norm(a < b ? (b - a - 1n) / s + 1n : 0n);
  return norm(a > b ? (a - b - 1n) / -s + 1n : 0n);
}

export class PyRange extends PyObject {
  constructor(public start: Int, public stop: Int, public step: Int, public length: Int) {
    super(RangeType);
  }
}

/** rangeobject: header + start, stop, step, length (not a GC type) */
const RANGE_SIZE = 48;
export const RangeType = builtinType('range', RANGE_SIZE, TPFLAGS_SEQUENCE);

export function newRange(start: Int, stop: Int, step: Int): PyRange {
  const r = new PyRange(start, stop, step, rangeLength(start, stop, step));
  heap.allocObject(r, RANGE_SIZE);
  return r;
}

function indexArg(o: PyObject): Int {
  const r = numberIndex(o);
  const v = r.value;
  decref(r);
  return v;
}

function rangeNew(_type: PyTypeObject, args: PyObject[], kwnames: string[] | null): PyObject {
  noKeywords('range', kwnames);
  if (args.length === 0) raise(Exc.TypeError, 'range expected at least 1 argument, got 0');
  if (args.length > 3) raise(Exc.TypeError, `range expected at most 3 arguments, got ${args.length}`);
  let start: Int = 0, stop: Int, step: Int = 1;
  if (args.length === 1) stop = indexArg(args[0]);
  else {
    start = indexArg(args[0]);
    stop = indexArg(args[1]);
    if (args.length === 3) {
      step = indexArg(args[2]);
      if (step === 0) raise(Exc.ValueError, 'range() arg 3 must not be zero');
    }
  }
  return newRange(start, stop, step);
}

function rangeRepr(o: PyObject): PyObject {
  const r = o as PyRange;
  return newStr(r.step === 1 ? `range(${r.start}, ${r.stop})` : `range(${r.start}, ${r.stop}, ${r.step})`);
}

function rangeItem(r: PyRange, i: Int): Int {
  return add(r.start, mul(i, r.step));
}

function rangeSubscript(o: PyObject, key: PyObject): PyObject {
  const r = o as PyRange;
  if (key instanceof PySlice) {
    if (typeof r.length !== 'number') raise(Exc.OverflowError, 'Python int too large to convert to C ssize_t');
    // compute_slice: the clamped slice bounds mapped through the range
    const [start, stop, step] = sliceIndices(key, r.length);
    const substep = mul(r.step, step);
    const substart = rangeItem(r, start);
    const substop = rangeItem(r, stop);
    return newRange(substart, substop, substep);
  }
  if (key.type.nb_index === null) {
    raise(Exc.TypeError, `range indices must be integers or slices, not ${key.type.name}`);
  }
  let i = indexArg(key);
  if (i < 0) i = add(i, r.length);
  if (i < 0 || i >= r.length) raise(Exc.IndexError, 'range object index out of range');
  return newInt(rangeItem(r, i));
}

/** range_contains_long: arithmetic for exact ints, else a sequence search. */
export function rangeContains(o: PyObject, x: PyObject): boolean {
  const r = o as PyRange;
  if (x.type === LongType || x.type.name === 'bool') {
    const v = (x as PyLong).value;
    const s = r.step;
    if (sign(s) > 0) {
      if (v < r.start || v >= r.stop) return false;
    } else if (v > r.start || v <= r.stop) return false;
    if (typeof v === 'number' && typeof r.start === 'number' && typeof s === 'number') return (v - r.start) % s === 0;
    return (big(v) - big(r.start)) % big(s) === 0n;
  }
  const it = getIter(o);
  try {
    for (let y = iterNext(it); y !== null; y = iterNext(it)) {
      const eq = richCompareBool(y, x, Py_EQ);
      decref(y);
      if (eq) return true;
    }
    return false;
  } finally {
    decref(it);
  }
}

function rangeEquals(a: PyRange, b: PyRange): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  if (a.length === 0) return true;
  if (a.start !== b.start) return false;
  if (a.length === 1) return true;
  return a.step === b.step;
}

function rangeRichCompare(v: PyObject, w: PyObject, op: number): PyObject {
  if (!(v instanceof PyRange) || !(w instanceof PyRange) || (op !== Py_EQ && op !== Py_NE)) return NotImplemented;
  const eq = rangeEquals(v, w);
  return newBool(op === Py_EQ ? eq : !eq);
}

function rangeHash(o: PyObject): Hash {
  const r = o as PyRange;
  const t = newTuple([
    newInt(r.length),
    r.length === 0 ? newref(PyNone) : newInt(r.start),
    r.length === 0 || r.length === 1 ? newref(PyNone) : newInt(r.step),
  ]);
  try {
    return hash(t);
  } finally {
    decref(t);
  }
}

// ---------------------------------------------------------------- iterators

export class PyRangeIter extends PyObject {
  constructor(type: PyTypeObject, public next: Int, public step: Int, public len: Int) {
    super(type);
  }
}

/** rangeiterobject / longrangeiterobject: header + start, step, len (not GC types) */
const RANGEITER_SIZE = 40;
export const RangeIterType = builtinType('range_iterator', RANGEITER_SIZE, 0);
export const LongRangeIterType = builtinType('longrange_iterator', RANGEITER_SIZE, 0);

const LONG_MAX = 2n ** 63n - 1n, LONG_MIN = -(2n ** 63n);
function fitsCLong(v: Int): boolean {
  return typeof v === 'number' || (v >= LONG_MIN && v <= LONG_MAX);
}

function newRangeIter(start: Int, step: Int, len: Int): PyRangeIter {
  const stop = add(start, mul(len, step));
  const short = fitsCLong(start) && fitsCLong(stop) && fitsCLong(step) && fitsCLong(len);
  const it = new PyRangeIter(short ? RangeIterType : LongRangeIterType, start, step, len);
  heap.allocObject(it, RANGEITER_SIZE);
  return it;
}

function rangeIter(o: PyObject): PyObject {
  const r = o as PyRange;
  return newRangeIter(r.start, r.step, r.length);
}

function rangeReversed(o: PyObject): PyObject {
  const r = o as PyRange;
  const last = r.length === 0 ? r.start : add(r.start, mul(add(r.length, -1), r.step));
  const negStep = typeof r.step === 'number' ? -r.step : norm(-r.step);
  return newRangeIter(last, negStep, r.length);
}

for (const t of [RangeIterType, LongRangeIterType]) {
  t.tp_iter = (o) => newref(o);
  t.tp_iternext = (o) => {
    const it = o as PyRangeIter;
    const v = it.next, step = it.step, len = it.len;
    if (typeof v === 'number' && typeof step === 'number' && typeof len === 'number') {
      // every loop over an everyday range: plain arithmetic, exact while the
      // next value stays a safe integer (`add` takes over past that)
      if (len <= 0) return null;
      const n = v + step;
      it.next = n <= Number.MAX_SAFE_INTEGER && n >= -Number.MAX_SAFE_INTEGER ? n : add(v, step);
      it.len = len - 1;
      return newInt(v);
    }
    if (len <= 0) return null;
    it.next = add(v, step);
    it.len = add(len, -1);
    return newInt(v);
  };
  t.tp_dealloc = (o) => heap.freeObject(o);
  t.methods.__length_hint__ = (self) => newInt((self as PyRangeIter).len);
}

// ---------------------------------------------------------------- methods

// count and index: an on-demand part (objects/seqmethods.ts) that their names load
Object.assign(RangeType.methods, deferredMethodsOf<BuiltinMethod>(parts.seqmethods, 'range', ['count', 'index']));


RangeType.methods.__reversed__ = (self) => rangeReversed(self);
RangeType.getsets.start = { get: (o) => newInt((o as PyRange).start) };
RangeType.getsets.stop = { get: (o) => newInt((o as PyRange).stop) };
RangeType.getsets.step = { get: (o) => newInt((o as PyRange).step) };

RangeType.tp_new = rangeNew;
RangeType.tp_repr = rangeRepr;
RangeType.tp_hash = rangeHash;
RangeType.tp_richcompare = rangeRichCompare;
RangeType.tp_iter = rangeIter;
RangeType.tp_dealloc = (o) => heap.freeObject(o);
RangeType.tp_sizeof = () => RANGE_SIZE;
RangeType.mp_length = (o) => {
  const n = (o as PyRange).length;
  if (typeof n !== 'number' || n > 2 ** 63) raise(Exc.OverflowError, 'Python int too large to convert to C ssize_t');
  return n;
};
RangeType.nb_bool = (o) => (o as PyRange).length !== 0;
RangeType.mp_subscript = rangeSubscript;
RangeType.sq_contains = rangeContains;

