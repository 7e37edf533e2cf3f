/**
 * Weak references and proxies made, their slots, and PyObject_ClearWeakRefs
 * (an on-demand part, see ondemand.ts): until the weakref module makes one,
 * no object has weak references, so the worker loads this code for a program
 * whose text has the word `weakref`. Moved here verbatim from
 * objects/weakrefobject.ts, which keeps the types and their stubs.
 * CPython counterpart: Objects/weakrefobject.c (3.12.1).
 */
import { PyObject, decref, incref, newref } from './object.js';
import { type PyTypeObject, Py_EQ, Py_NE } from './typeobject.js';
import { gcAlloc, gcTrack } from '../gc/gcobject.js';
import { clearWeakref, callWeakrefCallback } from '../gc/gc.js';
import { raise } from '../eval/errors.js';
import { Exc } from './exceptions.js';
import { PyNone, NotImplemented } from './singletons.js';
import { newBool } from './boolobject.js';
import { newStr, PyStr } from './unicodeobject.js';
import { newTuple } from './tupleobject.js';
import {
  call, getAttr, setAttr, hash, richCompare, str, isTrue, length, getItem, setItem, delItem,
  contains, getIter, iterNext, binaryOp,
} from './abstract.js';
import { typeLookup } from './typeready.js';
import { parseArgs } from './args.js';
import { PyWeakReference, ReferenceType, ProxyType, CallableProxyType, isWeakrefRef } from './weakrefobject.js';

function addr(o: PyObject): string {
  return '0x' + o.addr.toString(16).padStart(12, '0');
}

// ---------------------------------------------------------------- counting them (the weakref module)

/** _PyWeakref_GetWeakrefCount */
export function getWeakrefCount(o: PyObject): number {
  return o.type.weakrefable && o.weakrefs !== null ? o.weakrefs.length : 0;
}

/** weakref.getweakrefs(o): new references, in list order */
export function getWeakrefs(o: PyObject): PyObject[] {
  if (!o.type.weakrefable || o.weakrefs === null) return [];
  return o.weakrefs.map((w) => newref(w));
}

// ---------------------------------------------------------------- making them

function isProxy(o: PyObject): boolean {
  return o.type === ProxyType || o.type === CallableProxyType;
}

/** get_basic_refs: the reusable callback-less ref and proxy at the head of the list. */
function getBasicRefs(list: PyObject[] | null): [PyWeakReference | null, PyWeakReference | null] {
  let ref: PyWeakReference | null = null, proxy: PyWeakReference | null = null;
  if (list === null || list.length === 0) return [ref, proxy];
  let i = 0;
  let head = list[0] as PyWeakReference;
  if (head.wr_callback === null) {
    if (head.type === ReferenceType) {
      ref = head;
      head = list[++i] as PyWeakReference;
    }
    if (head !== undefined && head.wr_callback === null && isProxy(head)) proxy = head;
  }
  return [ref, proxy];
}

function checkWeakrefable(ob: PyObject): void {
  if (!ob.type.weakrefable) raise(Exc.TypeError, `cannot create weak reference to '${ob.type.name}' object`);
}

function allocWeakref(type: PyTypeObject, ob: PyObject, callback: PyObject | null): PyWeakReference {
  // tp_alloc tracks the object at once (PyType_GenericAlloc)
  const self = new PyWeakReference(type);
  gcAlloc(self, type.basicsize);
  gcTrack(self);
  self.wr_object = ob;
  if (callback !== null) self.wr_callback = newref(callback);
  return self;
}

/** insert after the basic ref/proxy, or at the head */
function insertWithCallback(self: PyWeakReference, ob: PyObject): void {
  const [ref, proxy] = getBasicRefs(ob.weakrefs);
  const prev = proxy ?? ref;
  if (ob.weakrefs === null) ob.weakrefs = [];
  if (prev === null) ob.weakrefs.unshift(self);
  else ob.weakrefs.splice(ob.weakrefs.indexOf(prev) + 1, 0, self);
}

/** weakref___new__: weakref.ref(ob[, callback]); a callback-less ref is shared. */
export function newWeakref(ob: PyObject, callback: PyObject | null, type: PyTypeObject = ReferenceType): PyWeakReference {
  checkWeakrefable(ob);
  if (callback === PyNone) callback = null;
  if (callback === null && type === ReferenceType) {
    const [ref] = getBasicRefs(ob.weakrefs);
    if (ref !== null) return newref(ref);
  }
  const self = allocWeakref(type, ob, callback);
  if (callback === null && type === ReferenceType) {
    if (ob.weakrefs === null) ob.weakrefs = [];
    ob.weakrefs.unshift(self);
  } else {
    insertWithCallback(self, ob);
  }
  return self;
}

