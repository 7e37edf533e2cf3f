/**
 * The constructors of enumerate, zip, map, filter and reversed, and their
 * __next__ (an on-demand part, see ondemand.ts): a program that names one of
 * them loads it, and an iterator of these types exists only once its
 * constructor ran. Moved here verbatim from objects/iterobject.ts, which
 * keeps the types, their dealloc and traverse slots and the stubs.
 * CPython counterpart: Objects/enumobject.c (enum_new, reversed_new_impl),
 * Python/bltinmodule.c (zip_new, map_new, filter_new).
 */
import { PyObject, decref, incref, newref } from './object.js';
import { PyTypeObject, type BuiltinMethod } from './typeobject.js';
import { gcAlloc, gcTrack } from '../gc/gcobject.js';
import { raise } from '../eval/errors.js';
import { Exc } from './exceptions.js';
import { getIter, call, isTrue, lookupAttr, length, iterNext, getItem, isExceptionOf, clearRaise } from './abstract.js';
import { PyLong, newInt, numberIndex } from './longobject.js';
import { PyNone } from './singletons.js';
import { PyTuple, newTuple } from './tupleobject.js';
import { parseArgs, noKeywords } from './args.js';
import { PyEnum, PyZip, PyMap, PyFilter, PyReversed, MapType, FilterType, ReversedType, allocIter } from './iterobject.js';

const enumerateNew: NonNullable<PyTypeObject['tp_new']> = (type, args, kwnames) => {
  const [iterable, start] = parseArgs('enumerate', args, kwnames, ['iterable', 'start'], 1);
  const e = new PyEnum(type);
  const sit = getIter(iterable!);
  let startIdx: PyObject | null = null;
  if (start !== undefined) {
    try {
      startIdx = numberIndex(start);
    } catch (err) {
      decref(sit);
      throw err;
    }
  }
  e.sit = sit;
  if (startIdx !== null) {
    const v = (startIdx as PyLong).value;
    if (typeof v === 'number' && v < 2 ** 62) {
      e.index = v;
      decref(startIdx);
    } else e.longIndex = startIdx;
  }
  gcAlloc(e, type.basicsize);
  e.result = newTuple([newref(PyNone), newref(PyNone)]);
  gcTrack(e);
  return e;
};

const zipNew: NonNullable<PyTypeObject['tp_new']> = (type, args, kwnames) => {
  const nkw = kwnames ? kwnames.length : 0;
  let strict = false;
  for (let i = 0; i < nkw; i++) {
    if (kwnames![i] !== 'strict') raise(Exc.TypeError, `zip() got an unexpected keyword argument '${kwnames![i]}'`);
    strict = isTrue(args[args.length - nkw + i]);
  }
  const n = args.length - nkw;
  const iters: PyObject[] = [];
  try {
    for (let i = 0; i < n; i++) iters.push(getIter(args[i]));
  } catch (e) {
    for (const it of iters) decref(it);
    throw e;
  }
  const z = new PyZip(type);
  z.iters = iters;
  z.strict = strict;
  gcAlloc(z, type.basicsize);
  const nones: PyObject[] = [];
  for (let i = 0; i < n; i++) nones.push(newref(PyNone));
  z.result = newTuple(nones);
  gcTrack(z);
  return z;
};

const mapNew: NonNullable<PyTypeObject['tp_new']> = (type, args, kwnames) => {
  if (type === MapType) noKeywords('map', kwnames);
  if (args.length < 2) raise(Exc.TypeError, 'map() must have at least two arguments.');
  const iters: PyObject[] = [];
  try {
    for (let i = 1; i < args.length; i++) iters.push(getIter(args[i]));
  } catch (e) {
    for (const it of iters) decref(it);
    throw e;
  }
  const m = new PyMap(type);
  m.func = newref(args[0]);
  m.iters = iters;
  return allocIter(m, type.basicsize);
};

const filterNew: NonNullable<PyTypeObject['tp_new']> = (type, args, kwnames) => {
  if (type === FilterType) noKeywords('filter', kwnames);
  if (args.length !== 2) raise(Exc.TypeError, `filter expected 2 arguments, got ${args.length}`);
  const it = getIter(args[1]);
  const f = new PyFilter(type);
  f.func = newref(args[0]);
  f.it = it;
  return allocIter(f, type.basicsize);
};

const reversedNew: NonNullable<PyTypeObject['tp_new']> = (type, args, kwnames) => {
  if (type === ReversedType) noKeywords('reversed', kwnames);
  if (args.length !== 1) raise(Exc.TypeError, `reversed expected 1 argument, got ${args.length}`);
  const seq = args[0];
  const rev = lookupAttr(seq.type, '__reversed__');
  if (rev === PyNone) {
    decref(rev);
    raise(Exc.TypeError, `'${seq.type.name}' object is not reversible`);
  }
  if (rev !== null) {
    try {
      return call(rev, [seq]);
    } finally {
      decref(rev);
    }
  }
  if (seq.type.mp_subscript === null || seq.type.mp_length === null || seq.type.name === 'dict') {
    raise(Exc.TypeError, `'${seq.type.name}' object is not reversible`);
  }
  const n = length(seq);
  const r = new PyReversed(type);
  r.index = n - 1;
  r.seq = newref(seq);
  return allocIter(r, type.basicsize);
};

