/**
 * The functools module: partial, reduce, wraps/update_wrapper, lru_cache and
 * cache, cmp_to_key, total_ordering.
 * CPython counterpart: Modules/_functoolsmodule.c (partial, reduce,
 * cmp_to_key's KeyWrapper, _lru_cache_wrapper) and Lib/functools.py
 * (update_wrapper, wraps, lru_cache's argument handling, _make_key,
 * total_ordering), 3.12.
 *
 * Simplifications: the lru cache's key for several arguments is the tuple
 * of them (CPython's _make_key builds the same tuple, plus a marker and the
 * keyword items when there are keywords); cache_info() returns a tuple
 * subclass whose repr is CacheInfo's.
 */

import { PyObject, decref, incref, newref, xdecref } from '../objects/object.js';
import {
  PyTypeObject, builtinType, TPFLAGS_HAVE_GC, TPFLAGS_BASETYPE, ObjectType, Py_EQ, Py_NE, Py_LT, Py_LE, Py_GT, Py_GE,
  type BuiltinMethod,
} from '../objects/typeobject.js';
import { raise } from '../eval/errors.js';
import { Exc } from '../objects/exceptions.js';
import {
  call, getIter, iterNext, getAttr, setAttr, lookupAttr, reprString, richCompare, richCompareBool, isTrue,
  callMethod, isCallable, isExceptionOf, clearRaise,
} from '../objects/abstract.js';
import { PyLong, newInt, newBool, asIndex } from '../objects/longobject.js';
import { PyNone, NotImplemented } from '../objects/singletons.js';
import { PyTuple, TupleType, newTuple } from '../objects/tupleobject.js';
import { PyDict, newDict, dictGetItem, dictSetItem, dictSetItemStr, dictItems, dictDelItem, dictClear, DictType } from '../objects/dictobject.js';
import { PyStr, newStr, strValue } from '../objects/unicodeobject.js';
import { newCFunction } from '../objects/methodobject.js';
import { newMethod } from '../objects/classobject.js';
import { newMethodDescr } from '../objects/descrobject.js';
import { genericGetAttr, genericSetAttr, typeLookup } from '../objects/typeready.js';
import { gcAlloc, gcTrack, gcUntrack, gcFree } from '../gc/gcobject.js';
import { parseArgs, checkArity, noKeywords } from '../objects/args.js';
import { nativeType, allocNative, none } from './itertoolsmodule.js';
import type { ModuleDef } from './moduledef.js';
import { parts, deferred } from '../ondemand.js';

const M = 'functools';

/** Gives a native type a lazily created instance __dict__ (partial, _lru_cache_wrapper). */
function withDict(t: PyTypeObject): void {
  t.tp_getattro = genericGetAttr;
  t.tp_setattro = (o, name, v) => {
    if (o.dict === null) o.dict = newDict();
    genericSetAttr(o, name, v);
  };
  t.getsets.__dict__ = {
    get: (o) => {
      if (o.dict === null) o.dict = newDict();
      return newref(o.dict);
    },
  };
  t.weakrefable = true;
}

/** Splits vectorcall arguments into positionals and [name, value] pairs. */
function splitArgs(args: PyObject[], kwnames: string[] | null): [PyObject[], [string, PyObject][]] {
  const nkw = kwnames ? kwnames.length : 0;
  const pos = args.slice(0, args.length - nkw);
  const kw: [string, PyObject][] = [];
  for (let i = 0; i < nkw; i++) kw.push([kwnames![i], args[args.length - nkw + i]]);
  return [pos, kw];
}

// ===================================================================== partial

class Partial extends PyObject {
  fn: PyObject | null = null;
  args: PyTuple | null = null;
  kw: PyDict | null = null;
}
export const PartialType = nativeType(M, 'partial', 64, TPFLAGS_BASETYPE);
withDict(PartialType);

