/**
 * The `weakref` module. CPython counterpart: Modules/_weakref.c plus the
 * names Lib/weakref.py re-exports. WeakValueDictionary, WeakKeyDictionary,
 * WeakSet and finalize are Python code in CPython (Lib/weakref.py,
 * Lib/_weakrefset.py); the simulator does not run them yet and says so.
 */

import type { PyObject } from '../objects/object.js';
import { newref } from '../objects/object.js';
import type { ModuleDef } from './moduledef.js';
import type { BuiltinMethod } from '../objects/typeobject.js';
import { checkArity, noKeywords, parseArgs } from '../objects/args.js';
import { unsupported } from '../eval/errors.js';
import { newInt } from '../objects/longobject.js';
import { newList } from '../objects/listobject.js';
import { ReferenceType, ProxyType, CallableProxyType } from '../objects/weakrefobject.js';
import { newProxy, getWeakrefCount, getWeakrefs } from '../objects/weakrefops.js';
import { WeakValueDictType, WeakSetType, FinalizeType } from '../objects/weakcontainers.js';

const functions: Record<string, BuiltinMethod> = {
  /** _weakref.getweakrefcount(object) */
  getweakrefcount(_m, args, kwnames) {
    noKeywords('getweakrefcount', kwnames);
    checkArity('getweakrefcount', args, 1, 1);
    return newInt(getWeakrefCount(args[0]));
  },
  /** _weakref.getweakrefs(object) */
  getweakrefs(_m, args, kwnames) {
    noKeywords('getweakrefs', kwnames);
    checkArity('getweakrefs', args, 1, 1);
    return newList(getWeakrefs(args[0]));
  },
  /** _weakref.proxy(object[, callback]) */
  proxy(_m, args, kwnames) {
    noKeywords('proxy', kwnames);
    const [ob, cb] = parseArgs('proxy', args, kwnames, ['object', 'callback'], 1, 2);
    return newProxy(ob!, cb ?? null);
  },
  WeakKeyDictionary() {
    unsupported('weakref.WeakKeyDictionary');
  },
  WeakMethod() {
    unsupported('weakref.WeakMethod');
  },
};

const weakrefModule: ModuleDef = {
  name: 'weakref',
  doc: 'Support for weak references and weak dictionaries.',
  functions,
  attrs: (): Record<string, PyObject> => ({
    WeakValueDictionary: newref(WeakValueDictType),
    WeakSet: newref(WeakSetType),
    finalize: newref(FinalizeType),
    ref: newref(ReferenceType),
    ReferenceType: newref(ReferenceType),
    ProxyType: newref(ProxyType),
    CallableProxyType: newref(CallableProxyType),
  }),
};

/** The module's definition (loaded on demand, see stdlib.ts). */
export function weakrefDef(): ModuleDef {
  return weakrefModule;
}
