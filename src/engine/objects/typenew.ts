/**
 * Classes: creating them (type_new), their instances (object_new,
 * subtype_dealloc), and the attributes every object and every class has.
 * CPython counterpart: Objects/typeobject.c (type_new, best_base, mro_internal,
 * subtype_dealloc, subtype_traverse, object_* and type_* methods).
 */

import { PyObject, decref, incref, xdecref, makeImmortal } from './object.js';
import {
  PyTypeObject, TypeType, ObjectType, isSubtype, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC, TPFLAGS_HEAPTYPE,
  TPFLAGS_MANAGED_DICT, TPFLAGS_TYPE_SUBCLASS, TPFLAGS_BASE_EXC_SUBCLASS, TPFLAGS_LONG_SUBCLASS,
  TPFLAGS_LIST_SUBCLASS, TPFLAGS_TUPLE_SUBCLASS, TPFLAGS_UNICODE_SUBCLASS, TPFLAGS_DICT_SUBCLASS,
  TPFLAGS_BYTES_SUBCLASS, Py_EQ, Py_NE, type Visit,
} from './typeobject.js';
import { raise } from '../eval/errors.js';
import { Exc } from './exceptions.js';
import {
  newDict, dictGetItemStr, dictSetItemStr, dictDelItemStr, dictItems, PyDict, DictType, newKeysForClass,
  dictCopy, dictKeys, dictSetItem,
  newDictWithSharedKeys, releaseSharedKeys,
} from './dictobject.js';
import {
  type InlineValuesOwner, initInlineValues, materializeInstanceDict, freeInstanceAttributes,
  clearInstanceAttributes, visitInstanceAttributes, instanceDictIsEmpty,
} from './instancevalues.js';
import { unsupported } from '../eval/errors.js';
import { PyStr, newStr, strValue } from './unicodeobject.js';
import { newTuple, PyTuple, TupleType } from './tupleobject.js';
import { newList } from './listobject.js';
import { PyNone, NotImplemented } from './singletons.js';
import { newBool } from './boolobject.js';
import { gcAlloc, gcAllocPrepared, gcFree, gcTrack, gcUntrack, setHeapInstanceInit } from '../gc/gcobject.js';
import { heap } from '../memory/heap.js';
import { profile } from '../profiles/index.js';
import {
  typeLookup, genericGetAttr, genericSetAttr, typeGetAttr, typeSetAttr, typeCall, invalidateLookupCaches,
  qualifiedName,
} from './typeready.js';
import { fixupSlots, callDunder } from './typeslots.js';
import { newGetSetDescr, newMemberDescr, type HasSlots } from './descrobject.js';
import { PyFunction, newStaticMethod, StaticMethodType, ClassMethodType } from './funcobject.js';
import { call, reprString, iterableToArray, richCompare, lookupAttr } from './abstract.js';
import { parseArgs } from './args.js';
import { normHash } from './hash.js';

/** An instance of a class whose only builtin base is `object`. */
export class PyInstance extends PyObject implements HasSlots, InlineValuesOwner {
  declare slots: (PyObject | null)[];
  /** inline values (see instancevalues.ts); null when the instance has a dict object or no managed dict */
  declare values: (PyObject | null)[] | null;
  declare order: number[] | null;
  declare valuesAddr: number;
  constructor(type: PyTypeObject) {
    super(type, true);
    // The object header and GC fields, assigned here so the stores stay
    // monomorphic (see PyObject) — and in this order: V8 lays fields out in
    // the order they are added, and these first ones are what every scan of
    // the cyclic GC reads (list links, gc_refs, refcount, type, attributes),
    // so they share one or two cache lines instead of spreading over three.
    this.gcNext = null;
    this.gcPrev = null;
    this.gcRefs = 0;
    this.refcnt = 1;
    this.type = type;
    this.values = null;
    this.slots = EMPTY_SLOTS;
    this.dict = null;
    this.gcTracked = false;
    this.finalized = false;
    this.order = null;
    this.valuesAddr = 0;
    this.ptr = 0;
    this.size = 0;
    this.serial = 0;
    this.weakrefs = null;
  }
}
const EMPTY_SLOTS: (PyObject | null)[] = [];

/** Total number of __slots__ members along a class's MRO. */
function slotCount(t: PyTypeObject): number {
  let n = 0;
  for (const b of t.mro) n += b.slotNames.length;
  return n;
}

/**
 * Gives a fresh instance of a class its __slots__ array. (Its attributes
 * start as inline values, which object.__new__ sets up; instances of
 * subclasses of other builtin types get a dict on their first attribute.)
 */
