/**
 * None, NotImplemented and Ellipsis: statically allocated, immortal singletons.
 * CPython counterpart: Objects/object.c (_Py_NoneStruct, _Py_NotImplementedStruct),
 * Objects/sliceobject.c (_Py_EllipsisObject).
 */

import { PyObject, makeImmortal } from './object.js';
import { builtinType } from './typeobject.js';

export const NoneType = builtinType('NoneType', 16, 0);
export const NotImplementedType = builtinType('NotImplementedType', 16, 0);
export const EllipsisType = builtinType('ellipsis', 16, 0);

function singleton(t: typeof NoneType): PyObject {
  const o = new PyObject(t);
  makeImmortal(o);
  return o;
}

export const PyNone = singleton(NoneType);
export const NotImplemented = singleton(NotImplementedType);
export const Ellipsis = singleton(EllipsisType);
