/**
 * The `gc` module. CPython counterpart: Modules/gcmodule.c (3.12.1), the
 * module half; the collector itself is src/engine/gc/gc.ts. Loaded on demand
 * like the other standard-library modules (modules/stdlib.ts): what the
 * collector needs at start-up whether or not a program imports gc (untracking
 * tuples and dicts) is in gc/gcmodulestate.ts; its hooks for gc.garbage and
 * gc.callbacks, which only a program that imported gc can use, are here.
 */

import { PyObject, decref, newref } from '../objects/object.js';
import type { ModuleDef } from './moduledef.js';
import { gcInspect as inspect, intArg } from './gcinspect.js';
import type { BuiltinMethod } from '../objects/typeobject.js';
import { gcstate, NUM_GENERATIONS, type GCList } from '../gc/gcobject.js';
import {
  collect, hooks, writeUnraisable, permanent, forEachIn, DEBUG_STATS, DEBUG_COLLECTABLE, DEBUG_UNCOLLECTABLE,
  DEBUG_SAVEALL, DEBUG_LEAK,
} from '../gc/gc.js';
import { writeStderr } from './sysmodule.js';
import { parseArgs } from '../objects/args.js';
import { raise } from '../eval/errors.js';
import { Exc } from '../objects/exceptions.js';
import { PyNone } from '../objects/singletons.js';
import { newInt, newBool } from '../objects/longobject.js';
import { newDict, dictSetItemStr } from '../objects/dictobject.js';
import { newList } from '../objects/listobject.js';
import { newStr } from '../objects/unicodeobject.js';
import { call, callMethod, iterableToArray } from '../objects/abstract.js';

// gc.garbage and gc.callbacks: the collector's hooks for them, installed when the module is loaded
/** gcstate->garbage / gcstate->callbacks: created once per run, on first need */
export function garbageList(): PyObject {
  let g = gcstate.garbage;
  if (g === null) gcstate.garbage = g = newList([]) as PyObject;
  return g;
}
export function callbacksList(): PyObject {
  let c = gcstate.callbacks;
  if (c === null) gcstate.callbacks = c = newList([]) as PyObject;
  return c;
}

/** debug_cycle */
function debugCycle(msg: string, op: PyObject): void {
  writeStderr(`gc: ${msg} <${op.type.name} 0x${op.addr.toString(16).padStart(12, '0')}>\n`);
}

/** gc_collect_main's DEBUG_* messages */
hooks.debug = (what, a, b) => {
  const d = gcstate.debug;
  if (what === DEBUG_STATS && d & DEBUG_STATS) {
    writeStderr(`gc: collecting generation ${a as number}...\n`);
    writeStderr(
      `gc: objects in each generation: ${gcstate.generations.map((l) => l.size()).join(' ')}\n` +
        `gc: objects in permanent generation: ${permanent().size()}\n`,
    );
  } else if (what === DEBUG_COLLECTABLE && d & DEBUG_COLLECTABLE) {
    forEachIn(a as GCList, (o) => debugCycle('collectable', o));
  } else if (what === DEBUG_UNCOLLECTABLE && d & DEBUG_UNCOLLECTABLE) {
    debugCycle('uncollectable', a as PyObject);
  } else if (what === 0 && d & DEBUG_STATS) {
    const n = a as number, m = b!;
    writeStderr(`gc: done, ${n + m} unreachable, ${n} uncollectable, 0.0000s elapsed\n`);
  }
};

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



export function generationArg(fname: string, args: PyObject[], kwnames: string[] | null): number {
  const [g] = parseArgs(fname, args, kwnames, ['generation'], 0);
  return g === undefined ? NUM_GENERATIONS - 1 : intArg(g);
}


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
  set_debug: inspect.set_debug,
  get_debug: inspect.get_debug,
  set_threshold: inspect.set_threshold,
  get_threshold: inspect.get_threshold,
  get_count: inspect.get_count,
  get_objects: inspect.get_objects,
  get_referrers: inspect.get_referrers,
  get_referents: inspect.get_referents,
  is_tracked: inspect.is_tracked,
  is_finalized: inspect.is_finalized,
  get_stats: inspect.get_stats,
  freeze: inspect.freeze,
  unfreeze: inspect.unfreeze,
  get_freeze_count: inspect.get_freeze_count,
};

const gcModule: ModuleDef = {
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

/** The module, for the importer (modules/stdlib.ts loads this file when a program names `gc`). */
export const gcDef = (): ModuleDef => gcModule;