function newPartial(type: PyTypeObject, func: PyObject, args: PyObject[], kw: [string, PyObject][]): Partial {
  let fn = func;
  let pargs: PyObject[] = args;
  let pkw = kw;
  if (fn instanceof Partial && fn.type === PartialType && fn.dict === null) {
    // flatten partial(partial(f, 1), 2) into partial(f, 1, 2)
    pargs = [...fn.args!.items, ...args];
    const merged = new Map<string, PyObject>();
    for (const [k, v] of dictItems(fn.kw!)) merged.set(strValue(k), v);
    for (const [k, v] of kw) merged.set(k, v);
    pkw = [...merged.entries()];
    fn = fn.fn!;
  }
  const p = new Partial(type);
  p.fn = newref(fn);
  p.args = newTuple(pargs.map((a) => newref(a)));
  const d = newDict();
  for (const [k, v] of pkw) dictSetItemStr(d, k, v);
  p.kw = d;
  return allocNative(p);
}
PartialType.tp_new = (type, args, kwnames) => {
  const [pos, kw] = splitArgs(args, kwnames);
  if (pos.length < 1) raise(Exc.TypeError, 'type \'partial\' takes at least one argument');
  if (!isCallable(pos[0])) raise(Exc.TypeError, 'the first argument must be callable');
  return newPartial(type, pos[0], pos.slice(1), kw);
};
PartialType.tp_call = (self, args, kwnames) => {
  const p = self as Partial;
  const [pos, kw] = splitArgs(args, kwnames);
  const allPos = [...p.args!.items, ...pos];
  const merged = new Map<string, PyObject>();
  for (const [k, v] of dictItems(p.kw!)) merged.set(strValue(k), v);
  for (const [k, v] of kw) merged.set(k, v);
  const names = [...merged.keys()];
  return call(p.fn!, [...allPos, ...merged.values()], names.length ? names : null);
};
PartialType.tp_repr = (o) => {
  const p = o as Partial;
  const parts = [reprString(p.fn!)];
  for (const a of p.args!.items) parts.push(reprString(a));
  for (const [k, v] of dictItems(p.kw!)) parts.push(`${strValue(k)}=${reprString(v)}`);
  const t = o.type;
  const name = t === PartialType ? 'functools.partial' : `${t.module}.${t.qualname}`;
  return newStr(`${name}(${parts.join(', ')})`);
};
PartialType.tp_descr_get = null;
/** partial[int]: a types.GenericAlias (objects/genericalias.ts) */
PartialType.classMethods.__class_getitem__ = deferred(parts.generic, 'classGetItem');
PartialType.getsets.func = { get: (o) => newref((o as Partial).fn!) };
PartialType.getsets.args = { get: (o) => newref((o as Partial).args!) };
PartialType.getsets.keywords = { get: (o) => newref((o as Partial).kw!) };

// ===================================================================== reduce

function reduce(_m: PyObject, args: PyObject[], kwnames: string[] | null): PyObject {
  noKeywords('reduce', kwnames);
  checkArity('reduce', args, 2, 3);
  const [func, seq] = args;
  let result: PyObject | null = args.length > 2 ? newref(args[2]) : null;
  let it: PyObject;
  try {
    it = getIter(seq);
  } catch (e) {
    if (isExceptionOf(e, Exc.TypeError)) {
      clearRaise(e);
      xdecref(result);
      raise(Exc.TypeError, 'reduce() arg 2 must support iteration');
    }
    throw e;
  }
  try {
    for (let item = iterNext(it); item !== null; item = iterNext(it)) {
      if (result === null) {
        result = item;
        continue;
      }
      let r: PyObject;
      try {
        r = call(func, [result, item]);
      } finally {
        decref(item);
      }
      decref(result);
      result = r;
    }
  } catch (e) {
    xdecref(result);
    throw e;
  } finally {
    decref(it);
  }
  if (result === null) raise(Exc.TypeError, 'reduce() of empty iterable with no initial value');
  return result;
}

