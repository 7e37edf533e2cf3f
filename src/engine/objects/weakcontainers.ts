/**
 * weakref.WeakValueDictionary, weakref.WeakSet and weakref.finalize.
 * CPython counterpart: Lib/weakref.py and Lib/_weakrefset.py (Python code in
 * CPython; native here). What a learner sees is the same: entries vanish the
 * moment their object is freed (by its count reaching zero or by the
 * collector), a finalizer runs once, and none of them keeps its objects alive.
 * Their internal bookkeeping objects differ from CPython's.
 */

import { PyObject, decref, incref, xdecref } from './object.js';
import { builtinType, TPFLAGS_HAVE_GC, type BuiltinMethod, type Visit } from './typeobject.js';
import { gcAlloc, gcFree, gcTrack, gcUntrack } from '../gc/gcobject.js';
import { PyWeakReference, setWeakContainersReset } from './weakrefobject.js';
import { newWeakref } from './weakrefops.js';
import { newCFunction } from './methodobject.js';
import {
  newDict, dictGetItem, dictSetItem, dictDelItem, dictItems, dictLength, dictSetItemStr, PyDict,
} from './dictobject.js';
import { newInt } from './longobject.js';
import { newList } from './listobject.js';
import { newTuple, PyTuple } from './tupleobject.js';
import { newBool } from './boolobject.js';
import { PyNone } from './singletons.js';
import { raise } from '../eval/errors.js';
import { Exc } from './exceptions.js';
import { call, getIter, iterNext, hash } from './abstract.js';
import { newStr } from './unicodeobject.js';
import { checkArity } from './args.js';

function none(): PyObject {
  incref(PyNone);
  return PyNone;
}

/** The referent of a weakref, or null once it died. */
function referent(wr: PyObject): PyObject | null {
  return (wr as PyWeakReference).wr_object ?? null;
}

// ---------------------------------------------------------------- WeakValueDictionary

export class PyWeakValueDict extends PyObject {
  /** key -> weakref to the value */
  data: PyDict | null = null;
}

export const WeakValueDictType = builtinType('weakref.WeakValueDictionary', 48, TPFLAGS_HAVE_GC);

function wvdData(self: PyObject): PyDict {
  return (self as PyWeakValueDict).data!;
}

/** A weakref whose callback drops `key` from the dict when the value dies. */
function valueRef(self: PyWeakValueDict, key: PyObject, value: PyObject): PyObject {
  incref(key);
  const remove = newCFunction('remove', (_s, args) => {
    const data = self.data;
    if (data !== null) {
      const cur = dictGetItem(data, key);
      if (cur === args[0]) dictDelItem(data, key);
    }
    return none();
  }, null);
  const wr = newWeakref(value, remove);
  decref(remove);
  (wr as PyWeakReference & { heldKey?: PyObject }).heldKey = key;
  return wr;
}

function wvdSet(self: PyObject, key: PyObject, value: PyObject): void {
  const wr = valueRef(self as PyWeakValueDict, key, value);
  try {
    dictSetItem(wvdData(self), key, wr);
  } finally {
    decref(wr);
  }
}

function wvdGet(self: PyObject, key: PyObject): PyObject | null {
  const wr = dictGetItem(wvdData(self), key);
  if (wr === null) return null;
  return referent(wr);
}

/** Live (key, value) pairs, as new references. */
function wvdLive(self: PyObject): [PyObject, PyObject][] {
  const out: [PyObject, PyObject][] = [];
  for (const [k, wr] of dictItems(wvdData(self))) {
    const v = referent(wr);
    if (v === null) continue;
    incref(k);
    incref(v);
    out.push([k, v]);
  }
  return out;
}

