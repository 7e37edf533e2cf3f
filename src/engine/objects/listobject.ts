/**
 * Lists. CPython counterpart: Objects/listobject.c (3.12).
 *
 * `items` holds the live items; `allocated` and `itemsAddr` model the
 * separately malloc'd ob_item array, resized exactly like list_resize so
 * sys.getsizeof shows the real over-allocation at every step.
 */

import { parts, deferredMethods, deferredMethodsOf } from '../ondemand.js';
import { PyObject, dealloc, decref, incref, newref } from './object.js';
import {
  PyTypeObject, builtinType, Py_EQ, Py_NE, Py_LT, NB_ADD, NB_MULTIPLY, NB_INPLACE_ADD,
  TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC, TPFLAGS_LIST_SUBCLASS, TPFLAGS_SEQUENCE, type Visit,
} from './typeobject.js';
import { gcAlloc, gcAllocPrepared, gcFree, gcTrack, gcUntrack } from '../gc/gcobject.js';
import { heap } from '../memory/heap.js';
import { raise } from '../eval/errors.js';
import { Exc } from './exceptions.js';
import { richCompare, richCompareBool, getIter, iterNext, call, isExceptionOf } from './abstract.js';
import { newBool } from './boolobject.js';
import { PyLong, LongType, newInt } from './longobject.js';
import { NotImplemented, PyNone } from './singletons.js';
import { PyStr, StrType, newStr } from './unicodeobject.js';
import {
  FreeList, PyTuple, reallocBuffer, reprItems, compareLengths, decrefAll,
} from './tupleobject.js';
import { PySlice, sliceIndices, ssizeIndex, indexOrSliceError, lengthHint } from './sliceobject.js';
import { noKeywords, parseArgs, checkArity } from './args.js';

const PTR = 8;
/** sizeof(PyListObject): header, ob_size, ob_item, allocated */
const LIST_BASICSIZE = 40;

export class PyList extends PyObject {
  declare items: PyObject[];
  /** slots in the ob_item buffer */
  declare allocated: number;
  /** address of the ob_item buffer (0 = NULL) */
  declare itemsAddr: number;
  constructor(type: PyTypeObject, items: PyObject[], allocated: number) {
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
    this.allocated = allocated;
    this.itemsAddr = 0;
    this.ptr = 0;
    this.size = 0;
    this.serial = 0;
    this.weakrefs = null;
    this.dict = null;
  }
}

export const ListType = builtinType(
  'list', LIST_BASICSIZE, TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC | TPFLAGS_LIST_SUBCLASS | TPFLAGS_SEQUENCE,
);

/** PyList_MAXFREELIST */
let listFreeList: FreeList | null = null;
/** created lazily: tupleobject.ts may still be loading when this module is (import cycle) */
function listFree(): FreeList {
  return listFreeList ?? (listFreeList = new FreeList(80));
}

// ===================================================================== allocation

/** PyList_New(0) object part: from the free list when possible; tracked. */
function allocList(items: PyObject[]): PyList {
  const l = new PyList(ListType, items, 0);
  if (!listFree().pop(l)) gcAllocPrepared(l, LIST_BASICSIZE);
  return l;
}

/** PyList_New + fill (_PyList_FromArraySteal): STEALS the item references. */
export function newList(items: PyObject[]): PyList {
  const l = allocList(items);
  const n = items.length;
  if (n > 0) {
    l.itemsAddr = heap.mallocBuffer(n * PTR);
    l.allocated = n;
  }
  gcTrack(l);
  return l;
}

/** list_new_prealloc: an empty list with room for exactly `size` items (repeat, concat, slices). */
function newListPrealloc(items: PyObject[], size: number): PyList {
  const l = allocList(items);
  gcTrack(l);
  if (size > 0) {
    l.itemsAddr = heap.mallocBuffer(size * PTR);
    l.allocated = size;
  }
  return l;
}

function setBuffer(l: PyList, allocated: number): void {
  if (allocated === 0) {
    heap.freeBuffer(l.itemsAddr);
    l.itemsAddr = 0;
  } else {
    l.itemsAddr = reallocBuffer(l.itemsAddr, l.allocated * PTR, allocated * PTR);
  }
  l.allocated = allocated;
}

/**
 * list_resize: the new length is `newsize` (the caller adjusts `items`).
 * Over-allocates by ~1/8 plus 6, rounded to a multiple of 4.
 */
