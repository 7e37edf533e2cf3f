/**
 * Connecting slots and dunder methods in both directions:
 * - a builtin type's slots appear as `__repr__`, `__add__` … wrapper
 *   descriptors in its dict (add_operators / slotdefs);
 * - a class that defines `__repr__`, `__add__` … gets slot functions that
 *   call them (slot_tp_repr, SLOT1BINFULL, update_one_slot).
 * CPython counterpart: the slotdefs part of Objects/typeobject.c.
 */

import { PyObject, decref, incref } from './object.js';
import {
  PyTypeObject, NB_DUNDERS, TPFLAGS_HEAPTYPE, TPFLAGS_METHOD_DESCRIPTOR, Py_EQ, Py_NE,
  type Binary,
} from './typeobject.js';
import { raise, isPyRaise } from '../eval/errors.js';
import { Exc } from './exceptions.js';
import { dictGetItemStr, dictSetItemStr, PyDict } from './dictobject.js';
import { newWrapperDescr, PyWrapperDescr } from './descrobject.js';
import { call, isExceptionOf, clearRaise, richCompare, isTrue } from './abstract.js';
import { typeLookup } from './typeready.js';
import { NotImplemented, PyNone } from './singletons.js';
import { PyStr } from './unicodeobject.js';
import { newBool, PyTrue, PyFalse } from './boolobject.js';
import { PyLong, asIndex } from './longobject.js';
import { checkArity } from './args.js';
import { normHash, type Hash } from './hash.js';
import { PyFunction } from './funcobject.js';

// ---------------------------------------------------------------- calling dunders

/**
 * Looks `name` up on type(self) (special-method lookup skips the instance
 * dict) and calls it with self prepended. Returns null when the type has no
 * such attribute.
 */
export function callDunder(self: PyObject, name: string, args: PyObject[]): PyObject | null {
  const f = typeLookup(self.type, name);
  if (f === null) return null;
  if ((f.type.flags & TPFLAGS_METHOD_DESCRIPTOR) !== 0) return call(f, [self, ...args]);
  const g = f.type.tp_descr_get;
  if (g === null) return call(f, args);
  const bound = g(f, self, self.type);
  try {
    return call(bound, args);
  } finally {
    decref(bound);
  }
}

function mustCallDunder(self: PyObject, name: string, args: PyObject[]): PyObject {
  const r = callDunder(self, name, args);
  if (r === null) raise(Exc.AttributeError, `'${self.type.name}' object has no attribute '${name}'`);
  return r;
}

// ---------------------------------------------------------------- slot_* functions

const RICH_NAMES = ['__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__'];

