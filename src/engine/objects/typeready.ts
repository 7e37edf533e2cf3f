/**
 * Making types usable and looking attributes up: PyType_Ready, _PyType_Lookup,
 * PyObject_GenericGetAttr / GenericSetAttr, _PyObject_GetMethod, and the
 * attribute protocol of type objects themselves (type_getattro, type_setattro).
 * CPython counterpart: Objects/typeobject.c and Objects/object.c.
 */

import { PyObject, decref, incref } from './object.js';
import {
  PyTypeObject, TypeType, TPFLAGS_HEAPTYPE, TPFLAGS_METHOD_DESCRIPTOR, TPFLAGS_MANAGED_DICT, isSubtype,
} from './typeobject.js';
import { raise } from '../eval/errors.js';
import { Exc, raiseAttributeError } from './exceptions.js';
import { newDict, dictGetItemStr, dictSetItemStr, dictDelItemStr, PyDict, newDictWithSharedKeys } from './dictobject.js';
import { type InlineValuesOwner, getInstanceAttr, storeInstanceAttr } from './instancevalues.js';
import { newMethodDescr, newClassMethodDescr, newGetSetDescr } from './descrobject.js';
import { newStaticMethod, StaticMethodType } from './funcobject.js';
import { newCFunction } from './methodobject.js';
import { newTuple } from './tupleobject.js';
import { newStr } from './unicodeobject.js';
import { PyNone } from './singletons.js';
import { gcUntrack } from '../gc/gcobject.js';
import { addSlotWrappers, updateSlot } from './typeslots.js';

/** Every type that has been readied, so caches can be cleared and reset. */
const readied: PyTypeObject[] = [];

/** PyType_Ready for a builtin (static) type. Idempotent. */
export function readyType(t: PyTypeObject): void {
  if (t.tpDict !== null) return;
  if (t.base && t.base.tpDict === null) readyType(t.base);
  // the bases' MROs merged (each class at its last place): ExceptionGroup's two bases
  const mros = t.bases.flatMap((b) => b.mro);
  t.mro = [t, ...mros.filter((c, i) => mros.lastIndexOf(c) === i)];
  if (t.base && !t.base.subclasses.includes(t)) t.base.subclasses.push(t);
  const d = newDict();
  t.tpDict = d;
  for (const [name, impl] of Object.entries(t.methods)) setDictItem(d, name, newMethodDescr(t, name, impl));
  for (const [name, impl] of Object.entries(t.classMethods)) setDictItem(d, name, newClassMethodDescr(t, name, impl));
  for (const [name, impl] of Object.entries(t.staticMethods)) {
    const f = newCFunction(name, impl, null);
    setDictItem(d, name, newStaticMethod(StaticMethodType, f));
    decref(f);
  }
  for (const [name, gs] of Object.entries(t.getsets)) setDictItem(d, name, newGetSetDescr(t, name, gs.get, gs.set));
  for (const [name, v] of Object.entries(t.classAttrs)) {
    incref(v);
    setDictItem(d, name, v);
  }
  if (dictGetItemStr(d, '__doc__') === null) {
    const doc = t.doc === null ? PyNone : newStr(t.doc);
    if (doc === PyNone) incref(doc);
    setDictItem(d, '__doc__', doc);
  }
  if (t.tp_new !== null && dictGetItemStr(d, '__new__') === null) {
    // tp_new_wrapper: `object.__new__(cls)`, `int.__new__(cls, 5)`
    const owner = t;
    const f = newCFunction('__new__', (_self, args, kwnames) => {
      if (args.length < 1) raise(Exc.TypeError, `${owner.name}.__new__(): not enough arguments`);
      const cls = args[0];
      if (!(cls instanceof PyTypeObject)) {
        raise(Exc.TypeError, `${owner.name}.__new__(X): X is not a type object (${cls.type.name})`);
      }
      if (!isSubtype(cls, owner)) {
        raise(Exc.TypeError, `${owner.name}.__new__(${cls.name}): ${cls.name} is not a subtype of ${owner.name}`);
      }
      return owner.tp_new!(cls, args.slice(1), kwnames);
    }, t, true);
    (f as PyObject & { builtinNewOwner?: PyTypeObject }).builtinNewOwner = t;
    setDictItem(d, '__new__', f);
  }
  addSlotWrappers(t);
  inheritSlots(t);
  readied.push(t);
}

