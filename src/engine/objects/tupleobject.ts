/**
 * Tuples. CPython counterpart: Objects/tupleobject.c (3.12).
 *
 * Also home of the small allocation helpers every container module here
 * shares (free lists, var-size realloc, subtype pre-headers), so that
 * list/dict/set do not each reinvent them.
 */

import { PyObject, decref, incref, newref, makeImmortal } from './object.js';
import {
  PyTypeObject, builtinType, Py_EQ, Py_NE, Py_LT, Py_LE, Py_GT, Py_GE, NB_ADD, NB_MULTIPLY,
  TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC, TPFLAGS_TUPLE_SUBCLASS, TPFLAGS_SEQUENCE,
  type Visit, type BuiltinMethod,
} from './typeobject.js';
import { gcAlloc, gcAllocPrepared, gcFree, gcTrack, gcUntrack } from '../gc/gcobject.js';
import { heap } from '../memory/heap.js';
import { PyMalloc } from '../memory/obmalloc.js';
import { profile } from '../profiles/index.js';
import { normHash, type Hash } from './hash.js';
import { raise } from '../eval/errors.js';
import { Exc } from './exceptions.js';
import {
  hash, reprEnter, reprLeave, repr, richCompare, richCompareBool, getIter, iterNext,
} from './abstract.js';
import { newBool } from './boolobject.js';
import { NotImplemented } from './singletons.js';
import { newStr, PyStr } from './unicodeobject.js';
import { noKeywords, parseArgs } from './args.js';
import {
  PySlice, sliceIndicesFor, ssizeIndex, indexOrSliceError,
} from './sliceobject.js';
import { newInt } from './longobject.js';
import { parts, deferredMethodsOf } from '../ondemand.js';

// ===================================================================== shared helpers

/**
 * A free list of freed objects' addresses (CPython keeps the dead object
 * itself; here the JS object is new but the address is the old one). Reuse is
 * LIFO and bypasses pymalloc and the GC's allocation count, as in CPython.
 * Lists are dropped when a new heap is created (a fresh run).
 */
export class FreeList {
  addrs: number[] = [];
  sizes: number[] = [];
  private owner = heap.generation;
  constructor(readonly max: number) {}
  get length(): number {
    if (this.owner !== heap.generation) this.reset();
    return this.addrs.length;
  }
  reset(): void {
    this.addrs.length = 0;
    this.sizes.length = 0;
    this.owner = heap.generation;
  }
  /** Gives `o` the most recently freed address, if any; returns false when empty. */
  pop(o: PyObject): boolean {
    if (this.owner !== heap.generation) this.reset();
    const n = this.addrs.length;
    if (n === 0) return false;
    o.ptr = this.addrs[n - 1];
    o.size = this.sizes[n - 1];
    this.addrs.length = n - 1;
    this.sizes.length = n - 1;
    o.serial = heap.nextSerial++;
    if (heap.tracing) heap.observer?.alloc(o);
    return true;
  }
  /** Keeps `o`'s address for reuse; returns false when the list is full. */
  push(o: PyObject): boolean {
    if (this.owner !== heap.generation) this.reset();
    if (this.addrs.length >= this.max) return false;
    if (heap.tracing) heap.observer?.free(o, heap.freeReason);
    this.addrs.push(o.ptr);
    this.sizes.push(o.size);
    return true;
  }
}


/**
 * PyMem_Realloc / PyObject_Realloc on a simulated buffer (pymalloc_realloc):
 * a block that still fits and would not shrink by 25% or more stays put;
 * otherwise a new block is allocated, then the old one freed (so the new one
 * never reuses the old address). Large (raw) blocks: same rounded size stays.
 */
export function reallocBuffer(addr: number, oldBytes: number, newBytes: number): number {
  if (addr === 0) return heap.mallocBuffer(newBytes);
  const cur = PyMalloc.blockSize(oldBytes);
  if (oldBytes <= 512) {
    if (newBytes <= cur && 4 * newBytes > 3 * cur) return addr;
  } else if (newBytes > 512 && PyMalloc.blockSize(newBytes + 8) === PyMalloc.blockSize(oldBytes + 8)) {
    return addr;
  } else if (newBytes <= 512 && newBytes > 0) {
    // glibc shrinks a large block in place: it stays a raw block
    return addr;
  }
  const p = heap.mallocBuffer(newBytes);
  heap.freeBuffer(addr);
  return p;
}

