/**
 * The cyclic garbage collector. CPython counterpart: Modules/gcmodule.c at
 * v3.12.1 (the collector half; 3.13 moved it to Python/gc.c unchanged in
 * substance, 3.14 made it incremental — we follow 3.12's non-incremental one).
 *
 * Function names are gc.c's (update_refs, subtract_refs, move_unreachable,
 * handle_weakrefs, finalize_garbage, handle_resurrected_objects,
 * delete_garbage, gc_collect_main, gc_collect_generations) so a reader who
 * knows gc.c finds each phase. The order of objects in the generation lists is
 * kept exactly as CPython keeps it, because that order decides the order in
 * which `__del__` runs and cycles are cleared.
 *
 * This module depends only on the object header, the heap and the GC lists,
 * so the collector never needs the containers or the eval loop to load; the
 * few things it needs from them (tuple/dict untracking, calling gc.callbacks,
 * appending to gc.garbage, reporting unraisable exceptions, clearing free
 * lists) are registered as hooks by their owners.
 *
 * How gc_refs is kept: CPython packs gc_refs and two flags into _gc_prev and
 * _gc_next. Here PyObject.gcRefs encodes the same states:
 *   0        not COLLECTING (the object is outside the generation being collected)
 *   k + 1    COLLECTING with gc_refs == k
 *   -1       COLLECTING and NEXT_MASK_UNREACHABLE (moved to `unreachable`, gc_refs 0)
 * Every object's gcRefs is 0 between collections, so untracked and non-GC
 * objects are never mistaken for members of the collected set.
 */

import { PyObject, decref, incref, isImmortal } from '../objects/object.js';
import type { PyTypeObject } from '../objects/typeobject.js';
import { TypeType, TPFLAGS_HEAPTYPE, isSubtype } from '../objects/typeobject.js';
import { heap, FreeReason } from '../memory/heap.js';
import { GCList, GCState, NUM_GENERATIONS, gcstate, listRemove } from './gcobject.js';

// ---------------------------------------------------------------- debug flags (gcmodule.c)

export const DEBUG_STATS = 1 << 0;
export const DEBUG_COLLECTABLE = 1 << 1;
export const DEBUG_UNCOLLECTABLE = 1 << 2;
export const DEBUG_SAVEALL = 1 << 5;
export const DEBUG_LEAK = DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL;

// ---------------------------------------------------------------- hooks

/**
 * What other modules plug into the collector. Every hook is optional: with
 * none registered the collector still finds and frees cycles.
 */
export interface GCHooks {
  /** _PyTuple_MaybeUntrack, called on exact tuples that survive (untrack_tuples) */
  tupleMaybeUntrack: ((o: PyObject) => void) | null;
  tupleType: PyTypeObject | null;
  /** _PyDict_MaybeUntrack, called on exact dicts that survive a full collection (untrack_dicts) */
  dictMaybeUntrack: ((o: PyObject) => void) | null;
  dictType: PyTypeObject | null;
  /** invoke_gc_callback: calls each of gc.callbacks with (phase, info dict) */
  invokeCallbacks: ((phase: 'start' | 'stop', generation: number, collected: number, uncollectable: number) => void) | null;
  /** PyList_Append(gcstate->garbage, op) for DEBUG_SAVEALL */
  appendGarbage: ((o: PyObject) => void) | null;
  /**
   * the DEBUG_* messages (gc.set_debug), written by the gc module (modules/gcmodule.ts): when a
   * collection starts (DEBUG_STATS) and is done (0, with n and m), for the unreachable objects
   * (DEBUG_COLLECTABLE) and each uncollectable one (DEBUG_UNCOLLECTABLE)
   */
  debug: ((what: number, a: number | GCList | PyObject, b?: number) => void) | null;
  /** the free lists cleared by a full collection (clear_freelists) */
  freelistClearers: (() => void)[];
  /** the trace recorder: told when each collection starts and what it found (src/engine/trace) */
  onCollect?: ((phase: 'start' | 'stop', generation: number, collected: number, uncollectable: number) => void) | null;
}

