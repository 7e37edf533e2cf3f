/**
 * Tests for the cyclic collector (src/engine/gc/gc.ts, Modules/gcmodule.c).
 * Object graphs are built from a test container whose instances are one GC
 * object each, like instances of a plain class in CPython 3.12; every CPython
 * number asserted here comes from tests/engine/gc-recorded.json, written by
 * tests/engine/record-gc.py running the equivalent programs on CPython 3.12.
 */
import { describe, it, expect, beforeEach } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { PyObject, decref, incref } from '../../src/engine/objects/object.js';
import { builtinType, TPFLAGS_HAVE_GC, type PyTypeObject, type Visit } from '../../src/engine/objects/typeobject.js';
import { gcAlloc, gcFree, gcTrack, gcUntrack, gcstate, resetGC } from '../../src/engine/gc/gcobject.js';
import { resetHeap, heap, FreeReason, type MemoryObserver } from '../../src/engine/memory/heap.js';
import {
  collect, runScheduledCollection, isTracked, isFinalized, registerWeakrefType, clearWeakref, callWeakrefCallback,
  type WeakrefFields, DEBUG_SAVEALL, hooks,
} from '../../src/engine/gc/gc.js';
import { getObjects, getReferents, getReferrers, freeze, unfreeze, getFreezeCount } from '../../src/engine/modules/gcinspect.js';

const recorded = JSON.parse(readFileSync(new URL('./gc-recorded.json', import.meta.url), 'utf8'));
const programs = recorded.programs;

/** "(7, 0, 0)" → [7, 0, 0] */
function parseCount(s: string): number[] {
  return s.replace(/[()]/g, '').split(',').map((x) => Number(x.trim()));
}

// ---------------------------------------------------------------- the test world

let log: string[] = [];
let freed: Set<TNode> = new Set();
/** resurrection targets: a finalizer of one of these keeps a reference to itself here */
let resurrect = new Set<string>();
let saved: TNode[] = [];

class TNode extends PyObject {
  children: PyObject[] = [];
  constructor(type: PyTypeObject, public name: string) {
    super(type);
  }
}

function traverse(o: PyObject, visit: Visit): void {
  for (const c of (o as TNode).children) visit(c);
}
function clear(o: PyObject): void {
  const n = o as TNode;
  const cs = n.children;
  n.children = [];
  for (const c of cs) decref(c);
}
function dealloc(o: PyObject): void {
  const n = o as TNode;
  // PyObject_CallFinalizerFromDealloc: __del__ runs once, and may resurrect
  const fin = n.type.tp_finalize;
  if (fin !== null && !n.finalized) {
    n.finalized = true;
    n.refcnt = 1;
    fin(n);
    if (--n.refcnt > 0) return;
  }
  gcUntrack(n);
  // weak references die with their referent (PyObject_ClearWeakRefs, simplified:
  // the weakref module's tests cover the callback order of refcount frees)
  while (n.weakrefs && n.weakrefs.length) {
    const wr = n.weakrefs[0] as WeakrefFields;
    const cb = wr.wr_callback;
    wr.wr_callback = null;
    clearWeakref(wr);
    if (cb) {
      wr.wr_callback = cb;
      callWeakrefCallback(wr);
      wr.wr_callback = null;
      decref(cb);
    }
  }
  clear(n);
  freed.add(n);
  gcFree(n);
}

function nodeType(name: string, finalizer: boolean): PyTypeObject {
  const t = builtinType(name, 16, TPFLAGS_HAVE_GC);
  t.tp_traverse = traverse;
  t.tp_clear = clear;
  t.tp_dealloc = dealloc;
  t.weakrefable = true;
  if (finalizer) {
    t.tp_finalize = (o) => {
      const n = o as TNode;
      log.push(n.name);
      if (resurrect.has(n.name)) {
        incref(n);
        saved.push(n);
      }
    };
  }
  return t;
}
const P = nodeType('P', false);
const F = nodeType('F', true);

/** P() / F(): a new tracked node; the caller owns the one reference */
function node(name: string, type: PyTypeObject = P): TNode {
  const n = new TNode(type, name);
  gcAlloc(n, 16);
  gcTrack(n);
  return n;
}
/** n.attr = target */
function link(from: TNode, to: PyObject): void {
  incref(to);
  from.children.push(to);
}