function heapInstanceInit(o: PyObject): void {
  const n = slotCount(o.type);
  if (n > 0) (o as unknown as HasSlots).slots = new Array(n).fill(null);
}
setHeapInstanceInit(heapInstanceInit);

// ---------------------------------------------------------------- object

function objectNew(type: PyTypeObject, args: PyObject[], kwnames: string[] | null): PyObject {
  if (args.length > 0 && (type.tp_init === ObjectType.tp_init || type.tp_new !== ObjectType.tp_new)) {
    if (type.tp_new !== ObjectType.tp_new) {
      raise(Exc.TypeError, 'object.__new__() takes exactly one argument (the type to instantiate)');
    }
    raise(Exc.TypeError, `${type.qualname}() takes no arguments`);
  }
  void kwnames;
  if (type === ObjectType) {
    const o = new PyObject(ObjectType);
    heap.allocObject(o, ObjectType.basicsize);
    return o;
  }
  if (!type.hasFlag(TPFLAGS_HEAPTYPE)) raise(Exc.TypeError, `object.__new__(${type.name}) is not safe, use ${type.name}.__new__()`);
  const o = new PyInstance(type);
  gcAllocPrepared(o, type.basicsize);
  // _PyObject_InitializeDict: after the object, its values array
  const keys = type.cachedKeys;
  if (keys !== null) initInlineValues(o, keys);
  gcTrack(o);
  return o;
}

function objectInit(self: PyObject, args: PyObject[], _kwnames: string[] | null): void {
  const t = self.type;
  if (args.length > 0 && (t.tp_init !== ObjectType.tp_init || t.tp_new === ObjectType.tp_new)) {
    if (t.tp_init !== ObjectType.tp_init) {
      raise(Exc.TypeError, 'object.__init__() takes exactly one argument (the instance to initialize)');
    }
    raise(Exc.TypeError, `${t.qualname}() takes no arguments`);
  }
}

function objectRepr(o: PyObject): PyObject {
  const t = o.type;
  return newStr(`<${qualifiedName(t)} object at 0x${o.addr.toString(16)}>`);
}

function objectStr(o: PyObject): PyObject {
  const f = o.type.tp_repr;
  return f ? f(o) : objectRepr(o);
}

function objectRichCompare(a: PyObject, b: PyObject, op: number): PyObject {
  if (op === Py_EQ) {
    const r = a === b ? newBool(true) : NotImplemented;
    return r;
  }
  if (op === Py_NE) {
    // By default __ne__ delegates to __eq__ and inverts the result.
    const f = a.type.tp_richcompare;
    if (f === null) return NotImplemented;
    const r = f(a, b, Py_EQ);
    if (r === NotImplemented) return r;
    const truth = r === newBoolCached(true);
    decref(r);
    return newBool(!truth);
  }
  return NotImplemented;
}
function newBoolCached(b: boolean): PyObject {
  const r = newBool(b);
  decref(r);
  return r;
}

/** _Py_HashPointer: the address rotated right by 4 bits. */
export function pointerHash(o: PyObject): number {
  return normHash(Math.floor(o.addr / 16)) as number;
}

ObjectType.tp_new = objectNew;
ObjectType.tp_init = objectInit;
ObjectType.tp_repr = objectRepr;
ObjectType.tp_str = objectStr;
ObjectType.tp_richcompare = objectRichCompare;
ObjectType.tp_hash = pointerHash;
ObjectType.tp_getattro = genericGetAttr;
ObjectType.tp_setattro = genericSetAttr;
ObjectType.tp_dealloc = (o) => heap.freeObject(o);
ObjectType.tp_sizeof = (o) => o.type.basicsize;
ObjectType.getsets = {
  __class__: {
    get: (self) => {
      incref(self.type);
      return self.type;
    },
    set: (self, v) => setClass(self, v),
  },
};
ObjectType.methods = {
  __sizeof__: (self) => newIntHook(self.type.tp_sizeof ? self.type.tp_sizeof(self) : self.type.basicsize),
  __format__: (self, args) => {
    const spec = args[0] ? strValue(args[0]) : '';
    if (spec !== '') raise(Exc.TypeError, `unsupported format string passed to ${self.type.name}.__format__`);
    return strOf(self);
  },
  __dir__: (self) => objectDir(self),
  __reduce_ex__: () => raise(Exc.TypeError, 'pickling is not supported by the simulator'),
  __reduce__: () => raise(Exc.TypeError, 'pickling is not supported by the simulator'),
  // object.__getstate__ (3.11+): None when the instance has no attributes, else its __dict__
  __getstate__: (self) => {
    if (slotCount(self.type) > 0) unsupported('object.__getstate__() of an object with __slots__');
    if (instanceDictIsEmpty(self)) return none();
    return lookupAttr(self, '__dict__') ?? none();
  },
  __init_subclass__: () => none(),
  __subclasshook__: () => (incref(NotImplemented), NotImplemented),
};
ObjectType.doc = 'The base class of the class hierarchy.';