// ===================================================================== update_wrapper / wraps

const WRAPPER_ASSIGNMENTS = ['__module__', '__name__', '__qualname__', '__doc__', '__annotations__', '__type_params__'];
const WRAPPER_UPDATES = ['__dict__'];

function namesOf(o: PyObject | undefined, dflt: string[]): string[] {
  if (o === undefined) return dflt;
  const it = getIter(o);
  const out: string[] = [];
  try {
    for (let x = iterNext(it); x !== null; x = iterNext(it)) {
      out.push(strValue(x));
      decref(x);
    }
  } finally {
    decref(it);
  }
  return out;
}

function updateWrapper(_m: PyObject, args: PyObject[], kwnames: string[] | null): PyObject {
  const [wrapper, wrapped, assignedO, updatedO] = parseArgs(
    'update_wrapper', args, kwnames, ['wrapper', 'wrapped', 'assigned', 'updated'], 2,
  );
  for (const attr of namesOf(assignedO, WRAPPER_ASSIGNMENTS)) {
    const v = lookupAttr(wrapped!, attr);
    if (v === null) continue;
    try {
      setAttr(wrapper!, attr, v);
    } catch (e) {
      // CPython would propagate this; the simulator's function objects do not
      // yet accept every assignable attribute (__annotations__), so skip it.
      if (!isExceptionOf(e, Exc.AttributeError)) throw e;
      clearRaise(e);
    } finally {
      decref(v);
    }
  }
  for (const attr of namesOf(updatedO, WRAPPER_UPDATES)) {
    const target = getAttr(wrapper!, attr);
    try {
      const src = lookupAttr(wrapped!, attr) ?? newDict();
      try {
        decref(callMethod(target, 'update', [src]));
      } finally {
        decref(src);
      }
    } finally {
      decref(target);
    }
  }
  setAttr(wrapper!, '__wrapped__', wrapped!);
  return newref(wrapper!);
}

/** wraps(wrapped, …) is partial(update_wrapper, wrapped=wrapped, assigned=…, updated=…) */
function wraps(m: PyObject, args: PyObject[], kwnames: string[] | null): PyObject {
  const [wrapped, assigned, updated] = parseArgs('wraps', args, kwnames, ['wrapped', 'assigned', 'updated'], 1);
  const uw = getAttr(m, 'update_wrapper');
  try {
    const kw: [string, PyObject][] = [['wrapped', wrapped!]];
    const a = assigned ?? newTuple(WRAPPER_ASSIGNMENTS.map((s) => newStr(s)));
    const u = updated ?? newTuple(WRAPPER_UPDATES.map((s) => newStr(s)));
    kw.push(['assigned', a], ['updated', u]);
    try {
      return newPartial(PartialType, uw, [], kw);
    } finally {
      if (assigned === undefined) decref(a);
      if (updated === undefined) decref(u);
    }
  } finally {
    decref(uw);
  }
}

// ===================================================================== lru_cache

class LruCache extends PyObject {
  func: PyObject | null = null;
  cache: PyDict | null = null;
  kwdMark: PyObject | null = null;
  /** keys in recency order, oldest first (CPython's linked list); borrowed from `cache` */
  b_order: PyObject[] = [];
  maxsize = -1;
  typed = false;
  hits = 0;
  misses = 0;
}
export const LruCacheType = nativeType(M, '_lru_cache_wrapper', 152);
withDict(LruCacheType);

/** _make_key */
function makeKey(c: LruCache, pos: PyObject[], kw: [string, PyObject][]): PyObject {
  if (kw.length === 0 && pos.length === 1 && (pos[0].type.name === 'int' || pos[0].type.name === 'str') && !c.typed) {
    return newref(pos[0]);
  }
  const items: PyObject[] = pos.map((a) => newref(a));
  if (kw.length) {
    items.push(newref(c.kwdMark!));
    for (const [k, v] of kw) items.push(newStr(k), newref(v));
  }
  if (c.typed) {
    for (const a of pos) items.push(newref(a.type));
    for (const [, v] of kw) items.push(newref(v.type));
  }
  return newTuple(items);
}

