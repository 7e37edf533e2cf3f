/**
 * The instructions of star unpacking: CALL_FUNCTION_EX and DICT_MERGE (a call
 * with `*args` or `**kwargs`), DICT_UPDATE (`{**a}`) and UNPACK_EX
 * (`a, *b = x`). An on-demand part (see ondemand.ts) that a `*` beginning an
 * expression loads. Moved here verbatim from eval/ceval.ts, which keeps their
 * stubs (its `rareOps`).
 */
import { type PyObject, decref, incref, xdecref } from '../objects/object.js';
import { isSubtype } from '../objects/typeobject.js';
import { Exc } from '../objects/exceptions.js';
import { type PyDict, DictType, dictMerge, dictGetItem, dictKeys } from '../objects/dictobject.js';
import { PyStr } from '../objects/unicodeobject.js';
import { PyTuple, newTuple } from '../objects/tupleobject.js';
import {
  call, getAttr, iterableToArray, isExceptionOf, clearRaise, enterCUnits, leaveCUnits,
} from '../objects/abstract.js';
import { type PyFunction, FunctionType } from '../objects/funcobject.js';
import { type PyMethod, MethodType } from '../objects/classobject.js';
import { CO_GENERATOR, CO_COROUTINE, CO_ASYNC_GENERATOR } from '../bytecode/code.js';
import { type Frame, acquireFrame } from './frame.js';
import { raise } from './errors.js';
import { funcName, initializeLocals } from './call.js';
import { unpackIterable, functionCall, enterFrame, clearFrame } from './ceval.js';
// the module that holds this part's stubs, evaluated first (ondemand.ts checks every stub has its code)
import './ceval.js';

function getAttrOrNull(o: PyObject, name: string): PyObject | null {
  try {
    const v = getAttr(o, name);
    decref(v);
    return v;
  } catch (e) {
    if (isExceptionOf(e, Exc.AttributeError)) {
      clearRaise(e);
      return null;
    }
    throw e;
  }
}

/** _PyObject_FunctionStr: the callable's qualified name, after its module's unless that is builtins (`__main__.f`). */
function functionStr(f: PyObject): string {
  const m = (f as PyObject & { module?: PyObject | null }).module;
  return m instanceof PyStr && m.value !== 'builtins' ? `${m.value}.${funcName(f)}` : funcName(f);
}

/** C recursion units (objects/abstract.ts) CPython 3.12's evaluation loop takes on entry (PY_EVAL_C_STACK_UNITS) */
const EVAL_C_UNITS = 2;

/**
 * CALL_FUNCTION_EX. As in CPython 3.12, a plain Python function's frame is
 * pushed and returned for the loop to run inline, as CALL's is, without C
 * recursion (_PyEvalFramePushAndInit_Ex, then DISPATCH_INLINED); the argument
 * tuple and keyword dict go as soon as the frame holds the arguments.
 *
 * Anything else goes through PyObject_Call. For a bound method of a plain
 * (non-generator) function that is method_vectorcall and a new evaluation
 * loop in CPython, taking C stack: here the frame is pushed and returned
 * too, holding that loop's units of the C recursion limit, so such recursion
 * stops at CPython's depth (749 from the main module) where nested loops
 * would run out of host stack first. The caller's stack keeps what the C path
 * holds until the call returns (finishMethodCallEx drops it then).
 */