WeakValueDictType.tp_new = (type, args) => {
  const d = new PyWeakValueDict(type);
  gcAlloc(d, type.basicsize);
  d.data = newDict();
  gcTrack(d);
  if (args.length > 0) {
    const src = args[0];
    if (src instanceof PyDict) for (const [k, v] of dictItems(src)) wvdSet(d, k, v);
    else raise(Exc.TypeError, 'WeakValueDictionary() takes a dict in the simulator');
  }
  return d;
};
WeakValueDictType.tp_traverse = (o, visit: Visit) => {
  const d = (o as PyWeakValueDict).data;
  if (d) visit(d);
};
WeakValueDictType.tp_clear = (o) => {
  const w = o as PyWeakValueDict;
  const d = w.data;
  w.data = null;
  xdecref(d);
};
WeakValueDictType.tp_dealloc = (o) => {
  gcUntrack(o);
  WeakValueDictType.tp_clear!(o);
  gcFree(o);
};
WeakValueDictType.mp_length = (o) => wvdLive(o).map(([k, v]) => (decref(k), decref(v))).length;
WeakValueDictType.mp_subscript = (o, key) => {
  const v = wvdGet(o, key);
  if (v === null) raise(Exc.KeyError, undefined);
  incref(v);
  return v;
};
WeakValueDictType.mp_ass_subscript = (o, key, value) => {
  if (value === null) {
    if (!dictDelItem(wvdData(o), key)) {
      hash(key);
      raise(Exc.KeyError);
    }
  } else {
    wvdSet(o, key, value);
  }
};
WeakValueDictType.sq_contains = (o, key) => wvdGet(o, key) !== null;
WeakValueDictType.tp_iter = (o) => {
  const keys = wvdLive(o).map(([k, v]) => (decref(v), k));
  const l = newList(keys);
  try {
    return getIter(l);
  } finally {
    decref(l);
  }
};
WeakValueDictType.tp_repr = (o) => newStr(`<WeakValueDictionary at 0x${o.addr.toString(16)}>`);
WeakValueDictType.methods = {
  keys: (self) => newList(wvdLive(self).map(([k, v]) => (decref(v), k))),
  values: (self) => newList(wvdLive(self).map(([k, v]) => (decref(k), v))),
  items: (self) => newList(wvdLive(self).map(([k, v]) => newTuple([k, v]))),
  get: (self, args) => {
    checkArity('get', args, 1, 2);
    const v = wvdGet(self, args[0]);
    const r = v ?? args[1] ?? PyNone;
    incref(r);
    return r;
  },
  pop: (self, args) => {
    checkArity('pop', args, 1, 2);
    const v = wvdGet(self, args[0]);
    if (v === null) {
      if (args.length > 1) {
        incref(args[1]);
        return args[1];
      }
      raise(Exc.KeyError);
    }
    incref(v);
    dictDelItem(wvdData(self), args[0]);
    return v;
  },
  setdefault: (self, args) => {
    checkArity('setdefault', args, 1, 2);
    const v = wvdGet(self, args[0]);
    if (v !== null) {
      incref(v);
      return v;
    }
    const d = args[1] ?? PyNone;
    wvdSet(self, args[0], d);
    incref(d);
    return d;
  },
  clear: (self) => {
    for (const k of dictItems(wvdData(self)).map(([k]) => k)) dictDelItem(wvdData(self), k);
    return none();
  },
  __len__: (self) => newIntHook(WeakValueDictType.mp_length!(self)),
};

function newIntHook(n: number): PyObject {
  return newInt(n);
}

// ---------------------------------------------------------------- WeakSet

export class PyWeakSet extends PyObject {
  /** weakrefs to the members, keyed by the weakref (whose hash is the referent's) */
  data: PyDict | null = null;
}

export const WeakSetType = builtinType('weakref.WeakSet', 48, TPFLAGS_HAVE_GC);

function wsData(self: PyObject): PyDict {
  return (self as PyWeakSet).data!;
}

/** Live members, as new references. */
function wsLive(self: PyObject): PyObject[] {
  const out: PyObject[] = [];
  for (const [wr] of dictItems(wsData(self))) {
    const v = referent(wr);
    if (v !== null) {
      incref(v);
      out.push(v);
    }
  }
  return out;
}

function wsFind(self: PyObject, item: PyObject): PyObject | null {
  for (const [wr] of dictItems(wsData(self))) if (referent(wr) === item) return wr;
  return null;
}

function wsAdd(self: PyObject, item: PyObject): void {
  if (wsFind(self, item) !== null) return;
  const ws = self as PyWeakSet;
  let wrRef: PyObject | null = null;
  const remove = newCFunction('_remove', () => {
    if (ws.data !== null && wrRef !== null) dictDelItem(ws.data, wrRef);
    return none();
  }, null);
  const wr = newWeakref(item, remove);
  decref(remove);
  wrRef = wr;
  dictSetItem(wsData(self), wr, PyNone);
  decref(wr);
}

WeakSetType.tp_new = (type, args) => {
  const s = new PyWeakSet(type);
  gcAlloc(s, type.basicsize);
  s.data = newDict();
  gcTrack(s);
  if (args.length > 0) {
    const it = getIter(args[0]);
    try {
      for (let x = iterNext(it); x !== null; x = iterNext(it)) {
        wsAdd(s, x);
        decref(x);
      }
    } finally {
      decref(it);
    }
  }
  return s;
};
WeakSetType.tp_traverse = (o, visit: Visit) => {
  const d = (o as PyWeakSet).data;
  if (d) visit(d);
};
WeakSetType.tp_clear = (o) => {
  const w = o as PyWeakSet;
  const d = w.data;
  w.data = null;
  xdecref(d);
};
WeakSetType.tp_dealloc = (o) => {
  gcUntrack(o);
  WeakSetType.tp_clear!(o);
  gcFree(o);
};
WeakSetType.mp_length = (o) => {
  const live = wsLive(o);
  for (const x of live) decref(x);
  return live.length;
};
WeakSetType.sq_contains = (o, item) => wsFind(o, item) !== null;
WeakSetType.tp_iter = (o) => {
  const l = newList(wsLive(o));
  try {
    return getIter(l);
  } finally {
    decref(l);
  }
};
WeakSetType.tp_repr = (o) => newStr(`<_weakrefset.WeakSet object at 0x${o.addr.toString(16)}>`);
WeakSetType.methods = {
  add: (self, args) => {
    checkArity('add', args, 1, 1);
    wsAdd(self, args[0]);
    return none();
  },
  discard: (self, args) => {
    const wr = wsFind(self, args[0]);
    if (wr !== null) dictDelItem(wsData(self), wr);
    return none();
  },
  remove: (self, args) => {
    const wr = wsFind(self, args[0]);
    if (wr === null) raise(Exc.KeyError);
    dictDelItem(wsData(self), wr);
    return none();
  },
  __len__: (self) => newIntHook(WeakSetType.mp_length!(self)),
};