function setClass(self: PyObject, v: PyObject | null): void {
  if (v === null) raise(Exc.TypeError, "can't delete __class__ attribute");
  if (!(v instanceof PyTypeObject)) raise(Exc.TypeError, `__class__ must be set to a class, not '${v.type.name}' object`);
  const old = self.type;
  if (!old.hasFlag(TPFLAGS_HEAPTYPE) || !v.hasFlag(TPFLAGS_HEAPTYPE)) {
    raise(Exc.TypeError, '__class__ assignment only supported for mutable types or ModuleType subclasses');
  }
  if (solidBase(old) !== solidBase(v) || slotCount(old) !== slotCount(v)) {
    raise(Exc.TypeError, `__class__ assignment: '${v.name}' object layout differs from '${old.name}'`);
  }
  // the instance's values are indexed by the old class's keys: they become a dict first
  materializeInstanceDict(self);
  incref(v);
  self.type = v;
  decref(old);
}

let newIntHook: (n: number) => PyObject = () => {
  throw new Error('newInt hook unset');
};
let strOf: (o: PyObject) => PyObject = () => {
  throw new Error('str hook unset');
};
export function setTypenewHooks(newInt: (n: number) => PyObject, str: (o: PyObject) => PyObject): void {
  newIntHook = newInt;
  strOf = str;
}

function none(): PyObject {
  incref(PyNone);
  return PyNone;
}

/**
 * object.__dir__: a copy of self.__dict__ with the class's attributes merged
 * in (merge_class_dict: the class's dict, then its bases', recursively), as
 * PyDict_SetItem on that copy. Like CPython, this asks for __dict__ (an
 * instance's inline values become a dict) and, since the copy of a split dict
 * shares the class's keys, fills those keys with the class's names.
 */
function objectDir(self: PyObject): PyObject {
  if (self instanceof PyTypeObject) {
    const names = new Set<string>();
    for (const b of self.mro) if (b.tpDict) for (const [k] of dictItems(b.tpDict as PyDict)) names.add(strValue(k));
    return newList([...names].sort().map((n) => newStr(n)));
  }
  const own = lookupAttr(self, '__dict__');
  let d: PyDict;
  if (own instanceof PyDict) {
    try {
      d = dictCopy(own);
    } finally {
      decref(own);
    }
  } else {
    if (own !== null) decref(own);
    d = newDict();
  }
  try {
    mergeClassDict(d, self.type);
    const names: string[] = [];
    for (const k of dictKeys(d)) if (k instanceof PyStr) names.push(k.value);
    return newList(names.sort().map((n) => newStr(n)));
  } finally {
    decref(d);
  }
}

/** merge_class_dict: the class's own names, then each base's (recursively). */
function mergeClassDict(d: PyDict, t: PyTypeObject): void {
  const cd = t.tpDict as PyDict | null;
  if (cd !== null) for (const [k, v] of dictItems(cd)) dictSetItem(d, k, v);
  for (const b of t.bases) mergeClassDict(d, b);
}

// ---------------------------------------------------------------- instances of classes

/** The first builtin type in the MRO that has its own instance layout (object if none). */
export function solidBase(t: PyTypeObject): PyTypeObject {
  const cached = t.solidBaseCache;
  if (cached !== null) return cached;
  let r = ObjectType;
  for (const b of t.mro) {
    if (!b.hasFlag(TPFLAGS_HEAPTYPE) && b !== ObjectType) {
      r = b;
      break;
    }
  }
  // a class's MRO is fixed once it is made (no __bases__ assignment)
  if (t.mro.length > 0) t.solidBaseCache = r;
  return r;
}

/** subtype_traverse: slots, the attribute dict (or its inline values), then the base's references. */
function subtypeTraverse(o: PyObject, visit: Visit): void {
  const t = o.type;
  const slots = (o as unknown as HasSlots).slots;
  if (slots) {
    for (let i = 0; i < slots.length; i++) {
      const s = slots[i];
      if (s !== null) visit(s);
    }
  }
  const vals = (o as InlineValuesOwner).values;
  if (vals) visitInstanceAttributes(vals, visit);
  const d = o.dict;
  if (d) visit(d);
  visit(t);
  const base = t.solidBaseCache ?? solidBase(t);
  if (base !== ObjectType && base.tp_traverse) base.tp_traverse(o, visit);
}

