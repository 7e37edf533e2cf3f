/**
 * STORE_SLICE (`x[a:b] = v`) and BUILD_SLICE (`x[::2]`, `x[a:b, c]`, `del
 * x[a:b]`); `x[a:b]` read is BINARY_SLICE, in the loop. An on-demand part
 * (see ondemand.ts). Moved here verbatim from eval/ceval.ts, which keeps
 * their stubs (its `rareOps`). And slice objects' repr, hash, comparison,
 * constructor and indices() (moved from objects/sliceobject.ts, which keeps
 * their stubs).
 */
import { PyObject, decref, incref, newref } from '../objects/object.js';
import { PyNone, NotImplemented } from '../objects/singletons.js';
import { PySlice, newSlice, sliceIndices } from '../objects/sliceobject.js';
import { setItem, reprString, richCompare } from '../objects/abstract.js';
import { Py_EQ, Py_NE, type PyTypeObject } from '../objects/typeobject.js';
import { raise } from './errors.js';
import { Exc } from '../objects/exceptions.js';
import { newInt, asIndex } from '../objects/longobject.js';
import { PyTrue, PyFalse } from '../objects/boolobject.js';
import { newStr } from '../objects/unicodeobject.js';
import { newTuple, tupleHashItems } from '../objects/tupleobject.js';
import { checkArity, noKeywords } from '../objects/args.js';
import type { Hash } from '../objects/hash.js';
import type { Frame } from './frame.js';
// the modules that hold this part's stubs, evaluated first (ondemand.ts checks every stub has its code)
import './ceval.js';

/** STORE_SLICE */
function storeSlice(f: Frame, oparg: number): void {
  const stack = f.stack;
  let sp = f.sp;
  const stop = stack[--sp]!;
  const start = stack[--sp]!;
  const container = stack[--sp]!;
  const v = stack[--sp]!;
  stack[sp] = stack[sp + 1] = stack[sp + 2] = stack[sp + 3] = null;
  f.sp = sp;
  const slice = newSlice(start, stop, (incref(PyNone), PyNone));
  try {
    setItem(container, slice, v);
  } finally {
    decref(slice);
    decref(v);
    decref(container);
  }
}

/** BUILD_SLICE */
function buildSlice(f: Frame, oparg: number): void {
  const stack = f.stack;
  let sp = f.sp;
  const step = oparg === 3 ? stack[--sp]! : (incref(PyNone), PyNone);
  const stop = stack[--sp]!;
  const start = stack[--sp]!;
  stack[sp] = stack[sp + 1] = null;
  if (oparg === 3) stack[sp + 2] = null;
  f.sp = sp;
  stack[sp++] = newSlice(start, stop, step);
  f.sp = sp;
}

// ---------------------------------------------------------------- slice objects

function sliceRepr(o: PyObject): PyObject {
  const s = o as PySlice;
  return newStr(`slice(${reprString(s.start)}, ${reprString(s.stop)}, ${reprString(s.step)})`);
}

/** slice_hash (3.12): xxHash over (start, stop, step) without the length mix-in. */
function sliceHash(o: PyObject): Hash {
  const s = o as PySlice;
  return tupleHashItems([s.start, s.stop, s.step], false);
}

function sliceRichCompare(v: PyObject, w: PyObject, op: number): PyObject {
  if (!(v instanceof PySlice) || !(w instanceof PySlice)) return NotImplemented;
  if (v === w && (op === Py_EQ || op === Py_NE)) return newref(op === Py_EQ ? PyTrue : PyFalse);
  const t1 = newTuple([newref(v.start), newref(v.stop), newref(v.step)]);
  const t2 = newTuple([newref(w.start), newref(w.stop), newref(w.step)]);
  try {
    return richCompare(t1, t2, op);
  } finally {
    decref(t1);
    decref(t2);
  }
}

function sliceNew(_type: PyTypeObject, args: PyObject[], kwnames: string[] | null): PyObject {
  noKeywords('slice', kwnames);
  if (args.length === 0) raise(Exc.TypeError, 'slice expected at least 1 argument, got 0');
  checkArity('slice', args, 1, 3);
  if (args.length === 1) return newSlice(newref(PyNone), newref(args[0]), newref(PyNone));
  return newSlice(newref(args[0]), newref(args[1]), newref(args.length > 2 ? args[2] : PyNone));
}

/** slice.indices(length): the same clamping, on any int sizes. */
function sliceIndicesMethod(self: PyObject, args: PyObject[], kwnames: string[] | null): PyObject {
  noKeywords('indices', kwnames);
  checkArity('indices', args, 1, 1);
  const len = asIndex(args[0]);
  if (len < 0) raise(Exc.ValueError, 'length should not be negative');
  const [start, stop, step] = sliceIndices(self as PySlice, len);
  return newTuple([newInt(start), newInt(stop), newInt(step)]);
}

export const slicing = {
  STORE_SLICE: storeSlice, BUILD_SLICE: buildSlice,
  'slice.tp_repr': sliceRepr, 'slice.tp_hash': sliceHash, 'slice.tp_richcompare': sliceRichCompare,
  'slice.tp_new': sliceNew, 'slice.indices': sliceIndicesMethod,
};
