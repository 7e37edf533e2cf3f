/**
 * What the collector needs from the gc module from start-up, whether or not
 * a program imports gc (modules/gcmodule.ts, loaded on demand): tuples and
 * dicts untracked when they hold no containers (untrack_tuples,
 * untrack_dicts), and gc.garbage and gc.callbacks, which the collector
 * appends to and calls.
 * CPython counterpart: Modules/gcmodule.c (3.12.1).
 */
import { type PyObject, decref } from '../objects/object.js';
import { gcstate } from './gcobject.js';
import { setUntrackHooks, hooks, writeUnraisable } from './gc.js';
import { newInt } from '../objects/longobject.js';
import { TupleType, tupleMaybeUntrack } from '../objects/tupleobject.js';
import { newDict, dictSetItemStr, DictType, dictMaybeUntrack } from '../objects/dictobject.js';
import { newList } from '../objects/listobject.js';
import { newStr } from '../objects/unicodeobject.js';
import { call, callMethod, iterableToArray } from '../objects/abstract.js';

setUntrackHooks(TupleType, tupleMaybeUntrack, DictType, dictMaybeUntrack);

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