export function listResize(l: PyList, newsize: number, oldsize = l.items.length): void {
  const allocated = l.allocated;
  if (allocated >= newsize && newsize >= allocated >> 1) return;
  // Plain arithmetic, not 32-bit bit operations: sizes can exceed 2**31.
  let newAllocated = roundDown4(newsize + Math.floor(newsize / 8) + 6);
  if (newsize - oldsize > newAllocated - newsize) newAllocated = roundDown4(newsize + 3);
  if (newsize === 0) newAllocated = 0;
  setBuffer(l, newAllocated);
}

/** list_preallocate_exact: rounds up to an even count. */
function roundDown4(n: number): number {
  return n - (n % 4);
}

function preallocateExact(l: PyList, size: number): void {
  size = size + (size % 2);
  l.itemsAddr = heap.mallocBuffer(size * PTR);
  l.allocated = size;
}

/** _list_clear: empty the list first, then drop items from the last, then free the buffer. */
export function listClear(l: PyList): void {
  const items = l.items, addr = l.itemsAddr;
  if (addr === 0 && items.length === 0) return;
  l.items = [];
  l.itemsAddr = 0;
  l.allocated = 0;
  for (let i = items.length - 1; i >= 0; i--) decref(items[i]);
  heap.freeBuffer(addr);
}

// ===================================================================== the C-API

/** PyList_Append: increfs the item. */
export function listAppend(l: PyList, item: PyObject): void {
  incref(item);
  listAppendSteal(l, item);
}

/** _PyList_AppendTakeRef (LIST_APPEND): steals the item. */
export function listAppendSteal(l: PyList, item: PyObject): void {
  const n = l.items.length;
  if (l.allocated <= n) listResize(l, n + 1, n);
  l.items.push(item);
}

/** PyList_Insert / ins1 */
export function listInsert(l: PyList, where: number, item: PyObject): void {
  const n = l.items.length;
  listResize(l, n + 1, n);
  if (where < 0) {
    where += n;
    if (where < 0) where = 0;
  }
  if (where > n) where = n;
  incref(item);
  l.items.splice(where, 0, item);
}

/** A sequence's items as a borrowed array plus an owner to release (PySequence_Fast). */
function sequenceFast(v: PyObject, msg: string): [PyObject[], PyObject] {
  if (v instanceof PyList || v instanceof PyTuple) {
    incref(v);
    return [v.items, v];
  }
  let it: PyObject;
  try {
    it = getIter(v);
  } catch (e) {
    if (isExceptionOf(e, Exc.TypeError)) {
      decref(e.exc);
      raise(Exc.TypeError, msg);
    }
    throw e;
  }
  decref(it);
  const l = newList([]);
  try {
    listExtend(l, v);
  } catch (e) {
    decref(l);
    throw e;
  }
  return [l.items, l];
}

/** list_extend: any iterable, with the presizing rules of 3.12. */
export function listExtend(l: PyList, iterable: PyObject): void {
  if (iterable.type === ListType || iterable.type === TupleTypeRef() || iterable === l) {
    const src = (iterable as PyList | PyTuple).items;
    const n = src.length;
    if (n === 0) return;
    const m = l.items.length;
    if (l.itemsAddr === 0) preallocateExact(l, n);
    else listResize(l, m + n, m);
    const copy = src.slice();
    for (let i = 0; i < n; i++) {
      incref(copy[i]);
      l.items.push(copy[i]);
    }
    return;
  }
  const it = getIter(iterable);
  try {
    const n = lengthHint(iterable, 8);
    const m = l.items.length;
    if (l.itemsAddr === 0) {
      if (n > 0) preallocateExact(l, n);
    } else {
      listResize(l, m + n, m);
    }
    const next = it.type.tp_iternext!;
    for (let x = next(it); x !== null; x = next(it)) listAppendSteal(l, x);
    if (l.items.length < l.allocated) listResize(l, l.items.length);
  } finally {
    decref(it);
  }
}

let tupleTypeCache: PyTypeObject | null = null;
import { TupleType } from './tupleobject.js';
function TupleTypeRef(): PyTypeObject {
  return tupleTypeCache ?? (tupleTypeCache = TupleType);
}

/** PySequence_List: list(iterable) as a fresh list object. */
export function sequenceList(v: PyObject): PyList {
  const l = newList([]);
  try {
    listExtend(l, v);
  } catch (e) {
    decref(l);
    throw e;
  }
  return l;
}

