/**
 * The list, tuple and range methods most programs never call (list.insert,
 * remove, index, count, reverse, clear and copy; tuple.index and count;
 * range.index and count): an on-demand part (see ondemand.ts) that their
 * names load. Moved from listobject.ts, tupleobject.ts and rangeobject.ts
 * unchanged; the types' entries for them are stubs until it is loaded.
 */
import { type PyObject, decref, incref, newref } from './object.js';
import { Py_EQ } from './typeobject.js';
import { Exc } from './exceptions.js';
import { PyNone } from './singletons.js';
import { type PyLong, LongType, newInt, norm } from './longobject.js';
import { type PyList, listInsert, listAssSlice, listClear, listSlice } from './listobject.js';
import type { PyTuple } from './tupleobject.js';
import { type PyRange, rangeContains, big } from './rangeobject.js';
import { ssizeIndex, sliceIndexArg } from './sliceobject.js';
import { richCompareBool, reprString, getIter, iterNext } from './abstract.js';
import { checkArity, noKeywords } from './args.js';
import { raise } from '../eval/errors.js';
// the modules whose types hold this part's stubs, evaluated first (ondemand.ts checks every stub has its code)
import './listobject.js';
import './tupleobject.js';
import './rangeobject.js';

// ---------------------------------------------------------------- list

function mListInsert(self: PyObject, args: PyObject[], kwnames: string[] | null): PyObject {
  noKeywords('insert', kwnames);
  checkArity('insert', args, 2, 2);
  const i = ssizeIndex(args[0], null, Exc.OverflowError);
  listInsert(self as PyList, i, args[1]);
  return newref(PyNone);
}

function mListRemove(self: PyObject, args: PyObject[], kwnames: string[] | null): PyObject {
  noKeywords('remove', kwnames);
  checkArity('remove', args, 1, 1);
  const l = self as PyList;
  for (let i = 0; i < l.items.length; i++) {
    const x = l.items[i];
    incref(x);
    let eq: boolean;
    try {
      eq = richCompareBool(x, args[0], Py_EQ);
    } finally {
      decref(x);
    }
    if (eq) {
      listAssSlice(l, i, i + 1, null);
      return newref(PyNone);
    }
  }
  raise(Exc.ValueError, 'list.remove(x): x not in list');
}

function mListIndex(self: PyObject, args: PyObject[], kwnames: string[] | null): PyObject {
  const l = self as PyList;
  const i = seqIndex(l.items, args, kwnames, 'list', () => {
    raise(Exc.ValueError, `${reprString(args[0])} is not in list`);
  });
  return newInt(i);
}

function mListCount(self: PyObject, args: PyObject[], kwnames: string[] | null): PyObject {
  noKeywords('count', kwnames);
  checkArity('count', args, 1, 1);
  const items = (self as PyList).items;
  let n = 0;
  for (let i = 0; i < items.length; i++) {
    const x = items[i];
    if (x === args[0]) {
      n++;
      continue;
    }
    incref(x);
    try {
      if (richCompareBool(x, args[0], Py_EQ)) n++;
    } finally {
      decref(x);
    }
  }
  return newInt(n);
}

function mListReverse(self: PyObject, args: PyObject[], kwnames: string[] | null): PyObject {
  noKeywords('reverse', kwnames);
  checkArity('reverse', args, 0, 0);
  (self as PyList).items.reverse();
  return newref(PyNone);
}

function mListClear(self: PyObject, args: PyObject[], kwnames: string[] | null): PyObject {
  noKeywords('clear', kwnames);
  checkArity('clear', args, 0, 0);
  listClear(self as PyList);
  return newref(PyNone);
}

function mListCopy(self: PyObject, args: PyObject[], kwnames: string[] | null): PyObject {
  noKeywords('copy', kwnames);
  checkArity('copy', args, 0, 0);
  const l = self as PyList;
  return listSlice(l, 0, l.items.length);
}

// ---------------------------------------------------------------- tuple

function mTupleCount(self: PyObject, args: PyObject[], kwnames: string[] | null): PyObject {
  noKeywords('count', kwnames);
  checkArity('count', args, 1, 1);
  const items = (self as PyTuple).items;
  let n = 0;
  for (let i = 0; i < items.length; i++) if (richCompareBool(items[i], args[0], Py_EQ)) n++;
  return newInt(n);
}

/** Shared by tuple.index and list.index: value, start=0, stop=maxsize with slice clamping. */
function seqIndex(
  items: readonly PyObject[], args: PyObject[], kwnames: string[] | null, what: string,
  notFound: () => never,
): number {
  noKeywords('index', kwnames);
  checkArity('index', args, 1, 3);
  const n = items.length;
  let start = args.length > 1 ? sliceIndexArg(args[1]) : 0;
  let stop = args.length > 2 ? sliceIndexArg(args[2]) : n;
  if (start < 0) {
    start += n;
    if (start < 0) start = 0;
  }
  if (stop < 0) {
    stop += n;
  }
  for (let i = start; i < stop && i < items.length; i++) {
    if (richCompareBool(items[i], args[0], Py_EQ)) return i;
  }
  notFound();
}

function mTupleIndex(self: PyObject, args: PyObject[], kwnames: string[] | null): PyObject {
  const i = seqIndex((self as PyTuple).items, args, kwnames, 'tuple', () =>
    raise(Exc.ValueError, 'tuple.index(x): x not in tuple'));
  return newInt(i);
}

// ---------------------------------------------------------------- range

function mRangeCount(self: PyObject, args: PyObject[], kwnames: string[] | null): PyObject {
  noKeywords('count', kwnames);
  checkArity('count', args, 1, 1);
  const x = args[0];
  if (x.type === LongType) return newInt(rangeContains(self, x) ? 1 : 0);
  let n = 0;
  const it = getIter(self);
  try {
    for (let y = iterNext(it); y !== null; y = iterNext(it)) {
      if (richCompareBool(y, x, Py_EQ)) n++;
      decref(y);
    }
  } finally {
    decref(it);
  }
  return newInt(n);
}

function mRangeIndex(self: PyObject, args: PyObject[], kwnames: string[] | null): PyObject {
  noKeywords('index', kwnames);
  checkArity('index', args, 1, 1);
  const r = self as PyRange;
  const x = args[0];
  if (x.type === LongType) {
    if (!rangeContains(r, x)) raise(Exc.ValueError, `${reprString(x)} is not in range`);
    const v = (x as PyLong).value;
    if (typeof v === 'number' && typeof r.start === 'number' && typeof r.step === 'number') {
      return newInt((v - r.start) / r.step);
    }
    return newInt(norm((big(v) - big(r.start)) / big(r.step)));
  }
  let i = 0;
  const it = getIter(self);
  try {
    for (let y = iterNext(it); y !== null; y = iterNext(it), i++) {
      const eq = richCompareBool(y, x, Py_EQ);
      decref(y);
      if (eq) return newInt(i);
    }
  } finally {
    decref(it);
  }
  raise(Exc.ValueError, `${reprString(x)} is not in range`);
}

/** The implementations, by `type.method`. */
export const seqMethods = {
  'list.insert': mListInsert, 'list.remove': mListRemove, 'list.index': mListIndex, 'list.count': mListCount,
  'list.reverse': mListReverse, 'list.clear': mListClear, 'list.copy': mListCopy,
  'tuple.count': mTupleCount, 'tuple.index': mTupleIndex,
  'range.count': mRangeCount, 'range.index': mRangeIndex,
};
