/**
 * The abstract object protocol: what `repr(x)`, `x == y`, `x + y`, `x[k]`,
 * `iter(x)`, `f(*a)` mean for any object, dispatched through type slots.
 * CPython counterpart: Objects/abstract.c and Objects/object.c.
 *
 * Conventions (as in CPython): arguments are borrowed, returned PyObjects are
 * new references, errors are thrown PyRaise.
 */

import { PyObject, decref, incref } from './object.js';
import {
  type PyTypeObject, TypeType, isSubtype, NB_DUNDERS, TPFLAGS_TYPE_SUBCLASS, Py_EQ, Py_NE, Py_LT, Py_LE, Py_GT, Py_GE,
} from './typeobject.js';
import { typeGetItem } from '../ondemand.js';
import type { Hash } from './hash.js';
import { raise } from '../eval/errors.js';
import { Exc } from './exceptions.js';
import { PyNone, NotImplemented } from './singletons.js';
import { newBool, PyTrue, PyFalse } from './boolobject.js';
import { PyStr, newStr, StrType } from './unicodeobject.js';

// ---------------------------------------------------------------- repr / str

/** Objects being repr'd right now, to print `[...]` for self-containing containers (Py_ReprEnter). */
const reprStack: PyObject[] = [];

/** Py_ReprEnter: returns true if `o` is already being repr'd (caller prints `...`). */
export function reprEnter(o: PyObject): boolean {
  for (let i = 0; i < reprStack.length; i++) if (reprStack[i] === o) return true;
  reprStack.push(o);
  return false;
}
/** Py_ReprLeave */
export function reprLeave(o: PyObject): void {
  const i = reprStack.lastIndexOf(o);
  if (i >= 0) reprStack.splice(i, 1);
}
export function resetReprStack(): void {
  reprStack.length = 0;
}

/** PyObject_Repr */
// ---------------------------------------------------------------- C-level recursion

/**
 * Py_EnterRecursiveCall: repr, str and comparisons of deeply nested objects
 * recurse in the interpreter's own (C) code. The depth is bounded so the
 * host's stack never overflows, and the RecursionError names what was being
 * done, as CPython's does (" while getting the repr of an object").
 */
const C_RECURSION_LIMIT = 700;
let cDepth = 0;
/** the innermost C-level activity's suffix, for RecursionErrors raised inside it */
export let cRecursionContext = '';

function enterRecursiveCall(where: string): string {
  if (cDepth >= C_RECURSION_LIMIT || cUnits + cDepth + BUILTIN_CALL_UNITS >= C_RECURSION_LIMIT_312) {
    raise(Exc.RecursionError, `maximum recursion depth exceeded${where}`);
  }
  cDepth++;
  const saved = cRecursionContext;
  cRecursionContext = where;
  return saved;
}
function leaveRecursiveCall(saved: string): void {
  cDepth--;
  cRecursionContext = saved;
}

/**
 * CPython 3.12's own C_RECURSION_LIMIT (Include/cpython/pystate.h), which
 * sys.setrecursionlimit does not change. Calls the evaluation loop runs
 * inline but CPython runs through C (a class call running a Python
 * `__init__`: ceval.ts) hold units of it; the guards above count against it too.
 */
const C_RECURSION_LIMIT_312 = 1500;
/**
 * units held by running `__main__`: its evaluation loop's two (each loop
 * CPython 3.12 enters takes two). Measured with CPython 3.12.1: recursion
 * through a bound method called with `*args` (a new loop, two units a level)
 * stops at depth 749, class→__init__ recursion (three a level) at 499, and
 * the two alternating at __init__ 300 / method 299 (frames/call_ex_recursion_depth.py).
 */
const MAIN_C_UNITS = 2;
/**
 * The guards above are mostly entered inside a builtin call (repr(), max()
 * …), which in CPython 3.12 holds a unit of its own (a METH_O, METH_NOARGS or
 * METH_VARARGS builtin enters the guard; measured: `max(depth, d)` in
 * class→__init__ recursion fails " in comparison" at depth 499). The
 * simulator does not count builtin calls, so the guards count it.
 */
const BUILTIN_CALL_UNITS = 1;
let cUnits = MAIN_C_UNITS;
/** Takes `n` units of the C recursion limit, or raises RecursionError as CPython's guard would. */
export function enterCUnits(n: number): void {
  if (cUnits + cDepth + n > C_RECURSION_LIMIT_312) raise(Exc.RecursionError, 'maximum recursion depth exceeded');
  cUnits += n;
}
export function leaveCUnits(n: number): void {
  cUnits -= n;
}

export function resetCRecursion(): void {
  cUnits = MAIN_C_UNITS;
  cDepth = 0;
  cRecursionContext = '';
}

