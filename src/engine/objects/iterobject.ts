/**
 * Generic iterators and the builtin iterator types: the sequence iterator,
 * callable_iterator, enumerate, zip, map, filter and reversed.
 * CPython counterpart: Objects/iterobject.c, Objects/enumobject.c and
 * Python/bltinmodule.c (zip, map, filter).
 */

import { PyObject, decref, incref, newref, xdecref } from './object.js';
import { PyTypeObject, builtinType, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC, type Visit } from './typeobject.js';
import { gcAlloc, gcFree, gcTrack, gcUntrack } from '../gc/gcobject.js';
import { raise } from '../eval/errors.js';
import { Exc } from './exceptions.js';
import {
  iterNext, getItem, call, isTrue, richCompareBool, isExceptionOf, clearRaise, setSeqIterFactory,
} from './abstract.js';
import { PyLong, newInt } from './longobject.js';
import { PyNone, NotImplemented } from './singletons.js';
import { PyTuple, newTuple } from './tupleobject.js';
// evaluated here as before iterbuiltins.ts took its users (module order fixes the builtin types' ids)
import './args.js';
import { Py_EQ } from './typeobject.js';
import { parts, deferred } from '../ondemand.js';

// The constructors of enumerate, zip, map, filter and reversed, and their
// __next__ (tp_iternext): an on-demand part (objects/iterbuiltins.ts); each
// one's name loads it. An iterator of these types exists only once its
// constructor ran, so its __next__ can be there too; the dealloc and
// traverse slots stay (the collector and the trace recorder call them).
const P = parts.iterators;

/** A GC iterator object holding references in named fields. */
export function allocIter<T extends PyObject>(o: T, basicsize: number): T {
  gcAlloc(o, basicsize);
  gcTrack(o);
  return o;
}

function iterType(name: string, basicsize: number, base = false): PyTypeObject {
  const t = builtinType(name, basicsize, TPFLAGS_HAVE_GC | (base ? TPFLAGS_BASETYPE : 0));
  t.tp_iter = (o) => newref(o);
  return t;
}

/** Standard dealloc for iterators: untrack, drop the fields listed by `refs`, free. */
function setupLifetime<T extends PyObject>(t: PyTypeObject, refs: (o: T) => (PyObject | null)[], clear: (o: T) => void): void {
  t.tp_traverse = (o: PyObject, visit: Visit) => {
    for (const r of refs(o as T)) if (r) visit(r);
  };
  t.tp_dealloc = (o: PyObject) => {
    gcUntrack(o);
    const rs = refs(o as T);
    clear(o as T);
    for (const r of rs) xdecref(r);
    gcFree(o);
  };
}

// ===================================================================== sequence iterator

export class PySeqIter extends PyObject {
  constructor(public seq: PyObject | null, public index = 0) {
    super(SeqIterType);
  }
}
/** seqiterobject: header, it_index, it_seq */
export const SeqIterType = iterType('iterator', 32);
setupLifetime<PySeqIter>(SeqIterType, (o) => [o.seq], (o) => {
  o.seq = null;
});

/** PySeqIter_New */
export function newSeqIter(seq: PyObject): PyObject {
  incref(seq);
  return allocIter(new PySeqIter(seq), 32);
}

SeqIterType.tp_iternext = (o) => {
  const it = o as PySeqIter;
  const seq = it.seq;
  if (seq === null) return null;
  const key = newInt(it.index);
  try {
    const r = getItem(seq, key);
    it.index++;
    return r;
  } catch (e) {
    if (isExceptionOf(e, Exc.IndexError) || isExceptionOf(e, Exc.StopIteration)) {
      clearRaise(e);
      it.seq = null;
      decref(seq);
      return null;
    }
    throw e;
  } finally {
    decref(key);
  }
};
setSeqIterFactory(newSeqIter);

// ===================================================================== callable_iterator

export class PyCallIter extends PyObject {
  constructor(public func: PyObject | null, public sentinel: PyObject | null) {
    super(CallIterType);
  }
}
export const CallIterType = iterType('callable_iterator', 32);
setupLifetime<PyCallIter>(CallIterType, (o) => [o.func, o.sentinel], (o) => {
  o.func = o.sentinel = null;
});

