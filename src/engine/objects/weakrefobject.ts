/**
 * Weak references and proxies. CPython counterpart: Objects/weakrefobject.c (3.12.1).
 *
 * A referent's weak references live in its `weakrefs` array, index 0 being
 * the head of CPython's wr_next list: the callback-less ref first, then the
 * callback-less proxy, then refs with callbacks, newest first (insert_head /
 * insert_after in weakref___new__). That order decides the order callbacks
 * run in when the referent dies, so it is kept exactly.
 */

import { PyObject, decref, incref, newref } from './object.js';
import {
  PyTypeObject, builtinType, TPFLAGS_HAVE_GC, TPFLAGS_BASETYPE, Py_EQ, Py_NE, isSubtype, type Visit,
} from './typeobject.js';
import type { Hash } from './hash.js';
import { gcAlloc, gcFree, gcTrack, gcUntrack } from '../gc/gcobject.js';
import {
  clearWeakref, registerWeakrefType, callWeakrefCallback, type WeakrefFields,
} from '../gc/gc.js';
import { raise } from '../eval/errors.js';
import { Exc } from './exceptions.js';
import { PyNone, NotImplemented } from './singletons.js';
import { newBool } from './boolobject.js';
import { newStr, PyStr } from './unicodeobject.js';
import { newTuple } from './tupleobject.js';
import {
  call, getAttr, setAttr, hash, richCompare, repr, str, isTrue, length, getItem, setItem, delItem,
  contains, getIter, iterNext, binaryOp,
} from './abstract.js';
import { typeLookup } from './typeready.js';
import { parseArgs } from './args.js';
import { setTypenewWeakrefHook } from './typenew.js';
import { setClearWeakrefsHook } from './funcobject.js';

/** sizeof(PyWeakReference) in 3.12: header, wr_object, wr_callback, hash, wr_prev, wr_next, vectorcall */
const WEAKREF_SIZE = 64;

/** PyWeakReference */
export class PyWeakReference extends PyObject implements WeakrefFields {
  wr_object: PyObject | null = null;
  wr_callback: PyObject | null = null;
  /** cached hash of the referent (-1 in CPython until computed) */
  hashValue: Hash | null = null;
}

function addr(o: PyObject): string {
  return '0x' + o.addr.toString(16).padStart(12, '0');
}

// ---------------------------------------------------------------- the types

export const ReferenceType = builtinType('weakref.ReferenceType', WEAKREF_SIZE, TPFLAGS_HAVE_GC | TPFLAGS_BASETYPE);
export const ProxyType = builtinType('weakref.ProxyType', WEAKREF_SIZE, TPFLAGS_HAVE_GC);
export const CallableProxyType = builtinType('weakref.CallableProxyType', WEAKREF_SIZE, TPFLAGS_HAVE_GC);
for (const t of [ReferenceType, ProxyType, CallableProxyType]) {
  t.module = 'weakref';
  t.qualname = t.name.slice('weakref.'.length);
  registerWeakrefType(t);
  t.tp_traverse = gcTraverse;
  t.tp_clear = gcClear;
  t.tp_dealloc = weakrefDealloc;
}

/** gc_traverse: only the callback is a strong reference */
function gcTraverse(o: PyObject, visit: Visit): void {
  const cb = (o as PyWeakReference).wr_callback;
  if (cb !== null) visit(cb);
}
/** gc_clear */
function gcClear(o: PyObject): void {
  clearWeakref(o as PyWeakReference);
}
/** weakref_dealloc */
function weakrefDealloc(o: PyObject): void {
  gcUntrack(o);
  clearWeakref(o as PyWeakReference);
  gcFree(o);
}

export function isWeakrefRef(o: PyObject): o is PyWeakReference {
  return o.type === ReferenceType || isSubtype(o.type, ReferenceType);
}
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

ReferenceType.tp_new = (type, args, kwnames) => {
  const [ob, cb] = parseArgs('__new__', args, kwnames, ['object', 'callback'], 1, 2);
  return newWeakref(ob!, cb ?? null, type);
};
ReferenceType.tp_init = () => {};

