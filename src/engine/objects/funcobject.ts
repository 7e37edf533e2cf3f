/**
 * Function objects, staticmethod and classmethod.
 * CPython counterpart: Objects/funcobject.c.
 */

import { PyObject, decref, incref, xdecref } from './object.js';
import {
  builtinType, PyTypeObject, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC, TPFLAGS_METHOD_DESCRIPTOR, type Visit,
} from './typeobject.js';
import { gcAlloc, gcFree, gcTrack, gcUntrack } from '../gc/gcobject.js';
import type { PyCode } from './codeobject.js';
import { newStr } from './unicodeobject.js';
import { PyNone } from './singletons.js';
import { newMethod } from './classobject.js';

export class PyFunction extends PyObject {
  /** __globals__ (a dict) */
  globals!: PyObject;
  /** __builtins__ dict the function sees */
  builtins!: PyObject;
  /** __defaults__: a tuple or null */
  defaults: PyObject | null = null;
  /** __kwdefaults__: a dict or null */
  kwdefaults: PyObject | null = null;
  /** __closure__: a tuple of cells or null */
  closure: PyObject | null = null;
  /** __annotations__: a dict or null */
  annotations: PyObject | null = null;
  /** __module__ */
  module: PyObject | null = null;
  /** __doc__ */
  doc: PyObject | null = null;
  name: string;
  qualname: string;
  constructor(public codeObj: PyCode) {
    super(FunctionType);
    this.name = codeObj.code.co_name;
    this.qualname = codeObj.code.co_qualname;
  }
}

export const FunctionType = builtinType('function', 144, TPFLAGS_HAVE_GC | TPFLAGS_METHOD_DESCRIPTOR);
FunctionType.weakrefable = true;

function funcRefs(f: PyFunction): PyObject[] {
  const out: PyObject[] = [f.codeObj, f.globals, f.builtins];
  for (const o of [f.defaults, f.kwdefaults, f.closure, f.annotations, f.module, f.doc, f.dict]) if (o) out.push(o);
  return out;
}

FunctionType.tp_traverse = (o: PyObject, visit: Visit) => {
  for (const r of funcRefs(o as PyFunction)) visit(r);
};
FunctionType.tp_clear = (o: PyObject) => {
  const f = o as PyFunction;
  const drop = [f.defaults, f.kwdefaults, f.closure, f.annotations, f.module, f.doc, f.dict];
  f.defaults = f.kwdefaults = f.closure = f.annotations = f.module = f.doc = f.dict = null;
  for (const r of drop) xdecref(r);
};
FunctionType.tp_dealloc = (o: PyObject) => {
  gcUntrack(o);
  clearWeakrefsHook(o);
  const f = o as PyFunction;
  FunctionType.tp_clear!(o);
  decref(f.codeObj);
  decref(f.globals);
  decref(f.builtins);
  gcFree(o);
};
FunctionType.tp_repr = (o) => {
  const f = o as PyFunction;
  return newStr(`<function ${f.qualname} at 0x${o.addr.toString(16)}>`);
};
/** Functions are non-data descriptors: looking one up on an instance binds it. */
FunctionType.tp_descr_get = (descr, obj) => {
  if (obj === null || obj === PyNone) {
    incref(descr);
    return descr;
  }
  return newMethod(descr, obj);
};

/** Set by weakrefobject wiring: clears weak references on deallocation. */
export let clearWeakrefsHook: (o: PyObject) => void = () => {};
export function setClearWeakrefsHook(f: (o: PyObject) => void): void {
  clearWeakrefsHook = f;
}

/**
 * PyFunction_New: a function for `code` in `globals`. Takes new references
 * to code and globals.
 */
export function newFunction(code: PyCode, globals: PyObject, builtins: PyObject, module: PyObject | null): PyFunction {
  const f = new PyFunction(code);
  gcAlloc(f, FunctionType.basicsize);
  incref(code);
  f.globals = globals;
  incref(globals);
  f.builtins = builtins;
  incref(builtins);
  f.module = module;
  if (module) incref(module);
  // The docstring is co_consts[0] when the code has one (CO_HAS_DOCSTRING is 3.14+;
  // in 3.12 the first constant is the docstring if it is a str).
  gcTrack(f);
  return f;
}

// ---- staticmethod / classmethod ----

export class PyStaticMethod extends PyObject {
  callable: PyObject | null = null;
}

function wrapperType(name: string): PyTypeObject {
  const t = builtinType(name, 48, TPFLAGS_HAVE_GC | TPFLAGS_BASETYPE);
  t.tp_traverse = (o, visit) => {
    const c = (o as PyStaticMethod).callable;
    if (c) visit(c);
    if (o.dict) visit(o.dict);
  };
  t.tp_clear = (o) => {
    const s = o as PyStaticMethod;
    const c = s.callable, d = s.dict;
    s.callable = null;
    s.dict = null;
    xdecref(c);
    xdecref(d);
  };
  t.tp_dealloc = (o) => {
    gcUntrack(o);
    t.tp_clear!(o);
    gcFree(o);
  };
  return t;
}

export const StaticMethodType = wrapperType('staticmethod');
export const ClassMethodType = wrapperType('classmethod');

StaticMethodType.tp_descr_get = (descr) => {
  const c = (descr as PyStaticMethod).callable!;
  incref(c);
  return c;
};
ClassMethodType.tp_descr_get = (descr, obj, type) => {
  const c = (descr as PyStaticMethod).callable!;
  const owner = type ?? obj!.type;
  return newMethod(c, owner);
};

export function newStaticMethod(t: PyTypeObject, callable: PyObject): PyStaticMethod {
  const s = new PyStaticMethod(t);
  gcAlloc(s, t.basicsize);
  incref(callable);
  s.callable = callable;
  gcTrack(s);
  return s;
}