// ===================================================================== slices

/** list_slice: a new list of items[ilow:ihigh] sized exactly. */
export function listSlice(l: PyList, ilow: number, ihigh: number): PyList {
  const len = ihigh - ilow;
  if (len <= 0) return newList([]);
  const out = l.items.slice(ilow, ihigh);
  for (let i = 0; i < out.length; i++) incref(out[i]);
  return newListPrealloc(out, len);
}

/**
 * list_ass_slice: replace items[ilow:ihigh] by the items of `v` (null
 * deletes). Removed items are released last, from the last to the first.
 */
export function listAssSlice(l: PyList, ilow: number, ihigh: number, v: PyObject | null): void {
  if (v === l) {
    const copy = listSlice(l, 0, l.items.length);
    try {
      listAssSlice(l, ilow, ihigh, copy);
    } finally {
      decref(copy);
    }
    return;
  }
  let vitems: PyObject[] = [];
  let owner: PyObject | null = null;
  if (v !== null) [vitems, owner] = sequenceFast(v, 'can only assign an iterable');
  try {
    const size = l.items.length;
    if (ilow < 0) ilow = 0;
    else if (ilow > size) ilow = size;
    if (ihigh < ilow) ihigh = ilow;
    else if (ihigh > size) ihigh = size;
    const norig = ihigh - ilow;
    const n = vitems.length;
    const d = n - norig;
    if (size + d === 0) {
      listClear(l);
      return;
    }
    // the recycle buffer lives on the stack for up to 8 items, else on the heap
    const recycleAddr = norig > 8 ? heap.mallocBuffer(norig * PTR) : 0;
    const ins = new Array<PyObject>(n);
    for (let k = 0; k < n; k++) ins[k] = vitems[k];
    if (d !== 0) listResize(l, size + d, size);
    const recycled = l.items.splice(ilow, norig, ...ins);
    for (let k = 0; k < n; k++) incref(ins[k]);
    for (let k = recycled.length - 1; k >= 0; k--) decref(recycled[k]);
    if (recycleAddr !== 0) heap.freeBuffer(recycleAddr);
  } finally {
    if (owner !== null) decref(owner);
  }
}

function listSubscript(o: PyObject, key: PyObject): PyObject {
  const l = o as PyList;
  if (key instanceof PyLong && key.type === LongType) {
    const v = key.value;
    if (typeof v === 'number') {
      const items = l.items;
      const i = v < 0 ? v + items.length : v;
      if (i >= 0 && i < items.length) return newref(items[i]);
      raise(Exc.IndexError, 'list index out of range');
    }
  }
  if (key instanceof PySlice) {
    const [start, stop, step, len] = sliceIndices(key, l.items.length);
    if (len <= 0) return newList([]);
    if (step === 1) return listSlice(l, start, stop);
    const out = new Array<PyObject>(len);
    for (let i = 0, cur = start; i < len; i++, cur += step) out[i] = newref(l.items[cur]);
    return newListPrealloc(out, len);
  }
  const i0 = ssizeIndex(key, () => indexOrSliceError('list', key));
  const i = i0 < 0 ? i0 + l.items.length : i0;
  if (i < 0 || i >= l.items.length) raise(Exc.IndexError, 'list index out of range');
  return newref(l.items[i]);
}

