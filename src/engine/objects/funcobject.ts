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

// ---------------------------------------------------------------- attributes (func_getsetlist)

import { raise } from '../eval/errors.js';
import { Exc } from './exceptions.js';
import { PyStr } from './unicodeobject.js';
import { PyTuple } from './tupleobject.js';
import { newDict } from './dictobject.js';
import { parts, deferred } from '../ondemand.js';

FunctionType.dictSlot = true;

function orNone(o: PyObject | null): PyObject {
  const r = o ?? PyNone;
  incref(r);
  return r;
}

/** A settable reference-holding attribute of a function. */
function refAttr(
  get: (f: PyFunction) => PyObject | null,
  set: (f: PyFunction, v: PyObject | null) => void,
  check?: (v: PyObject) => void,
) {
  return {
    get: (self: PyObject) => orNone(get(self as PyFunction)),
    set: (self: PyObject, v: PyObject | null) => {
      const f = self as PyFunction;
      const nv = v === null || v === PyNone ? null : v;
      if (nv !== null && check) check(nv);
      if (nv !== null) incref(nv);
      const old = get(f);
      set(f, nv);
      xdecref(old);
    },
  };
}

function strAttr(which: 'name' | 'qualname') {
  return {
    get: (self: PyObject) => newStr((self as PyFunction)[which]),
    set: (self: PyObject, v: PyObject | null) => {
      if (!(v instanceof PyStr)) raise(Exc.TypeError, `__${which}__ must be set to a string object`);
      (self as PyFunction)[which] = v.value;
    },
  };
}

FunctionType.getsets = {
  __name__: strAttr('name'),
  __qualname__: strAttr('qualname'),
  __code__: {
    get: (self) => {
      const c = (self as PyFunction).codeObj;
      incref(c);
      return c;
    },
  },
  __defaults__: refAttr((f) => f.defaults, (f, v) => (f.defaults = v), (v) => {
    if (!(v instanceof PyTuple)) raise(Exc.TypeError, '__defaults__ must be set to a tuple object');
  }),
  __kwdefaults__: refAttr((f) => f.kwdefaults, (f, v) => (f.kwdefaults = v)),
  // with the annotations part (eval/annotations.ts), which the name loads
  __annotations__: { get: deferred(parts.annotations, 'function.__annotations__'), set: deferred(parts.annotations, 'function.__annotations__.set') },
  __closure__: { get: (self) => orNone((self as PyFunction).closure) },
  __globals__: { get: (self) => orNone((self as PyFunction).globals) },
  __builtins__: { get: (self) => orNone((self as PyFunction).builtins) },
  __module__: refAttr((f) => f.module, (f, v) => (f.module = v)),
  __doc__: refAttr((f) => f.doc, (f, v) => (f.doc = v)),
  __dict__: {
    get: (self) => {
      if (self.dict === null) self.dict = newDict();
      incref(self.dict);
      return self.dict;
    },
  },
};

// ---------------------------------------------------------------- staticmethod / classmethod construction

for (const t of [StaticMethodType, ClassMethodType]) {
  t.dictSlot = true;
  t.tp_new = (type, args, kwnames) => {
    if (kwnames && kwnames.length > 0) raise(Exc.TypeError, `${type.name}() takes no keyword arguments`);
    if (args.length !== 1) raise(Exc.TypeError, `${type.name} expected 1 argument, got ${args.length}`);
    return newStaticMethod(type, args[0]);
  };
  t.getsets = {
    __func__: { get: (self) => orNone((self as PyStaticMethod).callable) },
    __wrapped__: { get: (self) => orNone((self as PyStaticMethod).callable) },
    __isabstractmethod__: { get: () => orNone(PyNone) },
  };
  t.tp_repr = (o) => {
    const c = (o as PyStaticMethod).callable;
    return newStr(`<${t.name}(${c ? reprOfHook(c) : 'None'})>`);
  };
}
StaticMethodType.tp_call = (o, args, kwnames) => callHook((o as PyStaticMethod).callable!, args, kwnames);

let reprOfHook: (o: PyObject) => string = () => '?';
let callHook: (f: PyObject, args: PyObject[], kw: string[] | null) => PyObject = () => {
  throw new Error('unset');
};
export function setFuncobjectHooks(repr: (o: PyObject) => string, call: (f: PyObject, args: PyObject[], kw: string[] | null) => PyObject): void {
  reprOfHook = repr;
  callHook = call;
}
