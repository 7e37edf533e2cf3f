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

NoneType.tp_repr = () => noneStr();
NoneType.tp_hash = () => 0xfca86420 >> 4; // _Py_HashPointer of the static None; only stable-ness matters
NoneType.nb_bool = () => false;
/** type(None)() returns None (none_new) */
NoneType.tp_new = (_t, args) => {
  if (args.length > 0) throwTypeError('NoneType takes no arguments');
  return PyNone;
};
NotImplementedType.tp_new = () => NotImplemented;
EllipsisType.tp_new = () => Ellipsis;
let throwTypeError: (msg: string) => never = (msg) => {
  throw new Error(msg);
};
export function setSingletonTypeError(f: (msg: string) => never): void {
  throwTypeError = f;
}
NotImplementedType.tp_repr = () => strHook('NotImplemented');
EllipsisType.tp_repr = () => strHook('Ellipsis');

let strHook: (s: string) => PyObject = () => {
  throw new Error('str hook unset');
};
function noneStr(): PyObject {
  return strHook('None');
}
/** Set at start-up (the str type lives in unicodeobject.ts). */
export function setSingletonStr(f: (s: string) => PyObject): void {
  strHook = f;
}