export const hooks: GCHooks = {
  tupleMaybeUntrack: null,
  tupleType: null,
  dictMaybeUntrack: null,
  dictType: null,
  invokeCallbacks: null,
  appendGarbage: null,
  debug: null,
  freelistClearers: [],
};

/** Registration for the containers: tupleobject.ts / dictobject.ts export the MaybeUntrack functions. */
export function setUntrackHooks(
  tupleType: PyTypeObject | null,
  tupleMaybeUntrack: ((o: PyObject) => void) | null,
  dictType: PyTypeObject | null,
  dictMaybeUntrack: ((o: PyObject) => void) | null,
): void {
  hooks.tupleType = tupleType;
  hooks.tupleMaybeUntrack = tupleMaybeUntrack;
  hooks.dictType = dictType;
  hooks.dictMaybeUntrack = dictMaybeUntrack;
}

/** A free list that a full collection empties (_PyTuple_ClearFreeList, _PyList_ClearFreeList …). */
export function addFreelistClearer(f: () => void): void {
  hooks.freelistClearers.push(f);
}

/**
 * PyErr_WriteUnraisable: an exception raised where nobody can catch it (a
 * weakref callback, a finalizer, a gc callback). The lead's sys module
 * replaces this with one that prints "Exception ignored in: …" to stderr.
 * The default swallows Python exceptions (dropping the exception's
 * reference) and rethrows anything else, which is an engine bug or an
 * "unsupported" signal that must not be hidden.
 */
export let writeUnraisable: (err: unknown, obj: PyObject | null, msg?: string) => void = (err) => {
  const exc = (err as { exc?: unknown } | null)?.exc;
  if (exc instanceof PyObject) {
    decref(exc);
    return;
  }
  throw err;
};
export function setUnraisableHook(f: (err: unknown, obj: PyObject | null, msg?: string) => void): void {
  writeUnraisable = f;
}

// ---------------------------------------------------------------- weak references

/**
 * The fields of a weak reference the collector reads (PyWeakReference; the
 * type itself is in objects/weakrefobject.ts). A referent's weak references
 * are its `weakrefs` array, index 0 being the head of CPython's wr_next list.
 */
export interface WeakrefFields extends PyObject {
  /** the referent, or null once cleared (CPython stores Py_None) */
  wr_object: PyObject | null;
  wr_callback: PyObject | null;
}

const weakrefTypes: PyTypeObject[] = [];
/** weakrefobject.ts registers ReferenceType, ProxyType and CallableProxyType. */
export function registerWeakrefType(t: PyTypeObject): void {
  if (!weakrefTypes.includes(t)) weakrefTypes.push(t);
}
/** PyWeakref_Check */
export function isWeakref(o: PyObject): o is WeakrefFields {
  for (const t of weakrefTypes) if (o.type === t || isSubtype(o.type, t)) return true;
  return false;
}

/**
 * clear_weakref (Objects/weakrefobject.c): unlinks `wr` from its referent's
 * list and drops its callback.
 */
export function clearWeakref(wr: WeakrefFields): void {
  const callback = wr.wr_callback;
  const obj = wr.wr_object;
  if (obj !== null) {
    const list = obj.weakrefs;
    if (list !== null) {
      const i = list.indexOf(wr);
      if (i >= 0) list.splice(i, 1);
      if (list.length === 0) obj.weakrefs = null;
    }
    wr.wr_object = null;
  }
  if (callback !== null) {
    wr.wr_callback = null;
    decref(callback);
  }
}

/** _PyWeakref_ClearRef: clear_weakref but keep the callback (the collector decides whether to call it). */
export function weakrefClearRef(wr: WeakrefFields): void {
  const callback = wr.wr_callback;
  wr.wr_callback = null;
  clearWeakref(wr);
  wr.wr_callback = callback;
}

// ---------------------------------------------------------------- the permanent generation