/** PyCallIter_New: iter(callable, sentinel) */
export function newCallIter(func: PyObject, sentinel: PyObject): PyObject {
  incref(func);
  incref(sentinel);
  return allocIter(new PyCallIter(func, sentinel), 32);
}

CallIterType.tp_iternext = (o) => {
  const it = o as PyCallIter;
  if (it.func === null || it.sentinel === null) return null;
  let r: PyObject;
  try {
    r = call(it.func, []);
  } catch (e) {
    if (isExceptionOf(e, Exc.StopIteration)) {
      clearRaise(e);
      const f = it.func, s = it.sentinel;
      it.func = it.sentinel = null;
      decref(f);
      decref(s);
      return null;
    }
    throw e;
  }
  if (richCompareBool(r, it.sentinel, Py_EQ)) {
    decref(r);
    const f = it.func, s = it.sentinel;
    it.func = it.sentinel = null;
    xdecref(f);
    xdecref(s);
    return null;
  }
  return r;
};

// ===================================================================== enumerate

export class PyEnum extends PyObject {
  index = 0;
  sit: PyObject | null = null;
  result: PyTuple | null = null;
  /** the index as an int object once it no longer fits (en_longindex) */
  longIndex: PyObject | null = null;
}
/** enumobject: header, en_index, en_sit, en_result, en_longindex, one */
export const EnumerateType = iterType('enumerate', 56, true);
setupLifetime<PyEnum>(EnumerateType, (o) => [o.sit, o.result, o.longIndex], (o) => {
  o.sit = o.result = o.longIndex = null;
});

EnumerateType.tp_new = deferred(P, 'enumerate.tp_new');
EnumerateType.tp_iternext = deferred(P, 'enumerate.tp_iternext');

// ===================================================================== zip

export class PyZip extends PyObject {
  iters: PyObject[] = [];
  result: PyTuple | null = null;
  strict = false;
}
/** zipobject: header, tuplesize, ittuple, result, strict */
export const ZipType = iterType('zip', 48, true);
setupLifetime<PyZip>(ZipType, (o) => [...o.iters, o.result], (o) => {
  o.iters = [];
  o.result = null;
});
ZipType.tp_traverse = (o, visit) => {
  const z = o as PyZip;
  for (const it of z.iters) visit(it);
  if (z.result) visit(z.result);
};

ZipType.tp_new = deferred(P, 'zip.tp_new');
ZipType.tp_iternext = deferred(P, 'zip.tp_iternext');

// ===================================================================== map

export class PyMap extends PyObject {
  func: PyObject | null = null;
  iters: PyObject[] = [];
}
export const MapType = iterType('map', 32, true);
setupLifetime<PyMap>(MapType, (o) => [...o.iters, o.func], (o) => {
  o.iters = [];
  o.func = null;
});

MapType.tp_new = deferred(P, 'map.tp_new');
MapType.tp_iternext = deferred(P, 'map.tp_iternext');

// ===================================================================== filter

export class PyFilter extends PyObject {
  func: PyObject | null = null;
  it: PyObject | null = null;
}
export const FilterType = iterType('filter', 32, true);
setupLifetime<PyFilter>(FilterType, (o) => [o.func, o.it], (o) => {
  o.func = o.it = null;
});

FilterType.tp_new = deferred(P, 'filter.tp_new');
FilterType.tp_iternext = deferred(P, 'filter.tp_iternext');

// ===================================================================== reversed

export class PyReversed extends PyObject {
  index = 0;
  seq: PyObject | null = null;
}
export const ReversedType = iterType('reversed', 32, true);
setupLifetime<PyReversed>(ReversedType, (o) => [o.seq], (o) => {
  o.seq = null;
});

ReversedType.tp_new = deferred(P, 'reversed.tp_new');
ReversedType.tp_iternext = deferred(P, 'reversed.tp_iternext');
ReversedType.methods.__length_hint__ = deferred(P, 'reversed.__length_hint__');
