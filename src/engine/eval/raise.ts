/**
 * raise statements, `raise exc from cause` and a bare `raise` (an on-demand
 * part, see ondemand.ts: the words raise and assert load it, assert's failure
 * being a raise too). Moved here verbatim from eval/ceval.ts, which keeps the
 * stub. CPython counterpart: do_raise in Python/ceval.c.
 */
import { PyObject, decref, incref, xdecref } from '../objects/object.js';
import { PyTypeObject, isSubtype, TPFLAGS_BASE_EXC_SUBCLASS } from '../objects/typeobject.js';
import { Exc, PyBaseException } from '../objects/exceptions.js';
import { PyNone } from '../objects/singletons.js';
import { call } from '../objects/abstract.js';
import { tstate } from './pystate.js';
import { PyRaise, raise } from './errors.js';
import { Reraise } from './ceval.js';

/** do_raise: `raise exc from cause` */
function doRaise(exc: PyObject | null, cause: PyObject | null): never {
  if (exc === null) {
    const cur = tstate.excInfo;
    if (cur === null || cur === PyNone) raise(Exc.RuntimeError, 'No active exception to reraise');
    incref(cur);
    throw new Reraise(cur as PyBaseException);
  }
  let value: PyBaseException;
  try {
    value = toException(exc);
  } finally {
    decref(exc);
  }
  if (cause !== null) {
    let c: PyObject | null;
    try {
      if (cause === PyNone) c = null;
      else if (cause instanceof PyTypeObject && isSubtype(cause, Exc.BaseException)) c = call(cause, []);
      else if (isSubtype(cause.type, Exc.BaseException)) {
        incref(cause);
        c = cause;
      } else {
        decref(value);
        raise(Exc.TypeError, 'exception causes must derive from BaseException');
      }
    } finally {
      decref(cause);
    }
    xdecref(value.cause);
    value.cause = c;
    value.suppressContext = true;
  }
  throw new PyRaise(value);
}

/** An exception class is instantiated; an instance is used as is (new reference). */
function toException(exc: PyObject): PyBaseException {
  if (exc instanceof PyTypeObject) {
    if (!isSubtype(exc, Exc.BaseException)) raise(Exc.TypeError, 'exceptions must derive from BaseException');
    const v = call(exc, []);
    if (!isSubtype(v.type, Exc.BaseException)) {
      decref(v);
      raise(Exc.TypeError, `calling ${exc.name} should have returned an instance of BaseException, not ${v.type.name}`);
    }
    return v as PyBaseException;
  }
  if ((exc.type.flags & TPFLAGS_BASE_EXC_SUBCLASS) !== 0) {
    incref(exc);
    return exc as PyBaseException;
  }
  raise(Exc.TypeError, 'exceptions must derive from BaseException');
}

export const raising = { doRaise };
