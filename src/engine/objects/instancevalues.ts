/**
 * Instance attributes as CPython 3.12 stores them: an instance of a class
 * (made by object.__new__) starts with "inline values" — an array of value
 * pointers indexed like its class's shared keys (ht_cached_keys), plus the
 * order the instance set them in — and no dict object at all. A real dict
 * (a split table sharing the class's keys) is made only when someone asks
 * for `obj.__dict__`, or when an attribute name no longer fits the shared
 * keys; from then on the instance uses that dict.
 * CPython counterpart: Objects/dictobject.c (_PyObject_InitInlineValues,
 * _PyObject_StoreInstanceAttribute, _PyObject_GetInstanceAttribute,
 * make_dict_from_instance_attributes, _PyObject_FreeInstanceAttributes …).
 */

import { PyObject, decref, incref } from './object.js';
import type { PyTypeObject } from './typeobject.js';
import {
  PyDict, SharedKeys, sharedKeysUsableSize, valuesBytes, insertIntoSharedKeys, newSplitDict, dictSetItemStr,
  dictDelItemStr,
} from './dictobject.js';
import { internStr, type PyStr } from './unicodeobject.js';
import { heap } from '../memory/heap.js';
import { raise } from '../eval/errors.js';
import { Exc } from './exceptions.js';

/** An object that may hold inline values (instances made by object.__new__). */
export interface InlineValuesOwner extends PyObject {
  /**
   * The values, indexed like the class's shared keys (missing or null: not
   * set); null once the instance has a dict object (or never had values).
   */
  values: (PyObject | null)[] | null;
  /**
   * the shared-key indices of the set values, in the order they were set;
   * null while that is simply ascending index order (the usual case: every
   * instance sets its attributes in the same order), which saves an array
   */
  order: number[] | null;
  /** address of the PyDictValues array (PyMem_Malloc'd) */
  valuesAddr: number;
}

/** _PyObject_InitInlineValues: the keys shrink by one, and the values array is allocated. */
export function initInlineValues(o: InlineValuesOwner, keys: SharedKeys): void {
  if (keys.usable > 1) keys.usable--;
  o.valuesAddr = heap.mallocBuffer(valuesBytes(sharedKeysUsableSize(keys)));
  o.values = NO_VALUES;
  o.order = null;
}

/**
 * Every instance starts with this (shared, never written: a store past the
 * end of the values makes a new array, see withValueAt).
 */
const NO_VALUES: (PyObject | null)[] = [];

/**
 * `vals` with `value` at index ix >= vals.length, as a new array with room
 * for every name the class's keys have now (`size`), the other slots null:
 * usually the instance's first store makes the one array its attributes
 * need. An exact-size array, not one grown by push, which would give every
 * instance a backing store of 17+ slots (V8's growth step), several times the
 * memory of its few attributes, which the cyclic GC's scans and the JS GC
 * then pay for.
 */
function withValueAt(vals: (PyObject | null)[], ix: number, value: PyObject, size: number): (PyObject | null)[] {
  const out = nulls(Math.max(ix + 1, size));
  for (let i = 0; i < vals.length; i++) out[i] = vals[i];
  out[ix] = value;
  return out;
}

/** A packed array of n nulls with a backing store of exactly n slots (for small n). */
function nulls(n: number): (PyObject | null)[] {
  switch (n) {
    case 1: return [null];
    case 2: return [null, null];
    case 3: return [null, null, null];
    case 4: return [null, null, null, null];
    case 5: return [null, null, null, null, null];
    case 6: return [null, null, null, null, null, null];
    case 7: return [null, null, null, null, null, null, null];
    case 8: return [null, null, null, null, null, null, null, null];
  }
  const out: (PyObject | null)[] = [];
  for (let i = 0; i < n; i++) out.push(null);
  return out;
}

/** Is a value set at an index above ix? */
function setAbove(vals: (PyObject | null)[], ix: number): boolean {
  for (let i = ix + 1; i < vals.length; i++) if (vals[i] !== null) return true;
  return false;
}