function listAssSubscript(o: PyObject, key: PyObject, value: PyObject | null): void {
  const l = o as PyList;
  if (!(key instanceof PySlice)) {
    const i0 = ssizeIndex(key, () => indexOrSliceError('list', key));
    const i = i0 < 0 ? i0 + l.items.length : i0;
    if (i < 0 || i >= l.items.length) raise(Exc.IndexError, 'list assignment index out of range');
    if (value === null) {
      listAssSlice(l, i, i + 1, null);
      return;
    }
    const old = l.items[i];
    incref(value);
    l.items[i] = value;
    decref(old);
    return;
  }
  let [start, stop, step, slicelength] = sliceIndices(key, l.items.length);
  if (step === 1) {
    listAssSlice(l, start, stop, value);
    return;
  }
  if ((step < 0 && start < stop) || (step > 0 && start > stop)) stop = start;
  if (value === null) {
    if (slicelength <= 0) return;
    const garbageAddr = heap.mallocBuffer(slicelength * PTR);
    const garbage: PyObject[] = [];
    const keep: PyObject[] = [];
    const items = l.items;
    if (step < 0) {
      stop = start + 1;
      start = stop + step * (slicelength - 1) - 1;
      step = -step;
    }
    for (let i = 0; i < items.length; i++) {
      if (i >= start && i < stop && (i - start) % step === 0) garbage.push(items[i]);
      else keep.push(items[i]);
    }
    l.items = keep;
    listResize(l, keep.length, items.length);
    for (let i = 0; i < garbage.length; i++) decref(garbage[i]);
    heap.freeBuffer(garbageAddr);
    return;
  }
  const [seq, owner] = value === l
    ? (() => {
      const c = listSlice(l, 0, l.items.length);
      return [c.items, c] as [PyObject[], PyObject];
    })()
    : sequenceFast(value, 'must assign iterable to extended slice');
  try {
    if (seq.length !== slicelength) {
      raise(Exc.ValueError, `attempt to assign sequence of size ${seq.length} to extended slice of size ${slicelength}`);
    }
    if (slicelength === 0) return;
    const garbageAddr = heap.mallocBuffer(slicelength * PTR);
    const garbage = new Array<PyObject>(slicelength);
    for (let i = 0, cur = start; i < slicelength; i++, cur += step) {
      garbage[i] = l.items[cur];
      l.items[cur] = newref(seq[i]);
    }
    for (let i = 0; i < slicelength; i++) decref(garbage[i]);
    heap.freeBuffer(garbageAddr);
  } finally {
    decref(owner);
  }
}

// ===================================================================== slots

function listDealloc(o: PyObject): void {
  const l = o as PyList;
  gcUntrack(l);
  const items = l.items, addr = l.itemsAddr;
  l.items = [];
  l.itemsAddr = 0;
  l.allocated = 0;
  // "Do it backwards, for Christian Tismer."
  for (let i = items.length - 1; i >= 0; i--) {
    // decref(items[i]), spelled out: object.ts's decref has one inline cache
    // for every class of object and is megamorphic; this one sees list items.
    const v = items[i];
    if (heap.tracing) heap.onDecref(v);
    if (--v.refcnt === 0) dealloc(v);
  }
  heap.freeBuffer(addr);
  if (l.type === ListType && l.ptr !== 0 && listFree().push(l)) return;
  gcFree(l);
}

function listTraverse(o: PyObject, visit: Visit): void {
  const items = (o as PyList).items;
  for (let i = items.length - 1; i >= 0; i--) visit(items[i]);
}

function listRepr(o: PyObject): PyObject {
  const l = o as PyList;
  if (l.items.length === 0) return newStr('[]');
  return reprItems(l, l.items, '[', ']', '[...]');
}

function listRichCompare(v: PyObject, w: PyObject, op: number): PyObject {
  if (!(v instanceof PyList) || !(w instanceof PyList)) return NotImplemented;
  if (v.items.length !== w.items.length && (op === Py_EQ || op === Py_NE)) return newBool(op === Py_NE);
  let i = 0;
  for (; i < v.items.length && i < w.items.length; i++) {
    const a = v.items[i], b = w.items[i];
    if (a === b) continue;
    incref(a);
    incref(b);
    let k: boolean;
    try {
      k = richCompareBool(a, b, Py_EQ);
    } finally {
      decref(a);
      decref(b);
    }
    if (!k) break;
  }
  if (i >= v.items.length || i >= w.items.length) return compareLengths(v.items.length, w.items.length, op);
  if (op === Py_EQ) return newBool(false);
  if (op === Py_NE) return newBool(true);
  const a = v.items[i], b = w.items[i];
  incref(a);
  incref(b);
  try {
    return richCompare(a, b, op);
  } finally {
    decref(a);
    decref(b);
  }
}

function listContains(o: PyObject, el: PyObject): boolean {
  const items = (o as PyList).items;
  for (let i = 0; i < items.length; i++) {
    const x = items[i];
    if (x === el) return true;
    incref(x);
    try {
      if (richCompareBool(x, el, Py_EQ)) return true;
    } finally {
      decref(x);
    }
  }
  return false;
}