/** Drops every reference in a JS array of new references (error paths). */
export function decrefAll(items: PyObject[]): void {
  for (let i = 0; i < items.length; i++) decref(items[i]);
}

/**
 * _PyObject_GC_MAY_BE_TRACKED: could this object ever be part of a cycle?
 * Only tuples are checked for their current tracking state.
 */
export function mayBeTracked(o: PyObject): boolean {
  if (!o.type.isGC()) return false;
  if (o.type === TupleType) return o.gcTracked;
  return true;
}

// ===================================================================== the tuple type

export class PyTuple extends PyObject {
  declare items: PyObject[];
  constructor(type: PyTypeObject, items: PyObject[]) {
    super(type, true);
    // The object header and GC fields, assigned here so the stores stay
    // monomorphic (see PyObject), the ones every cyclic-GC scan reads first
    // (see PyInstance in typenew.ts).
    this.gcNext = null;
    this.gcPrev = null;
    this.gcRefs = 0;
    this.refcnt = 1;
    this.type = type;
    this.items = items;
    this.gcTracked = false;
    this.finalized = false;
    this.ptr = 0;
    this.size = 0;
    this.serial = 0;
    this.weakrefs = null;
    this.dict = null;
  }
}

/** sizeof(PyTupleObject) - sizeof(PyObject *): ob_refcnt, ob_type, ob_size */
const TUPLE_BASICSIZE = 24;
const PTR = 8;

export const TupleType = builtinType(
  'tuple', TUPLE_BASICSIZE, TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC | TPFLAGS_TUPLE_SUBCLASS | TPFLAGS_SEQUENCE,
  undefined, PTR,
);

/** The empty tuple: a statically allocated immortal singleton, never GC-tracked. */
export const EmptyTuple = new PyTuple(TupleType, []);
makeImmortal(EmptyTuple, 48);
EmptyTuple.size = TUPLE_BASICSIZE + profile.gcHeaderSize;

/** PyTuple_MAXSAVESIZE: free lists for lengths 1..20 (index = length - 1). */
const MAXSAVESIZE = 20;
/** PyTuple_MAXFREELIST (3.12) */
const MAXFREELIST = 2000;
const freeLists: FreeList[] = [];
for (let i = 0; i < MAXSAVESIZE; i++) freeLists.push(new FreeList(MAXFREELIST));

/**
 * tuple_alloc + track. 3.12 quirk kept: maybe_freelist_pop only serves sizes
 * below 20, while maybe_freelist_push accepts size 20 too.
 */
function allocTuple(items: PyObject[]): PyTuple {
  const n = items.length;
  const t = new PyTuple(TupleType, items);
  if (!(n < MAXSAVESIZE && freeLists[n - 1].pop(t))) {
    gcAllocPrepared(t, TUPLE_BASICSIZE + PTR * n);
  }
  gcTrack(t);
  return t;
}

/** PyTuple_New / _PyTuple_FromArraySteal: steals the references in `items`. */
export function newTuple(items: PyObject[]): PyTuple {
  if (items.length === 0) return newref(EmptyTuple);
  return allocTuple(items);
}

/** A tuple of new references to borrowed items (_PyTuple_FromArray). */
export function newTupleFromBorrowed(items: readonly PyObject[]): PyTuple {
  if (items.length === 0) return newref(EmptyTuple);
  const copy = new Array<PyObject>(items.length);
  for (let i = 0; i < items.length; i++) {
    const x = items[i];
    incref(x);
    copy[i] = x;
  }
  return allocTuple(copy);
}

/** An instance of a tuple subclass (tuple_subtype_new): allocated by the subtype, not the free list. */
function newSubtypeTuple(type: PyTypeObject, items: PyObject[]): PyTuple {
  const t = new PyTuple(type, items);
  gcAllocPrepared(t, type.basicsize + PTR * items.length);
  gcTrack(t);
  return t;
}

function tupleDealloc(o: PyObject): void {
  if (o === EmptyTuple) return;
  const t = o as PyTuple;
  gcUntrack(t);
  const items = t.items;
  // tupledealloc drops items from the last to the first
  for (let i = items.length - 1; i >= 0; i--) decref(items[i]);
  const n = items.length;
  t.items = [];
  if (t.type === TupleType && n > 0 && n <= MAXSAVESIZE && t.ptr !== 0 && freeLists[n - 1].push(t)) return;
  gcFree(t);
}

function tupleTraverse(o: PyObject, visit: Visit): void {
  const items = (o as PyTuple).items;
  for (let i = 0; i < items.length; i++) visit(items[i]);
}