function touch(c: LruCache, key: PyObject): void {
  const i = c.b_order.findIndex((k) => k === key || richCompareBool(k, key, Py_EQ));
  if (i >= 0) {
    const k = c.b_order[i];
    c.b_order.splice(i, 1);
    c.b_order.push(k);
  }
}

LruCacheType.tp_call = (self, args, kwnames) => {
  const c = self as LruCache;
  const [pos, kw] = splitArgs(args, kwnames);
  if (c.maxsize === 0) {
    c.misses++;
    return call(c.func!, args, kwnames);
  }
  const key = makeKey(c, pos, kw);
  try {
    const hit = dictGetItem(c.cache!, key);
    if (hit !== null) {
      c.hits++;
      if (c.maxsize > 0) touch(c, key);
      return newref(hit);
    }
    c.misses++;
    const result = call(c.func!, args, kwnames);
    if (dictGetItem(c.cache!, key) !== null) return result; // added by a recursive call
    if (c.maxsize > 0 && c.b_order.length >= c.maxsize) {
      const oldest = c.b_order.shift()!;
      incref(oldest);
      dictDelItem(c.cache!, oldest);
      decref(oldest);
    }
    dictSetItem(c.cache!, key, result);
    if (c.maxsize > 0) {
      // the dict owns the key; remember the same object for the order
      for (const [k] of dictItems(c.cache!)) if (k === key) c.b_order.push(k);
    }
    return result;
  } finally {
    decref(key);
  }
};
LruCacheType.tp_descr_get = (descr, obj) => {
  if (obj === null || obj === PyNone) return newref(descr);
  return newMethod(descr, obj);
};

/** CacheInfo(hits=…, misses=…, maxsize=…, currsize=…): a tuple subclass like the namedtuple */
export const CacheInfoType = builtinType('CacheInfo', 24, TPFLAGS_HAVE_GC, TupleType, 8);
CacheInfoType.module = M;
CacheInfoType.tp_dealloc = (o) => {
  gcUntrack(o);
  const items = (o as PyTuple).items;
  (o as PyTuple).items = [];
  for (const x of items) decref(x);
  gcFree(o);
};
CacheInfoType.tp_repr = (o) => {
  const it = (o as PyTuple).items;
  return newStr(`CacheInfo(hits=${reprString(it[0])}, misses=${reprString(it[1])}, maxsize=${reprString(it[2])}, currsize=${reprString(it[3])})`);
};
['hits', 'misses', 'maxsize', 'currsize'].forEach((name, i) => {
  CacheInfoType.getsets[name] = { get: (o) => newref((o as PyTuple).items[i]) };
});

LruCacheType.methods.cache_info = (self) => {
  const c = self as LruCache;
  const t = new PyTuple(CacheInfoType, [
    newInt(c.hits), newInt(c.misses), c.maxsize < 0 ? none() : newInt(c.maxsize), newInt(c.cache!.used),
  ]);
  gcAlloc(t, 24 + 8 * 4);
  gcTrack(t);
  return t;
};
LruCacheType.methods.cache_clear = (self) => {
  const c = self as LruCache;
  c.hits = c.misses = 0;
  c.b_order = [];
  dictClear(c.cache!);
  return none();
};
LruCacheType.methods.cache_parameters = (self) => {
  const c = self as LruCache;
  const d = newDict();
  const ms = c.maxsize < 0 ? none() : newInt(c.maxsize);
  dictSetItemStr(d, 'maxsize', ms);
  decref(ms);
  const ty = newBool(c.typed);
  dictSetItemStr(d, 'typed', ty);
  decref(ty);
  return d;
};

let kwdMark: PyObject | null = null;

