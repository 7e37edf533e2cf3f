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
import { call, getAttr, iterableToArray, isExceptionOf, clearRaise } from '../objects/abstract.js';
import { type PyFunction, FunctionType } from '../objects/funcobject.js';
import { type Frame, acquireFrame } from './frame.js';
import { raise } from './errors.js';
import { funcName, initializeLocals } from './call.js';
import { unpackIterable, functionCall, runFrame } from './ceval.js';
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

/**
 * CALL_FUNCTION_EX of a Python function (3.12's _PyEvalFramePushAndInit_Ex):
 * as callPythonFunction (eval/ceval.ts), but once the frame has references of
 * its own to the arguments, `release` drops what the call no longer needs (the
 * argument tuple, the keyword dict, the stack's reference to the function,
 * which CPython's frame takes), before the body runs, or once binding failed.
 */
function callPythonFunctionEx(func: PyFunction, args: PyObject[], kwnames: string[] | null, release: () => void): PyObject {
  const f = acquireFrame(func.codeObj, func, func.globals as PyDict, func.builtins as PyDict);
  incref(func);
  for (let i = 0; i < args.length; i++) incref(args[i]);
  try {
    initializeLocals(f, func, args, 0, args.length, kwnames);
  } catch (e) {
    decref(func);
    release();
    throw e;
  }
  release();
  f.entry = true;
  return runFrame(f);
}

/** CALL_FUNCTION_EX */
function callFunctionEx(f: Frame, oparg: number): void {
  const stack = f.stack;
  let sp = f.sp;
  const kwargs = (oparg & 1) !== 0 ? stack[--sp] : null;
  let callargs = stack[--sp]!;
  const func = stack[--sp]!;
  const nul = stack[--sp];
  stack[sp] = stack[sp + 1] = stack[sp + 2] = null;
  if (kwargs !== null) stack[sp + 3] = null;
  f.sp = sp;
  let res: PyObject;
  let released = false;
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
    const posArgs = (callargs as PyTuple).items;
    const names: string[] = [];
    const values: PyObject[] = [];
    if (kwargs !== null) {
      for (const k of dictKeys(kwargs as PyDict)) {
        if (!(k instanceof PyStr)) raise(Exc.TypeError, 'keywords must be strings');
        names.push(k.value);
        values.push(dictGetItem(kwargs as PyDict, k)!);
      }
    }
    const args = [...posArgs, ...values];
    const kwnames = names.length > 0 ? names : null;
    if (func.type === FunctionType && FunctionType.tp_call === functionCall) {
      // a Python function's frame is pushed here: the tuple and the dict go as soon as
      // it holds the arguments, not when the call returns
      res = callPythonFunctionEx(func as PyFunction, args, kwnames, () => {
        released = true;
        decref(callargs);
        if (kwargs !== null) decref(kwargs);
        decref(func);
      });
    } else {
      res = call(func, args, kwnames);
    }
  } finally {
    if (!released) {
      if (kwargs !== null) decref(kwargs);
      decref(callargs);
      decref(func);
    }
    xdecref(nul);
  }
  stack[sp++] = res;
  f.sp = sp;
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
  CALL_FUNCTION_EX: callFunctionEx, DICT_MERGE: dictMergeOp, DICT_UPDATE: dictUpdate, UNPACK_EX: unpackEx,
};