/** gcstate->permanent_generation (gc.freeze); kept beside GCState, one per run. */
const permanentGenerations = new WeakMap<GCState, GCList>();
export function permanent(): GCList {
  let p = permanentGenerations.get(gcstate);
  if (!p) {
    p = new GCList();
    permanentGenerations.set(gcstate, p);
  }
  return p;
}

// ---------------------------------------------------------------- list helpers

/** Calls f on each object of `list` (f must not unlink objects other than the one it is given). */
export function forEachIn(list: GCList, f: (o: PyObject) => void): void {
  const head = list.head;
  for (let o = head.gcNext!; o !== head; ) {
    const next = o.gcNext!;
    f(o);
    o = next;
  }
}

/** gc_list_move: unlinks `o` from its list and appends it to `list`. */
function listMove(o: PyObject, list: GCList): void {
  listRemove(o);
  list.append(o);
}

function isCollecting(o: PyObject): boolean {
  return o.gcRefs !== 0;
}

/** _PyObject_IS_GC: a GC type's instance (types themselves only when they are heap types). */
export function isGCObject(o: PyObject): boolean {
  if (!o.type.isGC()) return false;
  if (o.type === TypeType || isSubtype(o.type, TypeType)) {
    return ((o as PyTypeObject).flags & TPFLAGS_HEAPTYPE) !== 0;
  }
  return true;
}

// ---------------------------------------------------------------- deduce_unreachable

/**
 * update_refs: gc_refs = ob_refcnt for every object in `containers`, marking
 * them COLLECTING. Objects that have become immortal move to the permanent
 * generation (3.12: their count no longer says how many references exist).
 */
function update_refs(containers: GCList): void {
  const head = containers.head;
  let o = head.gcNext!;
  while (o !== head) {
    const next = o.gcNext!;
    if (isImmortal(o)) {
      listMove(o, permanent());
      o = next;
      continue;
    }
    o.gcRefs = o.refcnt + 1;
    o = next;
  }
}

/**
 * The collector's one visit function, passed to every tp_traverse during a
 * collection: visit_decref in subtract_refs, visit_reachable in
 * move_unreachable, chosen by `visitMode`. One function instead of two (or a
 * closure per scan) keeps the `visit(child)` call inside each traverse
 * function monomorphic, so V8 inlines it there.
 */
const VISIT_DECREF = 0;
const VISIT_REACHABLE = 1;
let visitMode = VISIT_DECREF;
/** move_unreachable's `young`, for visit_reachable */
let visitYoung: GCList | null = null;

function gcVisit(op: PyObject): void {
  const refs = op.gcRefs;
  if (visitMode === VISIT_DECREF) {
    // visit_decref: only references to objects inside the collected set count.
    if (refs > 1) op.gcRefs = refs - 1;
    // gcRefs === 1 would mean "refcount is too small": a type's tp_traverse
    // visits a reference it does not own. CPython asserts; we ignore it.
    return;
  }
  // visit_reachable
  if (!refs) return; // not in the collected set (or not a container), or already scanned
  if (refs === -1) {
    // it had gc_refs 0 when the scan reached it, but it is reachable after all
    listMove(op, visitYoung!);
    unreachableCount--;
    op.gcRefs = 2;
  } else if (refs === 1) {
    // in young, not yet scanned: tell the scan it is reachable
    op.gcRefs = 2;
  }
}

/** subtract_refs: after this, gc_refs counts the references from outside the set. */
function subtract_refs(containers: GCList): void {
  const head = containers.head;
  visitMode = VISIT_DECREF;
  for (let o = head.gcNext!; o !== head; o = o.gcNext!) {
    const traverse = o.type.tp_traverse;
    if (traverse !== null) traverse(o, gcVisit);
  }
}

/**
 * How many objects move_unreachable left in `unreachable` (kept as it moves
 * them, so nobody walks the list again to count them).
 */
let unreachableCount = 0;