function callFunctionEx(f: Frame, oparg: number): Frame | void {
  const stack = f.stack;
  let sp = f.sp;
  const kwargs = (oparg & 1) !== 0 ? stack[--sp] : null;
  let callargs = stack[--sp]!;
  const func = stack[--sp]!;
  const nul = stack[--sp];
  stack[sp] = stack[sp + 1] = stack[sp + 2] = null;
  if (kwargs !== null) stack[sp + 3] = null;
  f.sp = sp;
  let args: PyObject[];
  let kwnames: string[] | null;
  try {
    if (!(callargs instanceof PyTuple)) {
      if (callargs.type.tp_iter === null && callargs.type.mp_subscript === null) {
        raise(Exc.TypeError, `${functionStr(func)}() argument after * must be an iterable, not ${callargs.type.name}`);
      }
      // Py_SETREF(callargs, PySequence_Tuple(callargs)): the tuple holds the
      // items for the call (an iterator's may have no other reference), and
      // the iterable goes now
      const t = newTuple(iterableToArray(callargs));
      const old = callargs;
      callargs = t;
      decref(old);
    }
    const names: string[] = [];
    const values: PyObject[] = [];
    if (kwargs !== null) {
      for (const k of dictKeys(kwargs as PyDict)) {
        if (!(k instanceof PyStr)) raise(Exc.TypeError, 'keywords must be strings');
        names.push(k.value);
        values.push(dictGetItem(kwargs as PyDict, k)!);
      }
    }
    args = [...(callargs as PyTuple).items, ...values];
    kwnames = names.length > 0 ? names : null;
  } catch (e) {
    // the stack's entries, unwound from the top
    xdecref(kwargs);
    decref(callargs);
    decref(func);
    xdecref(nul);
    throw e;
  }
  if (func.type === FunctionType && FunctionType.tp_call === functionCall) {
    // _PyEvalFramePushAndInit_Ex: the new frame takes the stack's reference to
    // the function and references of its own to the arguments
    const fn = func as PyFunction;
    const nf = acquireFrame(fn.codeObj, fn, fn.globals as PyDict, fn.builtins as PyDict);
    for (let i = 0; i < args.length; i++) incref(args[i]);
    try {
      initializeLocals(nf, fn, args, 0, args.length, kwnames);
    } catch (e) {
      clearFrame(nf); // (with the function's reference)
      decref(callargs);
      xdecref(kwargs);
      xdecref(nul);
      throw e;
    }
    decref(callargs);
    xdecref(kwargs);
    xdecref(nul);
    enterFrame(nf); // RecursionError: nf cleared
    return nf;
  }
  if (func.type === MethodType) {
    const fn = (func as PyMethod).func;
    if (fn.type === FunctionType && FunctionType.tp_call === functionCall &&
        ((fn as PyFunction).codeObj.code.co_flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) === 0) {
      return pushMethodFrame(f, sp, nul, func as PyMethod, callargs as PyTuple, kwargs, args, kwnames);
    }
  }
  // PyObject_Call: the result, or its exception, once the call is over
  let res: PyObject;
  try {
    res = call(func, args, kwnames);
  } finally {
    decref(func);
    decref(callargs);
    xdecref(kwargs);
    xdecref(nul);
  }
  stack[sp++] = res;
  f.sp = sp;
}

/**
 * CALL_FUNCTION_EX of bound method `m` (see callFunctionEx): PyObject_Call,
 * method_vectorcall, _PyFunction_Vectorcall, with the new evaluation loop
 * pushed as a frame, which is returned entered. [NULL, m, the tuple, the
 * dict] go back on the caller's stack (`base`), as CPython holds them for the
 * call, with a copy of each argument when there are keywords (what
 * _PyStack_UnpackDict passes on); the frame takes references of its own to
 * `self` and the arguments. When it fails, or once the frame ends,
 * finishMethodCallEx drops all of this.
 */
function pushMethodFrame(
  f: Frame, base: number, nul: PyObject | null, m: PyMethod, callargs: PyTuple, kwargs: PyObject | null,
  args: PyObject[], kwnames: string[] | null,
): Frame {
  const stack = f.stack;
  let sp = base;
  stack[sp++] = nul;
  stack[sp++] = m;
  stack[sp++] = callargs;
  if (kwargs !== null) stack[sp++] = kwargs;
  f.sp = sp;
  // 0: no dict; 1: an empty one; 2: keywords, passed as copies
  const kind = kwargs === null ? 0 : kwnames === null ? 1 : 2;
  if (kind === 2) for (let i = 0; i < args.length; i++) incref(args[i]);
  const fn = m.func as PyFunction;
  const nf = acquireFrame(fn.codeObj, fn, fn.globals as PyDict, fn.builtins as PyDict);
  incref(fn);
  const self = m.self;
  incref(self);
  for (let i = 0; i < args.length; i++) incref(args[i]);
  try {
    initializeLocals(nf, fn, [self, ...args], 0, args.length + 1, kwnames);
  } catch (e) {
    clearFrame(nf);
    finishMethodCallEx(f, kind, null);
    throw e;
  }
  // the new evaluation loop's C recursion guard, then the frame's Python one
  try {
    enterCUnits(EVAL_C_UNITS);
  } catch (e) {
    clearFrame(nf);
    finishMethodCallEx(f, kind, null);
    throw e;
  }
  try {
    enterFrame(nf); // RecursionError: nf cleared
  } catch (e) {
    leaveCUnits(EVAL_C_UNITS);
    finishMethodCallEx(f, kind, null);
    throw e;
  }
  nf.initArgc = kind;
  nf.initKw = -1;
  nf.cUnits = EVAL_C_UNITS;
  return nf;
}

