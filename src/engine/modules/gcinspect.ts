/**
 * The gc module's tuning and introspection functions (with the module,
 * modules/gcmodule.ts, loaded on demand): thresholds, counts, debug flags,
 * get_objects, get_referrers, get_referents, is_tracked, is_finalized,
 * get_stats and freezing. Moved here verbatim from
 * modules/gcmodule.ts and gc/gc.ts (get_objects, get_referrers,
 * get_referents, freeze).
 * CPython counterpart: Modules/gcmodule.c.
 */
import { PyObject, decref } from '../objects/object.js';
import type { BuiltinMethod } from '../objects/typeobject.js';
import { gcstate, NUM_GENERATIONS } from '../gc/gcobject.js';
import { isGCObject, isTracked, isFinalized, permanent } from '../gc/gc.js';
import { parseArgs, checkArity, noKeywords } from '../objects/args.js';
import { raise } from '../eval/errors.js';
import { Exc } from '../objects/exceptions.js';
import { PyNone } from '../objects/singletons.js';
import { newInt, newBool, asIndex } from '../objects/longobject.js';
import { newTuple } from '../objects/tupleobject.js';
import { newDict, dictSetItemStr } from '../objects/dictobject.js';
import { newList } from '../objects/listobject.js';
import { callMethod } from '../objects/abstract.js';

export function intArg(o: PyObject): number {
  return asIndex(o, Exc.OverflowError);
}

function appendAll(list: PyObject, objs: PyObject[]): void {
  for (const o of objs) decref(callMethod(list, 'append', [o]));
}

/**
 * gc.get_objects(generation): tracked objects, generation by generation
 * (borrowed references). `exclude` is the result list being built.
 */
export function getObjects(generation?: number, exclude: PyObject | null = null): PyObject[] {
  const out: PyObject[] = [];
  const gens = generation === undefined ? [0, 1, 2] : [generation];
  for (const i of gens) for (const o of gcstate.generations[i]) if (o !== exclude) out.push(o);
  return out;
}

/** gc.get_referents(*objs): what each GC object's tp_traverse visits, in order (borrowed). */
export function getReferents(objs: PyObject[]): PyObject[] {
  const out: PyObject[] = [];
  for (const o of objs) {
    if (!isGCObject(o)) continue;
    const traverse = o.type.tp_traverse;
    if (traverse === null) continue;
    traverse(o, (c) => {
      out.push(c);
    });
  }
  return out;
}

/** gc.get_referrers(*objs): every tracked object whose tp_traverse visits one of objs (borrowed). */
export function getReferrers(objs: PyObject[], exclude: PyObject | null = null): PyObject[] {
  const out: PyObject[] = [];
  const targets = new Set(objs);
  for (let i = 0; i < NUM_GENERATIONS; i++) {
    for (const o of gcstate.generations[i]) {
      if (o === exclude) continue;
      const traverse = o.type.tp_traverse;
      if (traverse === null) continue;
      let found = false;
      traverse(o, (c) => {
        if (targets.has(c)) found = true;
      });
      if (found) out.push(o);
    }
  }
  return out;
}

/** gc.freeze: every tracked object moves to the permanent generation, which is never collected. */
export function freeze(): void {
  const g = gcstate;
  for (let i = 0; i < NUM_GENERATIONS; i++) {
    permanent().merge(g.generations[i]);
    g.counts[0] = 0;
  }
}

/** gc.unfreeze: the permanent generation goes back into the oldest one. */
export function unfreeze(): void {
  gcstate.generations[NUM_GENERATIONS - 1].merge(permanent());
}

/** gc.get_freeze_count */
export function getFreezeCount(): number {
  return permanent().size();
}

const functions: Record<string, BuiltinMethod> = {
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

export const gcInspect = functions;
