/**
 * raise statements, `raise exc from cause` and a bare `raise` (an on-demand
 * part, see ondemand.ts: the words raise and assert load it, assert's failure
 * being a raise too). Moved here verbatim from eval/ceval.ts, which keeps the
 * stub. CPython counterpart: do_raise in Python/ceval.c.
 */
import { PyObject, decref, incref, xdecref } from '../objects/object.js';
import { PyTypeObject, isSubtype, TPFLAGS_BASE_EXC_SUBCLASS, type BuiltinMethod } from '../objects/typeobject.js';
import { Exc, PyBaseException, optional } from '../objects/exceptions.js';
import { newBool } from '../objects/boolobject.js';
import { PyStr } from '../objects/unicodeobject.js';
import { newList, listAppend, type PyList } from '../objects/listobject.js';
import { PyNone } from '../objects/singletons.js';
import { call } from '../objects/abstract.js';
import { tstate } from './pystate.js';
import { PyRaise, raise } from './errors.js';
import { Reraise } from './ceval.js';
import { osError } from '../objects/oserror.js';

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

// ---------------------------------------------------------------- the exception chain's attributes

/** BaseException's __traceback__, __context__, __cause__, __suppress_context__, with_traceback and add_note (exceptions.ts keeps their stubs). */
const chainAttrs: Record<string, (self: PyObject, v: PyObject | null) => PyObject | void> = {
  'BaseException.__traceback__.get': (self) => optional((self as PyBaseException).traceback),
  'BaseException.__traceback__.set': (self, v) => {
    const e = self as PyBaseException;
    const old = e.traceback;
    e.traceback = v === null || v === PyNone ? null : (incref(v), v);
    xdecref(old);
  },
  'BaseException.__context__.get': (self) => optional((self as PyBaseException).context),
  'BaseException.__context__.set': (self, v) => {
    const e = self as PyBaseException;
    const old = e.context;
    e.context = v === null || v === PyNone ? null : (incref(v), v);
    xdecref(old);
  },
  'BaseException.__cause__.get': (self) => optional((self as PyBaseException).cause),
  'BaseException.__cause__.set': (self, v) => {
    const e = self as PyBaseException;
    const old = e.cause;
    e.cause = v === null || v === PyNone ? null : (incref(v), v);
    e.suppressContext = true;
    xdecref(old);
  },
  'BaseException.__suppress_context__.get': (self) => newBool((self as PyBaseException).suppressContext),
  'BaseException.__suppress_context__.set': (self, v) => {
    (self as PyBaseException).suppressContext = v !== null && v !== PyNone && (v as PyObject & { value?: unknown }).value !== 0;
  },
};
const chainMethods: Record<string, BuiltinMethod> = {
  'BaseException.with_traceback': (self, args) => {
    const e = self as PyBaseException;
    const tb = args[0];
    const old = e.traceback;
    e.traceback = tb === PyNone ? null : (incref(tb), tb);
    xdecref(old);
    incref(self);
    return self;
  },
  'BaseException.add_note': (self, args) => {
    const note = args[0];
    if (!(note instanceof PyStr)) raise(Exc.TypeError, `note must be a str, not '${note.type.name}'`);
    const e = self as PyBaseException;
    if (e.notes === null) e.notes = newList([]);
    listAppend(e.notes as PyList, note);
    incref(PyNone);
    return PyNone;
  },
};

export const raising = { doRaise, ...chainAttrs, ...chainMethods, ...osError };
