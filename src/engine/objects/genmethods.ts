/**
 * generator.send and generator.throw: with the passes for code units with
 * exception handlers, an on-demand part (see ondemand.ts) that any text
 * making a generator (`yield`, a generator expression) loads. Moved here
 * verbatim from genobject.ts, which keeps the type and their stubs.
 * CPython counterpart: Objects/genobject.c (gen_send, gen_throw).
 */
import { type PyObject, decref, incref } from './object.js';
import { PyTypeObject, isSubtype } from './typeobject.js';
import { raise, PyRaise } from '../eval/errors.js';
import { Exc, newException, newExceptionWithArgs, PyBaseException } from './exceptions.js';
import { PyNone } from './singletons.js';
import { call } from './abstract.js';
import { newTuple } from './tupleobject.js';
import { type PyGen, genSendEx } from './genobject.js';

function genSendMethod(self: PyObject, args: PyObject[]): PyObject {
  const g = self as PyGen;
  const [r, done] = genSendEx(g, args[0] ?? PyNone, null);
  if (done) {
    const e = r === PyNone ? newException(Exc.StopIteration) : newExceptionWithArgs(Exc.StopIteration, newTuple([r]));
    if (r === PyNone) decref(r);
    throw new PyRaise(e);
  }
  return r;
}

/** gen.throw(exc) / gen.throw(type, value) */
function genThrowMethod(self: PyObject, args: PyObject[]): PyObject {
  const g = self as PyGen;
  let exc: PyBaseException;
  const a = args[0];
  if (a instanceof PyTypeObject && isSubtype(a, Exc.BaseException)) {
    const v = args[1];
    exc = (v && v !== PyNone ? call(a, [v]) : call(a, [])) as PyBaseException;
  } else if (a instanceof PyBaseException) {
    incref(a);
    exc = a;
  } else {
    raise(Exc.TypeError, 'exceptions must be classes or instances deriving from BaseException, not ' + a.type.name);
  }
  try {
    const [r, done] = genSendEx(g, null, exc);
    if (done) {
      const e = r === PyNone ? newException(Exc.StopIteration) : newExceptionWithArgs(Exc.StopIteration, newTuple([r]));
      if (r === PyNone) decref(r);
      throw new PyRaise(e);
    }
    return r;
  } finally {
    decref(exc);
  }
}

/** The implementations, by `generator.method`. */
export const genMethods = { 'generator.send': genSendMethod, 'generator.throw': genThrowMethod };
