/**
 * The `gc` module. CPython counterpart: Modules/gcmodule.c (3.12.1), the
 * module half; the collector itself is src/engine/gc/gc.ts. Loaded on demand
 * like the other standard-library modules (modules/stdlib.ts): what the
 * collector needs at start-up whether or not a program imports gc (untracking
 * tuples and dicts, gc.garbage and gc.callbacks) is in gc/gcmodulestate.ts.
 */

import { PyObject, newref } from '../objects/object.js';
import type { ModuleDef } from './moduledef.js';
import { gcInspect as inspect, intArg } from './gcinspect.js';
import { garbageList, callbacksList } from '../gc/gcmodulestate.js';
import type { BuiltinMethod } from '../objects/typeobject.js';
import { gcstate, NUM_GENERATIONS } from '../gc/gcobject.js';
import {
  collect, DEBUG_STATS, DEBUG_COLLECTABLE, DEBUG_UNCOLLECTABLE, DEBUG_SAVEALL, DEBUG_LEAK,
} from '../gc/gc.js';
import { parseArgs } from '../objects/args.js';
import { raise } from '../eval/errors.js';
import { Exc } from '../objects/exceptions.js';
import { PyNone } from '../objects/singletons.js';
import { newInt, newBool } from '../objects/longobject.js';



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