function setDictItem(d: PyObject, name: string, v: PyObject): void {
  dictSetItemStr(d as PyDict, name, v);
  decref(v);
}

/** inherit_slots: a slot the type leaves empty is taken from its base. */
export function inheritSlots(t: PyTypeObject): void {
  const b = t.base;
  if (!b) {
    if (t.tp_getattro === null) t.tp_getattro = genericGetAttr;
    if (t.tp_setattro === null) t.tp_setattro = genericSetAttr;
    return;
  }
  const keys: (keyof PyTypeObject)[] = [
    'tp_repr', 'tp_str', 'tp_richcompare', 'tp_iter', 'tp_iternext', 'tp_getattro', 'tp_setattro',
    'tp_call', 'tp_descr_get', 'tp_descr_set', 'tp_init', 'tp_new', 'tp_finalize', 'tp_sizeof',
    'nb_power3', 'nb_negative', 'nb_positive', 'nb_absolute', 'nb_invert', 'nb_bool', 'nb_int', 'nb_float',
    'nb_index', 'mp_length', 'mp_subscript', 'mp_ass_subscript', 'sq_contains',
  ];
  const tt = t as unknown as Record<string, unknown>;
  const bb = b as unknown as Record<string, unknown>;
  for (const k of keys) if (tt[k] === null) tt[k] = bb[k];
  // tp_hash is inherited only together with tp_richcompare (inherit_slots' rule):
  // a class that defines __eq__ without __hash__ becomes unhashable.
  if (t.tp_hash === null && !ownsDunder(t, '__eq__') && !t.hasFlag(TPFLAGS_HEAPTYPE)) t.tp_hash = b.tp_hash;
  for (let i = 0; i < t.nb.length; i++) if (t.nb[i] === null) t.nb[i] = b.nb[i];
  if (t.tp_traverse === null) t.tp_traverse = b.tp_traverse;
  if (t.tp_clear === null) t.tp_clear = b.tp_clear;
  if (!t.weakrefable) t.weakrefable = b.weakrefable;
  if (!t.dictSlot) t.dictSlot = b.dictSlot;
}

function ownsDunder(t: PyTypeObject, name: string): boolean {
  return t.tpDict !== null && dictGetItemStr(t.tpDict as PyDict, name) !== null;
}

/** Clears every attribute-lookup cache (a type's dict changed). */
export function invalidateLookupCaches(t: PyTypeObject): void {
  t.lookupCache.clear();
  for (const s of t.subclasses) invalidateLookupCaches(s);
}

/** _PyType_Lookup: the attribute `name` in the type's MRO, borrowed, or null. */
export function typeLookup(t: PyTypeObject, name: string): PyObject | null {
  const cache = t.lookupCache;
  const hit = cache.get(name);
  if (hit !== undefined) return hit;
  let res: PyObject | null = null;
  const mro = t.mro;
  for (let i = 0; i < mro.length; i++) {
    const d = mro[i].tpDict;
    if (d === null) continue;
    const v = dictGetItemStr(d as PyDict, name);
    if (v !== null) {
      res = v;
      break;
    }
  }
  cache.set(name, res);
  return res;
}

/**
 * The instance's own attribute `name` (borrowed), or null: from its `__dict__`
 * when it has one, else from its inline values (3.12's managed dict).
 */
function instanceAttribute(o: PyObject, t: PyTypeObject, name: string): PyObject | null {
  const d = o.dict;
  if (d !== null) return dictGetItemStr(d as PyDict, name);
  if ((t.flags & TPFLAGS_MANAGED_DICT) !== 0) {
    const vals = (o as InlineValuesOwner).values;
    if (vals) return getInstanceAttr(vals, t.cachedKeys!, name);
  }
  return null;
}

