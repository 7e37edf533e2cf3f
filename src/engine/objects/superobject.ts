/**
 * super(): attribute lookup that starts after a given class in the MRO.
 * CPython counterpart: Objects/typeobject.c (super_getattro, _PySuper_Lookup,
 * super_init_without_args) and LOAD_SUPER_ATTR in Python/bytecodes.c.
 */

import { PyObject, decref, incref, xdecref } from './object.js';
import {
  builtinType, PyTypeObject, TypeType, isSubtype, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC, TPFLAGS_METHOD_DESCRIPTOR,
  type Visit,
} from './typeobject.js';
import { gcAlloc, gcFree, gcTrack, gcUntrack } from '../gc/gcobject.js';
import { raise } from '../eval/errors.js';
import { Exc } from './exceptions.js';
import { dictGetItemStr, PyDict } from './dictobject.js';
import { genericGetAttr } from './typeready.js';
import { call } from './abstract.js';
import { newStr } from './unicodeobject.js';
import { PyNone } from './singletons.js';
import { tstate } from '../eval/pystate.js';
import { PyCell } from './cellobject.js';
import { CO_FAST_FREE } from '../bytecode/code.js';

export class PySuper extends PyObject {
  /** the class after which lookup starts (super's first argument) */
  thisType: PyTypeObject | null = null;
  /** the instance or class (second argument) */
  obj: PyObject | null = null;
  /** type(obj), or obj when obj is a class */
  objType: PyTypeObject | null = null;
}

export const SuperType = builtinType('super', 40, TPFLAGS_HAVE_GC | TPFLAGS_BASETYPE);

/** supercheck: the type lookups should start from */
function superCheck(type: PyTypeObject, obj: PyObject): PyTypeObject {
  if (obj instanceof PyTypeObject && isSubtype(obj, type)) return obj;
  if (isSubtype(obj.type, type)) return obj.type;
  raise(Exc.TypeError, 'super(type, obj): obj must be an instance or subtype of type');
}

/** _super_lookup_descr: the attribute `name` in objType's MRO after `type`, borrowed. */
function lookupAfter(type: PyTypeObject, objType: PyTypeObject, name: string): PyObject | null {
  const mro = objType.mro;
  let i = mro.indexOf(type);
  if (i < 0) return null;
  for (i++; i < mro.length; i++) {
    const d = mro[i].tpDict as PyDict | null;
    const v = d ? dictGetItemStr(d, name) : null;
    if (v !== null) return v;
  }
  return null;
}

/**
 * LOAD_SUPER_ATTR: `super().name` (or super(cls, self) when twoArgs is false
 * and the compiler passed the class cell and first argument anyway).
 * Returns [attribute, isUnboundMethod].
 */
export function superLookup(
  globalSuper: PyObject,
  cls: PyObject,
  self: PyObject,
  name: string,
  loadMethod: boolean,
  _twoArgs: boolean,
): [PyObject, boolean] {
  if (globalSuper !== SuperType || !(cls instanceof PyTypeObject)) {
    // `super` was rebound: call whatever it is now, then getattr.
    const s = call(globalSuper, [cls, self]);
    try {
      const v = s.type.tp_getattro!(s, name);
      return [v, false];
    } finally {
      decref(s);
    }
  }
  const startType = superCheck(cls, self);
  const descr = lookupAfter(cls, startType, name);
  if (descr === null) {
    raise(Exc.AttributeError, `'super' object has no attribute '${name}'`);
  }
  if (loadMethod && (descr.type.flags & TPFLAGS_METHOD_DESCRIPTOR) !== 0 && self !== startType) {
    incref(descr);
    return [descr, true];
  }
  const g = descr.type.tp_descr_get;
  if (g !== null) return [g(descr, self === startType ? null : self, startType), false];
  incref(descr);
  return [descr, false];
}

SuperType.tp_new = (type) => {
  const s = new PySuper(type);
  gcAlloc(s, type.basicsize);
  gcTrack(s);
  return s;
};
SuperType.tp_init = (o, args) => {
  const s = o as PySuper;
  let type: PyObject, obj: PyObject;
  if (args.length === 0) {
    // super() without arguments: __class__ cell and the first argument of the calling frame.
    const f = tstate.frame;
    if (f === null || f.code.co_argcount === 0) raise(Exc.RuntimeError, 'super(): no arguments');
    let first = f.localsplus[0];
    if (first instanceof PyCell && f.code.co_localspluskinds[0] & 0x40) first = first.ref;
    if (first === null) raise(Exc.RuntimeError, 'super(): arg[0] deleted');
    const names = f.code.co_localsplusnames;
    const idx = names.lastIndexOf('__class__');
    if (idx < 0 || !(f.code.co_localspluskinds[idx] & CO_FAST_FREE)) raise(Exc.RuntimeError, 'super(): __class__ cell not found');
    const cell = f.localsplus[idx] as PyCell;
    if (cell.ref === null) raise(Exc.RuntimeError, 'super(): empty __class__ cell');
    type = cell.ref;
    obj = first;
  } else {
    type = args[0];
    obj = args[1] ?? PyNone;
  }
  if (!(type instanceof PyTypeObject)) raise(Exc.TypeError, `super() argument 1 must be a type, not ${type.type.name}`);
  const objType = obj === PyNone ? null : superCheck(type, obj);
  incref(type);
  xdecref(s.thisType);
  s.thisType = type;
  if (obj !== PyNone) {
    incref(obj);
    s.obj = obj;
    incref(objType!);
    s.objType = objType;
  }
};
SuperType.tp_getattro = (o, name) => {
  const s = o as PySuper;
  if (s.objType !== null && name !== '__class__') {
    const descr = lookupAfter(s.thisType!, s.objType, name);
    if (descr !== null) {
      const g = descr.type.tp_descr_get;
      if (g !== null) return g(descr, s.obj === s.objType ? null : s.obj, s.objType);
      incref(descr);
      return descr;
    }
  }
  return genericGetAttr(o, name);
};
SuperType.tp_repr = (o) => {
  const s = o as PySuper;
  const tn = s.thisType ? s.thisType.name : 'NULL';
  return newStr(s.objType ? `<super: <class '${tn}'>, <${s.objType.name} object>>` : `<super: <class '${tn}'>, NULL>`);
};
SuperType.tp_traverse = (o, visit: Visit) => {
  const s = o as PySuper;
  if (s.thisType) visit(s.thisType);
  if (s.obj) visit(s.obj);
  if (s.objType) visit(s.objType);
};
SuperType.tp_dealloc = (o) => {
  gcUntrack(o);
  const s = o as PySuper;
  xdecref(s.thisType);
  xdecref(s.obj);
  xdecref(s.objType);
  gcFree(o);
};

export { TypeType };