/**
 * Calls a repr/str slot under the C-recursion guard and checks that it
 * returned a str (CPython: "__repr__ returned non-string (type int)").
 */
function callStringSlot(f: (o: PyObject) => PyObject, o: PyObject, what: 'repr' | 'str'): PyStr {
  const saved = enterRecursiveCall(` while getting the ${what} of an object`);
  let r: PyObject;
  try {
    r = f(o);
  } finally {
    leaveRecursiveCall(saved);
  }
  if (!(r instanceof PyStr)) {
    const tn = r.type.name;
    decref(r);
    raise(Exc.TypeError, `__${what}__ returned non-string (type ${tn})`);
  }
  return r;
}

export function repr(o: PyObject): PyStr {
  const f = o.type.tp_repr;
  if (f === null) return newStr(`<${o.type.name} object at 0x${o.addr.toString(16).padStart(12, '0')}>`);
  return callStringSlot(f, o, 'repr');
}

/** repr() as a JS string */
export function reprString(o: PyObject): string {
  const r = repr(o);
  const s = r.value;
  decref(r);
  return s;
}

/** PyObject_Str */
export function str(o: PyObject): PyStr {
  if (o.type === StrType) {
    incref(o);
    return o as PyStr;
  }
  const f = o.type.tp_str ?? o.type.tp_repr;
  if (f === null) return repr(o);
  return callStringSlot(f, o, 'str');
}

/** str() as a JS string */
export function strString(o: PyObject): string {
  const r = str(o);
  const s = r.value;
  decref(r);
  return s;
}

// ---------------------------------------------------------------- hash / compare / truth

/** PyObject_Hash */
export function hash(o: PyObject): Hash {
  const f = o.type.tp_hash;
  if (f === null) raise(Exc.TypeError, `unhashable type: '${o.type.name}'`);
  return f(o);
}

const SWAPPED_OP = [Py_GT, Py_GE, Py_EQ, Py_NE, Py_LT, Py_LE];
const OP_SYMBOL = ['<', '<=', '==', '!=', '>', '>='];

/** PyObject_RichCompare (do_richcompare): tries the reflected operation, then identity for ==/!=. */
export function richCompare(v: PyObject, w: PyObject, op: number): PyObject {
  const saved = enterRecursiveCall(' in comparison');
  try {
    return doRichCompare(v, w, op);
  } finally {
    leaveRecursiveCall(saved);
  }
}

function doRichCompare(v: PyObject, w: PyObject, op: number): PyObject {
  const vt = v.type, wt = w.type;
  let checkedReverse = false;
  if (vt !== wt && isSubtype(wt, vt) && wt.tp_richcompare !== null) {
    checkedReverse = true;
    const r = wt.tp_richcompare(w, v, SWAPPED_OP[op]);
    if (r !== NotImplemented) return r;
  }
  if (vt.tp_richcompare !== null) {
    const r = vt.tp_richcompare(v, w, op);
    if (r !== NotImplemented) return r;
  }
  if (!checkedReverse && wt.tp_richcompare !== null) {
    const r = wt.tp_richcompare(w, v, SWAPPED_OP[op]);
    if (r !== NotImplemented) return r;
  }
  if (op === Py_EQ) return newBool(v === w);
  if (op === Py_NE) return newBool(v !== w);
  raise(
    Exc.TypeError,
    `'${OP_SYMBOL[op]}' not supported between instances of '${vt.name}' and '${wt.name}'`,
  );
}

/** PyObject_RichCompareBool: identity implies equality, as in CPython (so nan in [nan] is True). */
export function richCompareBool(v: PyObject, w: PyObject, op: number): boolean {
  if (v === w) {
    if (op === Py_EQ) return true;
    if (op === Py_NE) return false;
  }
  const r = richCompare(v, w, op);
  if (r === PyTrue) return true;
  if (r === PyFalse) return false;
  const b = isTrue(r);
  decref(r);
  return b;
}

/** PyObject_IsTrue */
export function isTrue(o: PyObject): boolean {
  if (o === PyTrue) return true;
  if (o === PyFalse || o === PyNone) return false;
  const t = o.type;
  if (t.nb_bool !== null) return t.nb_bool(o);
  if (t.mp_length !== null) return t.mp_length(o) !== 0;
  return true;
}

// ---------------------------------------------------------------- iteration

/** PyObject_GetIter */
export function getIter(o: PyObject): PyObject {
  const f = o.type.tp_iter;
  if (f === null) {
    if (o.type.mp_subscript !== null && seqIterFactory !== null) return seqIterFactory(o);
    raise(Exc.TypeError, `'${o.type.name}' object is not iterable`);
  }
  const it = f(o);
  if (it.type.tp_iternext === null) {
    const tn = it.type.name;
    decref(it);
    raise(Exc.TypeError, `iter() returned non-iterator of type '${tn}'`);
  }
  return it;
}

