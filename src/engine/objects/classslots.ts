/**
 * The slot functions of classes: a class that defines `__repr__`, `__add__` …
 * gets slot functions that call them (slot_tp_repr, SLOT1BINFULL,
 * update_one_slot), installed when the class is made (fixupSlots) or a
 * dunder is assigned to it later (updateSlot). With the code that makes
 * classes, an on-demand part (see ondemand.ts); moved here verbatim from
 * typeslots.ts, which keeps the slot table and slot_tp_init.
 * CPython counterpart: the slotdefs part of Objects/typeobject.c.
 */
import { PyObject, decref, incref } from './object.js';
import { PyTypeObject, NB_DUNDERS, NB_DIVMOD, TPFLAGS_HEAPTYPE, TPFLAGS_METHOD_DESCRIPTOR, type Binary } from './typeobject.js';
import { raise, isPyRaise } from '../eval/errors.js';
import { Exc } from './exceptions.js';
import { PyWrapperDescr } from './descrobject.js';
import { call, isExceptionOf, clearRaise, isTrue } from './abstract.js';
import { typeLookup } from './typeready.js';
import { NotImplemented, PyNone } from './singletons.js';
import { PyTrue, PyFalse } from './boolobject.js';
import { PyLong, asIndex } from './longobject.js';
import { normHash, type Hash } from './hash.js';
import {
  type SlotDef, SLOTDEFS, RICH_NAMES, callDunder, callWith, slotInit, getField, setField, internName,
  containsByIteration, writeUnraisable,
} from './typeslots.js';

function mustCallDunder(self: PyObject, name: string, args: PyObject[]): PyObject {
  const r = callDunder(self, name, args);
  if (r === null) raise(Exc.AttributeError, `'${self.type.name}' object has no attribute '${name}'`);
  return r;
}

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

function unarySlot(name: string): (o: PyObject) => PyObject {
  return (o) => mustCallDunder(o, name, []);
}

/** SLOT1BINFULL: the binary number slot of classes, for BINARY_OP oparg `i` (< 13) or NB_DIVMOD. */
function makeBinarySlot(i: number, [dunder, rdunder]: readonly string[] = NB_DUNDERS[i]): Binary {
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
/** slot_nb_divmod */
const DIVMOD_SLOT = makeBinarySlot(NB_DIVMOD, ['__divmod__', '__rdivmod__']);

const INPLACE_SLOTS: Binary[] = NB_DUNDERS.map((_, i) => makeInplaceSlot(i));

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
    v = slotOf(def);
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
function updateSlot(t: PyTypeObject, name: string): void {
  for (const def of SLOTDEFS) {
    if (def.names.includes(name)) {
      updateOneSlot(t, def);
      for (const s of t.subclasses) if (s.hasFlag(TPFLAGS_HEAPTYPE)) updateSlot(s, name);
    }
  }
}

/** The slot function for classes of a slot-table entry. */
function slotOf(def: SlotDef): unknown {
  const f = def.field;
  if (typeof f === 'number') return f < 13 ? BINARY_SLOTS[f] : f === NB_DIVMOD ? DIVMOD_SLOT : INPLACE_SLOTS[f - 13];
  return SLOT_FUNCTIONS[f];
}

const SLOT_FUNCTIONS: Partial<Record<keyof PyTypeObject, unknown>> = {
  tp_repr: slotRepr, tp_str: slotStr, tp_hash: slotHash, tp_richcompare: slotRichCompare, tp_iter: slotIter,
  tp_iternext: slotIterNext, tp_call: slotCall, tp_getattro: slotGetAttr, tp_setattro: slotSetAttr,
  tp_descr_get: slotDescrGet, tp_descr_set: slotDescrSet, tp_init: slotInit, tp_new: slotNew, tp_finalize: slotFinalize,
  mp_length: slotLength, nb_bool: slotBool, mp_subscript: slotGetItem, mp_ass_subscript: slotSetItem,
  sq_contains: slotContains, nb_negative: unarySlot('__neg__'), nb_positive: unarySlot('__pos__'),
  nb_absolute: unarySlot('__abs__'), nb_invert: unarySlot('__invert__'), nb_int: unarySlot('__int__'),
  nb_float: unarySlot('__float__'), nb_index: unarySlot('__index__'),
};

/** The implementations of typeslots.ts's stubs. */
export const classSlots = { updateSlot };
