/**
 * Slice objects and the index helpers sequences share.
 * CPython counterpart: Objects/sliceobject.c (3.12), plus _PyEval_SliceIndex
 * (Python/ceval.c) and PyObject_LengthHint (Objects/abstract.c).
 */

import { PyObject, decref, newref } from './object.js';
import {
  PyTypeObject, builtinType, TPFLAGS_HAVE_GC, type Visit,
} from './typeobject.js';
import { gcAlloc, gcFree, gcTrack, gcUntrack } from '../gc/gcobject.js';
import { raise } from '../eval/errors.js';
import { Exc } from './exceptions.js';
import { PyLong, asIndex } from './longobject.js';
import { PyNone, NotImplemented } from './singletons.js';
import { lookupAttr, call, isExceptionOf, clearRaise } from './abstract.js';
import { FreeList } from './tupleobject.js';
import { parts, deferred } from '../ondemand.js';

/** PY_SSIZE_T_MAX as a JS number (clamping target; exact value is not representable). */
export const SSIZE_MAX = 9223372036854775807;
export const SSIZE_MIN = -9223372036854775808;

// ===================================================================== index helpers

/**
 * An index for a subscript (PyNumber_AsSsize_t(key, IndexError)). `typeErr`
 * raises the container's TypeError when the key has no __index__.
 */
export function ssizeIndex(
  key: PyObject, typeErr: (() => never) | null, exc: PyTypeObject = Exc.IndexError, _clamp = false,
): number {
  if (key instanceof PyLong) {
    const v = key.value;
    if (typeof v === 'number') return v;
  } else if (key.type.nb_index === null) {
    if (typeErr) typeErr();
    raise(Exc.TypeError, `'${key.type.name}' object cannot be interpreted as an integer`);
  }
  return asIndex(key, exc);
}

/** "list indices must be integers or slices, not str" */
export function indexOrSliceError(what: string, key: PyObject): never {
  raise(Exc.TypeError, `${what} indices must be integers or slices, not ${key.type.name}`);
}

/** _PyEval_SliceIndex: an int-like clamped to the ssize_t range (None is not allowed here). */
export function clampedIndex(v: PyObject): number {
  if (v instanceof PyLong && typeof v.value === 'number') return v.value;
  if (v.type.nb_index === null) {
    raise(Exc.TypeError, 'slice indices must be integers or None or have an __index__ method');
  }
  try {
    return asIndex(v, Exc.OverflowError);
  } catch (e) {
    if (isExceptionOf(e, Exc.OverflowError)) {
      clearRaise(e);
      return asBigSign(v) < 0 ? SSIZE_MIN : SSIZE_MAX;
    }
    throw e;
  }
}

function asBigSign(v: PyObject): number {
  const r = v instanceof PyLong ? v.value : 0;
  return r < 0 ? -1 : 1;
}

/** _PyEval_SliceIndexNotNone for index()/count() start/stop arguments. */
export function sliceIndexArg(v: PyObject): number {
  if (v.type.nb_index === null) {
    raise(Exc.TypeError, 'slice indices must be integers or have an __index__ method');
  }
  return clampedIndex(v);
}

/**
 * PyObject_LengthHint: len() if defined, else __length_hint__, else `dflt`.
 */
export function lengthHint(o: PyObject, dflt: number): number {
  if (o.type.mp_length !== null) {
    try {
      return o.type.mp_length(o);
    } catch (e) {
      if (isExceptionOf(e, Exc.TypeError)) {
        clearRaise(e);
      } else throw e;
    }
  }
  const hint = lookupAttr(o.type, '__length_hint__');
  if (hint === null) return dflt;
  let r: PyObject;
  try {
    r = call(hint, [o]);
  } catch (e) {
    if (isExceptionOf(e, Exc.TypeError)) {
      clearRaise(e);
      return dflt;
    }
    throw e;
  } finally {
    decref(hint);
  }
  if (r === NotImplemented) {
    decref(r);
    return dflt;
  }
  if (!(r instanceof PyLong)) {
    const tn = r.type.name;
    decref(r);
    raise(Exc.TypeError, `__length_hint__ must be an integer, not ${tn}`);
  }
  const n = asIndex(r);
  decref(r);
  if (n < 0) raise(Exc.ValueError, '__length_hint__() should return >= 0');
  return n;
}

