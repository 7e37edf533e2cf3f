/**
 * Making classes (an on-demand part, see ondemand.ts): __build_class__,
 * type_new with the MRO, __slots__ and the class dict, the deallocation and
 * GC of instances and of classes, and `__class__` assignment. Until a program
 * makes a class none of it runs, so the worker loads it for a program whose
 * text has the word `class` (or `__build_class__`, `__class__`). Moved here
 * verbatim from objects/typenew.ts and modules/bltinmodule.ts.
 * CPython counterpart: Objects/typeobject.c (type_new, best_base,
 * mro_internal, subtype_dealloc, subtype_traverse, object_set_class),
 * Python/bltinmodule.c (builtin___build_class__).
 */
import { PyObject, decref, incref, newref, xdecref } from './object.js';
import {
  PyTypeObject, TypeType, ObjectType, isSubtype, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC, TPFLAGS_HEAPTYPE,
  TPFLAGS_MANAGED_DICT, TPFLAGS_TYPE_SUBCLASS, TPFLAGS_BASE_EXC_SUBCLASS, TPFLAGS_LONG_SUBCLASS,
  TPFLAGS_LIST_SUBCLASS, TPFLAGS_TUPLE_SUBCLASS, TPFLAGS_UNICODE_SUBCLASS, TPFLAGS_DICT_SUBCLASS,
  TPFLAGS_BYTES_SUBCLASS, TPFLAGS_METHOD_DESCRIPTOR, type Visit, type BuiltinMethod,
} from './typeobject.js';
import { raise, unsupported } from '../eval/errors.js';
import { Exc } from './exceptions.js';
import {
  newDict, dictGetItemStr, dictSetItemStr, dictDelItemStr, dictItems, PyDict, DictType, newKeysForClass,
  newDictWithSharedKeys, releaseSharedKeys,
} from './dictobject.js';
import type { InlineValuesOwner } from './instancevalues.js';
import {
  materializeInstanceDict, freeInstanceAttributes, clearInstanceAttributes, visitInstanceAttributes,
} from './instancevaluesdealloc.js';
import { PyStr, newStr, strValue } from './unicodeobject.js';
import { newTuple, PyTuple } from './tupleobject.js';
import { PyNone } from './singletons.js';
import { gcAlloc, gcFree, gcTrack, gcUntrack } from '../gc/gcobject.js';
import { profile } from '../profiles/index.js';
import { typeLookup, genericGetAttr, genericSetAttr, invalidateLookupCaches } from './typeready.js';
import { callDunder } from './typeslots.js';
import { fixupSlots } from './classslots.js';
import { newGetSetDescr, newMemberDescr, type HasSlots } from './descrobject.js';
import { PyFunction, newStaticMethod, StaticMethodType, ClassMethodType } from './funcobject.js';
import { call, iterableToArray, lookupAttr, repr } from './abstract.js';
import { parseArgs } from './args.js';
import { PyCell } from './cellobject.js';
import { callPythonFunction } from '../eval/ceval.js';
import { tstate } from '../eval/pystate.js';
import { CO_FAST_FREE } from '../bytecode/code.js';
import { PySuper, SuperType } from './superobject.js';
import { slotCount, solidBase, clearWeakrefs, globalsModule } from './typenew.js';
// the modules that hold this part's stubs, evaluated first (ondemand.ts checks every stub has its code)
import '../modules/bltinmodule.js';

// ---------------------------------------------------------------- __build_class__