// a weakref stand-in for the collector (the real type is in weakrefobject.ts)
const WrType = builtinType('weakref.ReferenceType', 64, TPFLAGS_HAVE_GC);
class TWeakref extends PyObject implements WeakrefFields {
  wr_object: PyObject | null = null;
  wr_callback: PyObject | null = null;
}
WrType.tp_traverse = (o, visit) => {
  const w = o as TWeakref;
  if (w.wr_callback) visit(w.wr_callback);
};
WrType.tp_clear = (o) => clearWeakref(o as TWeakref);
WrType.tp_dealloc = (o) => {
  gcUntrack(o);
  clearWeakref(o as TWeakref);
  gcFree(o);
};
registerWeakrefType(WrType);
function weakref(target: TNode, callback: PyObject | null): TWeakref {
  const w = new TWeakref(WrType);
  gcAlloc(w, 64);
  gcTrack(w);
  w.wr_object = target;
  if (callback) {
    incref(callback);
    w.wr_callback = callback;
  }
  // CPython's list order: callback-less refs first, then the newest ref with a callback
  if (!target.weakrefs) target.weakrefs = [];
  if (callback === null) target.weakrefs.unshift(w);
  else {
    const basic = target.weakrefs.length > 0 && (target.weakrefs[0] as TWeakref).wr_callback === null ? 1 : 0;
    target.weakrefs.splice(basic, 0, w);
  }
  return w;
}
/** a callable (a non-GC builtin) that runs `f(weakref)` */
const CallableType = builtinType('builtin_function_or_method', 16, 0);
CallableType.tp_call = (self, args) => {
  (self as unknown as { f: (w: PyObject) => void }).f(args[0]);
  return noneLike;
};
const noneLike = new PyObject(builtinType('NoneType', 16, 0));
noneLike.refcnt = 2 ** 50;
function callable(f: (w: PyObject) => void): PyObject {
  const c = new PyObject(CallableType) as PyObject & { f: typeof f };
  c.f = f;
  return c;
}

beforeEach(() => {
  resetHeap();
  resetGC();
  hooks.invokeCallbacks = null;
  hooks.appendGarbage = null;
  log = [];
  freed = new Set();
  resurrect = new Set();
  saved = [];
  // as in the recordings: automatic collection off unless a test turns it on
  gcstate.enabled = false;
});

// ---------------------------------------------------------------- recorded graph scenarios

interface GraphSpec {
  name: string;
  nodes: string[];
  fin: string[];
  edges: [string, string][];
  roots: string[];
  resurrect?: string[];
  recorded: {
    count_before: string;
    collect1: number; log1: string[]; saved: string[];
    collect2: number; log2: string[];
    collect3: number; log3: string[];
  };
}

describe('graphs recorded from CPython 3.12', () => {
  for (const g of recorded.graphs as GraphSpec[]) {
    it(g.name, () => {
      collect();
      resurrect = new Set(g.resurrect ?? []);
      const objs = new Map<string, TNode>();
      for (const n of g.nodes) objs.set(n, node(n, g.fin.includes(n) ? F : P));
      for (const [s, d] of g.edges) link(objs.get(s)!, objs.get(d)!);
      const keep = g.roots.map((r) => {
        incref(objs.get(r)!);
        return objs.get(r)!;
      });
      for (const o of objs.values()) decref(o); // objs.clear()
      const r = g.recorded;
      expect(collect()).toBe(r.collect1);
      expect(log).toEqual(r.log1);
      expect(saved.map((o) => o.name)).toEqual(r.saved);
      for (const o of saved.splice(0)) decref(o);
      expect(collect()).toBe(r.collect2);
      expect(log).toEqual(r.log2);
      for (const o of keep) decref(o);
      expect(collect()).toBe(r.collect3);
      expect(log).toEqual(r.log3);
      // nothing is left behind
      expect(getObjects().length).toBe(0);
      expect(freed.size).toBe(g.nodes.length);
    });
  }
});

// ---------------------------------------------------------------- counts and generations

