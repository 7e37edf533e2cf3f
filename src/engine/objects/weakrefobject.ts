/**
 * Weak references and proxies. CPython counterpart: Objects/weakrefobject.c (3.12.1).
 *
 * A referent's weak references live in its `weakrefs` array, index 0 being
 * the head of CPython's wr_next list: the callback-less ref first, then the
 * callback-less proxy, then refs with callbacks, newest first (insert_head /
 * insert_after in weakref___new__). That order decides the order callbacks
 * run in when the referent dies, so it is kept exactly.
 */

import { PyObject, newref } from './object.js';
import { builtinType, TPFLAGS_HAVE_GC, TPFLAGS_BASETYPE, isSubtype, type Visit } from './typeobject.js';
import type { Hash } from './hash.js';
import { gcFree, gcUntrack } from '../gc/gcobject.js';
import { clearWeakref, registerWeakrefType, type WeakrefFields } from '../gc/gc.js';
// evaluated here as before weakrefops.ts took their users (module order fixes the builtin types' ids)
import '../eval/errors.js';
import './exceptions.js';
import { PyNone } from './singletons.js';
import './boolobject.js';
import './unicodeobject.js';
import './tupleobject.js';
import './abstract.js';
import './typeready.js';
import './args.js';
import { setTypenewWeakrefHook } from './typenew.js';
import { setClearWeakrefsHook } from './funcobject.js';
import { parts, deferred } from '../ondemand.js';

/** sizeof(PyWeakReference) in 3.12: header, wr_object, wr_callback, hash, wr_prev, wr_next, vectorcall */
const WEAKREF_SIZE = 64;

/** PyWeakReference */
export class PyWeakReference extends PyObject implements WeakrefFields {
  wr_object: PyObject | null = null;
  wr_callback: PyObject | null = null;
  /** cached hash of the referent (-1 in CPython until computed) */
  hashValue: Hash | null = null;
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

// ---------------------------------------------------------------- the types' code

// Making weak references and proxies, their slots and PyObject_ClearWeakRefs:
// an on-demand part (objects/weakrefops.ts), loaded by the word `weakref`.
// Only the weakref module makes weak references, and a referent's
// `weakrefs` stays null until one is made.
const P = parts.weakrefs;
for (const slot of ['tp_new', 'tp_call', 'tp_hash', 'tp_repr', 'tp_richcompare'] as const) {
  (ReferenceType as unknown as Record<string, unknown>)[slot] = deferred(P, `ref.${slot}`);
}
ReferenceType.tp_init = () => {};
ReferenceType.getsets = {
  __callback__: {
    get: (self) => newref((self as PyWeakReference).wr_callback ?? PyNone),
  },
};
const PROXY_SLOTS = [
  'tp_repr', 'tp_str', 'tp_getattro', 'tp_setattro', 'tp_richcompare', 'nb_bool', 'mp_length', 'mp_subscript',
  'mp_ass_subscript', 'sq_contains', 'tp_iter', 'tp_iternext',
] as const;
for (const t of [ProxyType, CallableProxyType]) {
  for (const slot of PROXY_SLOTS) (t as unknown as Record<string, unknown>)[slot] = deferred(P, `proxy.${slot}`);
  // the number protocol: both operands forwarded unwrapped (WRAP_BINARY)
  for (let nb = 0; nb < 26; nb++) t.nb[nb] = deferred(P, `proxy.nb${nb}`);
}
// proxies are unhashable: tp_hash stays null ("unhashable type: 'weakref.ProxyType'")
CallableProxyType.tp_call = deferred(P, 'proxy.tp_call');

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
 * type when the referent dies by refcount, once it has weak references.
 */
export function clearWeakrefs(o: PyObject): void {
  // every function's deallocator calls this: an object no weak reference was
  // ever made to needs nothing (and no part)
  if (o.weakrefs !== null) clearRefs(o);
}
const clearRefs = deferred<(o: PyObject) => void>(P, 'clearWeakrefs');

// the class machinery's deallocators call PyObject_ClearWeakRefs through these hooks
setTypenewWeakrefHook(clearWeakrefs);
setClearWeakrefsHook(clearWeakrefs);