/** __build_class__(func, name, *bases, metaclass=…, **kwds): runs a class body and makes the class. */
const buildClass: BuiltinMethod = (_s, args, kwnames) => {
  const nkw = kwnames ? kwnames.length : 0;
  const npos = args.length - nkw;
  if (npos < 2) raise(Exc.TypeError, '__build_class__: not enough arguments');
  const func = args[0];
  const nameObj = args[1];
  if (!(func instanceof PyFunction)) raise(Exc.TypeError, '__build_class__: func must be a function');
  if (!(nameObj instanceof PyStr)) raise(Exc.TypeError, '__build_class__: name is not a string');
  const origBases = newTuple(args.slice(2, npos).map(newref));
  let bases: PyObject[];
  try {
    bases = updateBases(origBases);
  } catch (e) {
    decref(origBases);
    throw e;
  }
  // the bases after __mro_entries__ (update_bases): the same tuple when no base has one
  const changed = bases !== origBases.items;
  const basesTuple = changed ? newTuple(bases) : origBases;
  let meta: PyObject | null = null;
  const kwNames: string[] = [];
  const kwValues: PyObject[] = [];
  for (let k = 0; k < nkw; k++) {
    if (kwnames![k] === 'metaclass') meta = args[npos + k];
    else {
      kwNames.push(kwnames![k]);
      kwValues.push(args[npos + k]);
    }
  }
  try {
    if (meta === null) meta = bases.length > 0 ? bases[0].type : TypeType;
    // _PyType_CalculateMetaclass
    if (meta instanceof PyTypeObject) {
      let winner = meta;
      for (const b of bases) {
        const bt = b.type;
        if (isSubtype(winner, bt)) continue;
        if (isSubtype(bt, winner)) {
          winner = bt;
          continue;
        }
        raise(Exc.TypeError, 'metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases');
      }
      meta = winner;
    }
    let ns: PyObject;
    const prep = lookupAttr(meta, '__prepare__');
    if (prep !== null) {
      try {
        ns = call(prep, [nameObj, basesTuple, ...kwValues], kwNames.length ? kwNames : null);
      } finally {
        decref(prep);
      }
    } else {
      ns = newDict();
    }
    try {
      if (!(ns instanceof PyDict)) unsupported('a __prepare__ that does not return a dict');
      if (changed) dictSetItemStr(ns, '__orig_bases__', origBases);
      const cell = callPythonFunction(func, [], null, ns);
      try {
        const cls = meta === TypeType
          ? typeNew(TypeType, nameObj.value, bases as PyTypeObject[], ns)
          : call(meta, [nameObj, basesTuple, ns, ...kwValues], kwNames.length ? kwNames : null);
        if (cell instanceof PyCell && cell.ref !== cls) {
          const got = cell.ref;
          decref(cls);
          raise(
            Exc.TypeError,
            got === null
              ? `__class__ not set defining '${nameObj.value}' as ${reprOf(cls)}. Was __classcell__ propagated to type.__new__?`
              : `__class__ set to ${reprOf(got)} defining '${nameObj.value}' as ${reprOf(cls)}`,
          );
        }
        return cls;
      } finally {
        decref(cell);
      }
    } finally {
      decref(ns);
    }
  } finally {
    decref(basesTuple);
    if (changed) decref(origBases);
  }
};

/**
 * update_bases: a base that is not a class but has __mro_entries__ (a generic
 * alias, `class C(list[int])`) is replaced by the bases that returns. The
 * original items when none has (new references otherwise).
 */
function updateBases(orig: PyTuple): PyObject[] {
  const items = orig.items;
  let out: PyObject[] | null = null;
  try {
    for (let i = 0; i < items.length; i++) {
      const b = items[i];
      const meth = b instanceof PyTypeObject ? null : lookupAttr(b, '__mro_entries__');
      if (meth === null) {
        if (out !== null) out.push(newref(b));
        continue;
      }
      let entries: PyObject;
      try {
        entries = call(meth, [orig]);
      } finally {
        decref(meth);
      }
      if (!(entries instanceof PyTuple)) {
        decref(entries);
        raise(Exc.TypeError, '__mro_entries__ must return a tuple');
      }
      if (out === null) out = items.slice(0, i).map(newref);
      for (const x of entries.items) out.push(newref(x));
      decref(entries);
    }
  } catch (e) {
    if (out !== null) for (const x of out) decref(x);
    throw e;
  }
  return out ?? items;
}

function reprOf(o: PyObject): string {
  const r = repr(o);
  const s = r.value;
  decref(r);
  return s;
}

// ---------------------------------------------------------------- instances of classes

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

/** Drops an instance's __slots__ values, first slot first. */
function clearSlots(o: PyObject): void {
  const slots = (o as unknown as HasSlots).slots;
  if (slots) {
    for (let i = 0; i < slots.length; i++) {
      const v = slots[i];
      slots[i] = null;
      xdecref(v);
    }
  }
}

/** subtype_clear */
function subtypeClear(o: PyObject): void {
  clearSlots(o);
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
  if (o.weakrefs !== null) clearWeakrefs(o);
  clearSlots(o);
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

// ---------------------------------------------------------------- type_new

/** C3 linearization (mro_implementation) */
function computeMro(t: PyTypeObject): PyTypeObject[] {
  // check_duplicates (skipped with a single base, as mro_implementation's fast path does)
  if (t.bases.length > 1) {
    for (let i = 1; i < t.bases.length; i++) {
      if (t.bases.indexOf(t.bases[i]) < i) raise(Exc.TypeError, `duplicate base class ${t.bases[i].name}`);
    }
  }
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
    if (cand === null) mroError(nonEmpty);
    out.push(cand);
    for (const s of nonEmpty) if (s[0] === cand) s.shift();
  }
}