/** PyObject_GenericGetAttr */
export function genericGetAttr(o: PyObject, name: string): PyObject {
  const t = o.type;
  const descr = typeLookup(t, name);
  let getter: PyTypeObject['tp_descr_get'] = null;
  if (descr !== null) {
    getter = descr.type.tp_descr_get;
    if (getter !== null && descr.type.tp_descr_set !== null) {
      // Data descriptor (property, __slots__ member, __dict__): wins over the instance dict.
      return getter(descr, o, t);
    }
  }
  const v = instanceAttribute(o, t, name);
  if (v !== null) {
    incref(v);
    return v;
  }
  if (getter !== null) return getter(descr!, o, t);
  if (descr !== null) {
    incref(descr);
    return descr;
  }
  raiseAttributeError(o, name, `'${t.name}' object has no attribute '${name}'`);
}

/** PyObject_GenericSetAttr (value null = delete) */
export function genericSetAttr(o: PyObject, name: string, value: PyObject | null): void {
  const t = o.type;
  const descr = typeLookup(t, name);
  if (descr !== null && descr.type.tp_descr_set !== null) {
    descr.type.tp_descr_set(descr, o, value);
    return;
  }
  let d = o.dict;
  if (d === null && (t.flags & TPFLAGS_MANAGED_DICT) !== 0) {
    const io = o as InlineValuesOwner;
    if (io.values) {
      storeInstanceAttr(io, t.cachedKeys!, name, value);
      return;
    }
    // no inline values (a subclass of another builtin type): a dict sharing the class's keys
    const keys = t.cachedKeys;
    d = o.dict = keys !== null ? newDictWithSharedKeys(keys) : newDict();
  }
  if (d === null && t.dictSlot && value !== null) {
    // Layouts with a dict pointer (functions, exceptions) create the dict on first use.
    d = o.dict = newDict();
  }
  if (d === null) {
    if (descr === null) {
      raise(Exc.AttributeError, `'${t.name}' object has no attribute '${name}'`);
    }
    raise(Exc.AttributeError, `'${t.name}' object attribute '${name}' is read-only`);
  }
  if (value === null) {
    if (!dictDelItemStr(d as PyDict, name)) {
      raise(Exc.AttributeError, `'${t.name}' object has no attribute '${name}'`);
    }
    return;
  }
  dictSetItemStr(d as PyDict, name, value);
}

/** getMethod's second result: whether the attribute it returned is an unbound method. */
export const methodLookup = { unbound: false };

/** Sets the flag only once the attribute is in hand: getting it may run Python code that looks up methods itself. */
function notUnbound(v: PyObject): PyObject {
  methodLookup.unbound = false;
  return v;
}

/**
 * _PyObject_GetMethod: for `o.name(...)`, avoids creating a bound method when
 * the attribute is a plain function found on the type. Returns the attribute
 * (new reference); `methodLookup.unbound` then says whether it is an unbound
 * method to be called with `o` prepended (LOAD_ATTR's method form pushes
 * [meth, self] then). A flag rather than a returned pair: LOAD_ATTR runs this
 * for every method call, and the pair was an allocation each time.
 */
export function getMethod(o: PyObject, name: string): PyObject {
  const t = o.type;
  if (t.tp_getattro !== genericGetAttr) {
    const f = t.tp_getattro;
    if (f === null) raise(Exc.AttributeError, `'${t.name}' object has no attribute '${name}'`);
    return notUnbound(f(o, name));
  }
  const descr = typeLookup(t, name);
  let getter: PyTypeObject['tp_descr_get'] = null;
  let methFound = false;
  if (descr !== null) {
    if ((descr.type.flags & TPFLAGS_METHOD_DESCRIPTOR) !== 0) {
      methFound = true;
    } else {
      getter = descr.type.tp_descr_get;
      if (getter !== null && descr.type.tp_descr_set !== null) return notUnbound(getter(descr, o, t));
    }
  }
  const v = instanceAttribute(o, t, name);
  if (v !== null) {
    incref(v);
    return notUnbound(v);
  }
  if (methFound) {
    incref(descr!);
    methodLookup.unbound = true;
    return descr!;
  }
  if (getter !== null) return notUnbound(getter(descr!, o, t));
  if (descr !== null) {
    incref(descr);
    return notUnbound(descr);
  }
  raiseAttributeError(o, name, `'${t.name}' object has no attribute '${name}'`);
}