function makeLru(m: PyObject, func: PyObject, maxsize: number, typed: boolean): PyObject {
  if (!isCallable(func)) raise(Exc.TypeError, 'the first argument must be callable');
  const c = new LruCache(LruCacheType);
  c.func = newref(func);
  c.cache = newDict();
  c.maxsize = maxsize;
  c.typed = typed;
  c.kwdMark = newref(kwdMark ?? PyNone);
  allocNative(c);
  const uw = getAttr(m, 'update_wrapper');
  try {
    decref(call(uw, [c, func]));
  } catch (e) {
    decref(c);
    throw e;
  } finally {
    decref(uw);
  }
  return c;
}

class LruDecorator extends PyObject {
  module: PyObject | null = null;
  maxsize = 128;
  typed = false;
}
export const LruDecoratorType = nativeType(M, '_lru_cache_decorator', 32);
LruDecoratorType.tp_call = (self, args, kwnames) => {
  noKeywords('decorating_function', kwnames);
  checkArity('decorating_function', args, 1, 1);
  const d = self as LruDecorator;
  return makeLru(d.module!, args[0], d.maxsize, d.typed);
};
LruDecoratorType.tp_repr = (o) => newStr(`<function lru_cache.<locals>.decorating_function at 0x${o.addr.toString(16)}>`);

function lruCache(m: PyObject, args: PyObject[], kwnames: string[] | null): PyObject {
  const [ms, typedO] = parseArgs('lru_cache', args, kwnames, ['maxsize', 'typed'], 0);
  const typed = typedO !== undefined && isTrue(typedO);
  let maxsize = 128;
  if (ms !== undefined) {
    if (ms instanceof PyLong) {
      maxsize = asIndex(ms);
      if (maxsize < 0) maxsize = 0;
    } else if (ms === PyNone) maxsize = -1;
    else if (isCallable(ms) && typedO === undefined) {
      // @lru_cache without parentheses
      return makeLru(m, ms, 128, false);
    } else raise(Exc.TypeError, 'Expected first argument to be an integer, a callable, or None');
  }
  const d = new LruDecorator(LruDecoratorType);
  d.module = newref(m);
  d.maxsize = maxsize;
  d.typed = typed;
  return allocNative(d);
}

function cacheFn(m: PyObject, args: PyObject[], kwnames: string[] | null): PyObject {
  noKeywords('cache', kwnames);
  checkArity('cache', args, 1, 1);
  return makeLru(m, args[0], -1, false);
}

// ===================================================================== cmp_to_key

class KeyWrapper extends PyObject {
  cmp: PyObject | null = null;
  object: PyObject | null = null;
}
export const KeyWrapperType = nativeType(M, 'KeyWrapper', 32);
KeyWrapperType.tp_call = (self, args, kwnames) => {
  const [obj] = parseArgs('K', args, kwnames, ['obj'], 1);
  const k = new KeyWrapper(KeyWrapperType);
  k.cmp = newref((self as KeyWrapper).cmp!);
  k.object = newref(obj!);
  return allocNative(k);
};
KeyWrapperType.tp_richcompare = (a, b, op) => {
  if (!(b instanceof KeyWrapper)) raise(Exc.TypeError, 'other argument must be K instance');
  const ka = a as KeyWrapper;
  if (ka.object === null || b.object === null) raise(Exc.AttributeError, 'object');
  const res = call(ka.cmp!, [ka.object, b.object]);
  const zero = newInt(0);
  try {
    return richCompare(res, zero, op);
  } finally {
    decref(res);
    decref(zero);
  }
};
KeyWrapperType.tp_hash = null;
KeyWrapperType.getsets.obj = {
  get: (o) => {
    const v = (o as KeyWrapper).object;
    if (v === null) raise(Exc.AttributeError, 'obj');
    return newref(v);
  },
};

function cmpToKey(_m: PyObject, args: PyObject[], kwnames: string[] | null): PyObject {
  const [mycmp] = parseArgs('cmp_to_key', args, kwnames, ['mycmp'], 1);
  const k = new KeyWrapper(KeyWrapperType);
  k.cmp = newref(mycmp!);
  return allocNative(k);
}