// ===================================================================== slice objects

export class PySlice extends PyObject {
  constructor(public start: PyObject, public stop: PyObject, public step: PyObject) {
    super(SliceType);
  }
}

/** PySliceObject: header + start, stop, step */
const SLICE_SIZE = 40;
export const SliceType = builtinType('slice', SLICE_SIZE, TPFLAGS_HAVE_GC);

/** interp->slice_cache: one freed slice is kept for reuse (3.12). */
let sliceCacheList: FreeList | null = null;
function sliceCache(): FreeList {
  return sliceCacheList ?? (sliceCacheList = new FreeList(1));
}

/** PySlice_New / _PyBuildSlice_Consume2: steals start, stop, step. */
export function newSlice(start: PyObject, stop: PyObject, step: PyObject): PySlice {
  const s = new PySlice(start, stop, step);
  if (!sliceCache().pop(s)) gcAlloc(s, SLICE_SIZE);
  gcTrack(s);
  return s;
}

function sliceDealloc(o: PyObject): void {
  const s = o as PySlice;
  gcUntrack(s);
  decref(s.step);
  decref(s.start);
  decref(s.stop);
  if (!sliceCache().push(s)) gcFree(s);
}

/**
 * PySlice_Unpack + PySlice_AdjustIndices (PySlice_GetIndicesEx):
 * [start, stop, step, slicelength] for a sequence of `length` items.
 */
export function sliceIndices(s: PySlice, length: number): [number, number, number, number] {
  let step: number;
  if (s.step === PyNone) step = 1;
  else {
    step = clampedIndex(s.step);
    if (step === 0) raise(Exc.ValueError, 'slice step cannot be zero');
    if (step < -SSIZE_MAX) step = -SSIZE_MAX;
  }
  let start = s.start === PyNone ? (step < 0 ? SSIZE_MAX : 0) : clampedIndex(s.start);
  let stop = s.stop === PyNone ? (step < 0 ? SSIZE_MIN : SSIZE_MAX) : clampedIndex(s.stop);
  if (start < 0) {
    start += length;
    if (start < 0) start = step < 0 ? -1 : 0;
  } else if (start >= length) {
    start = step < 0 ? length - 1 : length;
  }
  if (stop < 0) {
    stop += length;
    if (stop < 0) stop = step < 0 ? -1 : 0;
  } else if (stop >= length) {
    stop = step < 0 ? length - 1 : length;
  }
  let n = 0;
  if (step < 0) {
    if (stop < start) n = Math.floor((start - stop - 1) / -step) + 1;
  } else if (start < stop) {
    n = Math.floor((stop - start - 1) / step) + 1;
  }
  return [start, stop, step, n];
}

/** Same as sliceIndices; the name the sequence types use. */
export const sliceIndicesFor = sliceIndices;

// repr, hash, comparison, slice(...) and slice.indices(): with the slicing instructions (eval/slicing.ts),
// an on-demand part that `[a:b]` in the code or the word `slice` loads
const SP = parts.slices;
SliceType.tp_repr = deferred(SP, 'slice.tp_repr');
SliceType.tp_hash = deferred(SP, 'slice.tp_hash');
SliceType.tp_richcompare = deferred(SP, 'slice.tp_richcompare');
SliceType.tp_new = deferred(SP, 'slice.tp_new');
SliceType.methods.indices = deferred(SP, 'slice.indices');

SliceType.tp_dealloc = sliceDealloc;
SliceType.tp_traverse = (o: PyObject, visit: Visit) => {
  const s = o as PySlice;
  visit(s.start);
  visit(s.stop);
  visit(s.step);
};
SliceType.getsets.start = { get: (o) => newref((o as PySlice).start) };
SliceType.getsets.stop = { get: (o) => newref((o as PySlice).stop) };
SliceType.getsets.step = { get: (o) => newref((o as PySlice).step) };

