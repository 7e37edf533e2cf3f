/**
 * The instructions of `yield from` and `await`: GET_YIELD_FROM_ITER, SEND
 * and CLEANUP_THROW. With the passes for exception handlers and the rest of
 * generators' code, an on-demand part (see ondemand.ts). Moved here
 * verbatim from eval/ceval.ts, which keeps their stubs (its `rareOps`).
 */
import { type PyObject, decref, incref, xdecref } from '../objects/object.js';
import { isSubtype } from '../objects/typeobject.js';
import { Exc, type PyBaseException } from '../objects/exceptions.js';
import { PyNone } from '../objects/singletons.js';
import type { PyTuple } from '../objects/tupleobject.js';
import { call, getIter, isExceptionOf } from '../objects/abstract.js';
import { getMethod, methodLookup } from '../objects/typeready.js';
import { PyGen, genSendEx } from '../objects/genobject.js';
import type { Frame } from './frame.js';
import { Reraise } from './ceval.js';
// the module that holds this part's stubs, evaluated first (ondemand.ts checks every stub has its code)
import './ceval.js';

function stopIterationValue(exc: PyBaseException): PyObject {
  const args = (exc.args as PyTuple).items;
  const v = args.length > 0 ? args[0] : PyNone;
  incref(v);
  return v;
}

function callSend(receiver: PyObject, v: PyObject): PyObject {
  const m = getMethod(receiver, 'send');
  const unbound = methodLookup.unbound;
  try {
    return unbound ? call(m, [receiver, v]) : call(m, [v]);
  } finally {
    decref(m);
  }
}

/** SEND */
function send(f: Frame, oparg: number): void {
  const stack = f.stack;
  let sp = f.sp;
  const v = stack[--sp]!;
  stack[sp] = null;
  const receiver = stack[sp - 1]!;
  f.sp = sp;
  let retval: PyObject;
  let done = false;
  try {
    if (receiver instanceof PyGen) {
      [retval, done] = genSendEx(receiver, v, null);
    } else if (v === PyNone && receiver.type.tp_iternext !== null) {
      const r = receiver.type.tp_iternext(receiver);
      if (r === null) {
        incref(PyNone);
        retval = PyNone;
        done = true;
      } else retval = r;
    } else {
      retval = callSend(receiver, v);
    }
  } catch (e) {
    if (isExceptionOf(e, Exc.StopIteration)) {
      retval = stopIterationValue(e.exc);
      decref(e.exc);
      done = true;
    } else {
      decref(v);
      throw e;
    }
  }
  decref(v);
  stack[sp++] = retval;
  if (done) f.pc = oparg; // the jump past the loop
  f.sp = sp;
}

/** CLEANUP_THROW */
function cleanupThrow(f: Frame, oparg: number): void {
  const stack = f.stack;
  let sp = f.sp;
  const exc = stack[sp - 1] as PyBaseException;
  if (isSubtype(exc.type, Exc.StopIteration)) {
    f.sp = sp;
  const value = stopIterationValue(exc);
    for (let i = 1; i <= 3; i++) {
      const v = stack[sp - i];
      stack[sp - i] = null;
      xdecref(v);
    }
    sp -= 3;
    incref(PyNone);
    stack[sp++] = PyNone;
    stack[sp++] = value;
  } else {
    stack[--sp] = null;
    f.sp = sp;
    throw new Reraise(exc);
  }
  f.sp = sp;
}

/** GET_YIELD_FROM_ITER */
function getYieldFromIter(f: Frame, oparg: number): void {
  const stack = f.stack;
  let sp = f.sp;
  const v = stack[sp - 1]!;
  if (!(v instanceof PyGen)) {
    f.sp = sp;
  const it = getIter(v);
    stack[sp - 1] = it;
    decref(v);
  }
  f.sp = sp;
}

export const yieldFrom = { SEND: send, CLEANUP_THROW: cleanupThrow, GET_YIELD_FROM_ITER: getYieldFromIter };
