/**
 * How container objects are allocated, tracked and freed for the cyclic GC.
 * CPython counterpart: Python/gc.c (_PyObject_GC_New, _PyObject_GC_Link,
 * PyObject_GC_Track, PyObject_GC_UnTrack, PyObject_GC_Del) and
 * Include/internal/pycore_gc.h (the generation lists).
 *
 * Each generation is a doubly-linked list through PyObject.gcPrev/gcNext with
 * a sentinel head, exactly like CPython's PyGC_Head lists, because the order
 * of objects in these lists decides the order the collector finalizes and
 * clears garbage (and so the order `__del__` messages appear).
 */

import { PyObject, incref } from '../objects/object.js';
import { heap } from '../memory/heap.js';
import { profile } from '../profiles/index.js';
import { ObjectType, TPFLAGS_HEAPTYPE } from '../objects/typeobject.js';

export const NUM_GENERATIONS = 3;

export class GCList {
  /** sentinel: head.gcNext is the first object, head.gcPrev the last */
  readonly head: PyObject;
  constructor() {
    this.head = new PyObject(ObjectType);
    this.head.gcTracked = false;
    this.head.gcRefs = 0;
    this.head.finalized = false;
    this.head.gcNext = this.head;
    this.head.gcPrev = this.head;
  }
  isEmpty(): boolean {
    return this.head.gcNext === this.head;
  }
  append(o: PyObject): void {
    const last = this.head.gcPrev!;
    last.gcNext = o;
    o.gcPrev = last;
    o.gcNext = this.head;
    this.head.gcPrev = o;
  }
  /** gc_list_merge: moves every object of `from` to the end of this list */
  merge(from: GCList): void {
    if (from.isEmpty()) return;
    const first = from.head.gcNext!, last = from.head.gcPrev!;
    const tail = this.head.gcPrev!;
    tail.gcNext = first;
    first.gcPrev = tail;
    last.gcNext = this.head;
    this.head.gcPrev = last;
    from.head.gcNext = from.head.gcPrev = from.head;
  }
  size(): number {
    let n = 0;
    for (let o = this.head.gcNext!; o !== this.head; o = o.gcNext!) n++;
    return n;
  }
  *[Symbol.iterator](): Generator<PyObject> {
    for (let o = this.head.gcNext!; o !== this.head; ) {
      const next = o.gcNext!;
      yield o;
      o = next;
    }
  }
}

/** gc_list_remove */
export function listRemove(o: PyObject): void {
  const prev = o.gcPrev!, next = o.gcNext!;
  prev.gcNext = next;
  next.gcPrev = prev;
  o.gcPrev = o.gcNext = null;
}

/** The collector's state (struct _gc_runtime_state). */
export class GCState {
  generations: GCList[] = [new GCList(), new GCList(), new GCList()];
  /** generations[i].count: allocations minus deallocations for gen 0, collections of the younger gen otherwise */
  counts: number[] = [0, 0, 0];
  thresholds: number[] = [...profile.gcThresholds];
  enabled = true;
  collecting = false;
  /** set when gen 0's count passes its threshold; the eval loop runs the collection at its next check */
  collectionScheduled = false;
  /** long_lived_total / long_lived_pending (the heuristic that delays full collections) */
  longLivedTotal = 0;
  longLivedPending = 0;
  /** gc.garbage */
  garbage: PyObject | null = null;
  /** gc.callbacks */
  callbacks: PyObject | null = null;
  /** gc.get_stats(): per generation, collections/collected/uncollectable */
  stats = [
    { collections: 0, collected: 0, uncollectable: 0 },
    { collections: 0, collected: 0, uncollectable: 0 },
    { collections: 0, collected: 0, uncollectable: 0 },
  ];
  /** gc.set_debug flags */
  debug = 0;
}

/** The collector's state; a const binding (reset in place per run) so hot paths read it cheaply. */
export const gcstate = new GCState();

export function resetGC(): void {
  Object.assign(gcstate, new GCState());
}

/**
 * _PyObject_GC_New / _PyObject_GC_Link: gives a container object memory with
 * a GC header in front (plus the type's managed __dict__/__weakref__
 * pre-header), counts the allocation for generation 0 and schedules a
 * collection when the threshold is passed. The object starts untracked.
 * An instance of a heap type (a class) takes a reference to its class; the
 * class machinery's subtype_dealloc drops it.
 */
export function gcAlloc(o: PyObject, basicsize: number, extraPreheader = 0): void {
  // Give every container the same shape: the GC fields, in one order.
  o.gcTracked = false;
  o.gcPrev = null;
  o.gcNext = null;
  o.gcRefs = 0;
  o.finalized = false;
  gcAllocPrepared(o, basicsize, extraPreheader);
}

/**
 * gcAlloc for an object whose constructor has already set the GC fields
 * (the hot containers: PyInstance, PyList, PyTuple), which saves gcAlloc's
 * stores (megamorphic: every container class passes through it).
 */
export function gcAllocPrepared(o: PyObject, basicsize: number, extraPreheader = 0): void {
  const t = o.type;
  const pre = profile.gcHeaderSize + extraPreheader + t.preheader;
  heap.allocObject(o, basicsize + pre, pre);
  // PyType_GenericAlloc: an instance of a class owns a reference to its class,
  // and gets its __dict__/__slots__ storage, however it was created.
  if ((t.flags & TPFLAGS_HEAPTYPE) !== 0) {
    incref(t);
    heapInstanceInit(o);
  }
  const g = gcstate;
  g.counts[0]++;
  if (g.counts[0] > g.thresholds[0] && g.thresholds[0] !== 0 && g.enabled && !g.collecting) {
    g.collectionScheduled = true;
  }
}

/** Set by the class machinery (typenew.ts): gives a new instance of a class its attribute storage. */
let heapInstanceInit: (o: PyObject) => void = () => {};
export function setHeapInstanceInit(f: (o: PyObject) => void): void {
  heapInstanceInit = f;
}

/**
 * PyObject_GC_Del: frees a container's memory (untrack it first). An object
 * without an address (an instance's attribute dict that was never asked for
 * as __dict__, so never became an object of its own) has nothing to free.
 */
export function gcFree(o: PyObject, extraPreheader = 0): void {
  // A dealloc that forgot to untrack would leave a freed object in a GC list.
  if (o.gcTracked) gcUntrack(o);
  if (o.ptr === 0) return;
  if (gcstate.counts[0] > 0) gcstate.counts[0]--;
  heap.freeObject(o, profile.gcHeaderSize + extraPreheader + o.type.preheader);
}

/** PyObject_GC_Track: the object joins the youngest generation. */
export function gcTrack(o: PyObject): void {
  if (o.gcTracked) return;
  o.gcTracked = true;
  gcstate.generations[0].append(o);
}

/**
 * PyObject_GC_UnTrack. Like CPython's (which clears _gc_prev, and with it
 * PREV_MASK_COLLECTING), it resets the collector's scratch count: an object
 * freed or untracked in the middle of a collection leaves it clean.
 */
export function gcUntrack(o: PyObject): void {
  if (!o.gcTracked) return;
  o.gcTracked = false;
  o.gcRefs = 0;
  listRemove(o);
}