function slotRepr(o: PyObject): PyObject {
  return mustCallDunder(o, '__repr__', []);
}
function slotStr(o: PyObject): PyObject {
  return mustCallDunder(o, '__str__', []);
}
function slotHash(o: PyObject): Hash {
  const r = mustCallDunder(o, '__hash__', []);
  try {
    if (!(r instanceof PyLong)) raise(Exc.TypeError, '__hash__ method should return an integer');
    const v = r.value;
    if (typeof v === 'number') return normHash(v);
    // Big results are reduced like long_hash does.
    const m = (1n << 61n) - 1n;
    const neg = v < 0n;
    let h = (neg ? -v : v) % m;
    if (neg) h = -h;
    return normHash(h);
  } finally {
    decref(r);
  }
}
function slotRichCompare(a: PyObject, b: PyObject, op: number): PyObject {
  const r = callDunder(a, RICH_NAMES[op], [b]);
  if (r === null) {
    incref(NotImplemented);
    return NotImplemented;
  }
  return r;
}
function slotIter(o: PyObject): PyObject {
  const f = typeLookup(o.type, '__iter__');
  if (f === PyNone) raise(Exc.TypeError, `'${o.type.name}' object is not iterable`);
  return mustCallDunder(o, '__iter__', []);
}
function slotIterNext(o: PyObject): PyObject | null {
  try {
    return mustCallDunder(o, '__next__', []);
  } catch (e) {
    if (isExceptionOf(e, Exc.StopIteration)) {
      clearRaise(e);
      return null;
    }
    throw e;
  }
}
function slotCall(o: PyObject, args: PyObject[], kwnames: string[] | null): PyObject {
  const f = typeLookup(o.type, '__call__');
  if (f === null) raise(Exc.TypeError, `'${o.type.name}' object is not callable`);
  if ((f.type.flags & TPFLAGS_METHOD_DESCRIPTOR) !== 0) return call(f, [o, ...args], kwnames);
  const g = f.type.tp_descr_get;
  if (g === null) return call(f, args, kwnames);
  const bound = g(f, o, o.type);
  try {
    return call(bound, args, kwnames);
  } finally {
    decref(bound);
  }
}
/** slot_tp_getattr_hook: __getattribute__, then __getattr__ on AttributeError */
function slotGetAttr(o: PyObject, name: string): PyObject {
  const getattr = typeLookup(o.type, '__getattr__');
  const ga = typeLookup(o.type, '__getattribute__');
  const nameObj = internName(name);
  const callGA = (): PyObject => {
    if (ga === null || (ga instanceof PyWrapperDescr && ga.owner.tp_getattro)) {
      const owner = ga instanceof PyWrapperDescr ? ga.owner : o.type;
      return owner.tp_getattro!(o, name);
    }
    return callWith(ga, o, [nameObj]);
  };
  if (getattr === null) return callGA();
  try {
    return callGA();
  } catch (e) {
    if (isExceptionOf(e, Exc.AttributeError)) {
      clearRaise(e);
      return callWith(getattr, o, [nameObj]);
    }
    throw e;
  }
}
function slotSetAttr(o: PyObject, name: string, value: PyObject | null): void {
  const nameObj = internName(name);
  const r = value === null ? mustCallDunder(o, '__delattr__', [nameObj]) : mustCallDunder(o, '__setattr__', [nameObj, value]);
  decref(r);
}
function slotDescrGet(descr: PyObject, obj: PyObject | null, type: PyTypeObject): PyObject {
  const f = typeLookup(descr.type, '__get__');
  if (f === null) {
    incref(descr);
    return descr;
  }
  return callWith(f, descr, [obj ?? PyNone, type]);
}
function slotDescrSet(descr: PyObject, obj: PyObject, value: PyObject | null): void {
  const r = value === null ? mustCallDunder(descr, '__delete__', [obj]) : mustCallDunder(descr, '__set__', [obj, value]);
  decref(r);
}
/** slot_tp_init; the evaluation loop recognises it to run a Python `__init__` inline (ceval.ts CALL). */
export function slotInit(self: PyObject, args: PyObject[], kwnames: string[] | null): void {
  const f = typeLookup(self.type, '__init__')!;
  const r = callWith(f, self, args, kwnames);
  if (r !== PyNone) {
    const tn = r.type.name;
    decref(r);
    raise(Exc.TypeError, `__init__() should return None, not '${tn}'`);
  }
  decref(r);
}
function slotNew(type: PyTypeObject, args: PyObject[], kwnames: string[] | null): PyObject {
  const f = typeLookup(type, '__new__')!;
  // __new__ is a staticmethod: unwrap and call with the class first.
  const g = f.type.tp_descr_get;
  const fn = g ? g(f, null, type) : (incref(f), f);
  try {
    return call(fn, [type, ...args], kwnames);
  } finally {
    decref(fn);
  }
}
/** Set by the runtime: reports an exception raised in __del__ ("Exception ignored in: …"). */
export let writeUnraisable: (e: unknown, obj: PyObject) => void = () => {};
export function setWriteUnraisable(f: (e: unknown, obj: PyObject) => void): void {
  writeUnraisable = f;
}
function slotFinalize(o: PyObject): void {
  const del = typeLookup(o.type, '__del__');
  if (del === null) return;
  try {
    const r = callWith(del, o, []);
    decref(r);
  } catch (e) {
    if (!isPyRaise(e)) throw e;
    writeUnraisable(e, del);
  }
}
function slotLength(o: PyObject): number {
  const r = mustCallDunder(o, '__len__', []);
  try {
    if (!(r instanceof PyLong)) raise(Exc.TypeError, `'${r.type.name}' object cannot be interpreted as an integer`);
    const n = asIndex(r);
    if (n < 0) raise(Exc.ValueError, '__len__() should return >= 0');
    return n;
  } finally {
    decref(r);
  }
}
function slotBool(o: PyObject): boolean {
  const b = typeLookup(o.type, '__bool__');
  if (b !== null) {
    const r = callWith(b, o, []);
    if (r !== PyTrue && r !== PyFalse) {
      const tn = r.type.name;
      decref(r);
      raise(Exc.TypeError, `__bool__ should return bool, returned ${tn}`);
    }
    return r === PyTrue;
  }
  return slotLength(o) !== 0;
}
function slotGetItem(o: PyObject, key: PyObject): PyObject {
  return mustCallDunder(o, '__getitem__', [key]);
}
function slotSetItem(o: PyObject, key: PyObject, value: PyObject | null): void {
  const r = value === null ? callDunder(o, '__delitem__', [key]) : callDunder(o, '__setitem__', [key, value]);
  if (r === null) {
    raise(Exc.TypeError, `'${o.type.name}' object does not support item ${value === null ? 'deletion' : 'assignment'}`);
  }
  decref(r);
}
function slotContains(o: PyObject, item: PyObject): boolean {
  const f = typeLookup(o.type, '__contains__');
  if (f === null || f === PyNone) {
    // No __contains__: iterate (the caller's fallback in abstract.contains).
    const saved = o.type.sq_contains;
    o.type.sq_contains = null;
    try {
      return containsByIteration(o, item);
    } finally {
      o.type.sq_contains = saved;
    }
  }
  const r = callWith(f, o, [item]);
  const b = isTrue(r);
  decref(r);
  return b;
}
let containsByIteration: (o: PyObject, item: PyObject) => boolean = () => false;
export function setContainsByIteration(f: (o: PyObject, item: PyObject) => boolean): void {
  containsByIteration = f;
}