function listConcat(a: PyObject, b: PyObject): PyObject {
  if (!(a instanceof PyList) || !(b instanceof PyList)) return NotImplemented;
  const size = a.items.length + b.items.length;
  if (size === 0) return newList([]);
  const out = a.items.concat(b.items);
  for (let i = 0; i < out.length; i++) incref(out[i]);
  return newListPrealloc(out, size);
}

function repeatCount(o: PyObject): number {
  return ssizeIndex(o, null, Exc.OverflowError);
}

function listRepeat(a: PyObject, b: PyObject): PyObject {
  let seq: PyList, count: PyObject;
  if (a instanceof PyList) {
    seq = a;
    count = b;
  } else if (b instanceof PyList) {
    seq = b;
    count = a;
  } else return NotImplemented;
  if (count.type.nb_index === null) return NotImplemented;
  const n = repeatCount(count);
  const src = seq.items;
  if (src.length === 0 || n <= 0) return newList([]);
  if (src.length * n > 2 ** 28) raise(Exc.MemoryError);
  const out = new Array<PyObject>(src.length * n);
  let k = 0;
  for (let r = 0; r < n; r++) for (let i = 0; i < src.length; i++) out[k++] = src[i];
  for (let i = 0; i < src.length; i++) {
    src[i].refcnt += n - 1;
    incref(src[i]);
  }
  return newListPrealloc(out, out.length);
}

function listInplaceConcat(a: PyObject, b: PyObject): PyObject {
  listExtend(a as PyList, b);
  return newref(a);
}

function listInplaceRepeat(a: PyObject, b: PyObject): PyObject {
  if (!(a instanceof PyList) || b.type.nb_index === null) return NotImplemented;
  const n = repeatCount(b);
  const src = a.items;
  const m = src.length;
  if (m === 0 || n === 1) return newref(a);
  if (n < 1) {
    listClear(a);
    return newref(a);
  }
  if (m * n > 2 ** 28) raise(Exc.MemoryError);
  listResize(a, m * n, m);
  for (let i = 0; i < m; i++) {
    src[i].refcnt += n - 2;
    incref(src[i]);
  }
  for (let r = 1; r < n; r++) for (let i = 0; i < m; i++) src.push(src[i]);
  return newref(a);
}

// ===================================================================== methods

type M = (self: PyObject, args: PyObject[], kwnames: string[] | null) => PyObject;

// list.sort: an on-demand part (objects/sorting.ts)
const sortMethod = deferredMethods<M>(parts.sorting, ['sort']).sort;

// the methods most programs never call: an on-demand part (objects/seqmethods.ts)
// that their names load; the list type's entries for them are stubs until then
const later = deferredMethodsOf<M>(parts.seqmethods, 'list', ['insert', 'remove', 'index', 'count', 'reverse', 'clear', 'copy']);
const methods: Record<string, M> = {
  append: (self, args, kwnames) => {
    noKeywords('append', kwnames);
    checkArity('append', args, 1, 1);
    listAppend(self as PyList, args[0]);
    return newref(PyNone);
  },
  extend: (self, args, kwnames) => {
    noKeywords('extend', kwnames);
    checkArity('extend', args, 1, 1);
    listExtend(self as PyList, args[0]);
    return newref(PyNone);
  },
  insert: later.insert,
  pop: (self, args, kwnames) => {
    noKeywords('pop', kwnames);
    checkArity('pop', args, 0, 1);
    const l = self as PyList;
    let index = args.length > 0 ? ssizeIndex(args[0], null, Exc.OverflowError) : -1;
    const n = l.items.length;
    if (n === 0) raise(Exc.IndexError, 'pop from empty list');
    if (index < 0) index += n;
    if (index < 0 || index >= n) raise(Exc.IndexError, 'pop index out of range');
    const v = l.items[index];
    if (n - 1 === 0) {
      incref(v);
      listClear(l);
      return v;
    }
    l.items.splice(index, 1);
    listResize(l, n - 1, n);
    return v;
  },
  remove: later.remove,
  index: later.index,
  count: later.count,
  reverse: later.reverse,
  clear: later.clear,
  copy: later.copy,
  sort: sortMethod,
  __reversed__: (self) => newListIter(self as PyList, true),
  __sizeof__: (self) => newInt(listSizeof(self)),
};



function listSizeof(o: PyObject): number {
  const l = o as PyList;
  return l.type.basicsize + Math.max(l.allocated, 0) * PTR;
}

// ---------------------------------------------------------------- constructor

