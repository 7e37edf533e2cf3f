/**
 * Connecting slots and dunder methods in both directions:
 * - a builtin type's slots appear as `__repr__`, `__add__` … wrapper
 *   descriptors in its dict (add_operators / slotdefs);
 * - a class that defines `__repr__`, `__add__` … gets slot functions that
 *   call them (slot_tp_repr, SLOT1BINFULL, update_one_slot): those are in
 *   classslots.ts, with the code that makes classes an on-demand part (see
 *   ondemand.ts); only slot_tp_init is here, which the evaluation loop
 *   recognises.
 * CPython counterpart: the slotdefs part of Objects/typeobject.c.
 */

import { PyObject, decref, incref } from './object.js';
import {
  PyTypeObject, NB_DUNDERS, NB_DIVMOD, NB_SUBTRACT, TPFLAGS_METHOD_DESCRIPTOR, Py_EQ, Py_NE,
  type Binary,
} from './typeobject.js';
import { raise } from '../eval/errors.js';
import { Exc } from './exceptions.js';
import { dictGetItemStr, dictSetItemStr, PyDict } from './dictobject.js';
import { newWrapperDescr } from './descrobject.js';
import { call, richCompare } from './abstract.js';
import { typeLookup } from './typeready.js';
import { PyNone } from './singletons.js';
import { PyStr } from './unicodeobject.js';
import { newBool } from './boolobject.js';
// evaluated here, where the slot functions that use it were (module order fixes the builtin types' ids)
import './longobject.js';
import { checkArity } from './args.js';
import type { Hash } from './hash.js';
import { PyFunction } from './funcobject.js';
import { parts, deferred } from '../ondemand.js';

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


// ---------------------------------------------------------------- slot_* functions

export const RICH_NAMES = ['__lt__', '__le__', '__eq__', '__ne__', '__gt__', '__ge__'];

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
/** Set by the runtime: reports an exception raised in __del__ ("Exception ignored in: …"). */
export let writeUnraisable: (e: unknown, obj: PyObject) => void = () => {};
export function setWriteUnraisable(f: (e: unknown, obj: PyObject) => void): void {
  writeUnraisable = f;
}
export let containsByIteration: (o: PyObject, item: PyObject) => boolean = () => false;
export function setContainsByIteration(f: (o: PyObject, item: PyObject) => boolean): void {
  containsByIteration = f;
}