function unarySlot(name: string): (o: PyObject) => PyObject {
  return (o) => mustCallDunder(o, name, []);
}

/** SLOT1BINFULL: the binary number slot of classes, for BINARY_OP oparg `i` (< 13). */
function makeBinarySlot(i: number): Binary {
  const [dunder, rdunder] = NB_DUNDERS[i];
  const slot: Binary = (self, other) => {
    const selfHas = self.type.nb[i] === slot;
    let doOther = self.type !== other.type && other.type.nb[i] === slot;
    if (selfHas) {
      if (doOther && isSubtypeOf(other.type, self.type)) {
        const r = callDunderMaybe(other, rdunder, self);
        if (r !== NotImplemented) return r;
        doOther = false;
      }
      const r = callDunderMaybe(self, dunder, other);
      if (r !== NotImplemented || other.type === self.type) return r;
    }
    if (doOther) return callDunderMaybe(other, rdunder, self);
    return NotImplemented;
  };
  return slot;
}
function makeInplaceSlot(i: number): Binary {
  const idunder = NB_DUNDERS[i][2];
  return (self, other) => callDunderMaybe(self, idunder, other);
}
/** vectorcall_maybe: NotImplemented when the type lacks the method */
function callDunderMaybe(self: PyObject, name: string, other: PyObject): PyObject {
  const r = callDunder(self, name, [other]);
  return r ?? NotImplemented;
}
function isSubtypeOf(a: PyTypeObject, b: PyTypeObject): boolean {
  return a.mro.includes(b);
}

const BINARY_SLOTS: Binary[] = NB_DUNDERS.map((_, i) => makeBinarySlot(i));
const INPLACE_SLOTS: Binary[] = NB_DUNDERS.map((_, i) => makeInplaceSlot(i));

function callWith(f: PyObject, self: PyObject, args: PyObject[], kwnames: string[] | null = null): PyObject {
  if ((f.type.flags & TPFLAGS_METHOD_DESCRIPTOR) !== 0) return call(f, [self, ...args], kwnames);
  const g = f.type.tp_descr_get;
  if (g === null) return call(f, args, kwnames);
  const bound = g(f, self, self.type);
  try {
    return call(bound, args, kwnames);
  } finally {
    decref(bound);
  }
}