// ---------------------------------------------------------------- __next__ (tp_iternext)

/** Fills (or reuses when only we hold it) a 2-tuple result, as enum_next/zip_next do. */
function reuseOrNewPair(holder: { result: PyTuple | null }, a: PyObject, b: PyObject): PyObject {
  const r = holder.result;
  if (r !== null && r.refcnt === 1) {
    incref(r);
    const o0 = r.items[0], o1 = r.items[1];
    r.items[0] = a;
    r.items[1] = b;
    decref(o0);
    decref(o1);
    if (!r.gcTracked) gcTrack(r);
    return r;
  }
  return newTuple([a, b]);
}

const enumerateNext: NonNullable<PyTypeObject['tp_iternext']> = (o) => {
  const e = o as PyEnum;
  if (e.sit === null) return null;
  const item = iterNext(e.sit);
  if (item === null) return null;
  let idx: PyObject;
  if (e.longIndex !== null) {
    idx = e.longIndex;
    e.longIndex = newInt(typeof (idx as PyLong).value === 'bigint'
      ? ((idx as PyLong).value as bigint) + 1n
      : BigInt((idx as PyLong).value) + 1n);
  } else {
    idx = newInt(e.index);
    e.index++;
  }
  return reuseOrNewPair(e, idx, item);
};

const zipNext: NonNullable<PyTypeObject['tp_iternext']> = (o) => {
  const z = o as PyZip;
  const n = z.iters.length;
  if (n === 0) return null;
  const items: PyObject[] = [];
  for (let i = 0; i < n; i++) {
    const x = iterNext(z.iters[i]);
    if (x === null) {
      for (const y of items) decref(y);
      if (z.strict) zipStrictCheck(z, i);
      return null;
    }
    items.push(x);
  }
  const r = z.result;
  if (r !== null && r.refcnt === 1 && r.items.length === n) {
    incref(r);
    for (let i = 0; i < n; i++) {
      const old = r.items[i];
      r.items[i] = items[i];
      decref(old);
    }
    if (!r.gcTracked) gcTrack(r);
    return r;
  }
  return newTuple(items);
};

function plural(i: number): string {
  return i === 1 ? ' 1' : `s 1-${i}`;
}

/** zip(strict=True): a shorter or longer argument is a ValueError. */
function zipStrictCheck(z: PyZip, i: number): void {
  if (i > 0) raise(Exc.ValueError, `zip() argument ${i + 1} is shorter than argument${plural(i)}`);
  for (let k = 1; k < z.iters.length; k++) {
    const x = iterNext(z.iters[k]);
    if (x !== null) {
      decref(x);
      raise(Exc.ValueError, `zip() argument ${k + 1} is longer than argument${plural(k)}`);
    }
  }
}

const mapNext: NonNullable<PyTypeObject['tp_iternext']> = (o) => {
  const m = o as PyMap;
  if (m.func === null) return null;
  const argv: PyObject[] = [];
  try {
    for (const it of m.iters) {
      const x = iterNext(it);
      if (x === null) return null;
      argv.push(x);
    }
    return call(m.func, argv);
  } finally {
    for (const x of argv) decref(x);
  }
};

const filterNext: NonNullable<PyTypeObject['tp_iternext']> = (o) => {
  const f = o as PyFilter;
  if (f.it === null || f.func === null) return null;
  for (;;) {
    const x = iterNext(f.it);
    if (x === null) return null;
    let ok: boolean;
    try {
      if (f.func === PyNone || isBoolType(f.func)) {
        ok = isTrue(x);
      } else {
        const r = call(f.func, [x]);
        try {
          ok = isTrue(r);
        } finally {
          decref(r);
        }
      }
    } catch (e) {
      decref(x);
      throw e;
    }
    if (ok) return x;
    decref(x);
  }
};

/** filter(bool, it) is special-cased like filter(None, it) */
function isBoolType(o: PyObject): boolean {
  return (o as PyTypeObject).name === 'bool' && o.type.name === 'type';
}

const reversedNext: NonNullable<PyTypeObject['tp_iternext']> = (o) => {
  const r = o as PyReversed;
  const seq = r.seq;
  if (seq === null) return null;
  if (r.index >= 0) {
    const key = newInt(r.index);
    try {
      const item = getItem(seq, key);
      r.index--;
      return item;
    } catch (e) {
      if (!(isExceptionOf(e, Exc.IndexError) || isExceptionOf(e, Exc.StopIteration))) throw e;
      clearRaise(e);
    } finally {
      decref(key);
    }
  }
  r.index = -1;
  r.seq = null;
  decref(seq);
  return null;
};
const reversedLengthHint: BuiltinMethod = (self) => {
  const r = self as PyReversed;
  return newInt(r.seq === null ? 0 : r.index + 1);
};

export const iterBuiltins = {
  'enumerate.tp_new': enumerateNew,
  'zip.tp_new': zipNew,
  'map.tp_new': mapNew,
  'filter.tp_new': filterNew,
  'reversed.tp_new': reversedNew,
  'enumerate.tp_iternext': enumerateNext,
  'zip.tp_iternext': zipNext,
  'map.tp_iternext': mapNext,
  'filter.tp_iternext': filterNext,
  'reversed.tp_iternext': reversedNext,
  'reversed.__length_hint__': reversedLengthHint,
};