/**
 * set_mro_error: the classes still at the head of a sequence, each once, in the
 * order of the sequences, formatted into a 1000-byte buffer (snprintf truncates
 * the message to 999 UTF-8 bytes; a character cut in two makes
 * PyErr_SetString's decoding fail with a UnicodeDecodeError instead).
 */
function mroError(remaining: PyTypeObject[][]): never {
  const heads: PyTypeObject[] = [];
  for (const s of remaining) if (!heads.includes(s[0])) heads.push(s[0]);
  const msg = `Cannot create a consistent method resolution\norder (MRO) for bases ${heads.map((h) => h.name).join(', ')}`;
  const utf8 = new TextEncoder().encode(msg);
  if (utf8.length <= 999) raise(Exc.TypeError, msg);
  const cut = utf8.subarray(0, 999);
  let start = 999;
  while (start > 0 && (cut[start - 1] & 0xc0) === 0x80) start--;
  const lead = start > 0 ? cut[start - 1] : 0;
  const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  if (need > 1 && 999 - (start - 1) < need) {
    const from = start - 1;
    const what = 999 - from === 1 ? `byte 0x${lead.toString(16)} in position ${from}` : `bytes in position ${from}-998`;
    raise(Exc.UnicodeDecodeError, `'utf-8' codec can't decode ${what}: unexpected end of data`);
  }
  raise(Exc.TypeError, new TextDecoder().decode(cut));
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
    const m = globalsModule();
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

// ---------------------------------------------------------------- __class__ assignment

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

// ---------------------------------------------------------------- type's own slots

/** type.__new__(meta, name, bases, dict) */
const typeTpNew = (meta: PyTypeObject, args: PyObject[], kwnames: string[] | null): PyObject => {
  const [nameO, basesO, nsO] = parseArgs('type.__new__', args, kwnames, ['name', 'bases', 'dict'], 3);
  if (!(nameO instanceof PyStr)) raise(Exc.TypeError, `type.__new__() argument 1 must be str, not ${nameO!.type.name}`);
  if (!(basesO instanceof PyTuple)) raise(Exc.TypeError, `type.__new__() argument 2 must be tuple, not ${basesO!.type.name}`);
  if (!(nsO instanceof PyObject) || !isSubtype(nsO.type, DictType)) {
    raise(Exc.TypeError, `type.__new__() argument 3 must be dict, not ${nsO!.type.name}`);
  }
  for (const b of basesO.items) {
    const entries = b instanceof PyTypeObject ? null : lookupAttr(b, '__mro_entries__');
    if (entries !== null) {
      decref(entries);
      raise(Exc.TypeError, "type() doesn't support MRO entry resolution; use types.new_class()");
    }
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
/** Drops tp_mro (type_clear clears it). */
function dropMro(t: PyTypeObject): void {
  const m = t.mroTuple;
  t.mroTuple = null;
  xdecref(m);
}
/** type_clear */
const typeClear = (o: PyObject): void => {
  const t = o as PyTypeObject;
  dropMro(t);
  const d = t.tpDict;
  if (d && t.hasFlag(TPFLAGS_HEAPTYPE)) {
    t.tpDict = newDict();
    invalidateLookupCaches(t);
    decref(d);
  }
};
/** type_dealloc: a class is freed (builtin types are immortal) */
const typeDealloc = (o: PyObject): void => {
  const t = o as PyTypeObject;
  gcUntrack(o);
  if (o.weakrefs !== null) clearWeakrefs(o);
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

// ---------------------------------------------------------------- super()

/** supercheck: the type lookups should start from */
function superCheck(type: PyTypeObject, obj: PyObject): PyTypeObject {
  if (obj instanceof PyTypeObject && isSubtype(obj, type)) return obj;
  if (isSubtype(obj.type, type)) return obj.type;
  raise(Exc.TypeError, 'super(type, obj): obj must be an instance or subtype of type');
}

/** _super_lookup_descr: the attribute `name` in objType's MRO after `type`, borrowed. */
function lookupAfter(type: PyTypeObject, objType: PyTypeObject, name: string): PyObject | null {
  const mro = objType.mro;
  let i = mro.indexOf(type);
  if (i < 0) return null;
  for (i++; i < mro.length; i++) {
    const d = mro[i].tpDict as PyDict | null;
    const v = d ? dictGetItemStr(d, name) : null;
    if (v !== null) return v;
  }
  return null;
}

/**
 * LOAD_SUPER_ATTR: `super().name` (or super(cls, self) when twoArgs is false
 * and the compiler passed the class cell and first argument anyway).
 * Returns [attribute, isUnboundMethod].
 */
function superLookup(
  globalSuper: PyObject,
  cls: PyObject,
  self: PyObject,
  name: string,
  loadMethod: boolean,
  _twoArgs: boolean,
): [PyObject, boolean] {
  if (globalSuper !== SuperType || !(cls instanceof PyTypeObject)) {
    // `super` was rebound: call whatever it is now, then getattr.
    const s = call(globalSuper, [cls, self]);
    try {
      const v = s.type.tp_getattro!(s, name);
      return [v, false];
    } finally {
      decref(s);
    }
  }
  const startType = superCheck(cls, self);
  const descr = lookupAfter(cls, startType, name);
  if (descr === null) {
    raise(Exc.AttributeError, `'super' object has no attribute '${name}'`);
  }
  if (loadMethod && (descr.type.flags & TPFLAGS_METHOD_DESCRIPTOR) !== 0 && self !== startType) {
    incref(descr);
    return [descr, true];
  }
  const g = descr.type.tp_descr_get;
  if (g !== null) return [g(descr, self === startType ? null : self, startType), false];
  incref(descr);
  return [descr, false];
}

const super_tp_new: NonNullable<PyTypeObject['tp_new']> = (type) => {
  const s = new PySuper(type);
  gcAlloc(s, type.basicsize);
  gcTrack(s);
  return s;
};
const super_tp_init: NonNullable<PyTypeObject['tp_init']> = (o, args) => {
  const s = o as PySuper;
  let type: PyObject, obj: PyObject;
  if (args.length === 0) {
    // super() without arguments: __class__ cell and the first argument of the calling frame.
    const f = tstate.frame;
    if (f === null || f.code.co_argcount === 0) raise(Exc.RuntimeError, 'super(): no arguments');
    let first = f.localsplus[0];
    if (first instanceof PyCell && f.code.co_localspluskinds[0] & 0x40) first = first.ref;
    if (first === null) raise(Exc.RuntimeError, 'super(): arg[0] deleted');
    const names = f.code.co_localsplusnames;
    const idx = names.lastIndexOf('__class__');
    if (idx < 0 || !(f.code.co_localspluskinds[idx] & CO_FAST_FREE)) raise(Exc.RuntimeError, 'super(): __class__ cell not found');
    const cell = f.localsplus[idx] as PyCell;
    if (cell.ref === null) raise(Exc.RuntimeError, 'super(): empty __class__ cell');
    type = cell.ref;
    obj = first;
  } else {
    type = args[0];
    obj = args[1] ?? PyNone;
  }
  if (!(type instanceof PyTypeObject)) raise(Exc.TypeError, `super() argument 1 must be a type, not ${type.type.name}`);
  const objType = obj === PyNone ? null : superCheck(type, obj);
  incref(type);
  xdecref(s.thisType);
  s.thisType = type;
  if (obj !== PyNone) {
    incref(obj);
    s.obj = obj;
    incref(objType!);
    s.objType = objType;
  }
};
const super_tp_getattro: NonNullable<PyTypeObject['tp_getattro']> = (o, name) => {
  const s = o as PySuper;
  if (s.objType !== null && name !== '__class__') {
    const descr = lookupAfter(s.thisType!, s.objType, name);
    if (descr !== null) {
      const g = descr.type.tp_descr_get;
      if (g !== null) return g(descr, s.obj === s.objType ? null : s.obj, s.objType);
      incref(descr);
      return descr;
    }
  }
  return genericGetAttr(o, name);
};
const super_tp_repr: NonNullable<PyTypeObject['tp_repr']> = (o) => {
  const s = o as PySuper;
  const tn = s.thisType ? s.thisType.name : 'NULL';
  return newStr(s.objType ? `<super: <class '${tn}'>, <${s.objType.name} object>>` : `<super: <class '${tn}'>, NULL>`);
};
const super_tp_traverse: NonNullable<PyTypeObject['tp_traverse']> = (o, visit: Visit) => {
  const s = o as PySuper;
  if (s.thisType) visit(s.thisType);
  if (s.obj) visit(s.obj);
  if (s.objType) visit(s.objType);
};
const super_tp_dealloc: NonNullable<PyTypeObject['tp_dealloc']> = (o) => {
  gcUntrack(o);
  const s = o as PySuper;
  xdecref(s.thisType);
  xdecref(s.obj);
  xdecref(s.objType);
  gcFree(o);
};

export const classCreation = {
  buildClass,
  setClass,
  'type.tp_new': typeTpNew,
  'type.tp_clear': typeClear,
  'type.tp_dealloc': typeDealloc,
  superLookup,
  'super.tp_new': super_tp_new,
  'super.tp_init': super_tp_init,
  'super.tp_getattro': super_tp_getattro,
  'super.tp_repr': super_tp_repr,
  'super.tp_traverse': super_tp_traverse,
  'super.tp_dealloc': super_tp_dealloc,
};