// ===================================================================== total_ordering

const OPS: [string, number][] = [['__lt__', Py_LT], ['__le__', Py_LE], ['__gt__', Py_GT], ['__ge__', Py_GE]];

/** calls type(self).<root>(self, other) */
function callRoot(root: string, self: PyObject, other: PyObject): PyObject {
  const f = typeLookup(self.type, root);
  if (f === null) raise(Exc.AttributeError, root);
  return call(f, [self, other]);
}
function notEq(self: PyObject, other: PyObject): boolean {
  return richCompareBool(self, other, Py_NE);
}
function isEq(self: PyObject, other: PyObject): boolean {
  return richCompareBool(self, other, Py_EQ);
}

/** Lib/functools.py's _convert table: how to build each missing operator from the root */
function derived(root: string, name: string): BuiltinMethod {
  return (self, args) => {
    checkArity(name, args, 1, 1);
    const other = args[0];
    const r = callRoot(root, self, other);
    if (r === NotImplemented) return r;
    const t = isTrue(r);
    decref(r);
    const key = `${root}>${name}`;
    switch (key) {
      case '__lt__>__gt__': return newBool(!t && notEq(self, other));
      case '__lt__>__le__': return newBool(t || isEq(self, other));
      case '__lt__>__ge__': return newBool(!t);
      case '__le__>__ge__': return newBool(!t || isEq(self, other));
      case '__le__>__lt__': return newBool(t && notEq(self, other));
      case '__le__>__gt__': return newBool(!t);
      case '__gt__>__lt__': return newBool(!t && notEq(self, other));
      case '__gt__>__ge__': return newBool(t || isEq(self, other));
      case '__gt__>__le__': return newBool(!t);
      case '__ge__>__le__': return newBool(!t || isEq(self, other));
      case '__ge__>__gt__': return newBool(t && notEq(self, other));
      default: return newBool(!t); // __ge__>__lt__
    }
  };
}

function totalOrdering(_m: PyObject, args: PyObject[]): PyObject {
  checkArity('total_ordering', args, 1, 1);
  const cls = args[0];
  if (!(cls instanceof PyTypeObject)) raise(Exc.AttributeError, `'${cls.type.name}' object has no attribute '__lt__'`);
  const roots = OPS.map(([n]) => n).filter((n) => {
    const v = typeLookup(cls, n);
    return v !== null && v !== typeLookup(ObjectType, n);
  });
  if (roots.length === 0) raise(Exc.ValueError, 'must define at least one ordering operation: < > <= >=');
  const root = roots.reduce((a, b) => (a > b ? a : b));
  for (const [name] of OPS) {
    if (name === root || roots.includes(name)) continue;
    const d = newMethodDescr(cls, name, derived(root, name));
    try {
      setAttr(cls, name, d);
    } finally {
      decref(d);
    }
  }
  return newref(cls);
}

export function functoolsDef(): ModuleDef {
  kwdMark = null;
  return {
    name: 'functools',
    functions: {
      reduce, update_wrapper: updateWrapper, wraps, lru_cache: lruCache, cache: cacheFn,
      cmp_to_key: cmpToKey, total_ordering: totalOrdering,
    },
    attrs: () => {
      kwdMark = call(ObjectType, []);
      return {
        partial: newref(PartialType),
        _lru_cache_wrapper: newref(LruCacheType),
        KeyWrapper: newref(KeyWrapperType),
        WRAPPER_ASSIGNMENTS: newTuple(WRAPPER_ASSIGNMENTS.map((s) => newStr(s))),
        WRAPPER_UPDATES: newTuple(WRAPPER_UPDATES.map((s) => newStr(s))),
        _kwd_mark: newref(kwdMark),
      };
    },
  };
}

void DictType;
void newCFunction;
void builtinType;