/** subtype_clear */
function subtypeClear(o: PyObject): void {
  const slots = (o as unknown as HasSlots).slots;
  if (slots) {
    for (let i = 0; i < slots.length; i++) {
      const v = slots[i];
      slots[i] = null;
      xdecref(v);
    }
  }
  if ((o as InlineValuesOwner).values) clearInstanceAttributes(o as InlineValuesOwner);
  const d = o.dict;
  if (d) {
    o.dict = null;
    decref(d);
  }
  const base = solidBase(o.type);
  if (base.tp_clear) base.tp_clear(o);
}

/**
 * subtype_dealloc: run __del__ (which may resurrect the object), clear weak
 * references, drop slot values and the attribute dict in order, let the
 * builtin base free the memory, and release the class.
 */
function subtypeDealloc(o: PyObject): void {
  const t = o.type;
  gcUntrack(o);
  if (t.tp_finalize !== null && !o.finalized) {
    // PyObject_CallFinalizerFromDealloc: resurrect temporarily while __del__ runs.
    gcTrack(o);
    o.refcnt = 1;
    o.finalized = true;
    t.tp_finalize(o);
    if (--o.refcnt !== 0) return; // resurrected: someone kept a reference
    gcUntrack(o);
  }
  if (o.weakrefs !== null) clearWeakrefsHook(o);
  const slots = (o as unknown as HasSlots).slots;
  if (slots) {
    for (let i = 0; i < slots.length; i++) {
      const v = slots[i];
      slots[i] = null;
      xdecref(v);
    }
  }
  if ((o as InlineValuesOwner).values) freeInstanceAttributes(o as InlineValuesOwner);
  const d = o.dict;
  if (d !== null) {
    o.dict = null;
    decref(d);
  }
  const base = solidBase(t);
  if (base === ObjectType || !base.isGC()) {
    // int/float/str/bytes subclasses were allocated as GC objects by the class machinery.
    gcFree(o);
  } else {
    // The builtin base frees its own contents and memory.
    base.tp_dealloc(o);
  }
  decref(t);
}

let clearWeakrefsHook: (o: PyObject) => void = () => {};
export function setTypenewWeakrefHook(f: (o: PyObject) => void): void {
  clearWeakrefsHook = f;
}

// ---------------------------------------------------------------- type_new

/** C3 linearization (mro_implementation) */
function computeMro(t: PyTypeObject): PyTypeObject[] {
  const seqs = t.bases.map((b) => [...b.mro]);
  seqs.push([...t.bases]);
  const out: PyTypeObject[] = [t];
  for (;;) {
    const nonEmpty = seqs.filter((s) => s.length > 0);
    if (nonEmpty.length === 0) return out;
    let cand: PyTypeObject | null = null;
    for (const s of nonEmpty) {
      const head = s[0];
      if (!nonEmpty.some((o) => o.indexOf(head) > 0)) {
        cand = head;
        break;
      }
    }
    if (cand === null) {
      raise(
        Exc.TypeError,
        `Cannot create a consistent method resolution order (MRO) for bases ${t.bases.map((b) => b.name).join(', ')}`,
      );
    }
    out.push(cand);
    for (const s of nonEmpty) if (s[0] === cand) s.shift();
  }
}

/** best_base: the base whose layout the new class extends */
function bestBase(bases: PyTypeObject[]): PyTypeObject {
  let winner: PyTypeObject | null = null;
  let base: PyTypeObject | null = null;
  for (const b of bases) {
    if (!b.hasFlag(TPFLAGS_BASETYPE)) raise(Exc.TypeError, `type '${b.name}' is not an acceptable base type`);
    const candidate = solidBase(b);
    if (winner === null) {
      winner = candidate;
      base = b;
    } else if (isSubtype(winner, candidate)) {
      // keep
    } else if (isSubtype(candidate, winner)) {
      winner = candidate;
      base = b;
    } else {
      raise(Exc.TypeError, 'multiple bases have instance lay-out conflict');
    }
  }
  return base!;
}

const INHERITED_FLAGS =
  TPFLAGS_LONG_SUBCLASS | TPFLAGS_LIST_SUBCLASS | TPFLAGS_TUPLE_SUBCLASS | TPFLAGS_BYTES_SUBCLASS |
  TPFLAGS_UNICODE_SUBCLASS | TPFLAGS_DICT_SUBCLASS | TPFLAGS_BASE_EXC_SUBCLASS | TPFLAGS_TYPE_SUBCLASS;

