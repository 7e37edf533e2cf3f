/**
 * How a builtin module (sys, gc, weakref, time …) is declared.
 * CPython counterpart: PyModuleDef (Include/moduleobject.h).
 *
 * The import system (src/engine/modules/index.ts) creates the module object
 * on first import: each function becomes a builtin function whose `self` is
 * the module, and `attrs()` supplies the other attributes (new references).
 */

import type { PyObject } from '../objects/object.js';
import type { BuiltinMethod } from '../objects/typeobject.js';

export interface ModuleDef {
  name: string;
  doc?: string;
  functions: Record<string, BuiltinMethod>;
  /** other attributes, computed at import time; the values are new references */
  attrs?: () => Record<string, PyObject>;
}
