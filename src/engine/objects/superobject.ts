/**
 * super(): attribute lookup that starts after a given class in the MRO.
 * CPython counterpart: Objects/typeobject.c (super_getattro, _PySuper_Lookup,
 * super_init_without_args) and LOAD_SUPER_ATTR in Python/bytecodes.c.
 */

import { PyObject } from './object.js';
import { builtinType, PyTypeObject, TypeType, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC } from './typeobject.js';
// evaluated here as before classcreation.ts took their users (module order fixes the builtin types' ids)
import '../gc/gcobject.js';
import '../eval/errors.js';
import './exceptions.js';
import './dictobject.js';
import './typeready.js';
import './abstract.js';
import './unicodeobject.js';
import './singletons.js';
import '../eval/pystate.js';
import './cellobject.js';
import '../bytecode/code.js';
import { parts, deferred, deferredMethod } from '../ondemand.js';

export class PySuper extends PyObject {
  /** the class after which lookup starts (super's first argument) */
  thisType: PyTypeObject | null = null;
  /** the instance or class (second argument) */
  obj: PyObject | null = null;
  /** type(obj), or obj when obj is a class */
  objType: PyTypeObject | null = null;
}

export const SuperType = builtinType('super', 40, TPFLAGS_HAVE_GC | TPFLAGS_BASETYPE);

// Its slots and LOAD_SUPER_ATTR's lookup: code in the on-demand part that
// makes classes (objects/classcreation.ts; the word `super` loads it too).
// `super()` needs a class's __class__ cell; super(type, obj) with builtin
// types and no class is rare enough to cost a second run.
const P = parts.classes;
for (const slot of ['tp_new', 'tp_init', 'tp_getattro', 'tp_repr', 'tp_traverse', 'tp_dealloc'] as const) {
  (SuperType as unknown as Record<string, unknown>)[slot] = deferred(P, `super.${slot}`);
}

/**
 * LOAD_SUPER_ATTR: `super().name` (or super(cls, self) when twoArgs is false
 * and the compiler passed the class cell and first argument anyway).
 * Returns [attribute, isUnboundMethod].
 */
export const superLookup = deferredMethod<(
  globalSuper: PyObject, cls: PyObject, self: PyObject, name: string, loadMethod: boolean, twoArgs: boolean,
) => [PyObject, boolean]>(P, 'superLookup');

export { TypeType };
