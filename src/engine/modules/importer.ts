/**
 * `import`: finds builtin modules by name and caches them in sys.modules.
 * CPython counterpart: Python/import.c (PyImport_ImportModuleLevelObject,
 * _PyEval_ImportName, import_from, import_all_from).
 *
 * Only modules built into the simulator can be imported. A module that
 * CPython's standard library has but the simulator does not raises a clear
 * "not supported" error instead of ModuleNotFoundError, so a learner is never
 * told that a real module does not exist.
 */

import { PyObject, decref, incref } from '../objects/object.js';
import { raise, unsupported } from '../eval/errors.js';
import { Exc } from '../objects/exceptions.js';
import { PyModule, newModule } from '../objects/moduleobject.js';
import { dictGetItemStr, dictSetItemStr, dictItems, PyDict } from '../objects/dictobject.js';
import { newCFunction } from '../objects/methodobject.js';
import { strValue, PyStr } from '../objects/unicodeobject.js';
import { PyTuple } from '../objects/tupleobject.js';
import { getAttr, isExceptionOf, clearRaise } from '../objects/abstract.js';
import type { ModuleDef } from './moduledef.js';
import { heap } from '../memory/heap.js';
import { missingModule } from '../ondemand.js';
import type { Frame } from '../eval/frame.js';
import { PyLong } from '../objects/longobject.js';

const registry = new Map<string, () => ModuleDef>();

/** Registers a builtin module (called once at start-up by each module file's wiring). */
export function registerModule(name: string, def: () => ModuleDef): void {
  registry.set(name, def);
}

/** Whether a module of this name can be imported (see stdlib.ts for modules loaded on demand). */
export function isModuleRegistered(name: string): boolean {
  return registry.has(name);
}

/** sys.modules for the current run */
let sysModules: PyDict | null = null;
export function setSysModules(d: PyDict): void {
  sysModules = d;
}

/** Creates the module object for a ModuleDef. */
export function createModule(def: ModuleDef): PyModule {
  const m = newModule(def.name);
  heap.interpreterOwned.add(m);
  heap.interpreterOwned.add(m.md_dict);
  for (const [name, impl] of Object.entries(def.functions)) {
    const f = newCFunction(name, impl, m, false);
    heap.interpreterOwned.add(f);
    dictSetItemStr(m.md_dict, name, f);
    decref(f);
  }
  if (def.attrs) {
    for (const [name, v] of Object.entries(def.attrs())) {
      dictSetItemStr(m.md_dict, name, v);
      decref(v);
    }
  }
  return m;
}

/** Imports a top-level module by name; returns a new reference. */
export function importModule(name: string): PyObject {
  const cached = sysModules ? dictGetItemStr(sysModules, name) : null;
  if (cached !== null) {
    incref(cached);
    return cached;
  }
  const def = registry.get(name);
  if (def === undefined) return missingModule(name);
  const m = createModule(def());
  if (sysModules) dictSetItemStr(sysModules, name, m);
  return m;
}

/** IMPORT_NAME */
export function importName(name: string, fromlist: PyObject, level: PyObject, _frame: Frame): PyObject {
  if (level instanceof PyLong && level.value !== 0) unsupported('relative imports');
  void fromlist;
  return importModule(name);
}

/** IMPORT_FROM */
export function importFrom(mod: PyObject, name: string): PyObject {
  try {
    return getAttr(mod, name);
  } catch (e) {
    if (isExceptionOf(e, Exc.AttributeError)) {
      clearRaise(e);
      const modName = mod instanceof PyModule ? mod.name : '?';
      raise(Exc.ImportError, `cannot import name '${name}' from '${modName}' (unknown location)`);
    }
    throw e;
  }
}

/** `from m import *` */
export function importStar(mod: PyObject, frame: Frame): void {
  const locals = frame.locals;
  if (locals === null || !(mod instanceof PyModule)) unsupported('import * here');
  const all = dictGetItemStr(mod.md_dict, '__all__');
  if (all instanceof PyTuple) {
    for (const n of all.items) {
      const v = getAttr(mod, strValue(n));
      dictSetItemStr(locals, strValue(n), v);
      decref(v);
    }
    return;
  }
  for (const [k, v] of dictItems(mod.md_dict)) {
    const s = (k as PyStr).value;
    if (s.startsWith('_')) continue;
    dictSetItemStr(locals, s, v);
  }
}
