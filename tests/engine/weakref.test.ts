/**
 * Tests for weak references (src/engine/objects/weakrefobject.ts,
 * Objects/weakrefobject.c). CPython facts asserted here come from
 * tests/engine/gc-recorded.json (tests/engine/record-gc.py on CPython 3.12).
 */
import { describe, it, expect, beforeEach } from 'vitest';
import { readFileSync } from 'node:fs';
import { PyObject, decref, incref } from '../../src/engine/objects/object.js';
import { builtinType, TPFLAGS_HAVE_GC, type Visit } from '../../src/engine/objects/typeobject.js';
import { gcAlloc, gcFree, gcTrack, gcUntrack, resetGC, gcstate } from '../../src/engine/gc/gcobject.js';
import { resetHeap } from '../../src/engine/memory/heap.js';
import { collect } from '../../src/engine/gc/gc.js';
import { clearWeakrefs, ReferenceType, PyWeakReference } from '../../src/engine/objects/weakrefobject.js';
import { newWeakref, newProxy, getWeakrefCount, getWeakrefs } from '../../src/engine/objects/weakrefops.js';
import { PyNone } from '../../src/engine/objects/singletons.js';

const programs = JSON.parse(readFileSync(new URL('./gc-recorded.json', import.meta.url), 'utf8')).programs;

class TNode extends PyObject {
  children: PyObject[] = [];
}
const T = builtinType('A', 16, TPFLAGS_HAVE_GC);
T.weakrefable = true;
T.tp_traverse = (o: PyObject, visit: Visit) => {
  for (const c of (o as TNode).children) visit(c);
};
T.tp_clear = (o: PyObject) => {
  const cs = (o as TNode).children;
  (o as TNode).children = [];
  for (const c of cs) decref(c);
};
T.tp_dealloc = (o: PyObject) => {
  gcUntrack(o);
  if (o.weakrefs !== null) clearWeakrefs(o);
  T.tp_clear!(o);
  gcFree(o);
};
function node(): TNode {
  const n = new TNode(T);
  gcAlloc(n, 16);
  gcTrack(n);
  return n;
}
let log: string[] = [];
const CallableType = builtinType('function', 16, 0);
CallableType.tp_call = (self) => {
  log.push((self as PyObject & { tag: string }).tag);
  return PyNone;
};
function cb(tag: string): PyObject {
  const c = new PyObject(CallableType) as PyObject & { tag: string };
  c.tag = tag;
  return c;
}

beforeEach(() => {
  resetHeap();
  resetGC();
  gcstate.enabled = false;
  log = [];
});

describe('weakref.ref', () => {
  it('weakref_callbacks_order_refcount: basic ref shared, callbacks newest first (recorded)', () => {
    const rec = programs.weakref_callbacks_order_refcount;
    const a = node();
    const w0 = newWeakref(a, null);
    const w1 = newWeakref(a, cb('w1'));
    const w2 = newWeakref(a, cb('w2'));
    const w3 = newWeakref(a, cb('w3'));
    const again = newWeakref(a, null);
    expect(again === w0).toBe(rec.same);
    decref(again);
    expect(getWeakrefCount(a)).toBe(rec.count);
    decref(a);
    expect(log).toEqual(rec.log);
    for (const w of [w0, w1, w2, w3]) {
      expect(w.wr_object).toBe(null);
      expect(w.wr_callback).toBe(null);
      decref(w);
    }
  });

  it('calling a ref gives the referent while alive, None after', () => {
    const a = node();
    const w = newWeakref(a, null);
    const r = ReferenceType.tp_call!(w, [], null);
    expect(r).toBe(a);
    decref(r);
    decref(a);
    expect(ReferenceType.tp_call!(w, [], null)).toBe(PyNone);
    decref(w);
  });

  it('weakrefs are GC-tracked objects of 64 bytes plus the GC header', () => {
    const a = node();
    const w = newWeakref(a, null);
    expect(w.gcTracked).toBe(true);
    expect(w.size).toBe(64 + 16);
    decref(w);
    expect(a.weakrefs).toBe(null);
    decref(a);
  });

  it('getweakrefs lists refs, then the proxy, then refs with callbacks', () => {
    const a = node();
    const c = newWeakref(a, cb('c'));
    const p = newProxy(a, null);
    const w = newWeakref(a, null);
    const refs = getWeakrefs(a);
    expect(refs).toEqual([w, p, c]);
    for (const r of refs) decref(r);
    decref(a);
    expect(log).toEqual(['c']);
    for (const r of [c, p, w]) decref(r);
  });

  it('a ref whose referent dies in a cycle calls back during collect()', () => {
    const a = node(), b = node();
    incref(b);
    a.children.push(b);
    incref(a);
    b.children.push(a);
    const w = newWeakref(a, cb('cycle')) as PyWeakReference;
    decref(a);
    decref(b);
    expect(collect()).toBe(programs.weakref_callback_reachable.r);
    expect(log).toEqual(['cycle']);
    expect(w.wr_object).toBe(null);
    decref(w);
  });
});
