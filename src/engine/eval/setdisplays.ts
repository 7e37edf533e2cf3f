/**
 * The instructions that build sets: BUILD_SET (`{a, b}`), SET_ADD (a set
 * comprehension) and SET_UPDATE (`{*a}`). With the set operations, an
 * on-demand part (see ondemand.ts) that a set display loads. Moved here
 * verbatim from eval/ceval.ts, which keeps their stubs (its `rareOps`).
 */
import { decref } from '../objects/object.js';
import { newSet, setAdd, type PySet } from '../objects/setobject.js';
import { iterableToArray } from '../objects/abstract.js';
import type { Frame } from './frame.js';
// the module that holds this part's stubs, evaluated first (ondemand.ts checks every stub has its code)
import './ceval.js';

/** BUILD_SET */
function buildSet(f: Frame, oparg: number): void {
  const stack = f.stack;
  let sp = f.sp;
  const s = newSet();
  let err: unknown = null;
  for (let i = sp - oparg; i < sp; i++) {
  const v = stack[i]!;
    stack[i] = null;
    if (err === null) {
      try {
        setAdd(s, v);
      } catch (e) {
        err = e;
      }
    }
    decref(v);
  }
  sp -= oparg;
  if (err !== null) {
    decref(s);
    throw err;
  }
  stack[sp++] = s;
  f.sp = sp;
}

/** SET_ADD */
function setAddOp(f: Frame, oparg: number): void {
  const stack = f.stack;
  let sp = f.sp;
  const v = stack[--sp]!;
  stack[sp] = null;
  f.sp = sp;
  try {
    setAdd(stack[sp - oparg] as PySet, v);
  } finally {
    decref(v);
  }
  f.sp = sp;
}

/** SET_UPDATE */
function setUpdate(f: Frame, oparg: number): void {
  const stack = f.stack;
  let sp = f.sp;
  const iterable = stack[--sp]!;
  stack[sp] = null;
  f.sp = sp;
  try {
  const items = iterableToArray(iterable);
    for (const x of items) {
      setAdd(stack[sp - oparg] as PySet, x);
      decref(x);
    }
  } finally {
    decref(iterable);
  }
  f.sp = sp;
}

export const setDisplays = { BUILD_SET: buildSet, SET_ADD: setAddOp, SET_UPDATE: setUpdate };