// ---------------------------------------------------------------- finalize

export class PyFinalize extends PyObject {
  /** the weakref watching the object; null once the finalizer ran or was detached */
  ref: PyObject | null = null;
  func: PyObject | null = null;
  args: PyObject | null = null;
  kwargs: PyDict | null = null;
}

export const FinalizeType = builtinType('weakref.finalize', 48, TPFLAGS_HAVE_GC);

/** Runs the finalizer once: returns its result, or None if it already ran. */
function runFinalizer(f: PyFinalize): PyObject {
  const wr = f.ref, func = f.func, args = f.args, kwargs = f.kwargs;
  if (wr === null || func === null) return none();
  f.ref = f.func = f.args = null;
  f.kwargs = null;
  try {
    const pos = (args as PyTuple).items;
    const names: string[] = [];
    const vals: PyObject[] = [];
    if (kwargs) for (const [k, v] of dictItems(kwargs)) {
      names.push((k as PyObject & { value: string }).value);
      vals.push(v);
    }
    return call(func, [...pos, ...vals], names.length ? names : null);
  } finally {
    decref(wr);
    decref(func);
    xdecref(args);
    xdecref(kwargs);
  }
}

FinalizeType.tp_new = (type, args, kwnames) => {
  const nkw = kwnames ? kwnames.length : 0;
  const npos = args.length - nkw;
  if (npos < 2) raise(Exc.TypeError, 'finalize expected at least 2 positional arguments');
  const f = new PyFinalize(type);
  gcAlloc(f, type.basicsize);
  const obj = args[0];
  incref(args[1]);
  f.func = args[1];
  f.args = newTuple(args.slice(2, npos).map((a) => (incref(a), a)));
  if (nkw > 0) {
    const kw = newDict();
    for (let i = 0; i < nkw; i++) dictSetItemStrHook(kw, kwnames![i], args[npos + i]);
    f.kwargs = kw;
  }
  const cb = newCFunction('finalize_callback', () => {
    const r = runFinalizer(f);
    decref(r);
    return none();
  }, null);
  f.ref = newWeakref(obj, cb);
  decref(cb);
  gcTrack(f);
  // Like CPython's registry, a live finalizer keeps itself alive until it runs.
  incref(f);
  registry.add(f);
  return f;
};
const registry = new Set<PyFinalize>();
function release(f: PyFinalize): void {
  if (registry.delete(f)) decref(f);
}
FinalizeType.tp_call = (o) => {
  const f = o as PyFinalize;
  const r = runFinalizer(f);
  release(f);
  return r;
};
FinalizeType.tp_traverse = (o, visit: Visit) => {
  const f = o as PyFinalize;
  for (const x of [f.ref, f.func, f.args, f.kwargs]) if (x) visit(x);
};
FinalizeType.tp_dealloc = (o) => {
  gcUntrack(o);
  const f = o as PyFinalize;
  const refs = [f.ref, f.func, f.args, f.kwargs];
  f.ref = f.func = f.args = null;
  f.kwargs = null;
  for (const x of refs) xdecref(x);
  gcFree(o);
};
FinalizeType.getsets = {
  alive: { get: (self) => newBool((self as PyFinalize).ref !== null) },
};
FinalizeType.methods = {
  detach: (self) => {
    const f = self as PyFinalize;
    const wr = f.ref;
    if (wr === null) return none();
    const obj = referent(wr);
    if (obj === null) return none();
    incref(obj);
    const r = newTuple([obj, f.func!, f.args!, f.kwargs ?? newDict()].map((x, i) => (i > 0 && i < 3 ? (incref(x), x) : x)));
    decref(wr);
    decref(f.func!);
    xdecref(f.args);
    f.ref = f.func = f.args = null;
    f.kwargs = null;
    release(f);
    return r;
  },
};
FinalizeType.tp_repr = (o) => {
  const f = o as PyFinalize;
  const obj = f.ref ? referent(f.ref) : null;
  return newStr(obj ? `<finalize object at 0x${o.addr.toString(16)}; for '${obj.type.name}' at 0x${obj.addr.toString(16)}>` : `<finalize object at 0x${o.addr.toString(16)}; dead>`);
};

/** Forget live finalizers between runs. */
export function resetFinalizers(): void {
  registry.clear();
}
setWeakContainersReset(resetFinalizers);

function dictSetItemStrHook(d: PyDict, k: string, v: PyObject): void {
  dictSetItemStr(d, k, v);
}

export const weakContainerMethods: Record<string, BuiltinMethod> = {};
void dictLength;
