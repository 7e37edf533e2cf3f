/**
 * What the interpreter runs for with statements and except clauses (with the
 * parser's and compiler's code for try and with statements, an on-demand
 * part, see ondemand.ts): BEFORE_WITH and WITH_EXCEPT_START, and
 * CHECK_EXC_MATCH's type check. Moved here verbatim from eval/ceval.ts,
 * which keeps their stubs (the instructions in its `rareOps`).
 */
import { PyObject, incref, decref } from '../objects/object.js';
import { PyTypeObject, isSubtype } from '../objects/typeobject.js';
import type { PyDict } from '../objects/dictobject.js';
import { dictGetItemStr } from '../objects/dictobject.js';
import { PyTuple } from '../objects/tupleobject.js';
import { Exc } from '../objects/exceptions.js';
import { raise } from './errors.js';
import { call } from '../objects/abstract.js';
import { PyNone } from '../objects/singletons.js';
import type { PyBaseException } from '../objects/exceptions.js';
import type { Frame } from './frame.js';
// the module that holds this part's stubs, evaluated first (ondemand.ts checks every stub has its code)
import './ceval.js';

/** _PyObject_LookupSpecial: a dunder looked up on the type, bound to the object. */
function lookupSpecial(o: PyObject, name: string): PyObject | null {
  const mro = o.type.mro;
  for (const t of mro) {
    const d = t.tpDict as PyDict | null;
    const v = d ? dictGetItemStr(d, name) : null;
    if (v !== null) {
      const g = v.type.tp_descr_get;
      if (g !== null) return g(v, o, o.type);
      incref(v);
      return v;
    }
  }
  return null;
}

/** CHECK_EXC_MATCH: an except clause names exception classes (or a tuple of them). */
function checkExceptType(right: PyObject): void {
  const ok = (t: PyObject): boolean => t instanceof PyTypeObject && isSubtype(t, Exc.BaseException);
  if (right instanceof PyTuple) {
    for (const t of right.items) {
      if (!ok(t)) raise(Exc.TypeError, 'catching classes that do not inherit from BaseException is not allowed');
    }
  } else if (!ok(right)) {
    raise(Exc.TypeError, 'catching classes that do not inherit from BaseException is not allowed');
  }
}

/** BEFORE_WITH */
function beforeWith(f: Frame, oparg: number): void {
  const stack = f.stack;
  let sp = f.sp;
  const mgr = stack[sp - 1]!;
  f.sp = sp;
  const enterFn = lookupSpecial(mgr, '__enter__');
  if (enterFn === null) {
    raise(Exc.TypeError, `'${mgr.type.name}' object does not support the context manager protocol`);
  }
  const exitFn = lookupSpecial(mgr, '__exit__');
  if (exitFn === null) {
    decref(enterFn);
    raise(Exc.TypeError, `'${mgr.type.name}' object does not support the context manager protocol (missed __exit__ method)`);
  }
  stack[sp - 1] = exitFn;
  decref(mgr);
  let res: PyObject;
  try {
    res = call(enterFn, []);
  } finally {
    decref(enterFn);
  }
  stack[sp++] = res;
  f.sp = sp;
}

/** WITH_EXCEPT_START */
function withExceptStart(f: Frame, oparg: number): void {
  const stack = f.stack;
  let sp = f.sp;
  const val = stack[sp - 1] as PyBaseException;
  const exitFn = stack[sp - 4]!;
  f.sp = sp;
  const tb = val.traceback ?? PyNone;
  const res = call(exitFn, [val.type, val, tb]);
  stack[sp++] = res;
  f.sp = sp;
}

export const handlers = { checkExceptType, BEFORE_WITH: beforeWith, WITH_EXCEPT_START: withExceptStart };
