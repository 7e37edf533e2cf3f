/**
 * The instructions of class bodies and of super(): LOAD_BUILD_CLASS,
 * LOAD_LOCALS, LOAD_FROM_DICT_OR_DEREF, LOAD_FROM_DICT_OR_GLOBALS and
 * LOAD_SUPER_ATTR. With the code that makes classes, an on-demand part (see
 * ondemand.ts) that the words `class` and `super` load. Moved here verbatim
 * from eval/ceval.ts, which keeps their stubs (its `rareOps`).
 */
import { incref, decref } from '../objects/object.js';
import { Exc } from '../objects/exceptions.js';
import { type PyDict, dictGetItemStr } from '../objects/dictobject.js';
import type { PyCell } from '../objects/cellobject.js';
import { superLookup } from '../objects/superobject.js';
import type { Frame } from './frame.js';
import { raise } from './errors.js';
import { unboundDeref, loadGlobal } from './ceval.js';
// the module that holds this part's stubs, evaluated first (ondemand.ts checks every stub has its code)
import './ceval.js';

/** LOAD_SUPER_ATTR */
function loadSuperAttr(f: Frame, oparg: number): void {
  const stack = f.stack;
  let sp = f.sp;
  const self = stack[--sp]!;
  const cls = stack[--sp]!;
  const gsuper = stack[--sp]!;
  stack[sp] = stack[sp + 1] = stack[sp + 2] = null;
  f.sp = sp;
  try {
  const name = f.code.co_names[oparg >> 2];
  const [res, unbound] = superLookup(gsuper, cls, self, name, (oparg & 1) !== 0, (oparg & 2) !== 0);
    if (oparg & 1) {
      if (unbound) {
        stack[sp++] = res;
        incref(self);
        stack[sp++] = self;
      } else {
        stack[sp++] = null;
        stack[sp++] = res;
      }
    } else {
      stack[sp++] = res;
    }
  } finally {
    decref(self);
    decref(cls);
    decref(gsuper);
  }
  f.sp = sp;
}

/** LOAD_LOCALS */
function loadLocals(f: Frame, oparg: number): void {
  const stack = f.stack;
  let sp = f.sp;
  const l = f.locals;
  if (l === null) {
    f.sp = sp;
    raise(Exc.SystemError, 'no locals found');
  }
  incref(l);
  stack[sp++] = l;
  f.sp = sp;
}

/** LOAD_FROM_DICT_OR_DEREF */
function loadFromDictOrDeref(f: Frame, oparg: number): void {
  const stack = f.stack;
  let sp = f.sp;
  const mapping = stack[--sp]!;
  const name = f.code.co_localsplusnames[oparg];
  f.sp = sp;
  let v = dictGetItemStr(mapping as PyDict, name);
  if (v !== null) incref(v);
  else {
    v = (f.localsplus[oparg] as PyCell).ref;
    if (v === null) unboundDeref(f, oparg);
    incref(v);
  }
  decref(mapping);
  stack[sp++] = v;
  f.sp = sp;
}

/** LOAD_FROM_DICT_OR_GLOBALS */
function loadFromDictOrGlobals(f: Frame, oparg: number): void {
  const stack = f.stack;
  let sp = f.sp;
  const mapping = stack[--sp]!;
  const name = f.code.co_names[oparg];
  f.sp = sp;
  let v = dictGetItemStr(mapping as PyDict, name);
  if (v !== null) incref(v);
  else v = loadGlobal(f, name);
  decref(mapping);
  stack[sp++] = v;
  f.sp = sp;
}

/** LOAD_BUILD_CLASS */
function loadBuildClass(f: Frame, oparg: number): void {
  const stack = f.stack;
  let sp = f.sp;
  const bc = dictGetItemStr(f.builtins, '__build_class__');
  if (bc === null) raise(Exc.NameError, '__build_class__ not found');
  incref(bc);
  stack[sp++] = bc;
  f.sp = sp;
}

export const classBody = {
  LOAD_SUPER_ATTR: loadSuperAttr, LOAD_LOCALS: loadLocals, LOAD_FROM_DICT_OR_DEREF: loadFromDictOrDeref,
  LOAD_FROM_DICT_OR_GLOBALS: loadFromDictOrGlobals, LOAD_BUILD_CLASS: loadBuildClass,
};