/** Set by iterobject.ts: iter() over an object that only has __getitem__. */
let seqIterFactory: ((o: PyObject) => PyObject) | null = null;
export function setSeqIterFactory(f: (o: PyObject) => PyObject): void {
  seqIterFactory = f;
}

/** PyIter_Next: the next item (new reference) or null when exhausted. */
export function iterNext(it: PyObject): PyObject | null {
  const f = it.type.tp_iternext;
  if (f === null) raise(Exc.TypeError, `'${it.type.name}' object is not an iterator`);
  return f(it);
}

/** Collects an iterable into an array of new references (PySequence_List without the list). */
export function iterableToArray(o: PyObject): PyObject[] {
  const it = getIter(o);
  const out: PyObject[] = [];
  try {
    for (let x = iterNext(it); x !== null; x = iterNext(it)) out.push(x);
  } catch (e) {
    for (const x of out) decref(x);
    throw e;
  } finally {
    decref(it);
  }
  return out;
}

// ---------------------------------------------------------------- calls

/** PyObject_Vectorcall: `args` = positionals then keyword values named by kwnames. */
export function call(callable: PyObject, args: PyObject[], kwnames: string[] | null = null): PyObject {
  const f = callable.type.tp_call;
  if (f === null) raise(Exc.TypeError, `'${callable.type.name}' object is not callable`);
  return f(callable, args, kwnames);
}

export function isCallable(o: PyObject): boolean {
  return o.type.tp_call !== null;
}

/** Calls `o.name(*args)` (PyObject_CallMethod). */
export function callMethod(o: PyObject, name: string, args: PyObject[] = []): PyObject {
  const m = getAttr(o, name);
  try {
    return call(m, args);
  } finally {
    decref(m);
  }
}

// ---------------------------------------------------------------- attributes

/** PyObject_GetAttr */
export function getAttr(o: PyObject, name: string): PyObject {
  const f = o.type.tp_getattro;
  if (f === null) raise(Exc.AttributeError, `'${o.type.name}' object has no attribute '${name}'`);
  return f(o, name);
}

/** _PyObject_LookupAttr: the attribute, or null (no AttributeError) when missing. */
export function lookupAttr(o: PyObject, name: string): PyObject | null {
  try {
    return getAttr(o, name);
  } catch (e) {
    if (isExceptionOf(e, Exc.AttributeError)) {
      clearRaise(e);
      return null;
    }
    throw e;
  }
}

/** PyObject_SetAttr (value null = delete) */
export function setAttr(o: PyObject, name: string, value: PyObject | null): void {
  const f = o.type.tp_setattro;
  if (f === null) {
    const has = o.type.tp_getattro !== null;
    raise(
      Exc.AttributeError,
      has
        ? `'${o.type.name}' object has only read-only attributes (${value ? 'assign to' : 'del'} .${name})`
        : `'${o.type.name}' object has no attributes (${value ? 'assign to' : 'del'} .${name})`,
    );
  }
  f(o, name, value);
}

// ---------------------------------------------------------------- items

/** PyObject_GetItem */
export function getItem(o: PyObject, key: PyObject): PyObject {
  const f = o.type.mp_subscript;
  if (f !== null) return f(o, key);
  if ((o.type.flags & TPFLAGS_TYPE_SUBCLASS) !== 0) {
    // `type[int]`: type itself has no __class_getitem__ (PyObject_GetItem's own case)
    if (o === TypeType) return typeGetItem(o, key);
    const cg = lookupAttr(o, '__class_getitem__');
    if (cg !== null) {
      try {
        return call(cg, [key]);
      } finally {
        decref(cg);
      }
    }
    raise(Exc.TypeError, `type '${(o as PyTypeObject).name}' is not subscriptable`);
  }
  raise(Exc.TypeError, `'${o.type.name}' object is not subscriptable`);
}

/** PyObject_SetItem */
export function setItem(o: PyObject, key: PyObject, value: PyObject): void {
  const f = o.type.mp_ass_subscript;
  if (f === null) raise(Exc.TypeError, `'${o.type.name}' object does not support item assignment`);
  f(o, key, value);
}

/** PyObject_DelItem */
export function delItem(o: PyObject, key: PyObject): void {
  const f = o.type.mp_ass_subscript;
  if (f === null) raise(Exc.TypeError, `'${o.type.name}' object does not support item deletion`);
  f(o, key, null);
}

/** PyObject_Size */
export function length(o: PyObject): number {
  const f = o.type.mp_length;
  if (f === null) raise(Exc.TypeError, `object of type '${o.type.name}' has no len()`);
  return f(o);
}