/** list_vectorcall / PyType_GenericAlloc: `list(...)` does not use the free list. */
function listNew(type: PyTypeObject, _args: PyObject[], kwnames: string[] | null): PyObject {
  if (type === ListType) noKeywords('list', kwnames);
  const l = new PyList(type, [], 0);
  gcAllocPrepared(l, type.basicsize);
  gcTrack(l);
  return l;
}

/** list___init__: list(iterable=(), /) */
function listInit(self: PyObject, args: PyObject[], kwnames: string[] | null): void {
  noKeywords('list', kwnames);
  if (args.length > 1) raise(Exc.TypeError, `list expected at most 1 argument, got ${args.length}`);
  const l = self as PyList;
  if (l.itemsAddr !== 0 || l.items.length > 0) listClear(l);
  if (args.length === 0) return;
  const iterable = args[0];
  if (iterable.type.mp_length !== null) {
    const n = iterable.type.mp_length(iterable);
    if (n > 0 && l.itemsAddr === 0) preallocateExact(l, n);
  }
  listExtend(l, iterable);
}

// ---------------------------------------------------------------- iterators

export class PyListIter extends PyObject {
  constructor(type: PyTypeObject, public seq: PyList | null, public index: number) {
    super(type);
  }
}

/** listiterobject: header, it_index, it_seq */
export const ListIterType = builtinType('list_iterator', 32, TPFLAGS_HAVE_GC);
export const ListRevIterType = builtinType('list_reverseiterator', 32, TPFLAGS_HAVE_GC);

export function newListIter(l: PyList, reverse = false): PyListIter {
  const it = new PyListIter(reverse ? ListRevIterType : ListIterType, l, reverse ? l.items.length - 1 : 0);
  incref(l);
  gcAlloc(it, 32);
  gcTrack(it);
  return it;
}

function iterDone(it: PyListIter): null {
  const s = it.seq;
  it.seq = null;
  if (s) decref(s);
  return null;
}

ListIterType.tp_iternext = (o) => {
  const it = o as PyListIter;
  const s = it.seq;
  if (s === null) return null;
  if (it.index < s.items.length) return newref(s.items[it.index++]);
  return iterDone(it);
};
ListRevIterType.tp_iternext = (o) => {
  const it = o as PyListIter;
  const s = it.seq;
  if (s === null) return null;
  const i = it.index;
  if (i >= 0 && i < s.items.length) {
    it.index--;
    return newref(s.items[i]);
  }
  it.index = -1;
  return iterDone(it);
};
for (const t of [ListIterType, ListRevIterType]) {
  t.tp_iter = (o) => newref(o);
  t.tp_dealloc = (o) => {
    const it = o as PyListIter;
    gcUntrack(it);
    const s = it.seq;
    it.seq = null;
    if (s) decref(s);
    gcFree(it);
  };
  t.tp_traverse = (o, visit) => {
    const s = (o as PyListIter).seq;
    if (s) visit(s);
  };
}
ListIterType.methods.__length_hint__ = (self) => {
  const it = self as PyListIter;
  return newInt(it.seq ? Math.max(0, it.seq.items.length - it.index) : 0);
};
ListRevIterType.methods.__length_hint__ = (self) => {
  const it = self as PyListIter;
  return newInt(it.seq && it.index < it.seq.items.length ? it.index + 1 : 0);
};

// ---------------------------------------------------------------- wiring

ListType.tp_dealloc = listDealloc;
ListType.tp_traverse = listTraverse;
ListType.tp_clear = (o) => listClear(o as PyList);
ListType.tp_repr = listRepr;
ListType.tp_richcompare = listRichCompare;
ListType.tp_iter = (o) => newListIter(o as PyList);
ListType.tp_new = listNew;
ListType.tp_init = listInit;
ListType.tp_sizeof = listSizeof;
ListType.mp_length = (o) => (o as PyList).items.length;
ListType.mp_subscript = listSubscript;
ListType.mp_ass_subscript = listAssSubscript;
ListType.sq_contains = listContains;
ListType.nb[NB_ADD] = listConcat;
ListType.nb[NB_MULTIPLY] = listRepeat;
ListType.nb[NB_INPLACE_ADD + NB_ADD] = listInplaceConcat;
ListType.nb[NB_INPLACE_ADD + NB_MULTIPLY] = listInplaceRepeat;
Object.assign(ListType.methods, methods);