let internName: (s: string) => PyObject = () => {
  throw new Error('internName not set');
};
export function setInternName(f: (s: string) => PyObject): void {
  internName = f;
}

// ---------------------------------------------------------------- the slot table

interface SlotDef {
  /** the dunder names that feed this slot */
  names: string[];
  /** the PyTypeObject field */
  field: keyof PyTypeObject | number;
  /** the slot function for classes */
  slot: unknown;
  /** wraps a builtin type's slot as a dunder method (wrapper_descriptor) */
  wrap?: (slotFn: unknown, name: string) => (self: PyObject, args: PyObject[], kw: string[] | null) => PyObject;
}

const none = (): PyObject => {
  incref(PyNone);
  return PyNone;
};

const SLOTDEFS: SlotDef[] = [
  { names: ['__repr__'], field: 'tp_repr', slot: slotRepr, wrap: (f) => (s, a) => (checkArity('__repr__', a, 0, 0), (f as (o: PyObject) => PyObject)(s)) },
  { names: ['__str__'], field: 'tp_str', slot: slotStr, wrap: (f) => (s, a) => (checkArity('__str__', a, 0, 0), (f as (o: PyObject) => PyObject)(s)) },
  { names: ['__hash__'], field: 'tp_hash', slot: slotHash, wrap: (f) => (s) => hashToInt((f as (o: PyObject) => Hash)(s)) },
  { names: RICH_NAMES, field: 'tp_richcompare', slot: slotRichCompare },
  { names: ['__iter__'], field: 'tp_iter', slot: slotIter, wrap: (f) => (s) => (f as (o: PyObject) => PyObject)(s) },
  { names: ['__next__'], field: 'tp_iternext', slot: slotIterNext, wrap: (f) => (s) => {
    const r = (f as (o: PyObject) => PyObject | null)(s);
    if (r === null) raise(Exc.StopIteration);
    return r;
  } },
  { names: ['__call__'], field: 'tp_call', slot: slotCall, wrap: (f) => (s, a, k) => (f as (o: PyObject, a: PyObject[], k: string[] | null) => PyObject)(s, a, k) },
  { names: ['__getattribute__', '__getattr__'], field: 'tp_getattro', slot: slotGetAttr, wrap: (f) => (s, a) => (checkArity('__getattribute__', a, 1, 1), (f as (o: PyObject, n: string) => PyObject)(s, strArg(a[0]))) },
  { names: ['__setattr__', '__delattr__'], field: 'tp_setattro', slot: slotSetAttr },
  { names: ['__get__'], field: 'tp_descr_get', slot: slotDescrGet },
  { names: ['__set__', '__delete__'], field: 'tp_descr_set', slot: slotDescrSet },
  { names: ['__init__'], field: 'tp_init', slot: slotInit, wrap: (f) => (s, a, k) => ((f as (o: PyObject, a: PyObject[], k: string[] | null) => void)(s, a, k), none()) },
  { names: ['__new__'], field: 'tp_new', slot: slotNew },
  { names: ['__del__'], field: 'tp_finalize', slot: slotFinalize },
  { names: ['__len__'], field: 'mp_length', slot: slotLength, wrap: (f) => (s) => newIntHook((f as (o: PyObject) => number)(s)) },
  { names: ['__bool__'], field: 'nb_bool', slot: slotBool, wrap: (f) => (s) => newBool((f as (o: PyObject) => boolean)(s)) },
  { names: ['__getitem__'], field: 'mp_subscript', slot: slotGetItem, wrap: (f) => (s, a) => (checkArity('__getitem__', a, 1, 1), (f as Binary)(s, a[0])) },
  { names: ['__setitem__', '__delitem__'], field: 'mp_ass_subscript', slot: slotSetItem },
  { names: ['__contains__'], field: 'sq_contains', slot: slotContains, wrap: (f) => (s, a) => newBool((f as (o: PyObject, i: PyObject) => boolean)(s, a[0])) },
  { names: ['__neg__'], field: 'nb_negative', slot: unarySlot('__neg__'), wrap: (f) => (s) => (f as (o: PyObject) => PyObject)(s) },
  { names: ['__pos__'], field: 'nb_positive', slot: unarySlot('__pos__'), wrap: (f) => (s) => (f as (o: PyObject) => PyObject)(s) },
  { names: ['__abs__'], field: 'nb_absolute', slot: unarySlot('__abs__'), wrap: (f) => (s) => (f as (o: PyObject) => PyObject)(s) },
  { names: ['__invert__'], field: 'nb_invert', slot: unarySlot('__invert__'), wrap: (f) => (s) => (f as (o: PyObject) => PyObject)(s) },
  { names: ['__int__'], field: 'nb_int', slot: unarySlot('__int__'), wrap: (f) => (s) => (f as (o: PyObject) => PyObject)(s) },
  { names: ['__float__'], field: 'nb_float', slot: unarySlot('__float__'), wrap: (f) => (s) => (f as (o: PyObject) => PyObject)(s) },
  { names: ['__index__'], field: 'nb_index', slot: unarySlot('__index__'), wrap: (f) => (s) => (f as (o: PyObject) => PyObject)(s) },
];
for (let i = 0; i < NB_DUNDERS.length; i++) {
  const [d, r, ip] = NB_DUNDERS[i];
  SLOTDEFS.push({ names: [d, r], field: i, slot: BINARY_SLOTS[i] });
  SLOTDEFS.push({ names: [ip], field: i + 13, slot: INPLACE_SLOTS[i] });
}