describe('generations and counts', () => {
  it('old_holder: a cycle referenced from an older generation survives young collections', () => {
    const rec = programs.old_holder;
    const holder = node('holder');
    collect();
    const base = parseCount(rec.base);
    const a = node('a'), b = node('b');
    link(a, b);
    link(b, a);
    link(holder, a);
    decref(a);
    decref(b);
    const count = () => gcstate.counts.map((c, i) => (i === 0 ? c + base[0] : c));
    expect(count()).toEqual(parseCount(rec.c0));
    expect(collect(0)).toBe(rec.r1);
    expect(gcstate.counts).toEqual(parseCount(rec.c1));
    // del holder.x
    holder.children.pop();
    decref(a);
    expect(collect(0)).toBe(rec.r2);
    expect(gcstate.counts).toEqual(parseCount(rec.c2));
    expect(freed.size).toBe(0);
    expect(collect(1)).toBe(rec.r3);
    expect(gcstate.counts).toEqual(parseCount(rec.c3));
    expect(freed.has(a) && freed.has(b)).toBe(true);
    expect(collect()).toBe(rec.r4);
    decref(holder);
  });

  it('counts: +1 per GC allocation, -1 per GC free; collections reset and carry', () => {
    const rec = programs.counts;
    const base = parseCount(rec.base)[0];
    const c0 = () => gcstate.counts[0] + base;
    const a = node('a'), b = node('b'), c = node('c');
    expect([c0(), gcstate.counts[1], gcstate.counts[2]]).toEqual(parseCount(rec.after3));
    decref(b);
    expect([c0(), gcstate.counts[1], gcstate.counts[2]]).toEqual(parseCount(rec.after_del));
    const x = node('x'), y = node('y');
    link(x, y);
    link(y, x);
    decref(x);
    decref(y);
    expect([c0(), gcstate.counts[1], gcstate.counts[2]]).toEqual(parseCount(rec.cycle_garbage));
    expect(collect()).toBe(rec.collect);
    expect(gcstate.counts).toEqual(parseCount(rec.after_collect));
    const base2 = parseCount(rec.base2)[0];
    gcstate.counts[0] += base2; // the priming str(gc.get_count()) allocations
    collect(0);
    expect(gcstate.counts).toEqual(parseCount(rec.after_gen0));
    collect(0);
    expect(gcstate.counts).toEqual(parseCount(rec.after_two_gen0));
    collect(1);
    expect(gcstate.counts).toEqual(parseCount(rec.after_gen1));
    decref(a);
    decref(c);
  });

  it('reachable objects move to the next generation', () => {
    const a = node('a');
    expect(getObjects(0)).toEqual([a]);
    collect(0);
    expect(getObjects(0)).toEqual([]);
    expect(getObjects(1)).toEqual([a]);
    collect(1);
    expect(getObjects(2)).toEqual([a]);
    collect(2);
    expect(getObjects(2)).toEqual([a]);
    decref(a);
    expect(getObjects()).toEqual([]);
  });

  it('stats per generation', () => {
    const a = node('a'), b = node('b');
    link(a, b);
    link(b, a);
    decref(a);
    decref(b);
    collect(0);
    collect(1);
    expect(gcstate.stats[0]).toEqual({ collections: 1, collected: 2, uncollectable: 0 });
    expect(gcstate.stats[1]).toEqual({ collections: 1, collected: 0, uncollectable: 0 });
  });

  it('frees of a collection are attributed to the collector', () => {
    const reasons: FreeReason[] = [];
    const obs: MemoryObserver = {
      alloc() {}, incref() {}, decref() {},
      free(_o, reason) {
        reasons.push(reason);
      },
    };
    heap.observer = obs;
    heap.tracing = true;
    const a = node('a'), b = node('b'), c = node('c');
    link(a, b);
    link(b, a);
    decref(a);
    decref(b);
    decref(c);
    collect();
    heap.tracing = false;
    expect(reasons).toEqual([FreeReason.Refcount, FreeReason.Collected, FreeReason.Collected]);
    expect(heap.freeReason).toBe(FreeReason.Refcount);
  });
});

// ---------------------------------------------------------------- automatic collection

