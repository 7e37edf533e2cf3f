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
NoneType.tp_hash = () => 0xfca86420; // none_hash: a constant since 3.12 (gh-99540)
NoneType.nb_bool = () => false;
/** type(None)() returns None (none_new) */
NoneType.tp_new = (_t, args) => {
  if (args.length > 0) throwTypeError('NoneType takes no arguments');
  return PyNone;
};
NotImplementedType.tp_new = () => NotImplemented;
EllipsisType.tp_new = () => Ellipsis;
function throwTypeError(msg: string): never {
  raise(Exc.TypeError, msg);
}
export function setSingletonTypeError(_f: (msg: string) => never): void {}
import { raise } from '../eval/errors.js';
import { Exc } from './exceptions.js';
NotImplementedType.tp_repr = () => strHook('NotImplemented');
EllipsisType.tp_repr = () => strHook('Ellipsis');

// Used only inside functions, so the import cycle with unicodeobject.ts is harmless.
function strHook(s: string): PyObject {
  return newStr(s);
}
function noneStr(): PyObject {
  return strHook('None');
}
/** Kept for start-up code that still calls it; the str type is imported directly now. */
export function setSingletonStr(_f: (s: string) => PyObject): void {}
import { newStr } from './unicodeobject.js';