let newIntHook: (n: number) => PyObject = () => {
  throw new Error('newInt not set');
};
let hashToInt: (h: Hash) => PyObject = () => {
  throw new Error('hashToInt not set');
};
export function setIntHooks(newInt: (n: number) => PyObject, fromHash: (h: Hash) => PyObject): void {
  newIntHook = newInt;
  hashToInt = fromHash;
}
function strArg(o: PyObject): string {
  if (!(o instanceof PyStr)) raise(Exc.TypeError, `attribute name must be string, not '${o.type.name}'`);
  return o.value;
}

function getField(t: PyTypeObject, f: keyof PyTypeObject | number): unknown {
  return typeof f === 'number' ? t.nb[f] : (t as unknown as Record<string, unknown>)[f];
}
function setField(t: PyTypeObject, f: keyof PyTypeObject | number, v: unknown): void {
  if (typeof f === 'number') t.nb[f] = v as Binary | null;
  else (t as unknown as Record<string, unknown>)[f] = v;
}

/**
 * add_operators: a builtin type's own slots become wrapper descriptors in its
 * dict (`int.__add__`, `object.__init__`), and an unhashable builtin gets
 * `__hash__ = None` (so `list.__hash__ is None`).
 */
export function addSlotWrappers(t: PyTypeObject): void {
  const d = t.tpDict as PyDict;
  const base = t.base;
  for (const def of SLOTDEFS) {
    const fn = getField(t, def.field);
    if (fn === null || fn === undefined) continue;
    if (base && getField(base, def.field) === fn) continue;
    for (const name of def.names) {
      if (dictGetItemStr(d, name) !== null) continue;
      const impl = wrapperFor(def, fn, name);
      if (impl === null) continue;
      const w = newWrapperDescr(t, name, impl);
      dictSetItemStr(d, name, w);
      decref(w);
    }
  }
  if (t.tp_hash === null && t.tp_richcompare !== null && dictGetItemStr(d, '__hash__') === null) {
    dictSetItemStr(d, '__hash__', PyNone);
  }
}