describe('automatic collection', () => {
  it('automatic: collections triggered by allocation counts (recorded)', () => {
    const rec = programs.automatic;
    // the rest of CPython's heap: `total` long-lived objects in generation 2
    const fillers: TNode[] = [];
    const keepList = node('keep_list');
    for (let i = 0; i < rec.total - 1; i++) fillers.push(node('filler'));
    gcstate.thresholds = [5, 3, 2];
    collect();
    expect(gcstate.longLivedTotal).toBe(rec.total);
    gcstate.counts[0] = 1; // len(gc.get_objects(2))'s list, left on the list free list
    const base = gcstate.stats.map((s) => s.collections);
    gcstate.enabled = true;
    for (let i = 0; i < 3000; i++) {
      const o = node(String(i)); // CALL P() allocates …
      runScheduledCollection(); // … and CALL ends with CHECK_EVAL_BREAKER
      keepList.children.push(o); // keep_list.append(...) takes the reference
    }
    gcstate.enabled = false;
    const sizes = [getObjects(0).length, getObjects(1).length, getObjects(2).length - rec.total];
    gcstate.counts[0] += 1; // the get_objects() result list left on the list free list
    expect(gcstate.counts).toEqual(parseCount(rec.count));
    expect(sizes).toEqual(rec.gen_sizes);
    // the recording's gen 2 count includes the gc.collect() before the loop
    expect(gcstate.stats.map((s, i) => s.collections - base[i] + (i === 2 ? 1 : 0))).toEqual(rec.collections);
    decref(keepList);
    for (const f of fillers) decref(f);
  });

  it('automatic_garbage: cycles collected automatically, finalizers in CPython order (recorded)', () => {
    const rec = programs.automatic_garbage;
    const first = programs.loop_first_iteration;
    // GC allocations CPython makes in the first iteration besides the two instances
    const extra = first.after - first.base - 2;
    gcstate.thresholds = [7, 2, 1000];
    const base = gcstate.stats.map((s) => s.collected);
    collect();
    gcstate.enabled = true;
    let a: TNode | null = null, b: TNode | null = null;
    for (let i = 0; i < 100; i++) {
      const na = node(String(i), F);
      runScheduledCollection();
      if (i === 0) gcstate.counts[0] += extra;
      if (a) decref(a);
      a = na;
      const nb = node('b');
      runScheduledCollection();
      if (b) decref(b);
      b = nb;
      link(a, b);
      link(b, a);
    }
    decref(a!);
    decref(b!);
    gcstate.enabled = false;
    expect(log).toEqual(rec.log);
    expect(gcstate.stats.map((s, i) => s.collected - base[i])).toEqual(rec.collected);
    expect(gcstate.counts).toEqual(parseCount(rec.count));
  });

  it('disabled: gc.disable() stops automatic collection (recorded)', () => {
    const rec = programs.disabled;
    gcstate.thresholds = [5, 3, 2];
    collect();
    const keep: TNode[] = [];
    for (let i = 0; i < 1000; i++) {
      keep.push(node(String(i)));
      runScheduledCollection();
    }
    expect(gcstate.counts).toEqual(parseCount(rec.count));
    expect(gcstate.stats[0].collections).toBe(0);
    for (const k of keep) decref(k);
  });

  it('threshold 0 disables automatic collection; the trigger needs count > threshold', () => {
    gcstate.enabled = true;
    gcstate.thresholds = [3, 10, 10];
    const keep: TNode[] = [];
    for (let i = 0; i < 3; i++) keep.push(node('x'));
    expect(gcstate.collectionScheduled).toBe(false);
    keep.push(node('x'));
    expect(gcstate.collectionScheduled).toBe(true);
    runScheduledCollection();
    expect(gcstate.collectionScheduled).toBe(false);
    expect(gcstate.counts).toEqual([0, 1, 0]);
    gcstate.thresholds = [0, 10, 10];
    for (let i = 0; i < 10; i++) keep.push(node('x'));
    expect(gcstate.collectionScheduled).toBe(false);
    for (const k of keep) decref(k);
  });

  it('collect() while collecting returns 0 (re-entrancy guard)', () => {
    const inner: number[] = [];
    const t = nodeType('Reenter', false);
    t.tp_finalize = () => {
      inner.push(collect());
    };
    const a = node('a', t), b = node('b', t);
    link(a, b);
    link(b, a);
    decref(a);
    decref(b);
    expect(collect()).toBe(2);
    expect(inner).toEqual([0, 0]);
  });
});

// ---------------------------------------------------------------- weak references during a collection