/**
 * move_unreachable: scans `young` in list order. An object with gc_refs > 0
 * is reachable: it stays, and everything it references is marked reachable
 * (objects already moved to `unreachable` are moved back to the END of
 * `young`, to be scanned again). An object with gc_refs == 0 is tentatively
 * moved to the end of `unreachable`. Sets unreachableCount.
 *
 * With `untrackTuples`, it also does untrack_tuples' work (which
 * gc_collect_main runs on `young` right after) as each reachable object is
 * scanned, saving a walk over the survivors: the scan visits them in their
 * final list order, and a tuple's check reads only the tracking state of
 * tuples before it (already decided) or after it (still tracked), exactly as
 * in the separate pass. Returns how many objects stay in `young`.
 */
function move_unreachable(young: GCList, unreachable: GCList, untrackTuples: boolean): number {
  const yhead = young.head;
  visitMode = VISIT_REACHABLE;
  visitYoung = young;
  unreachableCount = 0;
  const tupleType = untrackTuples ? hooks.tupleType : null;
  const tupleMaybeUntrack = hooks.tupleMaybeUntrack;
  let survivors = 0;
  let prev = yhead;
  let o = yhead.gcNext!;
  while (o !== yhead) {
    if (o.gcRefs > 1) {
      const traverse = o.type.tp_traverse;
      if (traverse !== null) traverse(o, gcVisit);
      o.gcRefs = 0; // gc_clear_collecting
      if (o.type === tupleType && tupleMaybeUntrack !== null) {
        tupleMaybeUntrack(o);
        // untracked: it left the list, so prev.gcNext is already the next object
        if (o.gcTracked) {
          prev = o;
          survivors++;
        }
      } else {
        prev = o;
        survivors++;
      }
    } else {
      listMove(o, unreachable);
      unreachableCount++;
      o.gcRefs = -1; // NEXT_MASK_UNREACHABLE
    }
    // traverse may have appended to young: read prev's next only now
    o = prev.gcNext!;
  }
  visitMode = VISIT_DECREF;
  visitYoung = null;
  return survivors;
}

/** clear_unreachable_mask: the objects stay COLLECTING with gc_refs 0. */
function clear_unreachable_mask(unreachable: GCList): void {
  const head = unreachable.head;
  for (let o = head.gcNext!; o !== head; o = o.gcNext!) o.gcRefs = 1;
}

/**
 * deduce_unreachable: update_refs, subtract_refs, move_unreachable; with
 * `untrackTuples`, also untrack_tuples on what stays in `base` (see
 * move_unreachable). Returns how many objects stay in `base`.
 */
function deduce_unreachable(base: GCList, unreachable: GCList, untrackTuples = false): number {
  update_refs(base);
  subtract_refs(base);
  return move_unreachable(base, unreachable, untrackTuples);
}

/**
 * untrack_dicts (full collections only, issue #14775): returns how many
 * objects are left in the list (gc_list_size, which gc_collect_main calls
 * next: counted here to save a walk over the list).
 */
function untrack_dicts(list: GCList): number {
  const t = hooks.dictType, maybeUntrack = hooks.dictMaybeUntrack;
  const head = list.head;
  let n = 0;
  for (let o = head.gcNext!; o !== head; ) {
    const next = o.gcNext!;
    if (o.type === t && maybeUntrack !== null) {
      maybeUntrack(o);
      if (o.gcTracked) n++;
    } else {
      n++;
    }
    o = next;
  }
  return n;
}

/**
 * move_legacy_finalizers: objects with a pre-PEP 442 tp_del would move to
 * `finalizers`. No type in the simulator has tp_del (only C extensions do),
 * so this only clears NEXT_MASK_UNREACHABLE, as CPython's loop does.
 */
function move_legacy_finalizers(unreachable: GCList, _finalizers: GCList): void {
  clear_unreachable_mask(unreachable);
}

// ---------------------------------------------------------------- weakrefs, finalizers, deletion

/**
 * handle_weakrefs: clears every weak reference to an unreachable object
 * (and every weakref that is itself unreachable) before any callback runs.
 * A callback is called only when the weakref itself is reachable; returns
 * how many such weakrefs were freed right after their callback (they count
 * in gc.collect()'s result).
 */