/** PySequence_Contains: `item in o` */
export function contains(o: PyObject, item: PyObject): boolean {
  const f = o.type.sq_contains;
  if (f !== null) return f(o, item);
  // Fall back to iteration, as _PySequence_IterSearch does.
  const it = getIter(o);
  try {
    for (let x = iterNext(it); x !== null; x = iterNext(it)) {
      const eq = richCompareBool(x, item, Py_EQ);
      decref(x);
      if (eq) return true;
    }
    return false;
  } finally {
    decref(it);
  }
}

// ---------------------------------------------------------------- numbers

/**
 * binary_op1: try the left operand's slot, then the right's (the right one
 * first when its type is a subclass of the left's), returning NotImplemented
 * when neither applies.
 */
export function binaryOp1(v: PyObject, w: PyObject, nb: number): PyObject {
  const vt = v.type, wt = w.type;
  const slotv = vt.nb[nb];
  let slotw = wt !== vt ? wt.nb[nb] : null;
  if (slotw === slotv) slotw = null;
  if (slotv !== null) {
    if (slotw !== null && isSubtype(wt, vt)) {
      const r = slotw(v, w);
      if (r !== NotImplemented) return r;
      slotw = null;
    }
    const r = slotv(v, w);
    if (r !== NotImplemented) return r;
  }
  if (slotw !== null) return slotw(v, w);
  return NotImplemented;
}

const NB_SYMBOLS = ['+', '&', '//', '<<', '@', '*', '%', '|', '**', '>>', '-', '/', '^'];

/**
 * PyNumber_Add, PyNumber_InPlaceAdd …: `nb` is BINARY_OP's oparg (0..25).
 * In-place forms try the in-place slot of the left operand first.
 */
export function binaryOp(v: PyObject, w: PyObject, oparg: number): PyObject {
  let nb = oparg;
  if (nb >= 13) {
    const islot = v.type.nb[nb];
    if (islot !== null) {
      const r = islot(v, w);
      if (r !== NotImplemented) return r;
    }
    nb -= 13;
  }
  const r = binaryOp1(v, w, nb);
  if (r !== NotImplemented) return r;
  // Sequence concatenation and repetition live in nb_add/nb_multiply slots here.
  const sym = NB_SYMBOLS[nb];
  if (nb === 8) {
    raise(Exc.TypeError, `unsupported operand type(s) for ** or pow(): '${v.type.name}' and '${w.type.name}'`);
  }
  if (nb === 5 && (isSequenceLike(v) || isSequenceLike(w))) {
    const seq = isSequenceLike(v) ? w : v;
    raise(Exc.TypeError, `can't multiply sequence by non-int of type '${seq.type.name}'`);
  }
  if (nb === 0 && isSequenceLike(v) && v.type !== w.type && v.type.name !== 'int') {
    raise(Exc.TypeError, `can only concatenate ${v.type.name} (not "${w.type.name}") to ${v.type.name}`);
  }
  raise(Exc.TypeError, `unsupported operand type(s) for ${sym}${oparg >= 13 ? '=' : ''}: '${v.type.name}' and '${w.type.name}'`);
}

function isSequenceLike(o: PyObject): boolean {
  const n = o.type.name;
  return n === 'list' || n === 'tuple' || n === 'str' || n === 'bytes' || n === 'bytearray';
}

/** The dunder names of BINARY_OP's oparg, for error messages and slot wrappers. */
export function nbDunder(nb: number): readonly [string, string, string] {
  return NB_DUNDERS[nb >= 13 ? nb - 13 : nb];
}

export function negative(o: PyObject): PyObject {
  const f = o.type.nb_negative;
  if (f === null) raise(Exc.TypeError, `bad operand type for unary -: '${o.type.name}'`);
  return f(o);
}
export function positive(o: PyObject): PyObject {
  const f = o.type.nb_positive;
  if (f === null) raise(Exc.TypeError, `bad operand type for unary +: '${o.type.name}'`);
  return f(o);
}
export function invert(o: PyObject): PyObject {
  const f = o.type.nb_invert;
  if (f === null) raise(Exc.TypeError, `bad operand type for unary ~: '${o.type.name}'`);
  return f(o);
}
export function absolute(o: PyObject): PyObject {
  const f = o.type.nb_absolute;
  if (f === null) raise(Exc.TypeError, `bad operand type for abs(): '${o.type.name}'`);
  return f(o);
}

// ---------------------------------------------------------------- exception helpers

import type { PyRaise } from '../eval/errors.js';
import { isPyRaise } from '../eval/errors.js';

/** Is `e` a thrown Python exception that is an instance of `type`? */
export function isExceptionOf(e: unknown, type: PyTypeObject): e is PyRaise {
  return isPyRaise(e) && isSubtype(e.exc.type, type);
}

/** PyErr_Clear for an exception we caught and decided to swallow. */
export function clearRaise(e: PyRaise): void {
  decref(e.exc);
}
