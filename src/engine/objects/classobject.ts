/**
 * Bound methods: a function together with the instance it was looked up on.
 * CPython counterpart: Objects/classobject.c (PyMethod_Type).
 */

import { PyObject, decref, incref, newref } from './object.js';
import { builtinType, TPFLAGS_HAVE_GC, type Visit } from './typeobject.js';
import { gcAlloc, gcFree, gcTrack, gcUntrack } from '../gc/gcobject.js';
import { call, reprString, richCompareBool, hash, getAttr } from './abstract.js';
import { typeLookup } from './typeready.js';
import { newStr } from './unicodeobject.js';
import { newBool } from './boolobject.js';
import { NotImplemented } from './singletons.js';
import { normHash, hashToBigInt } from './hash.js';
import { Py_EQ, Py_NE } from './typeobject.js';

export class PyMethod extends PyObject {
  constructor(public func: PyObject, public self: PyObject) {
    super(MethodType);
  }
}

export const MethodType = builtinType('method', 48, TPFLAGS_HAVE_GC);
MethodType.weakrefable = true;

/** PyMethod_New: takes new references to func and self. */
export function newMethod(func: PyObject, self: PyObject): PyMethod {
  const m = new PyMethod(func, self);
  gcAlloc(m, MethodType.basicsize);
  incref(func);
  incref(self);
  gcTrack(m);
  return m;
}

MethodType.tp_traverse = (o: PyObject, visit: Visit) => {
  const m = o as PyMethod;
  visit(m.func);
  visit(m.self);
};
MethodType.tp_dealloc = (o: PyObject) => {
  gcUntrack(o);
  const m = o as PyMethod;
  decref(m.func);
  decref(m.self);
  gcFree(o);
};
MethodType.tp_call = (callable, args, kwnames) => {
  const m = callable as PyMethod;
  return call(m.func, [m.self, ...args], kwnames);
};
MethodType.tp_repr = (o) => {
  const m = o as PyMethod;
  const fn = m.func as PyObject & { qualname?: string; name?: string };
  const name = fn.qualname ?? fn.name ?? '?';
  return newStr(`<bound method ${name} of ${reprString(m.self)}>`);
};
MethodType.tp_richcompare = (a, b, op) => {
  if ((op !== Py_EQ && op !== Py_NE) || b.type !== MethodType) return NotImplemented;
  const x = a as PyMethod, y = b as PyMethod;
  const eq = x.self === y.self && richCompareBool(x.func, y.func, Py_EQ);
  return newBool(op === Py_EQ ? eq : !eq);
};
MethodType.tp_hash = (o) => {
  const m = o as PyMethod;
  const selfHash = BigInt(Math.floor(m.self.addr / 16));
  return normHash(BigInt.asIntN(64, selfHash ^ hashToBigInt(hash(m.func))));
};
/** method_memberlist and method_getset: __func__, __self__, and __doc__ read from the function */
MethodType.getsets = {
  __func__: { get: (self) => newref((self as PyMethod).func) },
  __self__: { get: (self) => newref((self as PyMethod).self) },
  __doc__: { get: (self) => getAttr((self as PyMethod).func, '__doc__') },
};
/** method_getattro: the method type's own attributes, then the function's (`m.__name__`) */
MethodType.tp_getattro = (o, name) => {
  const descr = typeLookup(MethodType, name);
  if (descr !== null) {
    const get = descr.type.tp_descr_get;
    if (get !== null) return get(descr, o, MethodType);
    return newref(descr);
  }
  return getAttr((o as PyMethod).func, name);
};
MethodType.tp_descr_get = (descr) => {
  incref(descr);
  return descr;
};