/** PyWeakref_NewProxy: weakref.proxy(ob[, callback]) */
export function newProxy(ob: PyObject, callback: PyObject | null): PyWeakReference {
  checkWeakrefable(ob);
  if (callback === PyNone) callback = null;
  if (callback === null) {
    const [, proxy] = getBasicRefs(ob.weakrefs);
    if (proxy !== null) return newref(proxy);
  }
  const type = ob.type.tp_call !== null ? CallableProxyType : ProxyType;
  const self = allocWeakref(type, ob, callback);
  if (callback === null) {
    // the basic proxy goes right after the basic ref, or at the head
    const [ref] = getBasicRefs(ob.weakrefs);
    if (ob.weakrefs === null) ob.weakrefs = [];
    if (ref !== null) ob.weakrefs.splice(1, 0, self);
    else ob.weakrefs.unshift(self);
  } else {
    insertWithCallback(self, ob);
  }
  return self;
}

// ---------------------------------------------------------------- ReferenceType slots

const refNew: NonNullable<PyTypeObject['tp_new']> = (type, args, kwnames) => {
  const [ob, cb] = parseArgs('__new__', args, kwnames, ['object', 'callback'], 1, 2);
  return newWeakref(ob!, cb ?? null, type);
};

/** weakref_vectorcall: r() is the referent or None */
const refCall: NonNullable<PyTypeObject['tp_call']> = (self, args, kwnames) => {
  if (kwnames && kwnames.length > 0) raise(Exc.TypeError, 'weakref() takes no keyword arguments');
  if (args.length !== 0) raise(Exc.TypeError, `weakref expected 0 arguments, got ${args.length}`);
  const o = (self as PyWeakReference).wr_object;
  return newref(o ?? PyNone);
};

/** weakref_hash: the referent's hash, cached so it outlives the referent */
const refHash: NonNullable<PyTypeObject['tp_hash']> = (self) => {
  const w = self as PyWeakReference;
  if (w.hashValue !== null) return w.hashValue;
  const obj = w.wr_object;
  if (obj === null) raise(Exc.TypeError, 'weak object has gone away');
  incref(obj);
  try {
    w.hashValue = hash(obj);
  } finally {
    decref(obj);
  }
  return w.hashValue;
};

/** weakref_repr */
const refRepr: NonNullable<PyTypeObject['tp_repr']> = (self) => {
  const w = self as PyWeakReference;
  const obj = w.wr_object;
  if (obj === null) return newStr(`<weakref at ${addr(w)}; dead>`);
  incref(obj);
  try {
    const name = lookupSpecialName(obj);
    const tail = name === null ? '' : ` (${name})`;
    return newStr(`<weakref at ${addr(w)}; to '${obj.type.name}' at ${addr(obj)}${tail}>`);
  } finally {
    decref(obj);
  }
};

/** _PyObject_LookupSpecial(obj, "__name__") as a JS string, or null */
function lookupSpecialName(obj: PyObject): string | null {
  const d = typeLookup(obj.type, '__name__');
  if (d === null) return null;
  const get = d.type.tp_descr_get;
  const v = get ? get(d, obj, obj.type) : newref(d);
  try {
    return v instanceof PyStr ? v.value : null;
  } finally {
    decref(v);
  }
}

/** weakref_richcompare: referents compared while both live, identity otherwise */
const refRichCompare: NonNullable<PyTypeObject['tp_richcompare']> = (a, b, op) => {
  if ((op !== Py_EQ && op !== Py_NE) || !isWeakrefRef(a) || !isWeakrefRef(b)) return newref(NotImplemented);
  const x = a.wr_object, y = b.wr_object;
  if (x === null || y === null) {
    const res = a === b;
    return newBool(op === Py_NE ? !res : res);
  }
  incref(x);
  incref(y);
  try {
    return richCompare(x, y, op);
  } finally {
    decref(x);
    decref(y);
  }
};

// ---------------------------------------------------------------- proxies

/** proxy_check_ref: the referent (borrowed) or ReferenceError */
function proxyObject(p: PyObject): PyObject {
  const o = (p as PyWeakReference).wr_object;
  if (o === null) raise(Exc.ReferenceError, 'weakly-referenced object no longer exists');
  return o;
}
/** runs f on the referent, holding a reference to it meanwhile (UNWRAP) */
function withReferent<T>(p: PyObject, f: (o: PyObject) => T): T {
  const o = proxyObject(p);
  incref(o);
  try {
    return f(o);
  } finally {
    decref(o);
  }
}
function unwrap(o: PyObject): PyObject {
  return isProxy(o) ? proxyObject(o) : o;
}
/** Both operands unwrapped (a proxy's referent, anything else as is), held while `f` runs (WRAP_BINARY). */
function withOperands<T>(a: PyObject, b: PyObject, f: (x: PyObject, y: PyObject) => T): T {
  const x = unwrap(a), y = unwrap(b);
  incref(x);
  incref(y);
  try {
    return f(x, y);
  } finally {
    decref(x);
    decref(y);
  }
}