function wrapperFor(def: SlotDef, fn: unknown, name: string): ((self: PyObject, args: PyObject[], kw: string[] | null) => PyObject) | null {
  if (def.field === 'tp_richcompare') {
    const op = RICH_NAMES.indexOf(name);
    const f = fn as (a: PyObject, b: PyObject, op: number) => PyObject;
    return (s, a) => (checkArity(name, a, 1, 1), f(s, a[0], op));
  }
  if (def.field === 'tp_setattro') {
    const f = fn as (o: PyObject, n: string, v: PyObject | null) => void;
    return name === '__setattr__'
      ? (s, a) => (checkArity(name, a, 2, 2), f(s, strArg(a[0]), a[1]), none())
      : (s, a) => (checkArity(name, a, 1, 1), f(s, strArg(a[0]), null), none());
  }
  if (def.field === 'mp_ass_subscript') {
    const f = fn as (o: PyObject, k: PyObject, v: PyObject | null) => void;
    return name === '__setitem__'
      ? (s, a) => (checkArity(name, a, 2, 2), f(s, a[0], a[1]), none())
      : (s, a) => (checkArity(name, a, 1, 1), f(s, a[0], null), none());
  }
  if (def.field === 'tp_new' || def.field === 'tp_finalize' || def.field === 'tp_descr_get' || def.field === 'tp_descr_set') {
    return null;
  }
  if (name === '__getattr__') return null;
  if (typeof def.field === 'number') {
    const f = fn as Binary;
    const reflected = def.names.length > 1 && name === def.names[1];
    return reflected
      ? (s, a) => (checkArity(name, a, 1, 1), f(a[0], s))
      : (s, a) => (checkArity(name, a, 1, 1), f(s, a[0]));
  }
  return def.wrap ? def.wrap(fn, name) : null;
}

/**
 * fixup_slot_dispatchers / update_one_slot: for a class, point each slot at
 * the generic slot function when the class (or a class in its MRO) defines
 * the dunder in Python, or at the builtin base's slot when the dunder found
 * is that base's own wrapper.
 */
export function fixupSlots(t: PyTypeObject): void {
  for (const def of SLOTDEFS) updateOneSlot(t, def);
}

function updateOneSlot(t: PyTypeObject, def: SlotDef): void {
  let useGeneric = false;
  let specific: unknown = undefined;
  let found = false;
  for (const name of def.names) {
    const d = typeLookup(t, name);
    if (d === null) continue;
    found = true;
    if (def.field === 'tp_hash' && d === PyNone) {
      specific = null;
      continue;
    }
    if (d instanceof PyWrapperDescr && !d.owner.hasFlag(TPFLAGS_HEAPTYPE)) {
      const baseFn = getField(d.owner, def.field);
      if (specific === undefined) specific = baseFn;
      else if (specific !== baseFn) useGeneric = true;
    } else if (def.field === 'tp_new' && isBuiltinNew(d)) {
      specific = builtinNewOf(d, t);
    } else {
      useGeneric = true;
    }
  }
  let v: unknown;
  if (!found) {
    v = inheritedDefault(t, def);
  } else if (useGeneric) {
    v = def.slot;
  } else {
    v = specific ?? null;
  }
  setField(t, def.field, v);
}

function inheritedDefault(t: PyTypeObject, def: SlotDef): unknown {
  // No dunder anywhere in the MRO: keep what the solid base provides (e.g. tp_dealloc-like
  // slots that have no dunder), otherwise nothing.
  const b = t.base;
  return b ? getField(b, def.field) ?? null : null;
}

/** `__new__` found in a builtin's dict is a builtin function wrapping that type's tp_new. */
function isBuiltinNew(d: PyObject): boolean {
  return (d as PyObject & { builtinNewOwner?: PyTypeObject }).builtinNewOwner !== undefined;
}
function builtinNewOf(d: PyObject, _t: PyTypeObject): unknown {
  const owner = (d as PyObject & { builtinNewOwner?: PyTypeObject }).builtinNewOwner!;
  return owner.tp_new;
}

/** update_slot: a dunder was assigned on a class after creation. */
export function updateSlot(t: PyTypeObject, name: string): void {
  for (const def of SLOTDEFS) {
    if (def.names.includes(name)) {
      updateOneSlot(t, def);
      for (const s of t.subclasses) if (s.hasFlag(TPFLAGS_HEAPTYPE)) updateSlot(s, name);
    }
  }
}

export { richCompare, Py_EQ, Py_NE, PyFunction };