function handle_weakrefs(unreachable: GCList, old: GCList): number {
  // (gc_collect_main checks weakrefCallbacksCalled afterwards)
  const wrcb_to_call = new GCList();
  // isWeakref walks the type's MRO; unreachable objects come in runs of one type
  let lastType: PyTypeObject | null = null, lastIsWeakref = false;
  for (let o = unreachable.head.gcNext!; o !== unreachable.head; ) {
    const next = o.gcNext!;
    if (o.type !== lastType) {
      lastType = o.type;
      lastIsWeakref = isWeakref(o);
    }
    if (lastIsWeakref) {
      // a weakref inside the unreachable set must be cleared (bpo-38006)
      weakrefClearRef(o as WeakrefFields);
    }
    if (o.type.weakrefable) {
      while (o.weakrefs !== null && o.weakrefs.length > 0) {
        const wr = o.weakrefs[0] as WeakrefFields;
        weakrefClearRef(wr);
        if (wr.wr_callback === null) continue;
        // a weakref that is trash itself: its callback is never called
        if (isCollecting(wr)) continue;
        incref(wr);
        if (wr.gcTracked) listMove(wr, wrcb_to_call);
        else pendingUntracked.push(wr);
      }
    }
    o = next;
  }
  // Weakrefs are always tracked in the simulator; `pendingUntracked` only
  // guards against a subclass that is not, keeping the callback order.
  const untracked = pendingUntracked.splice(0);

  let num_freed = 0;
  while (!wrcb_to_call.isEmpty()) {
    const wr = wrcb_to_call.head.gcNext! as WeakrefFields;
    weakrefCallbacksCalled = true;
    callWeakrefCallback(wr);
    // give up the reference taken above; the weakref may die now
    decref(wr);
    if (wrcb_to_call.head.gcNext === wr) listMove(wr, old);
    else num_freed++;
  }
  for (const wr of untracked as WeakrefFields[]) {
    weakrefCallbacksCalled = true;
    callWeakrefCallback(wr);
    decref(wr);
  }
  return num_freed;
}
const pendingUntracked: PyObject[] = [];
/** set by handle_weakrefs when it called a callback (Python code ran) */
let weakrefCallbacksCalled = false;

/** handle_callback (weakrefobject.c): callback(wr), errors reported as unraisable. */
export function callWeakrefCallback(wr: WeakrefFields): void {
  const callback = wr.wr_callback;
  if (callback === null) return;
  const call = callback.type.tp_call;
  try {
    if (call === null) {
      // PyObject_CallOneArg would raise TypeError; report it the same way
      writeUnraisable(new NotCallable(callback), callback);
      return;
    }
    const r = call(callback, [wr], null);
    decref(r);
  } catch (e) {
    writeUnraisable(e, callback);
  }
}

/** Stands for "TypeError: 'X' object is not callable" when no eval machinery is loaded. */
export class NotCallable {
  constructor(public obj: PyObject) {}
}

/**
 * finalize_garbage: calls tp_finalize (PEP 442: `__del__`) once per object,
 * in list order. Finalizers may free objects or resurrect them, so the loop
 * always takes the first object left and moves it to `seen`.
 */
function finalize_garbage(collectable: GCList): boolean {
  // Usually nothing has a finalizer left to run: then the loop below would
  // only move every object to `seen` and back, leaving the list as it was.
  let any = false;
  for (let o = collectable.head.gcNext!; o !== collectable.head; o = o.gcNext!) {
    if (!o.finalized && o.type.tp_finalize !== null) {
      any = true;
      break;
    }
  }
  if (!any) return false;
  let ran = false;
  const seen = new GCList();
  while (!collectable.isEmpty()) {
    const op = collectable.head.gcNext!;
    listMove(op, seen);
    const finalize = op.type.tp_finalize;
    if (!op.finalized && finalize !== null) {
      op.finalized = true;
      ran = true;
      incref(op);
      try {
        finalize(op);
      } catch (e) {
        writeUnraisable(e, op);
      }
      decref(op);
    }
  }
  collectable.merge(seen);
  return ran;
}

