/**
 * Annotations: SETUP_ANNOTATIONS, which makes a module's or class's
 * `__annotations__` dict, and functions' `__annotations__`. An on-demand part
 * (see ondemand.ts). Moved here verbatim from eval/ceval.ts, which keeps its
 * stub (its `rareOps`), and from objects/funcobject.ts (the getset's stubs).
 */
import { PyObject, decref, incref, xdecref } from '../objects/object.js';
import { DictType, newDict, dictGetItemStr, dictSetItem, dictSetItemStr } from '../objects/dictobject.js';
import { PyTuple, TupleType } from '../objects/tupleobject.js';
import { isSubtype } from '../objects/typeobject.js';
import { PyNone } from '../objects/singletons.js';
import { Exc } from '../objects/exceptions.js';
import type { PyFunction } from '../objects/funcobject.js';
import { raise } from './errors.js';
import type { Frame } from './frame.js';
// the modules that hold this part's stubs, evaluated first (ondemand.ts checks every stub has its code)
import './ceval.js';
import '../objects/funcobject.js';

/** SETUP_ANNOTATIONS */
function setupAnnotations(f: Frame, oparg: number): void {
  const l = f.locals!;
  if (dictGetItemStr(l, '__annotations__') === null) {
  const d = newDict();
    dictSetItemStr(l, '__annotations__', d);
    decref(d);
  }
}

/**
 * function.__annotations__ (func_get_annotation_dict): MAKE_FUNCTION leaves
 * the annotations as a tuple of names and values, made a dict on first use;
 * a function without any gets an empty dict.
 */
function getFunctionAnnotations(self: PyObject): PyObject {
  const f = self as PyFunction;
  const a = f.annotations;
  if (a === null) f.annotations = newDict();
  else if (a instanceof PyTuple && a.type === TupleType) {
    const d = newDict();
    for (let i = 0; i < a.items.length; i += 2) dictSetItem(d, a.items[i], a.items[i + 1]);
    f.annotations = d;
    decref(a);
  }
  incref(f.annotations!);
  return f.annotations!;
}

/** func_set_annotations: a dict, or None (or del) for none */
function setFunctionAnnotations(self: PyObject, v: PyObject | null): void {
  const f = self as PyFunction;
  if (v !== null && v !== PyNone && !isSubtype(v.type, DictType)) {
    raise(Exc.TypeError, '__annotations__ must be set to a dict object');
  }
  const nv = v === null || v === PyNone ? null : v;
  if (nv) incref(nv);
  const old = f.annotations;
  f.annotations = nv;
  xdecref(old);
}

export const annotations = {
  SETUP_ANNOTATIONS: setupAnnotations,
  'function.__annotations__': getFunctionAnnotations,
  'function.__annotations__.set': setFunctionAnnotations,
};