/**
 * type_new: `class Name(bases): body` after the body has filled `ns`.
 * Returns a new reference to the class.
 */
export function typeNew(meta: PyTypeObject, name: string, bases: PyTypeObject[], ns: PyDict): PyTypeObject {
  if (bases.length === 0) bases = [ObjectType];
  const base = bestBase(bases);
  const t = new PyTypeObject(meta, name, base.basicsize, 0);
  gcAlloc(t, meta.basicsize);
  t.flags = TPFLAGS_HEAPTYPE | TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC | (base.flags & INHERITED_FLAGS);
  t.base = base;
  t.bases = bases;
  t.basesTuple = newTuple(bases.map((b) => (incref(b), b)));
  t.mro = computeMro(t);
  for (const b of bases) b.subclasses.push(t);
  // tp_mro is a tuple holding every class of the MRO (this one too) and
  // tp_base a reference of its own: sys.getrefcount counts them.
  t.mroTuple = newTuple(t.mro.map((m) => (incref(m), m)));
  incref(base);
  t.baseRef = base;

  // __slots__: named members instead of a dict (unless '__dict__' is listed).
  const slotsObj = dictGetItemStr(ns, '__slots__');
  let addDict = !hasDictInMro(base);
  let addWeakref = !base.weakrefable;
  if (slotsObj !== null) {
    const items = slotsObj instanceof PyStr ? [slotsObj] : iterableToArray(slotsObj);
    const names: string[] = [];
    for (const it of items) {
      if (!(it instanceof PyStr)) raise(Exc.TypeError, `__slots__ items must be strings, not '${it.type.name}'`);
      const s = it.value;
      if (s === '__dict__') {
        if (!addDict) raise(Exc.TypeError, '__dict__ slot disallowed: we already got one');
        continue;
      }
      if (s === '__weakref__') continue;
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(s)) raise(Exc.TypeError, '__slots__ must be identifiers');
      if (dictGetItemStr(ns, s) !== null) {
        raise(Exc.ValueError, `'${s}' in __slots__ conflicts with class variable`);
      }
      names.push(s);
    }
    const slotStrs = items.map((i) => strValue(i));
    addDict = addDict && slotStrs.includes('__dict__');
    addWeakref = addWeakref && slotStrs.includes('__weakref__');
    if (!(slotsObj instanceof PyStr)) for (const it of items) decref(it);
    t.slotNames = names;
  }
  t.slotOffset = slotCount(base);
  t.basicsize = base.basicsize + 8 * t.slotNames.length;
  if (addDict) t.flags |= TPFLAGS_MANAGED_DICT;
  else t.flags |= base.flags & TPFLAGS_MANAGED_DICT;
  // ht_cached_keys: the instances' attribute dicts share their names
  if (t.hasFlag(TPFLAGS_MANAGED_DICT)) t.cachedKeys = newKeysForClass();
  t.weakrefable = base.weakrefable || addWeakref;
  t.dictSlot = base.dictSlot;
  // 3.12 keeps the dict and weakref pointers in front of the object.
  if (addDict || addWeakref) t.preheader = base.preheader || profile.managedPreheaderSize;
  else t.preheader = base.preheader;

  // The namespace becomes the class dict (a copy, as type_new does).
  const d = newDict();
  t.tpDict = d;
  for (const [k, v] of dictItems(ns)) dictSetItemStr(d, strValue(k), v);
  if (dictGetItemStr(d, '__module__') === null) {
    const m = globalsModuleName();
    if (m) dictSetItemStr(d, '__module__', m);
  }
  const mod = dictGetItemStr(d, '__module__');
  t.module = mod instanceof PyStr ? mod.value : 'builtins';
  const qn = dictGetItemStr(d, '__qualname__');
  if (qn !== null) {
    if (!(qn instanceof PyStr)) raise(Exc.TypeError, `type __qualname__ must be a str, not ${qn.type.name}`);
    t.qualname = qn.value;
    dictDelItemStr(d, '__qualname__');
  }
  if (dictGetItemStr(d, '__doc__') === null) dictSetItemStr(d, '__doc__', PyNone);
  // __new__ is implicitly a staticmethod; __init_subclass__/__class_getitem__ classmethods.
  const newFn = dictGetItemStr(d, '__new__');
  if (newFn instanceof PyFunction) {
    const sm = newStaticMethod(StaticMethodType, newFn);
    dictSetItemStr(d, '__new__', sm);
    decref(sm);
  }
  for (const cm of ['__init_subclass__', '__class_getitem__']) {
    const f = dictGetItemStr(d, cm);
    if (f instanceof PyFunction) {
      const w = newStaticMethod(ClassMethodType, f);
      dictSetItemStr(d, cm, w);
      decref(w);
    }
  }
  // Member descriptors for __slots__.
  t.slotNames.forEach((s, i) => {
    const m = newMemberDescr(t, s, t.slotOffset + i);
    dictSetItemStr(d, s, m);
    decref(m);
  });
  if (addDict) {
    const g = newGetSetDescr(t, '__dict__', getInstanceDict, setInstanceDict);
    dictSetItemStr(d, '__dict__', g);
    decref(g);
  }
  if (addWeakref) {
    const g = newGetSetDescr(t, '__weakref__', getWeakref);
    dictSetItemStr(d, '__weakref__', g);
    decref(g);
  }

  // __hash__ is cleared when the class defines __eq__ without __hash__ (before slots are fixed up).
  if (dictGetItemStr(d, '__eq__') !== null && dictGetItemStr(d, '__hash__') === null) {
    dictSetItemStr(d, '__hash__', PyNone);
  }
  t.tp_dealloc = subtypeDealloc;
  t.tp_traverse = subtypeTraverse;
  t.tp_clear = subtypeClear;
  t.tp_getattro = base.tp_getattro;
  t.tp_setattro = base.tp_setattro;
  t.tp_sizeof = base.tp_sizeof;
  fixupSlots(t);
  if (t.tp_getattro === null) t.tp_getattro = genericGetAttr;
  if (t.tp_setattro === null) t.tp_setattro = genericSetAttr;
  // __classcell__: the cell that `super()` and `__class__` in methods read.
  const cell = dictGetItemStr(d, '__classcell__') as (PyObject & { ref: PyObject | null }) | null;
  if (cell !== null) {
    if (cell.type.name !== 'cell') raise(Exc.TypeError, `__classcell__ must be a nonlocal cell, not ${cell.type.name}`);
    incref(t);
    xdecref(cell.ref);
    cell.ref = t;
    dictDelItemStr(d, '__classcell__');
  }
  invalidateLookupCaches(t);
  gcTrack(t);
  setNames(t);
  initSubclass(t);
  return t;
}