describe('weakrefs during a collection (recorded)', () => {
  it('weakref_callback_reachable: the callback of a reachable weakref runs, sees a dead ref', () => {
    const rec = programs.weakref_callback_reachable;
    const out: unknown[] = [];
    const cb = callable((w) => {
      out.push('cb', (w as TWeakref).wr_object === null);
    });
    const a = node('a'), b = node('b');
    link(a, b);
    link(b, a);
    const w = weakref(a, cb);
    decref(a);
    decref(b);
    expect(collect()).toBe(rec.r);
    expect(out).toEqual(rec.log);
    expect(w.wr_object === null).toBe(rec.w_dead);
    decref(w);
  });

  it('weakref_in_garbage: a weakref that is garbage itself never calls back', () => {
    const rec = programs.weakref_in_garbage;
    const out: string[] = [];
    const cb = callable(() => out.push('cb'));
    const a = node('a'), b = node('b');
    link(a, b);
    link(b, a);
    const w = weakref(b, cb);
    a.children.push(w); // a.w = weakref.ref(b, cb): a owns the reference
    decref(a);
    decref(b);
    expect(collect()).toBe(rec.r);
    expect(out).toEqual(rec.log);
  });

  it('weakref_callback_frees_ref: a weakref freed by its own callback is counted', () => {
    const rec = programs.weakref_callback_frees_ref;
    const out: string[] = [];
    let w: TWeakref | null = null;
    const cb = callable(() => {
      out.push('cb');
      decref(w!); // del keep['w']
    });
    const a = node('a'), b = node('b');
    link(a, b);
    link(b, a);
    w = weakref(a, cb);
    decref(a);
    decref(b);
    expect(collect()).toBe(rec.r);
    expect(out).toEqual(rec.log);
  });

  it('weakref_callbacks_order_gc: callbacks in referent order, newest ref first per referent', () => {
    const rec = programs.weakref_callbacks_order_gc;
    const out: string[] = [];
    const mk = (tag: string) => callable(() => out.push(tag));
    const a = node('a'), b = node('b');
    link(a, b);
    link(b, a);
    const wa1 = weakref(a, mk('wa1'));
    const wb1 = weakref(b, mk('wb1'));
    const wa2 = weakref(a, mk('wa2'));
    decref(a);
    decref(b);
    expect(collect()).toBe(rec.r);
    expect(out).toEqual(rec.log);
    for (const w of [wa1, wb1, wa2]) decref(w);
  });
});

// ---------------------------------------------------------------- gc module helpers

describe('introspection', () => {
  it('is_tracked, get_referents, get_referrers, is_finalized', () => {
    const a = new TNode(P, 'a');
    gcAlloc(a, 16);
    expect(isTracked(a)).toBe(false);
    gcTrack(a);
    expect(isTracked(a)).toBe(true);
    const b = node('b'), c = node('c');
    link(a, b);
    link(a, c);
    link(c, b);
    expect(getReferents([a])).toEqual([b, c]);
    expect(getReferrers([b])).toEqual([a, c]);
    expect(isFinalized(a)).toBe(false);
    const f = node('f', F);
    link(f, f);
    decref(f);
    resurrect.add('f');
    collect();
    expect(isFinalized(f)).toBe(true);
    for (const o of [a, b, c]) decref(o);
    decref(saved.pop()!);
    collect();
  });

  it('freeze / unfreeze: frozen objects are never collected', () => {
    const a = node('a'), b = node('b');
    link(a, b);
    link(b, a);
    freeze();
    expect(getFreezeCount()).toBe(2);
    expect(gcstate.counts[0]).toBe(0);
    decref(a);
    decref(b);
    expect(collect()).toBe(0);
    unfreeze();
    expect(getFreezeCount()).toBe(0);
    expect(getObjects(2).length).toBe(2);
    expect(collect()).toBe(2);
  });

  it('DEBUG_SAVEALL keeps the garbage instead of clearing it', () => {
    const garbage: PyObject[] = [];
    hooks.appendGarbage = (o) => {
      incref(o);
      garbage.push(o);
    };
    gcstate.debug = DEBUG_SAVEALL;
    const a = node('a'), b = node('b');
    link(a, b);
    link(b, a);
    decref(a);
    decref(b);
    expect(collect()).toBe(2);
    expect(garbage).toEqual([a, b]);
    expect(freed.size).toBe(0);
    gcstate.debug = 0;
    for (const o of garbage) decref(o);
    expect(collect()).toBe(2);
  });

  it('gc.callbacks hook sees start and stop with the counts', () => {
    const seen: unknown[] = [];
    hooks.invokeCallbacks = (phase, gen, collected, uncollectable) => seen.push([phase, gen, collected, uncollectable]);
    const a = node('a');
    link(a, a);
    decref(a);
    collect(1);
    expect(seen).toEqual([['start', 1, 0, 0], ['stop', 1, 1, 0]]);
  });
});

