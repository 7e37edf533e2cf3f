/**
 * Descriptors: how attributes of builtin types and __slots__ work, and property.
 * CPython counterpart: Objects/descrobject.c (method_descriptor,
 * classmethod_descriptor, getset_descriptor, member_descriptor,
 * wrapper_descriptor, property).
 */

import { PyObject, decref, incref, xdecref } from './object.js';
import {
  builtinType, PyTypeObject, isSubtype, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC, TPFLAGS_METHOD_DESCRIPTOR,
  type BuiltinMethod, type Visit,
} from './typeobject.js';
import { gcAlloc, gcFree, gcTrack, gcUntrack } from '../gc/gcobject.js';
import { newStr } from './unicodeobject.js';
import { raise } from '../eval/errors.js';
import { Exc } from './exceptions.js';
import { newCFunction, newMethodWrapper } from './methodobject.js';
import { call } from './abstract.js';
import { PyNone } from './singletons.js';
import { parseArgs } from './args.js';
import { parts, deferred, deferredMethodsOf } from '../ondemand.js';

/** Common shape: a descriptor owned by a type (d_type) with a name (d_name). */
export class PyDescr extends PyObject {
  constructor(t: PyTypeObject, public owner: PyTypeObject, public name: string) {
    super(t);
  }
}

function descrType(name: string, basicsize: number, flags = 0): PyTypeObject {
  const t = builtinType(name, basicsize, TPFLAGS_HAVE_GC | flags);
  t.tp_traverse = (o, visit: Visit) => visit((o as PyDescr).owner);
  t.tp_dealloc = (o) => {
    gcUntrack(o);
    decref((o as PyDescr).owner);
    gcFree(o);
  };
  return t;
}

function allocDescr<T extends PyDescr>(d: T): T {
  gcAlloc(d, d.type.basicsize);
  incref(d.owner);
  gcTrack(d);
  return d;
}

function descrCheck(d: PyDescr, obj: PyObject): void {
  if (!isSubtype(obj.type, d.owner)) {
    raise(
      Exc.TypeError,
      `descriptor '${d.name}' for '${d.owner.name}' objects doesn't apply to a '${obj.type.name}' object`,
    );
  }
}

// ---------------------------------------------------------------- method_descriptor

export class PyMethodDescr extends PyDescr {
  constructor(owner: PyTypeObject, name: string, public impl: BuiltinMethod) {
    super(MethodDescrType, owner, name);
  }
}
export const MethodDescrType = descrType('method_descriptor', 56, TPFLAGS_METHOD_DESCRIPTOR);
MethodDescrType.tp_descr_get = (descr, obj) => {
  const d = descr as PyMethodDescr;
  if (obj === null) {
    incref(d);
    return d;
  }
  descrCheck(d, obj);
  return newCFunction(d.name, d.impl, obj, true);
};
MethodDescrType.tp_call = (callable, args, kwnames) => {
  const d = callable as PyMethodDescr;
  const npos = args.length - (kwnames ? kwnames.length : 0);
  if (npos < 1) {
    raise(Exc.TypeError, `unbound method ${d.owner.name}.${d.name}() needs an argument`);
  }
  descrCheck(d, args[0]);
  return d.impl(args[0], args.slice(1), kwnames);
};
MethodDescrType.tp_repr = (o) => {
  const d = o as PyMethodDescr;
  return newStr(`<method '${d.name}' of '${d.owner.name}' objects>`);
};

export function newMethodDescr(owner: PyTypeObject, name: string, impl: BuiltinMethod): PyMethodDescr {
  return allocDescr(new PyMethodDescr(owner, name, impl));
}

// ---------------------------------------------------------------- classmethod_descriptor

export class PyClassMethodDescr extends PyDescr {
  constructor(owner: PyTypeObject, name: string, public impl: BuiltinMethod) {
    super(ClassMethodDescrType, owner, name);
  }
}
export const ClassMethodDescrType = descrType('classmethod_descriptor', 56);
ClassMethodDescrType.tp_descr_get = (descr, obj, type) => {
  const d = descr as PyClassMethodDescr;
  const t = type ?? obj!.type;
  return newCFunction(d.name, d.impl, t, true);
};
ClassMethodDescrType.tp_repr = (o) => {
  const d = o as PyClassMethodDescr;
  return newStr(`<method '${d.name}' of '${d.owner.name}' objects>`);
};
export function newClassMethodDescr(owner: PyTypeObject, name: string, impl: BuiltinMethod): PyClassMethodDescr {
  return allocDescr(new PyClassMethodDescr(owner, name, impl));
}

// ---------------------------------------------------------------- getset_descriptor

export class PyGetSetDescr extends PyDescr {
  constructor(
    owner: PyTypeObject,
    name: string,
    public get: (self: PyObject) => PyObject,
    public set?: (self: PyObject, v: PyObject | null) => void,
  ) {
    super(GetSetDescrType, owner, name);
  }
}
export const GetSetDescrType = descrType('getset_descriptor', 56);
GetSetDescrType.tp_descr_get = (descr, obj) => {
  const d = descr as PyGetSetDescr;
  if (obj === null) {
    incref(d);
    return d;
  }
  descrCheck(d, obj);
  return d.get(obj);
};
GetSetDescrType.tp_descr_set = (descr, obj, value) => {
  const d = descr as PyGetSetDescr;
  descrCheck(d, obj);
  if (!d.set) {
    raise(Exc.AttributeError, `attribute '${d.name}' of '${d.owner.name}' objects is not writable`);
  }
  d.set(obj, value);
};
GetSetDescrType.tp_repr = (o) => {
  const d = o as PyGetSetDescr;
  return newStr(`<attribute '${d.name}' of '${d.owner.name}' objects>`);
};
export function newGetSetDescr(
  owner: PyTypeObject,
  name: string,
  get: (self: PyObject) => PyObject,
  set?: (self: PyObject, v: PyObject | null) => void,
): PyGetSetDescr {
  return allocDescr(new PyGetSetDescr(owner, name, get, set));
}