/** The proxies' slots (ProxyType and CallableProxyType share them), keyed as their stubs. */
const proxySlots: Record<string, (...args: never[]) => unknown> = {
  'proxy.tp_repr': (p: PyObject) => {
    // proxy_repr prints whatever PyWeakref_GET_OBJECT gives: None once dead
    const o = (p as PyWeakReference).wr_object ?? PyNone;
    return newStr(`<weakproxy at ${addr(p)} to ${o.type.name} at ${addr(o)}>`);
  },
  'proxy.tp_str': (p: PyObject) => withReferent(p, (o) => str(o)),
  'proxy.tp_getattro': (p: PyObject, name: string) => withReferent(p, (o) => getAttr(o, name)),
  'proxy.tp_setattro': (p: PyObject, name: string, v: PyObject | null) => withReferent(p, (o) => setAttr(o, name, v)),
  'proxy.tp_richcompare': (a: PyObject, b: PyObject, op: number) => withOperands(a, b, (x, y) => richCompare(x, y, op)),
  'proxy.nb_bool': (p: PyObject) => withReferent(p, (o) => isTrue(o)),
  'proxy.mp_length': (p: PyObject) => withReferent(p, (o) => length(o)),
  'proxy.mp_subscript': (p: PyObject, k: PyObject) => withReferent(p, (o) => getItem(o, k)),
  'proxy.mp_ass_subscript': (p: PyObject, k: PyObject, v: PyObject | null) =>
    withReferent(p, (o) => (v === null ? delItem(o, k) : setItem(o, k, v))),
  'proxy.sq_contains': (p: PyObject, item: PyObject) => withReferent(p, (o) => contains(o, item)),
  'proxy.tp_iter': (p: PyObject) => withReferent(p, (o) => getIter(o)),
  'proxy.tp_iternext': (p: PyObject) => withReferent(p, (o) => iterNext(o)),
  'proxy.tp_call': (p: PyObject, args: PyObject[], kwnames: string[] | null) => withReferent(p, (o) => call(o, args, kwnames)),
};
// the number protocol: forward both operands unwrapped (WRAP_BINARY)
for (let nb = 0; nb < 26; nb++) {
  proxySlots[`proxy.nb${nb}`] = (a: PyObject, b: PyObject) => withOperands(a, b, (x, y) => binaryOp(x, y, nb));
}

// ---------------------------------------------------------------- PyObject_ClearWeakRefs

/**
 * PyObject_ClearWeakRefs: called from the deallocator of every weakrefable
 * type when the referent dies by refcount. All weakrefs are cleared first,
 * then the callbacks run in list order (with several, CPython collects them
 * into a tuple first — a real GC allocation, reproduced here).
 */
export function clearWeakrefs(o: PyObject): void {
  const list = o.weakrefs;
  if (list === null || list.length === 0) {
    o.weakrefs = null;
    return;
  }
  // remove the callback-less basic and proxy references
  if ((list[0] as PyWeakReference).wr_callback === null) {
    clearWeakref(list[0] as PyWeakReference);
    const l2 = o.weakrefs as PyObject[] | null;
    if (l2 !== null && l2.length > 0 && (l2[0] as PyWeakReference).wr_callback === null) {
      clearWeakref(l2[0] as PyWeakReference);
    }
  }
  const rest = o.weakrefs as PyObject[] | null;
  if (rest === null || rest.length === 0) return;
  const refs = rest.slice() as PyWeakReference[];
  if (refs.length === 1) {
    const current = refs[0];
    const callback = current.wr_callback;
    current.wr_callback = null;
    clearWeakref(current);
    if (callback !== null) {
      if (current.refcnt > 0) runCallback(current, callback);
      decref(callback);
    }
    return;
  }
  // tuple = (ref0, cb0, ref1, cb1, …), allocated before any ref is cleared:
  // it keeps the refs alive while the callbacks run. (CPython leaves the slots
  // of refs that are already dying NULL; they are simply absent here.)
  const items: PyObject[] = [];
  const pending: [PyWeakReference, PyObject][] = [];
  for (const current of refs) {
    if (current.refcnt > 0 && current.wr_callback !== null) {
      items.push(newref(current), current.wr_callback);
      pending.push([current, current.wr_callback]);
    }
  }
  const tuple = newTuple(items);
  for (const current of refs) {
    const cb = current.wr_callback;
    current.wr_callback = null;
    // the tuple owns the callbacks of live refs; drop the others
    if (cb !== null && !(current.refcnt > 0)) decref(cb);
    clearWeakref(current);
  }
  try {
    for (const [wr, cb] of pending) runCallback(wr, cb);
  } finally {
    decref(tuple);
  }
}

/** handle_callback: callback(ref); an exception is reported as unraisable */
function runCallback(wr: PyWeakReference, callback: PyObject): void {
  const saved = wr.wr_callback;
  wr.wr_callback = callback;
  try {
    callWeakrefCallback(wr);
  } finally {
    wr.wr_callback = saved;
  }
}

export const weakrefOps = {
  'ref.tp_new': refNew,
  'ref.tp_call': refCall,
  'ref.tp_hash': refHash,
  'ref.tp_repr': refRepr,
  'ref.tp_richcompare': refRichCompare,
  ...proxySlots,
  clearWeakrefs,
};
