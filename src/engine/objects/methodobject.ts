/**
 * Builtin functions and builtin methods bound to an object (`len`, `[].append`).
 * CPython counterpart: Objects/methodobject.c (PyCFunction, builtin_function_or_method).
 */

import { PyObject, decref, incref } from './object.js';
import { builtinType, PyTypeObject, TPFLAGS_HAVE_GC, type BuiltinMethod, type Visit } from './typeobject.js';
import type { PyModule } from './moduleobject.js';
import { PyNone } from './singletons.js';
import { gcAlloc, gcFree, gcTrack, gcUntrack } from '../gc/gcobject.js';
import { newStr } from './unicodeobject.js';
import { reprString } from './abstract.js';

export class PyCFunction extends PyObject {
  constructor(
    public name: string,
    public impl: BuiltinMethod,
    /** __self__: the module for module functions, the instance for bound methods */
    public self: PyObject | null,
    /** the owning type's name for bound methods (repr: `<built-in method append of list object …>`) */
    public isMethod: boolean,
  ) {
    super(CFunctionType);
  }
}

export const CFunctionType = builtinType('builtin_function_or_method', 56, TPFLAGS_HAVE_GC);
CFunctionType.weakrefable = true;

/** PyCFunction_New: `self` gets a new reference. */
export function newCFunction(name: string, impl: BuiltinMethod, self: PyObject | null, isMethod = false): PyCFunction {
  const f = new PyCFunction(name, impl, self, isMethod);
  gcAlloc(f, CFunctionType.basicsize);
  if (self) incref(self);
  gcTrack(f);
  return f;
}

CFunctionType.tp_call = (callable, args, kwnames) => {
  const f = callable as PyCFunction;
  return f.impl(f.self as PyObject, args, kwnames);
};
CFunctionType.tp_traverse = (o: PyObject, visit: Visit) => {
  const f = o as PyCFunction;
  if (f.self) visit(f.self);
};
CFunctionType.tp_dealloc = (o: PyObject) => {
  gcUntrack(o);
  const f = o as PyCFunction;
  const s = f.self;
  f.self = null;
  if (s) decref(s);
  gcFree(o);
};
CFunctionType.tp_repr = (o) => {
  const f = o as PyCFunction;
  if (f.isMethod && f.self) {
    return newStr(`<built-in method ${f.name} of ${f.self.type.name} object at 0x${f.self.addr.toString(16)}>`);
  }
  return newStr(`<built-in function ${f.name}>`);
};

/**
 * meth_getsets and m_module: a module function's __self__ is its module and
 * __module__ the module's name; a bound method's __self__ is the object (or
 * class) it is bound to, its __module__ None and its __qualname__ the type's
 * qualified name and its own.
 */
CFunctionType.getsets = {
  __name__: { get: (self) => newStr((self as PyCFunction).name) },
  __qualname__: {
    get: (self) => {
      const f = self as PyCFunction;
      if (!f.isMethod || f.self === null) return newStr(f.name);
      const owner = f.self instanceof PyTypeObject ? f.self : f.self.type;
      return newStr(`${owner.qualname}.${f.name}`);
    },
  },
  __self__: {
    get: (self) => {
      const s = (self as PyCFunction).self ?? PyNone;
      incref(s);
      return s;
    },
  },
  __module__: {
    get: (self) => {
      const f = self as PyCFunction;
      if (f.isMethod || f.self === null) return PyNone;
      return newStr((f.self as PyModule).name);
    },
  },
};

export { reprString };

/**
 * `A().__init__` when __init__ is a builtin slot: a method-wrapper
 * (Objects/descrobject.c, wrapperobject), smaller than a builtin method.
 */
export const MethodWrapperType = builtinType('method-wrapper', 32, TPFLAGS_HAVE_GC);
MethodWrapperType.tp_call = CFunctionType.tp_call;
MethodWrapperType.tp_traverse = CFunctionType.tp_traverse;
MethodWrapperType.tp_dealloc = CFunctionType.tp_dealloc;
MethodWrapperType.tp_repr = (o) => {
  const f = o as PyCFunction;
  const self = f.self!;
  return newStr(`<method-wrapper '${f.name}' of ${self.type.name} object at 0x${self.addr.toString(16)}>`);
};

/** A bound slot wrapper: `self` gets a new reference. */
export function newMethodWrapper(name: string, impl: BuiltinMethod, self: PyObject): PyCFunction {
  const f = new PyCFunction(name, impl, self, true);
  f.type = MethodWrapperType;
  gcAlloc(f, MethodWrapperType.basicsize);
  incref(self);
  gcTrack(f);
  return f;
}
