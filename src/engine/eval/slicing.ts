/**
 * STORE_SLICE (`x[a:b] = v`) and BUILD_SLICE (`x[::2]`, `x[a:b, c]`, `del
 * x[a:b]`); `x[a:b]` read is BINARY_SLICE, in the loop. An on-demand part
 * (see ondemand.ts). Moved here verbatim from eval/ceval.ts, which keeps
 * their stubs (its `rareOps`).
 */
import { decref, incref } from '../objects/object.js';
import { PyNone } from '../objects/singletons.js';
import { newSlice } from '../objects/sliceobject.js';
import { setItem } from '../objects/abstract.js';
import type { Frame } from './frame.js';
// the module that holds this part's stubs, evaluated first (ondemand.ts checks every stub has its code)
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

export const slicing = { STORE_SLICE: storeSlice, BUILD_SLICE: buildSlice };