/** _PyTuple_MaybeUntrack: the collector untracks tuples holding only untrackable objects. */
export function tupleMaybeUntrack(t: PyObject): void {
  if (t.type !== TupleType || !t.gcTracked) return;
  const items = (t as PyTuple).items;
  for (let i = 0; i < items.length; i++) if (mayBeTracked(items[i])) return;
  gcUntrack(t);
}

// ---------------------------------------------------------------- hashing (xxHash-based, 64-bit)

// _PyHASH_XXPRIME_1, _2, _5 split into 32-bit halves
const P1_HI = 0x9e3779b1, P1_LO = 0x85ebca87;
const P2_HI = 0xc2b2ae3d, P2_LO = 0x27d4eb4f;
const P5_HI = 0x27d4eb2f, P5_LO = 0x165667c5;
const TWO32 = 4294967296;

/** Unsigned 64-bit multiply mod 2**64 of (ah,al)*(bh,bl): result left in mulHi/mulLo. */
let mulHi = 0, mulLo = 0;
function mul64(ah: number, al: number, bh: number, bl: number): void {
  const a0 = al & 0xffff, a1 = al >>> 16, b0 = bl & 0xffff, b1 = bl >>> 16;
  const mid = a0 * b1 + a1 * b0;
  const low = a0 * b0 + (mid % 65536) * 65536;
  const lo = low % TWO32;
  const carry = Math.floor(low / TWO32);
  const hi = a1 * b1 + Math.floor(mid / 65536) + carry;
  mulLo = lo >>> 0;
  mulHi = (hi + Math.imul(ah, bl) + Math.imul(al, bh)) >>> 0;
}

/** Splits a hash into unsigned 64-bit halves (two's complement for negatives). */
let splitHi = 0, splitLo = 0;
export function splitHash(h: Hash): void {
  if (typeof h === 'number') {
    if (h >= 0) {
      splitLo = h % TWO32;
      splitHi = Math.floor(h / TWO32);
    } else {
      const m = -h;
      const lo = m % TWO32, hi = Math.floor(m / TWO32);
      splitLo = (~lo + 1) >>> 0;
      splitHi = (~hi + (lo === 0 ? 1 : 0)) >>> 0;
    }
  } else {
    const u = BigInt.asUintN(64, h);
    splitLo = Number(u & 0xffffffffn);
    splitHi = Number(u >> 32n);
  }
}
export function splitHashHi(): number {
  return splitHi;
}
export function splitHashLo(): number {
  return splitLo;
}

/** Joins unsigned halves into a signed 64-bit Hash (number when safe). */
export function joinHash(hi: number, lo: number): Hash {
  if (hi < 0x80000000) {
    if (hi < 0x200000) return hi * TWO32 + lo;
    return (BigInt(hi) << 32n) | BigInt(lo);
  }
  // negative: value = (hi - 2**32) * 2**32 + lo
  if (hi >= 0xffe00000) return (hi - TWO32) * TWO32 + lo;
  return BigInt.asIntN(64, (BigInt(hi) << 32n) | BigInt(lo));
}

/** tuplehash (3.12): xxHash-style mixing of the item hashes. */
export function tupleHashItems(items: readonly PyObject[], addLength = true): Hash {
  let accHi = P5_HI, accLo = P5_LO;
  for (let i = 0; i < items.length; i++) {
    splitHash(hash(items[i]));
    mul64(splitHi, splitLo, P2_HI, P2_LO);
    // acc += lane * PRIME_2
    let lo = accLo + mulLo;
    let hi = accHi + mulHi + (lo >= TWO32 ? 1 : 0);
    lo >>>= 0;
    hi >>>= 0;
    // acc = rotl(acc, 31)
    const rHi = ((hi << 31) | (lo >>> 1)) >>> 0;
    const rLo = ((lo << 31) | (hi >>> 1)) >>> 0;
    mul64(rHi, rLo, P1_HI, P1_LO);
    accHi = mulHi;
    accLo = mulLo;
  }
  let lo = accLo, hi = accHi;
  if (addLength) {
    // acc += len ^ (PRIME_5 ^ 3527539UL)
    lo = accLo + ((items.length ^ (P5_LO ^ 3527539)) >>> 0);
    hi = accHi + P5_HI + (lo >= TWO32 ? 1 : 0);
    lo >>>= 0;
    hi >>>= 0;
  }
  if (hi === 0xffffffff && lo === 0xffffffff) return 1546275796;
  return normHash(joinHash(hi, lo));
}

