/**
 * The `gc` module. CPython counterpart: Modules/gcmodule.c (3.12.1), the
 * module half; the collector itself is src/engine/gc/gc.ts.
 *
 * Importing this file also plugs the containers into the collector
 * (untrack_tuples/untrack_dicts) and makes gc.callbacks and gc.garbage work,
 * so the runtime should import it at start-up, not only on `import gc`.
 */

import { PyObject, decref, newref } from '../objects/object.js';
import type { ModuleDef } from './moduledef.js';
import { parts, deferredMethods } from '../ondemand.js';
import type { BuiltinMethod } from '../objects/typeobject.js';
import { gcstate, NUM_GENERATIONS } from '../gc/gcobject.js';
import {
  collect, setUntrackHooks, hooks, writeUnraisable,
  DEBUG_STATS, DEBUG_COLLECTABLE, DEBUG_UNCOLLECTABLE, DEBUG_SAVEALL, DEBUG_LEAK,
} from '../gc/gc.js';
import { parseArgs } from '../objects/args.js';
import { raise } from '../eval/errors.js';
import { Exc } from '../objects/exceptions.js';
import { PyNone } from '../objects/singletons.js';
import { newInt, newBool, asIndex } from '../objects/longobject.js';
import { TupleType, tupleMaybeUntrack } from '../objects/tupleobject.js';
import { newDict, dictSetItemStr, DictType, dictMaybeUntrack } from '../objects/dictobject.js';
import { newList } from '../objects/listobject.js';
import { newStr } from '../objects/unicodeobject.js';
import { call, callMethod, iterableToArray } from '../objects/abstract.js';

setUntrackHooks(TupleType, tupleMaybeUntrack, DictType, dictMaybeUntrack);

/** gcstate->garbage / gcstate->callbacks: created once per run, on first need */
function garbageList(): PyObject {
  let g = gcstate.garbage;
  if (g === null) gcstate.garbage = g = newList([]) as PyObject;
  return g;
}
function callbacksList(): PyObject {
  let c = gcstate.callbacks;
  if (c === null) gcstate.callbacks = c = newList([]) as PyObject;
  return c;
}

hooks.appendGarbage = (o) => {
  const r = callMethod(garbageList(), 'append', [o]);
  decref(r);
};

/** invoke_gc_callback: each callback gets (phase, {"generation", "collected", "uncollectable"}) */
hooks.invokeCallbacks = (phase, generation, collected, uncollectable) => {
  const cbs = gcstate.callbacks;
  if (cbs === null) return;
  const list = iterableToArray(cbs);
  if (list.length === 0) return;
  const info = newDict();
  for (const [k, v] of [['generation', generation], ['collected', collected], ['uncollectable', uncollectable]] as const) {
    const n = newInt(v);
    dictSetItemStr(info, k, n);
    decref(n);
  }
  const ph = newStr(phase);
  try {
    for (const cb of list) {
      try {
        decref(call(cb, [ph, info]));
      } catch (e) {
        writeUnraisable(e, cb);
      }
    }
  } finally {
    for (const cb of list) decref(cb);
    decref(ph);
    decref(info);
  }
};

export function intArg(o: PyObject): number {
  return asIndex(o, Exc.OverflowError);
}

export function generationArg(fname: string, args: PyObject[], kwnames: string[] | null): number {
  const [g] = parseArgs(fname, args, kwnames, ['generation'], 0);
  return g === undefined ? NUM_GENERATIONS - 1 : intArg(g);
}

/**
 * The gc module's tuning and introspection functions: an on-demand part
 * (modules/gcinspect.ts); a program that names one of them loads it.
 */
const later = deferredMethods<BuiltinMethod>(parts.gcinspect, [
  'set_debug', 'get_debug', 'set_threshold', 'get_threshold', 'get_count', 'get_objects', 'get_referrers',
  'get_referents', 'is_tracked', 'is_finalized', 'get_stats', 'freeze', 'unfreeze', 'get_freeze_count',
]);

const functions: Record<string, BuiltinMethod> = {
  enable(_m, args, kwnames) {
    parseArgs('enable', args, kwnames, [], 0);
    gcstate.enabled = true;
    return PyNone;
  },
  disable(_m, args, kwnames) {
    parseArgs('disable', args, kwnames, [], 0);
    gcstate.enabled = false;
    return PyNone;
  },
  isenabled(_m, args, kwnames) {
    parseArgs('isenabled', args, kwnames, [], 0);
    return newBool(gcstate.enabled);
  },
  /** gc.collect(generation=2) -> number of unreachable objects found */
  collect(_m, args, kwnames) {
    const generation = generationArg('collect', args, kwnames);
    if (generation < 0 || generation >= NUM_GENERATIONS) raise(Exc.ValueError, 'invalid generation');
    return newInt(collect(generation));
  },
  set_debug: later.set_debug,
  get_debug: later.get_debug,
  set_threshold: later.set_threshold,
  get_threshold: later.get_threshold,
  get_count: later.get_count,
  get_objects: later.get_objects,
  get_referrers: later.get_referrers,
  get_referents: later.get_referents,
  is_tracked: later.is_tracked,
  is_finalized: later.is_finalized,
  get_stats: later.get_stats,
  freeze: later.freeze,
  unfreeze: later.unfreeze,
  get_freeze_count: later.get_freeze_count,
};

export const gcModule: ModuleDef = {
  name: 'gc',
  doc: 'This module provides access to the garbage collector for reference cycles.',
  functions,
  attrs: () => ({
    garbage: newref(garbageList()),
    callbacks: newref(callbacksList()),
    DEBUG_STATS: newInt(DEBUG_STATS),
    DEBUG_COLLECTABLE: newInt(DEBUG_COLLECTABLE),
    DEBUG_UNCOLLECTABLE: newInt(DEBUG_UNCOLLECTABLE),
    DEBUG_SAVEALL: newInt(DEBUG_SAVEALL),
    DEBUG_LEAK: newInt(DEBUG_LEAK),
  }),
};
