/**
 * A class's attributes other than __name__: __qualname__, __module__,
 * __bases__, __base__, __mro__, __dict__ and __doc__ (type's getsets). With
 * the code that makes classes, an on-demand part (see ondemand.ts) that
 * their names load. Moved here verbatim from typenew.ts, which keeps their
 * stubs.
 * CPython counterpart: Objects/typeobject.c (type_getsets).
 */
import { type PyObject, incref, makeImmortal } from './object.js';
import { type PyTypeObject, TPFLAGS_HEAPTYPE } from './typeobject.js';
import { raise } from '../eval/errors.js';
import { Exc } from './exceptions.js';
import { type PyDict, newDict, dictGetItemStr, dictSetItemStr, dictItems } from './dictobject.js';
import { PyStr, newStr, strValue } from './unicodeobject.js';
import { newTuple, PyTuple, TupleType } from './tupleobject.js';
import { PyNone } from './singletons.js';
// the module whose getsets are this part's stubs, evaluated first (ondemand.ts checks every stub has its code)
import './typenew.js';

/** A class's own tuple (a new reference), or null for builtin types (see staticTuple). */
function ownTuple(t: PyObject | null): PyObject | null {
  if (t !== null) incref(t);
  return t;
}

/** A builtin type's __mro__/__bases__: one static, immortal tuple each, as in CPython. */
const staticTuples = new Map<string, PyTuple>();
function staticTuple(t: PyTypeObject, which: 'mro' | 'bases'): PyObject {
  const key = which + ':' + t.serial + ':' + t.addr;
  let tup = staticTuples.get(key);
  if (tup === undefined) {
    tup = new PyTuple(TupleType, which === 'mro' ? [...t.mro] : [...t.bases]);
    makeImmortal(tup, 24 + 8 * tup.items.length);
    staticTuples.set(key, tup);
  }
  incref(tup);
  return tup;
}

function tupleOfTypes(ts: PyTypeObject[]): PyObject {
  return newTuple(ts.map((t) => (incref(t), t)));
}

/** The implementations, by `type.attribute.get` (and `.set`). */
export const typeAttrs: Record<string, (self: PyObject, v?: PyObject | null) => PyObject | void> = {
  'type.__qualname__.get': (self) => newStr((self as PyTypeObject).qualname),
  'type.__qualname__.set': (self, v) => {
    if (!(v instanceof PyStr)) raise(Exc.TypeError, `can only assign string to ${(self as PyTypeObject).name}.__qualname__, not '${v ? v.type.name : 'NoneType'}'`);
    (self as PyTypeObject).qualname = v.value;
  },
  'type.__module__.get': (self) => {
    const t = self as PyTypeObject;
    if (t.hasFlag(TPFLAGS_HEAPTYPE)) {
      const m = dictGetItemStr(t.tpDict as PyDict, '__module__');
      if (m) {
        incref(m);
        return m;
      }
    }
    return newStr(t.module);
  },
  'type.__bases__.get': (self) => ownTuple((self as PyTypeObject).basesTuple) ??
    ((self as PyTypeObject).hasFlag(TPFLAGS_HEAPTYPE) ? tupleOfTypes((self as PyTypeObject).bases) : staticTuple(self as PyTypeObject, 'bases')),
  'type.__base__.get': (self) => {
    const b = (self as PyTypeObject).base ?? PyNone;
    incref(b);
    return b;
  },
  'type.__mro__.get': (self) => ownTuple((self as PyTypeObject).mroTuple) ??
    ((self as PyTypeObject).hasFlag(TPFLAGS_HEAPTYPE) ? tupleOfTypes((self as PyTypeObject).mro) : staticTuple(self as PyTypeObject, 'mro')),
  'type.__dict__.get': (self) => {
    // A read-only view in CPython (mappingproxy); a copy keeps the class safe here.
    const t = self as PyTypeObject;
    const copy = newDict();
    for (const [k, v] of dictItems(t.tpDict as PyDict)) dictSetItemStr(copy, strValue(k), v);
    return copy;
  },
  'type.__doc__.get': (self) => {
    const t = self as PyTypeObject;
    const d = t.tpDict ? dictGetItemStr(t.tpDict as PyDict, '__doc__') : null;
    const r = d ?? PyNone;
    incref(r);
    return r;
  },
};