function tupleHash(o: PyObject): Hash {
  return tupleHashItems((o as PyTuple).items);
}

// ---------------------------------------------------------------- repr

/** Joins item reprs the way tuplerepr/list_repr do (recursion-safe via Py_ReprEnter). */
export function reprItems(o: PyObject, items: readonly PyObject[], open: string, close: string, dots: string): PyStr {
  if (reprEnter(o)) return newStr(dots);
  try {
    const parts: string[] = [];
    // items may shrink while a __repr__ runs: re-read the length each time
    for (let i = 0; i < items.length; i++) {
      const x = items[i];
      incref(x);
      try {
        const r = repr(x);
        parts.push(r.value);
        decref(r);
      } finally {
        decref(x);
      }
    }
    return newStr(open + parts.join(', ') + close);
  } finally {
    reprLeave(o);
  }
}

function tupleRepr(o: PyObject): PyObject {
  const items = (o as PyTuple).items;
  if (items.length === 0) return newStr('()');
  return reprItems(o, items, '(', items.length === 1 ? ',)' : ')', '(...)');
}

// ---------------------------------------------------------------- comparisons

/** Py_RETURN_RICHCOMPARE on two lengths */
export function compareLengths(a: number, b: number, op: number): PyObject {
  let r: boolean;
  switch (op) {
    case Py_LT: r = a < b; break;
    case Py_LE: r = a <= b; break;
    case Py_EQ: r = a === b; break;
    case Py_NE: r = a !== b; break;
    case Py_GT: r = a > b; break;
    default: r = a >= b;
  }
  return newBool(r);
}

function tupleRichCompare(v: PyObject, w: PyObject, op: number): PyObject {
  if (!(v instanceof PyTuple) || !(w instanceof PyTuple)) return NotImplemented;
  const a = v.items, b = w.items;
  const vlen = a.length, wlen = b.length;
  let i = 0;
  for (; i < vlen && i < wlen; i++) {
    if (!richCompareBool(a[i], b[i], Py_EQ)) break;
  }
  if (i >= vlen || i >= wlen) return compareLengths(vlen, wlen, op);
  if (op === Py_EQ) return newBool(false);
  if (op === Py_NE) return newBool(true);
  return richCompare(a[i], b[i], op);
}

// ---------------------------------------------------------------- sequence slots

function tupleLength(o: PyObject): number {
  return (o as PyTuple).items.length;
}

function tupleContains(o: PyObject, el: PyObject): boolean {
  const items = (o as PyTuple).items;
  for (let i = 0; i < items.length; i++) if (richCompareBool(items[i], el, Py_EQ)) return true;
  return false;
}

function tupleSubscript(o: PyObject, key: PyObject): PyObject {
  const t = o as PyTuple;
  const items = t.items;
  if (key instanceof PySlice) {
    const [start, , step, len] = sliceIndicesFor(key, items.length);
    if (len <= 0) return newref(EmptyTuple);
    if (start === 0 && step === 1 && len === items.length && t.type === TupleType) return newref(t);
    const out = new Array<PyObject>(len);
    for (let i = 0, cur = start; i < len; i++, cur += step) {
      const x = items[cur];
      incref(x);
      out[i] = x;
    }
    return newTuple(out);
  }
  const i = ssizeIndex(key, () => indexOrSliceError('tuple', key));
  const idx = i < 0 ? i + items.length : i;
  if (idx < 0 || idx >= items.length) raise(Exc.IndexError, 'tuple index out of range');
  return newref(items[idx]);
}

function tupleConcat(a: PyObject, b: PyObject): PyObject {
  if (!(a instanceof PyTuple) || !(b instanceof PyTuple)) return NotImplemented;
  if (b.items.length === 0 && a.type === TupleType) return newref(a);
  if (a.items.length === 0 && b.type === TupleType) return newref(b);
  return newTupleFromBorrowed(a.items.concat(b.items));
}