/** weakref_vectorcall: r() is the referent or None */
ReferenceType.tp_call = (self, args, kwnames) => {
  if (kwnames && kwnames.length > 0) raise(Exc.TypeError, 'weakref() takes no keyword arguments');
  if (args.length !== 0) raise(Exc.TypeError, `weakref expected 0 arguments, got ${args.length}`);
  const o = (self as PyWeakReference).wr_object;
  return newref(o ?? PyNone);
};

/** weakref_hash: the referent's hash, cached so it outlives the referent */
ReferenceType.tp_hash = (self) => {
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
ReferenceType.tp_repr = (self) => {
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
ReferenceType.tp_richcompare = (a, b, op) => {
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

ReferenceType.getsets = {
  __callback__: {
    get: (self) => newref((self as PyWeakReference).wr_callback ?? PyNone),
  },
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

for (const t of [ProxyType, CallableProxyType]) {
  t.tp_repr = (p) => {
    // proxy_repr prints whatever PyWeakref_GET_OBJECT gives: None once dead
    const o = (p as PyWeakReference).wr_object ?? PyNone;
    return newStr(`<weakproxy at ${addr(p)} to ${o.type.name} at ${addr(o)}>`);
  };
  t.tp_str = (p) => withReferent(p, (o) => str(o));
  t.tp_getattro = (p, name) => withReferent(p, (o) => getAttr(o, name));
  t.tp_setattro = (p, name, v) => withReferent(p, (o) => setAttr(o, name, v));
  t.tp_richcompare = (a, b, op) => {
    const x = unwrap(a), y = unwrap(b);
    incref(x);
    incref(y);
    try {
      return richCompare(x, y, op);
    } finally {
      decref(x);
      decref(y);
    }
  };
  t.nb_bool = (p) => withReferent(p, (o) => isTrue(o));
  t.mp_length = (p) => withReferent(p, (o) => length(o));
  t.mp_subscript = (p, k) => withReferent(p, (o) => getItem(o, k));
  t.mp_ass_subscript = (p, k, v) =>
    withReferent(p, (o) => (v === null ? delItem(o, k) : setItem(o, k, v)));
  t.sq_contains = (p, item) => withReferent(p, (o) => contains(o, item));
  t.tp_iter = (p) => withReferent(p, (o) => getIter(o));
  t.tp_iternext = (p) => withReferent(p, (o) => iterNext(o));
  // the number protocol: forward both operands unwrapped (WRAP_BINARY)
  for (let nb = 0; nb < 26; nb++) {
    t.nb[nb] = (a, b) => {
      const x = unwrap(a), y = unwrap(b);
      incref(x);
      incref(y);
      try {
        return binaryOp(x, y, nb);
      } finally {
        decref(x);
        decref(y);
      }
    };
  }
}
// proxies are unhashable: tp_hash stays null ("unhashable type: 'weakref.ProxyType'")
CallableProxyType.tp_call = (p, args, kwnames) => withReferent(p, (o) => call(o, args, kwnames));

// ---------------------------------------------------------------- PyObject_ClearWeakRefs

/**
 * Resets the per-run state of weakref's containers (the live finalizers of
 * weakcontainers.ts) at a run's start. That module arrives with the weakref
 * module, on demand (modules/stdlib.ts), and registers its reset then.
 */
let weakContainersReset: (() => void) | null = null;
export function setWeakContainersReset(f: () => void): void {
  weakContainersReset = f;
}
export function resetWeakContainers(): void {
  if (weakContainersReset !== null) weakContainersReset();
}

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

/** _PyWeakref_GetWeakrefCount */
export function getWeakrefCount(o: PyObject): number {
  return o.type.weakrefable && o.weakrefs !== null ? o.weakrefs.length : 0;
}

/** weakref.getweakrefs(o): new references, in list order */
export function getWeakrefs(o: PyObject): PyObject[] {
  if (!o.type.weakrefable || o.weakrefs === null) return [];
  return o.weakrefs.map((w) => newref(w));
}

// the class machinery's deallocators call PyObject_ClearWeakRefs through these hooks
setTypenewWeakrefHook(clearWeakrefs);
setClearWeakrefsHook(clearWeakrefs);
