/** The complex type. CPython counterpart: Objects/complexobject.c (3.12; no free list). */

import { PyObject } from './object.js';
import {
  type PyTypeObject, builtinType, ObjectType, TPFLAGS_BASETYPE,
  NB_ADD, NB_MULTIPLY, NB_POWER, NB_SUBTRACT, NB_TRUE_DIVIDE, type BuiltinMethod,
} from './typeobject.js';
import { heap } from '../memory/heap.js';
import { parts, deferred, deferredMethods } from '../ondemand.js';
// Evaluated here as before the split: the engine's start-up depends on the order its
// modules are evaluated in (tests/engine/trace.test.ts fails when typeslots.ts comes later).
import './typeslots.js';

export class PyComplex extends PyObject {
  constructor(type: PyTypeObject, public real: number, public imag: number) {
    super(type);
  }
}

/** sizeof(PyComplexObject): header + two doubles */
const COMPLEX_SIZE = 32;

export const ComplexType = builtinType('complex', COMPLEX_SIZE, TPFLAGS_BASETYPE, ObjectType);

/** PyComplex_FromDoubles: a NEW reference (3.12 keeps no complex free list). */
export function newComplex(real: number, imag: number): PyComplex {
  const o = new PyComplex(ComplexType, real, imag);
  heap.allocObject(o, COMPLEX_SIZE);
  return o;
}

export function isComplex(o: PyObject): o is PyComplex {
  return o instanceof PyComplex;
}

// ---------------------------------------------------------------- the type

/*
 * The type's code is in complexops.ts, loaded on demand: a complex number
 * comes from an imaginary literal, `complex(...)`, or a power of a negative
 * number (`(-8) ** 0.5`), and a program whose text has one of these loads the
 * code first. Every slot and method is a stub here, so the type's shape (its
 * dict, its slot wrappers) is the same before the code arrives.
 */
const P = parts.complex;

/** x ** y (mod z) for complex operands: float's power hands negative bases here */
export const complexPow3 = deferred<(v: PyObject, w: PyObject, z: PyObject) => PyObject>(P, 'nb_power3');
/** repr() of a complex number given as two doubles */
export const complexReprString = deferred<(real: number, imag: number) => string>(P, 'complexReprString');

function initComplexType(t: PyTypeObject): void {
  t.tp_dealloc = deferred(P, 'tp_dealloc');
  t.tp_repr = deferred(P, 'tp_repr');
  t.tp_hash = deferred(P, 'tp_hash');
  t.tp_richcompare = deferred(P, 'tp_richcompare');
  t.tp_sizeof = (o) => o.type.basicsize;
  t.tp_new = deferred(P, 'tp_new');
  t.nb[NB_ADD] = deferred(P, 'nb_add');
  t.nb[NB_SUBTRACT] = deferred(P, 'nb_subtract');
  t.nb[NB_MULTIPLY] = deferred(P, 'nb_multiply');
  t.nb[NB_TRUE_DIVIDE] = deferred(P, 'nb_true_divide');
  t.nb[NB_POWER] = deferred(P, 'nb_power');
  t.nb_power3 = complexPow3;
  t.nb_negative = deferred(P, 'nb_negative');
  t.nb_positive = deferred(P, 'nb_positive');
  t.nb_absolute = deferred(P, 'nb_absolute');
  t.nb_bool = deferred(P, 'nb_bool');
  t.doc = 'Create a complex number from a real part and an optional imaginary part.';
  // a complex method's name does not load the part: only an existing complex number has them
  t.methods = deferredMethods<BuiltinMethod>(P, ['conjugate', '__complex__', '__getnewargs__', '__format__'], false);
  const readonly = deferred<(o: PyObject, v: PyObject | null) => void>(P, 'readonly_set');
  t.getsets = {
    // READONLY members in CPython: assigning or deleting says 'readonly attribute'
    real: { get: deferred(P, 'real_get'), set: readonly },
    imag: { get: deferred(P, 'imag_get'), set: readonly },
  };
}

initComplexType(ComplexType);