export function callWith(f: PyObject, self: PyObject, args: PyObject[], kwnames: string[] | null = null): PyObject {
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

export let internName: (s: string) => PyObject = () => {
  throw new Error('internName not set');
};
export function setInternName(f: (s: string) => PyObject): void {
  internName = f;
}

// ---------------------------------------------------------------- the slot table

export interface SlotDef {
  /** the dunder names that feed this slot */
  names: string[];
  /** the PyTypeObject field */
  field: keyof PyTypeObject | number;
  /** wraps a builtin type's slot as a dunder method (wrapper_descriptor) */
  wrap?: (slotFn: unknown, name: string) => (self: PyObject, args: PyObject[], kw: string[] | null) => PyObject;
}

const none = (): PyObject => {
  incref(PyNone);
  return PyNone;
};

export const SLOTDEFS: SlotDef[] = [
  { names: ['__repr__'], field: 'tp_repr', wrap: (f) => (s, a) => (checkArity('__repr__', a, 0, 0), (f as (o: PyObject) => PyObject)(s)) },
  { names: ['__str__'], field: 'tp_str', wrap: (f) => (s, a) => (checkArity('__str__', a, 0, 0), (f as (o: PyObject) => PyObject)(s)) },
  { names: ['__hash__'], field: 'tp_hash', wrap: (f) => (s) => hashToInt((f as (o: PyObject) => Hash)(s)) },
  { names: RICH_NAMES, field: 'tp_richcompare' },
  { names: ['__iter__'], field: 'tp_iter', wrap: (f) => (s) => (f as (o: PyObject) => PyObject)(s) },
  { names: ['__next__'], field: 'tp_iternext', wrap: (f) => (s) => {
    const r = (f as (o: PyObject) => PyObject | null)(s);
    if (r === null) raise(Exc.StopIteration);
    return r;
  } },
  { names: ['__call__'], field: 'tp_call', wrap: (f) => (s, a, k) => (f as (o: PyObject, a: PyObject[], k: string[] | null) => PyObject)(s, a, k) },
  { names: ['__getattribute__', '__getattr__'], field: 'tp_getattro', wrap: (f) => (s, a) => (checkArity('__getattribute__', a, 1, 1), (f as (o: PyObject, n: string) => PyObject)(s, strArg(a[0]))) },
  { names: ['__setattr__', '__delattr__'], field: 'tp_setattro' },
  { names: ['__get__'], field: 'tp_descr_get' },
  { names: ['__set__', '__delete__'], field: 'tp_descr_set' },
  { names: ['__init__'], field: 'tp_init', wrap: (f) => (s, a, k) => ((f as (o: PyObject, a: PyObject[], k: string[] | null) => void)(s, a, k), none()) },
  { names: ['__new__'], field: 'tp_new' },
  { names: ['__del__'], field: 'tp_finalize' },
  { names: ['__len__'], field: 'mp_length', wrap: (f) => (s) => newIntHook((f as (o: PyObject) => number)(s)) },
  { names: ['__bool__'], field: 'nb_bool', wrap: (f) => (s) => newBool((f as (o: PyObject) => boolean)(s)) },
  { names: ['__getitem__'], field: 'mp_subscript', wrap: (f) => (s, a) => (checkArity('__getitem__', a, 1, 1), (f as Binary)(s, a[0])) },
  { names: ['__setitem__', '__delitem__'], field: 'mp_ass_subscript' },
  { names: ['__contains__'], field: 'sq_contains', wrap: (f) => (s, a) => newBool((f as (o: PyObject, i: PyObject) => boolean)(s, a[0])) },
  { names: ['__neg__'], field: 'nb_negative', wrap: (f) => (s) => (f as (o: PyObject) => PyObject)(s) },
  { names: ['__pos__'], field: 'nb_positive', wrap: (f) => (s) => (f as (o: PyObject) => PyObject)(s) },
  { names: ['__abs__'], field: 'nb_absolute', wrap: (f) => (s) => (f as (o: PyObject) => PyObject)(s) },
  { names: ['__invert__'], field: 'nb_invert', wrap: (f) => (s) => (f as (o: PyObject) => PyObject)(s) },
  { names: ['__int__'], field: 'nb_int', wrap: (f) => (s) => (f as (o: PyObject) => PyObject)(s) },
  { names: ['__float__'], field: 'nb_float', wrap: (f) => (s) => (f as (o: PyObject) => PyObject)(s) },
  { names: ['__index__'], field: 'nb_index', wrap: (f) => (s) => (f as (o: PyObject) => PyObject)(s) },
];
for (let i = 0; i < NB_DUNDERS.length; i++) {
  const [d, r, ip] = NB_DUNDERS[i];
  SLOTDEFS.push({ names: [d, r], field: i });
  SLOTDEFS.push({ names: [ip], field: i + 13 });
}
SLOTDEFS.push({ names: ['__divmod__', '__rdivmod__'], field: NB_DIVMOD });

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

export function getField(t: PyTypeObject, f: keyof PyTypeObject | number): unknown {
  return typeof f === 'number' ? t.nb[f] : (t as unknown as Record<string, unknown>)[f];
}
export function setField(t: PyTypeObject, f: keyof PyTypeObject | number, v: unknown): void {
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
      // a sequence's + is sq_concat, which has no reflected form (the numbers have a - too)
      if (dictGetItemStr(d, name) !== null || (name === '__radd__' && t.nb[NB_SUBTRACT] === null)) continue;
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






/** update_slot: a dunder was assigned on a class after creation (classslots.ts, with the classes part). */
export const updateSlot = deferred<(t: PyTypeObject, name: string) => void>(parts.classes, 'updateSlot');

export { richCompare, Py_EQ, Py_NE, PyFunction };