function hasDictInMro(base: PyTypeObject): boolean {
  for (const b of base.mro) {
    if (b.hasFlag(TPFLAGS_MANAGED_DICT)) return true;
    if (!b.hasFlag(TPFLAGS_HEAPTYPE) && b !== ObjectType && builtinHasDict(b)) return true;
  }
  return false;
}
/** Builtin layouts that already carry a __dict__ (functions, exceptions, modules). */
function builtinHasDict(b: PyTypeObject): boolean {
  return b.dictSlot || b.name === 'module' || b.name === 'type';
}

/** set_names: call __set_name__(owner, name) on class attributes that define it. */
function setNames(t: PyTypeObject): void {
  for (const [k, v] of dictItems(t.tpDict as PyDict)) {
    const f = typeLookup(v.type, '__set_name__');
    if (f === null) continue;
    const r = callDunder(v, '__set_name__', [t, k]);
    if (r) decref(r);
  }
}

/** init_subclass: super(t, t).__init_subclass__() */
function initSubclass(t: PyTypeObject): void {
  for (const b of t.mro.slice(1)) {
    const f = b.tpDict ? dictGetItemStr(b.tpDict as PyDict, '__init_subclass__') : null;
    if (f === null) continue;
    if (b === ObjectType) return;
    const g = f.type.tp_descr_get;
    const bound = g ? g(f, null, t) : (incref(f), f);
    try {
      decref(call(bound, []));
    } finally {
      decref(bound);
    }
    return;
  }
}

/** PyObject_GenericGetDict: the inline values become a dict; no attributes yet, an empty one. */
function getInstanceDict(self: PyObject): PyObject {
  materializeInstanceDict(self);
  if (self.dict === null) {
    const keys = self.type.cachedKeys;
    self.dict = keys !== null ? newDictWithSharedKeys(keys) : newDict();
  }
  const d = self.dict;
  incref(d);
  return d;
}
function setInstanceDict(self: PyObject, v: PyObject | null): void {
  if (v === null) raise(Exc.TypeError, 'cannot delete __dict__');
  if (!(v.type === DictType || isSubtype(v.type, DictType))) {
    raise(Exc.TypeError, `__dict__ must be set to a dictionary, not a '${v.type.name}'`);
  }
  // _PyObject_GetDictPtr makes the inline values a dict before it is replaced
  materializeInstanceDict(self);
  incref(v);
  const old = self.dict;
  self.dict = v;
  xdecref(old);
}
function getWeakref(self: PyObject): PyObject {
  const refs = self.weakrefs;
  const r = refs && refs.length > 0 ? refs[0] : PyNone;
  incref(r);
  return r;
}