/**
 * Ends a bound method's inline CALL_FUNCTION_EX (pushMethodFrame; `kind` is
 * its frame's initArgc) once its frame is gone, from finishInitCall
 * (eval/ceval.ts): drops the argument copies (_PyStack_UnpackDict_Free),
 * then the method, the tuple and the dict, as CPython 3.12's
 * CALL_FUNCTION_EX does after PyObject_Call, and pushes `retval` (null: an
 * exception is propagating).
 */
function finishMethodCallEx(caller: Frame, kind: number, retval: PyObject | null): void {
  const st = caller.stack;
  const top = caller.sp;
  let sp = top;
  const kwargs = kind !== 0 ? st[--sp] : null;
  const callargs = st[--sp] as PyTuple;
  const func = st[--sp]!;
  const nul = st[--sp];
  for (let i = sp; i < top; i++) st[i] = null;
  caller.sp = sp;
  if (kind === 2) {
    const values = dictKeys(kwargs as PyDict).map((k) => dictGetItem(kwargs as PyDict, k)!);
    for (const a of callargs.items) decref(a);
    for (const v of values) decref(v);
  }
  decref(func);
  decref(callargs);
  xdecref(kwargs);
  xdecref(nul);
  if (retval !== null) st[caller.sp++] = retval;
}

/** DICT_MERGE */
function dictMergeOp(f: Frame, oparg: number): void {
  const stack = f.stack;
  let sp = f.sp;
  const update = stack[--sp]!;
  stack[sp] = null;
  f.sp = sp;
  try {
    const target = stack[sp - oparg] as PyDict;
    const fn = stack[sp - oparg - 2]!; // PEEK(3 + oparg) before update was popped: the callable
    if (!isSubtype(update.type, DictType) && getAttrOrNull(update, 'keys') === null) {
      raise(Exc.TypeError, `${functionStr(fn)}() argument after ** must be a mapping, not ${update.type.name}`);
    }
    const ks = isSubtype(update.type, DictType) ? dictKeys(update as PyDict) : [];
    for (const k of ks) {
      if (dictGetItem(target, k) !== null) {
        raise(Exc.TypeError, `${functionStr(fn)}() got multiple values for keyword argument '${(k as PyStr).value}'`);
      }
    }
    dictMerge(target, update, 2);
  } finally {
    decref(update);
  }
  f.sp = sp;
}

/** DICT_UPDATE */
function dictUpdate(f: Frame, oparg: number): void {
  const stack = f.stack;
  let sp = f.sp;
  const update = stack[--sp]!;
  stack[sp] = null;
  f.sp = sp;
  try {
    if (!isSubtype(update.type, DictType) && getAttrOrNull(update, 'keys') === null) {
      raise(Exc.TypeError, `'${update.type.name}' object is not a mapping`);
    }
    dictMerge(stack[sp - oparg] as PyDict, update, 1);
  } finally {
    decref(update);
  }
  f.sp = sp;
}

/** UNPACK_EX */
function unpackEx(f: Frame, oparg: number): void {
  const stack = f.stack;
  let sp = f.sp;
  const before = oparg & 0xff, after = oparg >> 8;
  const seq = stack[--sp]!;
  stack[sp] = null;
  f.sp = sp;
  let items: PyObject[];
  try {
    items = unpackIterable(seq, before, after);
  } finally {
    decref(seq);
  }
  for (let i = items.length - 1; i >= 0; i--) stack[sp++] = items[i];
  f.sp = sp;
}

export const unpacking = {
  CALL_FUNCTION_EX: callFunctionEx, finishMethodCallEx, DICT_MERGE: dictMergeOp, DICT_UPDATE: dictUpdate, UNPACK_EX: unpackEx,
};