/**
 * handle_resurrected_objects: runs deduce_unreachable again over what the
 * finalizers left; what is reachable now was resurrected and moves to `old`.
 * Returns how many objects are still unreachable.
 */
function handle_resurrected_objects(unreachable: GCList, still_unreachable: GCList, old: GCList): number {
  const head = unreachable.head;
  for (let o = head.gcNext!; o !== head; o = o.gcNext!) o.gcRefs = 0; // gc_list_clear_collecting
  deduce_unreachable(unreachable, still_unreachable);
  const n = unreachableCount;
  clear_unreachable_mask(still_unreachable);
  old.merge(unreachable);
  return n;
}

/**
 * delete_garbage: tp_clear on each object (holding a reference meanwhile);
 * the decrefs this causes free the cycle through normal deallocation. An
 * object that survives its tp_clear moves to `old`.
 */
function delete_garbage(g: GCState, collectable: GCList, old: GCList): void {
  while (!collectable.isEmpty()) {
    const op = collectable.head.gcNext!;
    if (g.debug & DEBUG_SAVEALL) {
      hooks.appendGarbage?.(op);
    } else {
      const clear = op.type.tp_clear;
      if (clear !== null) {
        incref(op);
        try {
          clear(op);
        } catch (e) {
          writeUnraisable(e, op.type, 'in tp_clear of');
        }
        decref(op);
      }
    }
    if (collectable.head.gcNext === op) {
      // still alive: it may die later
      op.gcRefs = 0;
      listMove(op, old);
    }
  }
}

// ---------------------------------------------------------------- gc_collect_main

export interface CollectResult {
  /** n + m: what gc.collect() returns */
  total: number;
  collected: number;
  uncollectable: number;
}

/** gc_collect_main: collects `generation` and every younger one. */
function gc_collect_main(generation: number): CollectResult {
  const g = gcstate;
  let m = 0; // objects collected
  let n = 0; // unreachable objects that couldn't be collected

  const debug = g.debug ? hooks.debug : null;
  debug?.(DEBUG_STATS, generation);

  // update collection and allocation counters
  if (generation + 1 < NUM_GENERATIONS) g.counts[generation + 1] += 1;
  for (let i = 0; i <= generation; i++) g.counts[i] = 0;

  // merge younger generations with the one we are collecting
  for (let i = 0; i < generation; i++) g.generations[generation].merge(g.generations[i]);

  const young = g.generations[generation];
  const old = generation < NUM_GENERATIONS - 1 ? g.generations[generation + 1] : young;

  const unreachable = new GCList();
  // deduce_unreachable, then untrack_tuples(young) (done during its scan)
  const youngSize = deduce_unreachable(young, unreachable, true);
  // move reachable objects to the next generation
  if (young !== old) {
    if (generation === NUM_GENERATIONS - 2) g.longLivedPending += youngSize;
    old.merge(young);
  } else {
    // only full collections untrack dicts, to avoid quadratic dict build-up (#14775)
    g.longLivedPending = 0;
    g.longLivedTotal = untrack_dicts(young);
  }

  // objects reachable from legacy finalizers (tp_del) can't be deleted
  const finalizers = new GCList();
  move_legacy_finalizers(unreachable, finalizers);

  debug?.(DEBUG_COLLECTABLE, unreachable);
  let unreachableSize = unreachableCount;

  // clear weakrefs and invoke callbacks as necessary
  weakrefCallbacksCalled = false;
  m += handle_weakrefs(unreachable, old);

  // call tp_finalize on objects which have one
  const finalizersRan = finalize_garbage(unreachable);

  // objects the finalizers resurrected survive; the rest is still trash
  const final_unreachable = new GCList();
  if (finalizersRan || weakrefCallbacksCalled) {
    unreachableSize = handle_resurrected_objects(unreachable, final_unreachable, old);
  } else {
    // No Python code ran since deduce_unreachable, so no reference count
    // changed and nothing can have been resurrected: running it again would
    // find every object unreachable again, in the same order.
    final_unreachable.merge(unreachable);
  }

  // tp_clear breaks the cycles; the frees that follow are the collector's
  m += unreachableSize;
  const savedReason = heap.freeReason;
  heap.freeReason = FreeReason.Collected;
  try {
    delete_garbage(g, final_unreachable, old);
  } catch (e) {
    // gcUntrack and delete_garbage reset the scratch field of every object
    // that leaves the list; whatever an engine error left in it, reset here.
    forEachIn(final_unreachable, (o) => (o.gcRefs = 0));
    throw e;
  } finally {
    heap.freeReason = savedReason;
  }

  for (let o = finalizers.head.gcNext!; o !== finalizers.head; o = o.gcNext!) {
    n++;
    debug?.(DEBUG_UNCOLLECTABLE, o);
  }
  debug?.(0, n, m);

  // handle_legacy_finalizers: nothing can be in `finalizers` (no tp_del types)
  old.merge(finalizers);

  // free lists are cleared only when collecting the highest generation
  if (generation === NUM_GENERATIONS - 1) for (const f of hooks.freelistClearers) f();

  const stats = g.stats[generation];
  stats.collections++;
  stats.collected += m;
  stats.uncollectable += n;
  return { total: n + m, collected: m, uncollectable: n };
}