/** Set by the runtime: the __name__ of the module whose code is running (for __module__). */
let globalsModuleName: () => PyObject | null = () => null;
export function setGlobalsModuleName(f: () => PyObject | null): void {
  globalsModuleName = f;
}

// ---------------------------------------------------------------- type's own methods

TypeType.base = ObjectType;
TypeType.bases = [ObjectType];
TypeType.tp_call = typeCall;
TypeType.tp_getattro = typeGetAttr;
TypeType.tp_setattro = typeSetAttr;
TypeType.tp_repr = (o) => {
  const t = o as PyTypeObject;
  return newStr(`<class '${qualifiedName(t)}'>`);
};
TypeType.tp_new = (meta, args, kwnames) => {
  const [nameO, basesO, nsO] = parseArgs('type.__new__', args, kwnames, ['name', 'bases', 'dict'], 3);
  if (!(nameO instanceof PyStr)) raise(Exc.TypeError, `type.__new__() argument 1 must be str, not ${nameO!.type.name}`);
  if (!(basesO instanceof PyTuple)) raise(Exc.TypeError, `type.__new__() argument 2 must be tuple, not ${basesO!.type.name}`);
  if (!(nsO instanceof PyObject) || !isSubtype(nsO.type, DictType)) {
    raise(Exc.TypeError, `type.__new__() argument 3 must be dict, not ${nsO!.type.name}`);
  }
  const bases = basesO.items.map((b) => {
    if (!(b instanceof PyTypeObject)) raise(Exc.TypeError, `bases must be types`);
    return b;
  });
  // The most derived metaclass wins (_PyType_CalculateMetaclass).
  let winner = meta;
  for (const b of bases) {
    if (isSubtype(winner, b.type)) continue;
    if (isSubtype(b.type, winner)) winner = b.type;
    else raise(Exc.TypeError, 'metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases');
  }
  return typeNew(winner, nameO.value, bases, nsO as PyDict);
};
TypeType.tp_init = () => {};
TypeType.tp_traverse = (o, visit) => {
  const t = o as PyTypeObject;
  if (!t.hasFlag(TPFLAGS_HEAPTYPE)) return;
  if (t.tpDict) visit(t.tpDict);
  if (t.basesTuple) visit(t.basesTuple);
  if (t.baseRef) visit(t.baseRef);
  if (t.mroTuple) visit(t.mroTuple);
  visit(o.type);
};
/** Drops tp_mro (type_clear clears it). */
function dropMro(t: PyTypeObject): void {
  const m = t.mroTuple;
  t.mroTuple = null;
  xdecref(m);
}
TypeType.tp_clear = (o) => {
  const t = o as PyTypeObject;
  dropMro(t);
  const d = t.tpDict;
  if (d && t.hasFlag(TPFLAGS_HEAPTYPE)) {
    t.tpDict = newDict();
    invalidateLookupCaches(t);
    decref(d);
  }
};
TypeType.tp_dealloc = (o) => {
  const t = o as PyTypeObject;
  gcUntrack(o);
  if (o.weakrefs !== null) clearWeakrefsHook(o);
  for (const b of t.bases) {
    const i = b.subclasses.indexOf(t);
    if (i >= 0) b.subclasses.splice(i, 1);
  }
  const d = t.tpDict;
  t.tpDict = null;
  xdecref(d);
  dropMro(t);
  const keys = t.cachedKeys;
  t.cachedKeys = null;
  if (keys !== null) releaseSharedKeys(keys);
  const bt = t.basesTuple, br = t.baseRef;
  t.basesTuple = null;
  t.baseRef = null;
  xdecref(bt);
  xdecref(br);
  t.bases = [];
  t.mro = [];
  gcFree(o);
  if (o.type !== TypeType) decref(o.type);
};
TypeType.weakrefable = true;
TypeType.getsets = {
  __name__: {
    // A builtin type's tp_name may be dotted ('itertools.count'): __name__ is the last part.
    get: (self) => {
      const t = self as PyTypeObject;
      return newStr(t.hasFlag(TPFLAGS_HEAPTYPE) ? t.name : t.name.slice(t.name.lastIndexOf('.') + 1));
    },
    set: (self, v) => {
      if (!(v instanceof PyStr)) raise(Exc.TypeError, `can only assign string to ${(self as PyTypeObject).name}.__name__, not '${v ? v.type.name : 'NoneType'}'`);
      (self as PyTypeObject).name = v.value;
    },
  },
  __qualname__: {
    get: (self) => newStr((self as PyTypeObject).qualname),
    set: (self, v) => {
      if (!(v instanceof PyStr)) raise(Exc.TypeError, `can only assign string to ${(self as PyTypeObject).name}.__qualname__, not '${v ? v.type.name : 'NoneType'}'`);
      (self as PyTypeObject).qualname = v.value;
    },
  },
  __module__: {
    get: (self) => {
      const t = self as PyTypeObject;
      if (t.hasFlag(TPFLAGS_HEAPTYPE)) {
        const m = dictGetItemStr(t.tpDict as PyDict, '__module__');
        if (m) {
          incref(m);
          return m;
        }
      }
      return newStr(t.module);
    },
  },
  __bases__: {
    get: (self) => ownTuple((self as PyTypeObject).basesTuple) ??
      ((self as PyTypeObject).hasFlag(TPFLAGS_HEAPTYPE) ? tupleOfTypes((self as PyTypeObject).bases) : staticTuple(self as PyTypeObject, 'bases')),
  },
  __base__: {
    get: (self) => {
      const b = (self as PyTypeObject).base ?? PyNone;
      incref(b);
      return b;
    },
  },
  __mro__: {
    get: (self) => ownTuple((self as PyTypeObject).mroTuple) ??
      ((self as PyTypeObject).hasFlag(TPFLAGS_HEAPTYPE) ? tupleOfTypes((self as PyTypeObject).mro) : staticTuple(self as PyTypeObject, 'mro')),
  },
  __dict__: {
    get: (self) => {
      // A read-only view in CPython (mappingproxy); a copy keeps the class safe here.
      const t = self as PyTypeObject;
      const copy = newDict();
      for (const [k, v] of dictItems(t.tpDict as PyDict)) dictSetItemStr(copy, strValue(k), v);
      return copy;
    },
  },
  __doc__: {
    get: (self) => {
      const t = self as PyTypeObject;
      const d = t.tpDict ? dictGetItemStr(t.tpDict as PyDict, '__doc__') : null;
      const r = d ?? PyNone;
      incref(r);
      return r;
    },
  },
};
TypeType.methods = {
  mro: (self) => newList((self as PyTypeObject).mro.map((t) => (incref(t), t))),
  __subclasses__: (self) => newList((self as PyTypeObject).subclasses.map((t) => (incref(t), t))),
  __instancecheck__: (self, args) => newBool(isSubtype(args[0].type, self as PyTypeObject)),
  __subclasscheck__: (self, args) => newBool(args[0] instanceof PyTypeObject && isSubtype(args[0], self as PyTypeObject)),
};
/**
 * type.__sizeof__ (3.12): a class is a PyHeapTypeObject (920 bytes) plus the
 * keys its instances' attribute dicts share (768 bytes while they fit the
 * shared-keys limit; classes without a managed __dict__ have none); a builtin
 * type is a static PyTypeObject. Measured with sys.getsizeof in CPython 3.12.1.
 */
