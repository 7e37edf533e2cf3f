/**
 * The constructors of enumerate, zip, map, filter and reversed (an on-demand
 * part, see ondemand.ts): a program that names one of them loads it. Moved
 * here verbatim from objects/iterobject.ts, which keeps the types, their other
 * slots and the stubs.
 * CPython counterpart: Objects/enumobject.c (enum_new, reversed_new_impl),
 * Python/bltinmodule.c (zip_new, map_new, filter_new).
 */
import { PyObject, decref, newref } from './object.js';
import { PyTypeObject } from './typeobject.js';
import { gcAlloc, gcTrack } from '../gc/gcobject.js';
import { raise } from '../eval/errors.js';
import { Exc } from './exceptions.js';
import { getIter, call, isTrue, lookupAttr, length } from './abstract.js';
import { PyLong, numberIndex } from './longobject.js';
import { PyNone } from './singletons.js';
import { newTuple } from './tupleobject.js';
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

export const iterBuiltins = {
  'enumerate.tp_new': enumerateNew,
  'zip.tp_new': zipNew,
  'map.tp_new': mapNew,
  'filter.tp_new': filterNew,
  'reversed.tp_new': reversedNew,
};