// ---------------------------------------------------------------- member_descriptor (__slots__)

/** Instances of classes with __slots__ keep slot values here, indexed by the member's `index`. */
export interface HasSlots {
  slots: (PyObject | null)[];
}

export class PyMemberDescr extends PyDescr {
  constructor(owner: PyTypeObject, name: string, public index: number) {
    super(MemberDescrType, owner, name);
  }
}
export const MemberDescrType = descrType('member_descriptor', 64);
MemberDescrType.tp_descr_get = (descr, obj) => {
  const d = descr as PyMemberDescr;
  if (obj === null) {
    incref(d);
    return d;
  }
  descrCheck(d, obj);
  const v = (obj as unknown as HasSlots).slots?.[d.index] ?? null;
  if (v === null) raise(Exc.AttributeError, `'${obj.type.name}' object has no attribute '${d.name}'`);
  incref(v);
  return v;
};
MemberDescrType.tp_descr_set = (descr, obj, value) => {
  const d = descr as PyMemberDescr;
  descrCheck(d, obj);
  const slots = (obj as unknown as HasSlots).slots;
  const old = slots[d.index];
  if (value === null && old === null) {
    raise(Exc.AttributeError, `'${obj.type.name}' object has no attribute '${d.name}'`);
  }
  if (value) incref(value);
  slots[d.index] = value;
  xdecref(old);
};
MemberDescrType.tp_repr = (o) => {
  const d = o as PyMemberDescr;
  return newStr(`<member '${d.name}' of '${d.owner.name}' objects>`);
};
export function newMemberDescr(owner: PyTypeObject, name: string, index: number): PyMemberDescr {
  return allocDescr(new PyMemberDescr(owner, name, index));
}

// ---------------------------------------------------------------- wrapper_descriptor (slot wrappers)

/** `object.__init__`, `int.__add__`: a builtin type's slot exposed as a dunder method. */
export class PyWrapperDescr extends PyDescr {
  constructor(owner: PyTypeObject, name: string, public impl: BuiltinMethod) {
    super(WrapperDescrType, owner, name);
  }
}
export const WrapperDescrType = descrType('wrapper_descriptor', 64, TPFLAGS_METHOD_DESCRIPTOR);
WrapperDescrType.tp_descr_get = (descr, obj) => {
  const d = descr as PyWrapperDescr;
  if (obj === null) {
    incref(d);
    return d;
  }
  descrCheck(d, obj);
  return newMethodWrapper(d.name, d.impl, obj);
};
WrapperDescrType.tp_call = MethodDescrType.tp_call;
WrapperDescrType.tp_repr = (o) => {
  const d = o as PyWrapperDescr;
  return newStr(`<slot wrapper '${d.name}' of '${d.owner.name}' objects>`);
};
export function newWrapperDescr(owner: PyTypeObject, name: string, impl: BuiltinMethod): PyWrapperDescr {
  return allocDescr(new PyWrapperDescr(owner, name, impl));
}

// ---------------------------------------------------------------- property

export class PyProperty extends PyObject {
  fget: PyObject | null = null;
  fset: PyObject | null = null;
  fdel: PyObject | null = null;
  doc: PyObject | null = null;
  /** the attribute name, from __set_name__ (3.12 uses it in error messages) */
  name: string | null = null;
}

export const PropertyType = builtinType('property', 64, TPFLAGS_HAVE_GC | TPFLAGS_BASETYPE);

function propRefs(p: PyProperty): (PyObject | null)[] {
  return [p.fget, p.fset, p.fdel, p.doc];
}
PropertyType.tp_traverse = (o, visit) => {
  for (const r of propRefs(o as PyProperty)) if (r) visit(r);
};
PropertyType.tp_clear = (o) => {
  const p = o as PyProperty;
  const refs = propRefs(p);
  p.fget = p.fset = p.fdel = p.doc = null;
  for (const r of refs) xdecref(r);
};
PropertyType.tp_dealloc = (o) => {
  gcUntrack(o);
  PropertyType.tp_clear!(o);
  gcFree(o);
};

// Its construction, get and set and its methods: code in the on-demand part
// that makes classes (objects/classdescriptors.ts), which the word `property` loads
PropertyType.tp_new = deferred(parts.classes, 'property.tp_new');
PropertyType.tp_descr_get = deferred(parts.classes, 'property.tp_descr_get');
PropertyType.tp_descr_set = deferred(parts.classes, 'property.tp_descr_set');
PropertyType.methods = deferredMethodsOf<BuiltinMethod>(parts.classes, 'property', ['getter', 'setter', 'deleter', '__set_name__']);
PropertyType.getsets = {
  fget: { get: (self) => nullToNone((self as PyProperty).fget) },
  fset: { get: (self) => nullToNone((self as PyProperty).fset) },
  fdel: { get: (self) => nullToNone((self as PyProperty).fdel) },
  __doc__: { get: (self) => nullToNone((self as PyProperty).doc) },
};

function nullToNone(o: PyObject | null): PyObject {
  const r = o ?? PyNone;
  incref(r);
  return r;
}