/** gc_collect_with_callback: gc.callbacks are told "start" and "stop". */
function gc_collect_with_callback(generation: number): number {
  const cb = hooks.invokeCallbacks;
  if (cb !== null) cb('start', generation, 0, 0);
  hooks.onCollect?.('start', generation, 0, 0);
  const r = gc_collect_main(generation);
  hooks.onCollect?.('stop', generation, r.collected, r.uncollectable);
  if (cb !== null) cb('stop', generation, r.collected, r.uncollectable);
  return r.total;
}

// ---------------------------------------------------------------- entry points

/**
 * gc.collect(generation) (gc_collect_impl): returns the number of unreachable
 * objects found; 0 without collecting when a collection is already running.
 * The caller validates `generation` (ValueError "invalid generation").
 */
export function collect(generation = NUM_GENERATIONS - 1): number {
  const g = gcstate;
  if (g.collecting) return 0;
  g.collecting = true;
  try {
    return gc_collect_with_callback(generation);
  } finally {
    g.collecting = false;
  }
}

/**
 * gc_collect_generations: the automatic collection. Collects the oldest
 * generation whose count exceeds its threshold; the oldest one only when
 * long_lived_pending >= long_lived_total / 4 (issue #4074).
 */
export function collectGenerations(): number {
  const g = gcstate;
  for (let i = NUM_GENERATIONS - 1; i >= 0; i--) {
    if (g.counts[i] > g.thresholds[i]) {
      if (i === NUM_GENERATIONS - 1 && g.longLivedPending < Math.trunc(g.longLivedTotal / 4)) continue;
      return gc_collect_with_callback(i);
    }
  }
  return 0;
}

/**
 * _Py_RunGC, called by the evaluation loop at its eval-breaker checks: when
 * an allocation pushed generation 0 past its threshold (gcAlloc sets
 * collectionScheduled), run the automatic collection now.
 */
export function runScheduledCollection(): void {
  const g = gcstate;
  if (!g.collectionScheduled) return;
  g.collectionScheduled = false;
  g.collecting = true;
  try {
    collectGenerations();
  } finally {
    g.collecting = false;
  }
}

// ---------------------------------------------------------------- introspection (gcmodule.c)




/** gc.is_tracked */
export function isTracked(o: PyObject): boolean {
  return isGCObject(o) && o.gcTracked;
}

/** gc.is_finalized */
export function isFinalized(o: PyObject): boolean {
  return isGCObject(o) && o.finalized;
}



