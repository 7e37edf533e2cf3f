/**
 * The bool type. CPython counterpart: Objects/boolobject.c.
 *
 * True and False are PyLong instances of BoolType. They are created in
 * longobject.ts, right after the int type they derive from, so that no import
 * order can observe them uninitialized; longobject.ts calls initBoolType
 * (a hoisted function declaration) to give bool its behaviour from here.
 */

import type { PyObject } from './object.js';
import { type PyTypeObject, NB_AND, NB_OR, NB_XOR } from './typeobject.js';
import { BoolType, PyTrue, PyFalse, newBool, PyLong, LongType, newInt } from './longobject.js';
import { newStr } from './unicodeobject.js';
import { raise } from '../eval/errors.js';
import { Exc } from './exceptions.js';
import { isTrue } from './abstract.js';
import { noKeywords } from './args.js';

export { BoolType, PyTrue, PyFalse, newBool };

function boolRepr(o: PyObject): PyObject {
  return newStr(o === PyTrue ? 'True' : 'False');
}

function isBool(o: PyObject): boolean {
  return o === PyTrue || o === PyFalse;
}

/** bool & bool is a bool; anything else falls back to int's operator. */
function boolAnd(a: PyObject, b: PyObject): PyObject {
  if (isBool(a) && isBool(b)) return newBool(a === PyTrue && b === PyTrue);
  return LongType.nb[NB_AND]!(a, b);
}
function boolOr(a: PyObject, b: PyObject): PyObject {
  if (isBool(a) && isBool(b)) return newBool(a === PyTrue || b === PyTrue);
  return LongType.nb[NB_OR]!(a, b);
}
function boolXor(a: PyObject, b: PyObject): PyObject {
  if (isBool(a) && isBool(b)) return newBool(a !== b);
  return LongType.nb[NB_XOR]!(a, b);
}

/** bool(x): the truth value of x (bool cannot be subclassed, so type is always bool). */
function boolNew(_type: PyTypeObject, args: PyObject[], kwnames: string[] | null): PyObject {
  noKeywords('bool', kwnames);
  if (args.length > 1) raise(Exc.TypeError, `bool expected at most 1 argument, got ${args.length}`);
  return newBool(args.length === 1 && isTrue(args[0]));
}

/** ~True is -2 (3.12 also emits a DeprecationWarning, which the simulator does not show). */
function boolInvert(o: PyObject): PyObject {
  return newInt(-Number((o as PyLong).value) - 1);
}

/**
 * Called by longobject.ts once BoolType exists: bool inherits int's slots
 * (PyType_Ready's inherit_slots) and overrides repr, &, |, ^.
 */
export function initBoolType(t: PyTypeObject): void {
  const base = LongType;
  t.tp_hash = base.tp_hash;
  t.tp_richcompare = base.tp_richcompare;
  t.tp_sizeof = base.tp_sizeof;
  t.nb = base.nb.slice();
  t.nb_power3 = base.nb_power3;
  t.nb_negative = base.nb_negative;
  t.nb_positive = base.nb_positive;
  t.nb_absolute = base.nb_absolute;
  t.nb_invert = boolInvert;
  t.nb_bool = base.nb_bool;
  t.nb_int = base.nb_int;
  t.nb_index = base.nb_index;
  t.nb_float = base.nb_float;
  t.tp_repr = boolRepr;
  t.nb[NB_AND] = boolAnd;
  t.nb[NB_OR] = boolOr;
  t.nb[NB_XOR] = boolXor;
  t.tp_new = boolNew;
  t.doc = 'bool(x) -> bool';
}