// ---------------------------------------------------------------- stress

describe('random graphs', () => {
  it('collect() frees exactly what is unreachable from the roots; survivors keep exact counts', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 14 }).chain((n) =>
          fc.record({
            n: fc.constant(n),
            edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 3 * n }),
            roots: fc.array(fc.nat(n - 1), { maxLength: 4 }),
            fin: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
            gens: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }),
            gen: fc.integer({ min: 0, max: 2 }),
          }),
        ),
        ({ n, edges, roots, fin, gens, gen }) => {
          resetHeap();
          resetGC();
          gcstate.enabled = false;
          freed = new Set();
          log = [];
          const ns: TNode[] = [];
          // spread the nodes over generations by collecting between creations
          for (let i = 0; i < n; i++) {
            ns.push(node(String(i), fin[i] ? F : P));
            if (gens[i] > 0) collect(Math.min(gens[i] - 1, 1));
          }
          for (const [s, d] of edges) link(ns[s], ns[d]);
          const rootSet = new Set(roots);
          for (const r of rootSet) incref(ns[r]);
          for (const x of ns) decref(x);
          // everything reachable from the roots
          const live = new Set<number>();
          const stack = [...rootSet];
          while (stack.length) {
            const i = stack.pop()!;
            if (live.has(i)) continue;
            live.add(i);
            for (const [s, d] of edges) if (s === i) stack.push(d);
          }
          collect(2);
          void gen;
          for (let i = 0; i < n; i++) {
            expect(freed.has(ns[i])).toBe(!live.has(i));
          }
          // every survivor's count = references from survivors + its root reference
          for (const i of live) {
            let refs = rootSet.has(i) ? 1 : 0;
            for (const [s, d] of edges) if (d === i && live.has(s)) refs++;
            expect(ns[i].refcnt).toBe(refs);
          }
          // finalizers ran exactly once, only for the garbage
          const finNames = ns.filter((x, i) => fin[i] && !live.has(i)).map((x) => x.name).sort();
          expect([...log].sort()).toEqual(finNames);
          for (const r of rootSet) decref(ns[r]);
          collect(2);
          expect(freed.size).toBe(n);
          expect(getObjects().length).toBe(0);
        },
      ),
      { numRuns: 300, seed: 20261124 },
    );
  });

  it('a young collection frees only young garbage, whatever references older objects', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 12 }).chain((n) =>
          fc.record({
            n: fc.constant(n),
            old: fc.integer({ min: 1, max: n - 1 }),
            edges: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 3 * n }),
          }),
        ),
        ({ n, old, edges }) => {
          resetHeap();
          resetGC();
          gcstate.enabled = false;
          freed = new Set();
          const ns: TNode[] = [];
          for (let i = 0; i < n; i++) {
            if (i === old) collect(1); // nodes < old are in generation 2
            ns.push(node(String(i)));
          }
          // old nodes stay rooted; young nodes lose their references
          for (const [s, d] of edges) link(ns[s], ns[d]);
          for (let i = old; i < n; i++) decref(ns[i]);
          const live = new Set<number>();
          const stack = [...Array(old).keys()];
          while (stack.length) {
            const i = stack.pop()!;
            if (live.has(i)) continue;
            live.add(i);
            for (const [s, d] of edges) if (s === i) stack.push(d);
          }
          const freedByRefcount = freed.size;
          const r = collect(0);
          for (let i = old; i < n; i++) expect(freed.has(ns[i])).toBe(!live.has(i));
          expect(r).toBe(freed.size - freedByRefcount);
          for (let i = 0; i < old; i++) decref(ns[i]);
          collect(2);
          expect(freed.size).toBe(n);
        },
      ),
      { numRuns: 300, seed: 20261125 },
    );
  });
});