// ---------------------------------------------------------------- type's own attributes

/** type_getattro: meta-attributes (data descriptors on the metatype) win, then the MRO. */
export function typeGetAttr(o: PyObject, name: string): PyObject {
  const type = o as PyTypeObject;
  const meta = o.type;
  const metaAttr = typeLookup(meta, name);
  let metaGet: PyTypeObject['tp_descr_get'] = null;
  if (metaAttr !== null) {
    metaGet = metaAttr.type.tp_descr_get;
    if (metaGet !== null && metaAttr.type.tp_descr_set !== null) return metaGet(metaAttr, o, meta);
  }
  const attr = typeLookup(type, name);
  if (attr !== null) {
    const g = attr.type.tp_descr_get;
    if (g !== null) return g(attr, null, type);
    incref(attr);
    return attr;
  }
  if (metaGet !== null) return metaGet(metaAttr!, o, meta);
  if (metaAttr !== null) {
    incref(metaAttr);
    return metaAttr;
  }
  raiseAttributeError(o, name, `type object '${type.name}' has no attribute '${name}'`);
}

/** type_setattro: only classes (heap types) can be changed; dunder changes update slots. */
export function typeSetAttr(o: PyObject, name: string, value: PyObject | null): void {
  const type = o as PyTypeObject;
  if (!type.hasFlag(TPFLAGS_HEAPTYPE)) {
    raise(
      Exc.TypeError,
      `cannot set '${name}' attribute of immutable type '${type.name}'`,
    );
  }
  const metaAttr = typeLookup(o.type, name);
  if (metaAttr !== null && metaAttr.type.tp_descr_set !== null) {
    metaAttr.type.tp_descr_set(metaAttr, o, value);
    return;
  }
  const d = type.tpDict as PyDict;
  if (value === null) {
    if (!dictDelItemStr(d, name)) raise(Exc.AttributeError, `type object '${type.name}' has no attribute '${name}'`);
  } else {
    dictSetItemStr(d, name, value);
  }
  invalidateLookupCaches(type);
  if (name.startsWith('__') && name.endsWith('__')) updateSlot(type, name);
}

// ---------------------------------------------------------------- type.__call__

/** type_call: `C(*args)` runs C.__new__ then, if it returned a C, C.__init__. */
export function typeCall(callable: PyObject, args: PyObject[], kwnames: string[] | null): PyObject {
  const type = callable as PyTypeObject;
  if (type === TypeType) {
    const nkw = kwnames ? kwnames.length : 0;
    if (args.length - nkw === 1 && nkw === 0) {
      incref(args[0].type);
      return args[0].type;
    }
    if (args.length - nkw !== 3) raise(Exc.TypeError, 'type() takes 1 or 3 arguments');
  }
  const tpNew = type.tp_new;
  if (tpNew === null) raise(Exc.TypeError, `cannot create '${qualifiedName(type)}' instances`);
  const obj = tpNew(type, args, kwnames);
  if (!isSubtype(obj.type, type)) return obj;
  const init = obj.type.tp_init;
  if (init !== null) {
    try {
      init(obj, args, kwnames);
    } catch (e) {
      decref(obj);
      throw e;
    }
  }
  return obj;
}

/** `module.qualname` for messages about classes outside builtins */
export function qualifiedName(t: PyTypeObject): string {
  return t.module === 'builtins' ? t.qualname : `${t.module}.${t.qualname}`;
}

export { newTuple };
