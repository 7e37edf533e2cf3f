/**
 * Module objects: a namespace dict with a name.
 * CPython counterpart: Objects/moduleobject.c.
 */

import { PyObject, decref, incref } from './object.js';
import { builtinType, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC, type Visit } from './typeobject.js';
import { gcAlloc, gcFree, gcTrack, gcUntrack } from '../gc/gcobject.js';
import { newDict, dictSetItemStr, dictGetItemStr, PyDict } from './dictobject.js';
import { newStr } from './unicodeobject.js';
import { PyNone } from './singletons.js';
import { raise } from '../eval/errors.js';
import { Exc, raiseAttributeError } from './exceptions.js';
import { strValue } from './unicodeobject.js';

export class PyModule extends PyObject {
  /** the module's namespace (md_dict) */
  md_dict!: PyDict;
  constructor(public name: string) {
    super(ModuleType);
  }
}

export const ModuleType = builtinType('module', 56, TPFLAGS_HAVE_GC | TPFLAGS_BASETYPE);
ModuleType.weakrefable = true;
ModuleType.tp_traverse = (o: PyObject, visit: Visit) => visit((o as PyModule).md_dict);
ModuleType.tp_dealloc = (o: PyObject) => {
  gcUntrack(o);
  decref((o as PyModule).md_dict);
  gcFree(o);
};
ModuleType.tp_repr = (o) => {
  const m = o as PyModule;
  const builtin = dictGetItemStr(m.md_dict, '__file__') === null;
  return newStr(builtin ? `<module '${m.name}' (built-in)>` : `<module '${m.name}' from '${fileOf(m)}'>`);
};

function fileOf(m: PyModule): string {
  const f = dictGetItemStr(m.md_dict, '__file__');
  return f ? strValue(f) : '?';
}

/** PyModule_New: a module with __name__, __doc__ = None, __package__, __loader__, __spec__ = None. */
export function newModule(name: string): PyModule {
  const m = new PyModule(name);
  gcAlloc(m, ModuleType.basicsize);
  m.md_dict = newDict();
  const n = newStr(name);
  dictSetItemStr(m.md_dict, '__name__', n);
  decref(n);
  for (const k of ['__doc__', '__package__', '__loader__', '__spec__']) dictSetItemStr(m.md_dict, k, PyNone);
  gcTrack(m);
  return m;
}

/** Module attribute lookup: the namespace, with CPython's error message. */
ModuleType.tp_getattro = (o, name) => {
  const m = o as PyModule;
  const v = dictGetItemStr(m.md_dict, name);
  if (v !== null) {
    incref(v);
    return v;
  }
  if (name === '__dict__') {
    incref(m.md_dict);
    return m.md_dict;
  }
  if (name === '__class__') {
    incref(ModuleType);
    return ModuleType;
  }
  raiseAttributeError(o, name, `module '${m.name}' has no attribute '${name}'`);
};
ModuleType.tp_setattro = (o, name, value) => {
  const m = o as PyModule;
  if (value === null) {
    if (!dictDelItemStrSafe(m.md_dict, name)) raise(Exc.AttributeError, `module '${m.name}' has no attribute '${name}'`);
    return;
  }
  dictSetItemStr(m.md_dict, name, value);
};

import { dictDelItemStr } from './dictobject.js';
function dictDelItemStrSafe(d: PyDict, name: string): boolean {
  return dictDelItemStr(d, name);
}

export { incref };

ModuleType.methods = {
  __dir__: (self) => {
    const keys = dictItems((self as PyModule).md_dict).map(([k]) => k);
    for (const k of keys) incref(k);
    return newList(keys);
  },
};
import { dictItems } from './dictobject.js';
import { newList } from './listobject.js';
