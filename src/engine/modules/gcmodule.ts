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
import type { BuiltinMethod } from '../objects/typeobject.js';
import { gcstate, NUM_GENERATIONS } from '../gc/gcobject.js';
import {
  collect, getObjects, getReferents, getReferrers, isTracked, isFinalized, freeze, unfreeze,
  getFreezeCount, setUntrackHooks, hooks, writeUnraisable,
  DEBUG_STATS, DEBUG_COLLECTABLE, DEBUG_UNCOLLECTABLE, DEBUG_SAVEALL, DEBUG_LEAK,
} from '../gc/gc.js';
import { parseArgs, checkArity, noKeywords } from '../objects/args.js';
import { raise } from '../eval/errors.js';
import { Exc } from '../objects/exceptions.js';
import { PyNone } from '../objects/singletons.js';
import { newInt, newBool, asIndex } from '../objects/longobject.js';
import { newTuple, TupleType, tupleMaybeUntrack } from '../objects/tupleobject.js';
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

function intArg(o: PyObject): number {
  return asIndex(o, Exc.OverflowError);
}

function generationArg(fname: string, args: PyObject[], kwnames: string[] | null): number {
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
  set_debug(_m, args, kwnames) {
    noKeywords('gc.set_debug', kwnames);
    checkArity('gc.set_debug', args, 1, 1);
    gcstate.debug = intArg(args[0]);
    return PyNone;
  },
  get_debug(_m, args, kwnames) {
    parseArgs('get_debug', args, kwnames, [], 0);
    return newInt(gcstate.debug);
  },
  /** set_threshold(threshold0, [threshold1, threshold2]) */
  set_threshold(_m, args, kwnames) {
    noKeywords('set_threshold', kwnames);
    if (args.length < 1) raise(Exc.TypeError, `set_threshold() takes at least 1 argument (${args.length} given)`);
    if (args.length > 3) raise(Exc.TypeError, `set_threshold() takes at most 3 arguments (${args.length} given)`);
    const vals = args.map(intArg);
    for (let i = 0; i < vals.length; i++) gcstate.thresholds[i] = vals[i];
    return PyNone;
  },
  get_threshold(_m, args, kwnames) {
    parseArgs('get_threshold', args, kwnames, [], 0);
    return newTuple(gcstate.thresholds.map((t) => newInt(t)));
  },
  get_count(_m, args, kwnames) {
    parseArgs('get_count', args, kwnames, [], 0);
    // read the counts before the result tuple is allocated (Py_BuildValue order)
    const c = [...gcstate.counts];
    return newTuple(c.map((n) => newInt(n)));
  },
  /** get_objects(generation=None) */
  get_objects(_m, args, kwnames) {
    const [g] = parseArgs('get_objects', args, kwnames, ['generation'], 0);
    let gen = -1;
    if (g !== undefined && g !== PyNone) gen = intArg(g);
    if (gen >= NUM_GENERATIONS) {
      raise(Exc.ValueError, `generation parameter must be less than the number of available generations (${NUM_GENERATIONS})`);
    }
    if (gen < -1) raise(Exc.ValueError, 'generation parameter cannot be negative');
    const result = newList([]);
    const objs = getObjects(gen === -1 ? undefined : gen, result);
    appendAll(result, objs);
    return result;
  },
  get_referrers(_m, args, kwnames) {
    noKeywords('get_referrers', kwnames);
    const result = newList([]);
    appendAll(result, getReferrers(args, result));
    return result;
  },
  get_referents(_m, args, kwnames) {
    noKeywords('get_referents', kwnames);
    const result = newList([]);
    appendAll(result, getReferents(args));
    return result;
  },
  is_tracked(_m, args, kwnames) {
    noKeywords('gc.is_tracked', kwnames);
    checkArity('gc.is_tracked', args, 1, 1);
    return newBool(isTracked(args[0]));
  },
  is_finalized(_m, args, kwnames) {
    noKeywords('gc.is_finalized', kwnames);
    checkArity('gc.is_finalized', args, 1, 1);
    return newBool(isFinalized(args[0]));
  },
  get_stats(_m, args, kwnames) {
    parseArgs('get_stats', args, kwnames, [], 0);
    // snapshot first: building the dicts allocates (and may not change the stats)
    const stats = gcstate.stats.map((s) => ({ ...s }));
    const dicts = stats.map((s) => {
      const d = newDict();
      for (const [k, v] of Object.entries(s)) {
        const n = newInt(v);
        dictSetItemStr(d, k, n);
        decref(n);
      }
      return d as PyObject;
    });
    return newList(dicts);
  },
  freeze(_m, args, kwnames) {
    parseArgs('freeze', args, kwnames, [], 0);
    freeze();
    return PyNone;
  },
  unfreeze(_m, args, kwnames) {
    parseArgs('unfreeze', args, kwnames, [], 0);
    unfreeze();
    return PyNone;
  },
  get_freeze_count(_m, args, kwnames) {
    parseArgs('get_freeze_count', args, kwnames, [], 0);
    return newInt(getFreezeCount());
  },
};

function appendAll(list: PyObject, objs: PyObject[]): void {
  for (const o of objs) decref(callMethod(list, 'append', [o]));
}

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
