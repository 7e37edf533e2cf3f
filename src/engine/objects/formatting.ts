/**
 * format(value, spec): dispatch to the value's __format__.
 * CPython counterpart: Objects/abstract.c (PyObject_Format).
 */

import { PyObject, decref } from './object.js';
import { raise } from '../eval/errors.js';
import { Exc } from './exceptions.js';
import { PyStr, newStr } from './unicodeobject.js';
import { callDunder } from './typeslots.js';

/** PyObject_Format: returns a new str. */
export function formatValue(v: PyObject, spec: string): PyObject {
  const specObj = newStr(spec);
  try {
    const r = callDunder(v, '__format__', [specObj]);
    if (r === null) raise(Exc.TypeError, `Type ${v.type.name} doesn't define __format__`);
    if (!(r instanceof PyStr)) {
      const tn = r.type.name;
      decref(r);
      raise(Exc.TypeError, `__format__ must return a str, not ${tn}`);
    }
    return r;
  } finally {
    decref(specObj);
  }
}
