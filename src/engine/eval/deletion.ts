/**
 * The instructions of del statements: DELETE_FAST, DELETE_DEREF, DELETE_NAME,
 * DELETE_GLOBAL, DELETE_ATTR and DELETE_SUBSCR (which an except clause's
 * `as` name runs too). An on-demand part (see ondemand.ts). Moved here
 * verbatim from eval/ceval.ts, which keeps their stubs (its `rareOps`).
 */
import { decref } from '../objects/object.js';
import { Exc, raiseNameError } from '../objects/exceptions.js';
import { dictDelItemStr } from '../objects/dictobject.js';
import type { PyCell } from '../objects/cellobject.js';
import { setAttr, delItem } from '../objects/abstract.js';
import type { Frame } from './frame.js';
import { raise } from './errors.js';
import { unboundDeref } from './ceval.js';
// the module that holds this part's stubs, evaluated first (ondemand.ts checks every stub has its code)
import './ceval.js';

/** DELETE_FAST */
function deleteFast(f: Frame, oparg: number): void {
  const old = f.localsplus[oparg];
  if (old === null) {
    raise(
      Exc.UnboundLocalError,
      `cannot access local variable '${f.code.co_localsplusnames[oparg]}' where it is not associated with a value`,
    );
  }
  f.localsplus[oparg] = null;
  decref(old);
}

/** DELETE_DEREF */
function deleteDeref(f: Frame, oparg: number): void {
  const cell = f.localsplus[oparg] as PyCell;
  const old = cell.ref;
  if (old === null) {
    unboundDeref(f, oparg);
  }
  cell.ref = null;
  decref(old!);
}

/** DELETE_NAME */
function deleteName(f: Frame, oparg: number): void {
  const l = f.locals!;
  if (!dictDelItemStr(l, f.code.co_names[oparg])) {
    raiseNameError(f.code.co_names[oparg]);
  }
}

/** DELETE_GLOBAL */
function deleteGlobal(f: Frame, oparg: number): void {
  if (!dictDelItemStr(f.globals, f.code.co_names[oparg])) {
    raiseNameError(f.code.co_names[oparg]);
  }
}

/** DELETE_ATTR */
function deleteAttr(f: Frame, oparg: number): void {
  const stack = f.stack;
  let sp = f.sp;
  const owner = stack[--sp]!;
  stack[sp] = null;
  f.sp = sp;
  try {
    setAttr(owner, f.code.co_names[oparg], null);
  } finally {
    decref(owner);
  }
}

/** DELETE_SUBSCR */
function deleteSubscr(f: Frame, oparg: number): void {
  const stack = f.stack;
  let sp = f.sp;
  const sub = stack[--sp]!;
  const container = stack[--sp]!;
  stack[sp] = stack[sp + 1] = null;
  f.sp = sp;
  try {
    delItem(container, sub);
  } finally {
    decref(container);
    decref(sub);
  }
}

export const deletion = {
  DELETE_FAST: deleteFast, DELETE_DEREF: deleteDeref, DELETE_NAME: deleteName, DELETE_GLOBAL: deleteGlobal,
  DELETE_ATTR: deleteAttr, DELETE_SUBSCR: deleteSubscr,
};