function tupleRepeat(a: PyObject, b: PyObject): PyObject {
  let seq: PyObject, count: PyObject;
  if (a instanceof PyTuple) {
    seq = a;
    count = b;
  } else if (b instanceof PyTuple) {
    seq = b;
    count = a;
  } else return NotImplemented;
  if (count.type.nb_index === null) return NotImplemented;
  const n = ssizeIndex(count, null, Exc.OverflowError, true);
  const items = (seq as PyTuple).items;
  if (items.length === 0 || n === 1) {
    if (seq.type === TupleType) return newref(seq);
  }
  if (items.length === 0 || n <= 0) return newref(EmptyTuple);
  if (items.length * n > 2 ** 31) raise(Exc.MemoryError);
  const out = new Array<PyObject>(items.length * n);
  let k = 0;
  for (let r = 0; r < n; r++) {
    for (let i = 0; i < items.length; i++) out[k++] = items[i];
  }
  for (let i = 0; i < items.length; i++) items[i].refcnt += n - 1;
  for (let i = 0; i < items.length; i++) incref(items[i]);
  return newTuple(out);
}

// ---------------------------------------------------------------- methods




/** PySequence_Tuple: tuple(iterable) */
export function sequenceTuple(o: PyObject): PyObject {
  if (o.type === TupleType) return newref(o);
  const items = iterToArrayWithHint(o);
  return newTuple(items);
}

/** Collects an iterable into new references (errors release what was collected). */
function iterToArrayWithHint(o: PyObject): PyObject[] {
  if (o instanceof PyTuple) return o.items.map((x) => newref(x));
  const it = getIter(o);
  const out: PyObject[] = [];
  try {
    for (let x = iterNext(it); x !== null; x = iterNext(it)) out.push(x);
  } catch (e) {
    decrefAll(out);
    throw e;
  } finally {
    decref(it);
  }
  return out;
}

function tupleNew(type: PyTypeObject, args: PyObject[], kwnames: string[] | null): PyObject {
  if (type === TupleType) noKeywords('tuple', kwnames);
  const [iterable] = parseArgs('tuple', args, type === TupleType ? kwnames : null, ['iterable'], 0, 1);
  if (type === TupleType) return iterable === undefined ? newref(EmptyTuple) : sequenceTuple(iterable);
  // tuple_subtype_new: build an exact tuple, then copy into an instance of the subtype
  const items = iterable === undefined ? [] : iterToArrayWithHint(iterable);
  return newSubtypeTuple(type, items);
}

// ---------------------------------------------------------------- iterator

export class PyTupleIter extends PyObject {
  constructor(public seq: PyTuple | null, public index = 0) {
    super(TupleIterType);
  }
}

export const TupleIterType = builtinType('tuple_iterator', 32, TPFLAGS_HAVE_GC);

function tupleIter(o: PyObject): PyObject {
  const it = new PyTupleIter(o as PyTuple);
  incref(o);
  gcAlloc(it, 32);
  gcTrack(it);
  return it;
}

TupleIterType.tp_iter = (o) => newref(o);
TupleIterType.tp_iternext = (o) => {
  const it = o as PyTupleIter;
  const seq = it.seq;
  if (seq === null) return null;
  if (it.index < seq.items.length) return newref(seq.items[it.index++]);
  it.seq = null;
  decref(seq);
  return null;
};
TupleIterType.tp_dealloc = (o) => {
  const it = o as PyTupleIter;
  gcUntrack(it);
  const s = it.seq;
  it.seq = null;
  if (s) decref(s);
  gcFree(it);
};
TupleIterType.tp_traverse = (o, visit) => {
  const s = (o as PyTupleIter).seq;
  if (s) visit(s);
};
TupleIterType.methods.__length_hint__ = (self) => {
  const it = self as PyTupleIter;
  return newInt(it.seq ? Math.max(0, it.seq.items.length - it.index) : 0);
};

// ---------------------------------------------------------------- wiring

TupleType.tp_dealloc = tupleDealloc;
TupleType.tp_traverse = tupleTraverse;
TupleType.tp_repr = tupleRepr;
TupleType.tp_hash = tupleHash;
TupleType.tp_richcompare = tupleRichCompare;
TupleType.tp_iter = tupleIter;
TupleType.tp_new = tupleNew;
TupleType.mp_length = tupleLength;
TupleType.mp_subscript = tupleSubscript;
TupleType.sq_contains = tupleContains;
TupleType.nb[NB_ADD] = tupleConcat;
TupleType.nb[NB_MULTIPLY] = tupleRepeat;
TupleType.tp_sizeof = (o) => o.type.basicsize + PTR * (o as PyTuple).items.length;
// count and index: an on-demand part (objects/seqmethods.ts) that their names load
Object.assign(TupleType.methods, deferredMethodsOf<BuiltinMethod>(parts.seqmethods, 'tuple', ['count', 'index']));