TypeType.tp_sizeof = (o) => {
  const t = o as PyTypeObject;
  if (!t.hasFlag(TPFLAGS_HEAPTYPE)) return 432;
  return 920 + (t.cachedKeys !== null ? 768 : 0);
};
TypeType.classMethods = {
  __prepare__: () => newDict(),
};

/** A class's own tuple (a new reference), or null for builtin types (see staticTuple). */
function ownTuple(t: PyObject | null): PyObject | null {
  if (t !== null) incref(t);
  return t;
}

/** A builtin type's __mro__/__bases__: one static, immortal tuple each, as in CPython. */
const staticTuples = new Map<string, PyTuple>();
function staticTuple(t: PyTypeObject, which: 'mro' | 'bases'): PyObject {
  const key = which + ':' + t.serial + ':' + t.addr;
  let tup = staticTuples.get(key);
  if (tup === undefined) {
    tup = new PyTuple(TupleType, which === 'mro' ? [...t.mro] : [...t.bases]);
    makeImmortal(tup, 24 + 8 * tup.items.length);
    staticTuples.set(key, tup);
  }
  incref(tup);
  return tup;
}

function tupleOfTypes(ts: PyTypeObject[]): PyObject {
  return newTuple(ts.map((t) => (incref(t), t)));
}

export { reprString, richCompare, TPFLAGS_HAVE_GC };