/** The set indices in the order they were set. */
function orderOf(o: InlineValuesOwner): number[] {
  if (o.order !== null) return o.order;
  const vals = o.values!;
  const out: number[] = [];
  for (let i = 0; i < vals.length; i++) if (vals[i] !== null) out.push(i);
  return out;
}

/** _PyObject_GetInstanceAttribute: the value (borrowed) or null. */
export function getInstanceAttr(values: (PyObject | null)[], keys: SharedKeys, name: string): PyObject | null {
  const ix = keys.index.get(name);
  if (ix === undefined) return null;
  const v = values[ix];
  return v === undefined ? null : v;
}

/**
 * _PyObject_StoreInstanceAttribute (value null deletes): a name the shared
 * keys have (or can still take) goes into the values array; otherwise the
 * instance gets its dict now and the name goes there.
 */
export function storeInstanceAttr(o: InlineValuesOwner, keys: SharedKeys, name: string, value: PyObject | null): void {
  let ix = keys.index.get(name);
  if (ix === undefined && keys.usable > 0) {
    const s = internStr(name);
    ix = insertIntoSharedKeys(keys, s);
    decref(s);
  }
  if (ix === undefined) {
    const d = makeDictFromInstanceAttributes(o, keys);
    o.dict = d;
    if (value === null) {
      if (!dictDelItemStr(d, name)) raise(Exc.AttributeError, `'${o.type.name}' object has no attribute '${name}'`);
    } else {
      dictSetItemStr(d, name, value);
    }
    return;
  }
  const vals = o.values!;
  const n = vals.length;
  const old = ix < n ? vals[ix] : null;
  if (old === null) {
    if (value === null) raise(Exc.AttributeError, `'${o.type.name}' object has no attribute '${name}'`);
    // a value set below one already set comes after it: the order must be
    // listed (while it is null, the order is ascending index order)
    if (o.order === null && setAbove(vals, ix)) o.order = orderOf(o);
    if (o.order !== null) o.order.push(ix);
    incref(value);
    if (ix < n) vals[ix] = value;
    else o.values = withValueAt(vals, ix, value, keys.names.length);
    return;
  }
  if (value !== null) {
    incref(value);
    vals[ix] = value;
  } else {
    vals[ix] = null;
    const order = o.order;
    if (order !== null) order.splice(order.indexOf(ix), 1);
  }
  decref(old);
}

/**
 * make_dict_from_instance_attributes: the values array becomes the values
 * of a new split dict (which takes their references and the array).
 */
export function makeDictFromInstanceAttributes(o: InlineValuesOwner, keys: SharedKeys): PyDict {
  const d = newSplitDict(keys, o.values!, orderOf(o), o.valuesAddr);
  o.values = null;
  o.order = null;
  o.valuesAddr = 0;
  return d;
}

/** The inline values (or null) of an object whose type has a managed dict. */
export function inlineValuesOf(o: PyObject): (PyObject | null)[] | null {
  const v = (o as InlineValuesOwner).values;
  return v ? v : null;
}



/** [name, value] pairs (borrowed) in the order the instance set them (as its __dict__ would list them). */
export function instanceAttrItems(o: PyObject): [PyStr, PyObject][] {
  const io = o as InlineValuesOwner;
  const vals = io.values;
  if (!vals) return [];
  const names = (o.type as PyTypeObject).cachedKeys!.names;
  const order = orderOf(io);
  const out: [PyStr, PyObject][] = [];
  for (let i = 0; i < order.length; i++) out.push([names[order[i]], vals[order[i]]!]);
  return out;
}

/** _PyObject_IsInstanceDictEmpty */
export function instanceDictIsEmpty(o: PyObject): boolean {
  const vals = inlineValuesOf(o);
  if (vals !== null) return orderOf(o as InlineValuesOwner).length === 0;
  const d = o.dict;
  return d === null || !(d instanceof PyDict) || d.used === 0;
}
