/**
 * Dictionaries. CPython counterpart: Objects/dictobject.c (3.12).
 *
 * The entries live in JS arrays in insertion order (dk_entries, with deleted
 * entries as null until a resize compacts them). Lookups go through JS Maps
 * rather than CPython's probing: iteration order of a compact dict never
 * depends on probing, so only sizes need the real table geometry, and those
 * are modelled exactly (log2 size, index width, 16/24-byte entries, usable
 * count, the unicode/general kind, presizing, the Py_EMPTY_KEYS singleton).
 */

import { PyObject, decref, incref, newref, xdecref } from './object.js';
import {
  PyTypeObject, builtinType, Py_EQ, Py_NE, NB_OR, NB_INPLACE_ADD, NB_AND, NB_SUBTRACT, NB_XOR,
  TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC, TPFLAGS_DICT_SUBCLASS, TPFLAGS_MAPPING, typeCheck, type Visit,
} from './typeobject.js';
import { gcAlloc, gcFree, gcTrack, gcUntrack } from '../gc/gcobject.js';
import { heap } from '../memory/heap.js';
import type { Hash } from './hash.js';
import { raise, PyRaise } from '../eval/errors.js';
import { Exc, newExceptionWithArgs } from './exceptions.js';
import {
  hash, repr, richCompareBool, getIter, iterNext, getItem, lookupAttr, call, callMethod, reprEnter, reprLeave,
  isExceptionOf, clearRaise, iterableToArray,
} from './abstract.js';
import { newBool } from './boolobject.js';
import { PyLong, LongType, newInt } from './longobject.js';
import { NotImplemented, PyNone } from './singletons.js';
import { PyStr, StrType, newStr, internStr } from './unicodeobject.js';
import { FreeList, PyTuple, TupleType, newTuple, mayBeTracked, EmptyTuple } from './tupleobject.js';
import { checkArity, noKeywords, parseArgs } from './args.js';
import { newList } from './listobject.js';
import { PySet, newSet, setAdd, setDiscardKey, setContainsKey, setRichCompareViews, SetType, FrozenSetType } from './setobject.js';
import { parts, deferred, deferredMethods } from '../ondemand.js';
import type { BuiltinMethod } from './typeobject.js';

// ===================================================================== layout

/** sizeof(PyDictObject) */
const DICT_BASICSIZE = 48;
/** sizeof(PyDictKeysObject) without indices and entries */
const KEYS_HEADER = 32;
const LOG_MINSIZE = 3;
const MAXFREELIST = 80;

function usableFraction(n: number): number {
  return Math.floor((n * 2) / 3);
}

/**
 * calculate_log2_keysize: bit_length(((minsize | 8) - 1) | 7), exactly as
 * 3.12 computes it (so 1..7 give 16 slots, not 8).
 */
function log2Keysize(minsize: number): number {
  let v = ((minsize | 8) - 1) | 7;
  let log = 0;
  while (v > 0) {
    log++;
    v = Math.floor(v / 2);
  }
  return log;
}

/** estimate_log2_keysize: a table with room for n items */
export function estimateLog2(n: number): number {
  return log2Keysize(Math.floor((n * 3 + 1) / 2));
}

/** _PyDict_KeysSize: header + index array + usable entries */
export function keysBytes(log2: number, unicode: boolean): number {
  const idxLog = log2 < 8 ? log2 : log2 < 16 ? log2 + 1 : log2 < 32 ? log2 + 2 : log2 + 3;
  return KEYS_HEADER + 2 ** idxLog + usableFraction(2 ** log2) * (unicode ? 16 : 24);
}

/** keys_free_list: freed minimal-size unicode key tables (addresses), LIFO */
const keysFree: number[] = [];
let keysFreeOwner = heap.generation;

function allocKeys(log2: number, unicode: boolean): number {
  if (keysFreeOwner !== heap.generation) {
    keysFree.length = 0;
    keysFreeOwner = heap.generation;
  }
  if (log2 === LOG_MINSIZE && unicode && keysFree.length > 0) return keysFree.pop()!;
  return heap.mallocBuffer(keysBytes(log2, unicode));
}

function freeKeys(addr: number, log2: number, unicode: boolean): void {
  if (addr === 0) return;
  if (keysFreeOwner !== heap.generation) {
    keysFree.length = 0;
    keysFreeOwner = heap.generation;
  }
  if (log2 === LOG_MINSIZE && unicode && keysFree.length < MAXFREELIST) {
    keysFree.push(addr);
    return;
  }
  heap.freeBuffer(addr);
}

// ===================================================================== the object

export class PyDict extends PyObject {
  /** dk_kind == DICT_KEYS_UNICODE (16-byte entries) rather than GENERAL (24) */
  unicode = true;
  /** dk_log2_size; 0 while the dict shares Py_EMPTY_KEYS */
  log2 = 0;
  /** dk_usable */
  usable = 0;
  /** address of the PyDictKeysObject (0 = Py_EMPTY_KEYS) */
  keysAddr = 0;
  /** ma_used */
  used = 0;
  /** dk_entries: key/value/hash per entry; a deleted entry has key null */
  ekeys: (PyObject | null)[] = [];
  evalues: (PyObject | null)[] = [];
  ehashes: (Hash | null)[] = [];
  /**
   * exact-str keys by value -> entry index (the fast path for names); null
   * while the dict is small, when scanning the entries is quicker than a Map
   * and creating one would dominate (every instance has a dict)
   */
  strIndex: Map<string, number> | null = null;
  /** hash -> entry index (or indices on collision); built on first non-str use */
  hashIndex: Map<Hash, number | number[]> | null = null;
  /** keys that are not exact str (when 0, a str miss is a definite miss) */
  nonStr = 0;
  /** bumped on every change of the key set (for iterators and lookups during __eq__) */
  version = 0;
  /**
   * bumped whenever an entry's value is stored, replaced or removed (every
   * write of `evalues`): the trace recorder skips comparing a namespace whose
   * count has not moved since it last looked (trace/recorder.ts)
   */
  writes = 0;
  /**
   * A split table (ma_values != NULL): the keys are a class's shared keys and
   * the values live in a separate array (at `valuesAddr`). The entries above
   * still list this dict's own items in its insertion order; `split` decides
   * the size and what happens when a key is added.
   */
  split: SharedKeys | null = null;
  /** address of the PyDictValues array of a split table */
  valuesAddr = 0;
  constructor(type: PyTypeObject = DictType) {
    super(type, true);
    // The object header, assigned here so the stores stay monomorphic (see PyObject).
    this.type = type;
    this.refcnt = 1;
    this.ptr = 0;
    this.size = 0;
    this.serial = 0;
    this.weakrefs = null;
    this.dict = null;
  }
}

export const DictType = builtinType(
  'dict', DICT_BASICSIZE, TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC | TPFLAGS_DICT_SUBCLASS | TPFLAGS_MAPPING,
);

let dictFreeList: FreeList | null = null;
/** created lazily: tupleobject.ts may still be loading when this module is (import cycle) */
function dictFree(): FreeList {
  return dictFreeList ?? (dictFreeList = new FreeList(MAXFREELIST));
}

/** new_dict: from the free list when possible; untracked until it holds a container. */
function allocDict(): PyDict {
  const d = new PyDict(DictType);
  if (!dictFree().pop(d)) gcAlloc(d, DICT_BASICSIZE);
  return d;
}

/** PyDict_New */
export function newDict(): PyDict {
  return allocDict();
}

/** dict_new_presized / _PyDict_NewPresized (general keys unless `unicode`). */
export function newDictPresized(minused: number, unicode = false): PyDict {
  const d = allocDict();
  if (minused <= 5) return d;
  const log2 = minused > usableFraction(2 ** 17) ? 17 : estimateLog2(minused);
  setNewKeys(d, log2, unicode);
  return d;
}

/** _PyDict_FromItems (BUILD_MAP, BUILD_CONST_KEY_MAP): borrowed keys and values. */
export function dictFromItems(keys: readonly PyObject[], values: readonly PyObject[]): PyDict {
  let unicode = true;
  for (let i = 0; i < keys.length; i++) {
    if (keys[i].type !== StrType) {
      unicode = false;
      break;
    }
  }
  const d = newDictPresized(keys.length, unicode);
  try {
    for (let i = 0; i < keys.length; i++) dictSetItem(d, keys[i], values[i]);
  } catch (e) {
    decref(d);
    throw e;
  }
  return d;
}

function setNewKeys(d: PyDict, log2: number, unicode: boolean): void {
  d.keysAddr = allocKeys(log2, unicode);
  d.log2 = log2;
  d.unicode = unicode;
  d.usable = usableFraction(2 ** log2);
}

// ===================================================================== split tables (3.12 instance dicts)

/** SHARED_KEYS_MAX_SIZE: a class's instances share at most this many attribute names */
const SHARED_KEYS_MAX_SIZE = 30;
/** NEXT_LOG2_SHARED_KEYS_MAX_SIZE: the shared keys table has 64 slots */
export const LOG2_SHARED_KEYS = 6;

/**
 * A class's shared keys (ht_cached_keys, a DICT_KEYS_SPLIT PyDictKeysObject):
 * the attribute names its instances have used, in the order they were first
 * set on any instance. Each instance keeps only an array of values indexed
 * like these names (3.12's "inline values", a PyDictValues).
 */
export class SharedKeys {
  /** dk_entries' keys in index order; the table holds a reference to each */
  names: PyStr[] = [];
  /** name -> index in `names` */
  index = new Map<string, number>();
  /**
   * dk_usable: starts at SHARED_KEYS_MAX_SIZE and shrinks by one before each
   * new instance (down to 1) and for each name added — so every values array
   * already allocated has room for any index a new name can get.
   */
  usable = SHARED_KEYS_MAX_SIZE;
  /** dk_refcnt: the class plus each split dict using these keys */
  refs = 1;
}

/** _PyDict_NewKeysForClass */
export function newKeysForClass(): SharedKeys {
  return new SharedKeys();
}

/** shared_keys_usable_size: how many values a new values array has room for */
export function sharedKeysUsableSize(k: SharedKeys): number {
  return k.names.length + k.usable;
}

/** new_values: bytes PyMem_Malloc'd for `size` values plus the insertion-order prefix */
export function valuesBytes(size: number): number {
  return Math.ceil((size + 2) / 8) * 8 + size * 8;
}

/**
 * insert_into_dictkeys: the index of exact-str `name` in the shared keys,
 * adding it at the end if there is room; -1 when the keys are full.
 */
export function insertIntoSharedKeys(k: SharedKeys, name: PyStr): number {
  const ix = k.index.get(name.value);
  if (ix !== undefined) return ix;
  if (k.usable <= 0) return -1;
  const n = k.names.length;
  incref(name);
  k.names.push(name);
  k.index.set(name.value, n);
  k.usable--;
  return n;
}

/** dictkeys_decref for shared keys: the last reference frees the names. */
export function releaseSharedKeys(k: SharedKeys): void {
  if (--k.refs > 0) return;
  const names = k.names;
  k.names = [];
  k.index.clear();
  for (let i = 0; i < names.length; i++) decref(names[i]);
}

/**
 * new_dict with a split table: `values` (indexed like the shared keys, the
 * references STOLEN) listed in `order`; the dict takes over the values
 * array at `valuesAddr`. Tracked only if a value may be (as
 * make_dict_from_instance_attributes decides).
 */
export function newSplitDict(
  keys: SharedKeys, values: readonly (PyObject | null | undefined)[], order: readonly number[], valuesAddr: number,
): PyDict {
  const d = allocDict();
  keys.refs++;
  d.split = keys;
  d.valuesAddr = valuesAddr;
  d.log2 = LOG2_SHARED_KEYS;
  d.unicode = true;
  d.keysAddr = 0;
  d.usable = 0;
  let track = false;
  for (let i = 0; i < order.length; i++) {
    const ix = order[i];
    const v = values[ix];
    if (v === null || v === undefined) continue;
    const k = keys.names[ix];
    incref(k);
    d.ekeys.push(k);
    d.evalues.push(v);
    d.writes++;
    d.ehashes.push(null);
    d.used++;
    if (!track && mayBeTracked(v)) track = true;
  }
  if (d.ekeys.length > SMALL_STR_SCAN) buildStrIndex(d);
  if (track) gcTrack(d);
  return d;
}

/** new_dict_with_shared_keys: an empty split dict with a fresh values array. */
export function newDictWithSharedKeys(keys: SharedKeys): PyDict {
  const addr = heap.mallocBuffer(valuesBytes(sharedKeysUsableSize(keys)));
  return newSplitDict(keys, [], [], addr);
}

/** The split dict stops sharing: its values array is freed, the keys released. */
function dropSplit(d: PyDict): void {
  const k = d.split!;
  d.split = null;
  heap.freeBuffer(d.valuesAddr);
  d.valuesAddr = 0;
  releaseSharedKeys(k);
}

/** Live entry positions of a split dict in shared-key index order (how CPython walks ma_values). */
function splitKeyOrder(d: PyDict): number[] {
  const k = d.split!;
  const pos: number[] = [];
  const keys = d.ekeys;
  for (let i = 0; i < keys.length; i++) if (keys[i] !== null) pos.push(i);
  pos.sort((a, b) => k.index.get((keys[a] as PyStr).value)! - k.index.get((keys[b] as PyStr).value)!);
  return pos;
}

// ===================================================================== hashing and lookup

export function isExactStr(o: PyObject): o is PyStr {
  return o.type === StrType;
}

export function entryHash(d: PyDict, i: number): Hash {
  let h = d.ehashes[i];
  if (h === null) {
    h = hash(d.ekeys[i]!);
    d.ehashes[i] = h;
  }
  return h;
}

function indexAdd(m: Map<Hash, number | number[]>, h: Hash, ix: number): void {
  const cur = m.get(h);
  if (cur === undefined) m.set(h, ix);
  else if (typeof cur === 'number') m.set(h, [cur, ix]);
  else cur.push(ix);
}

export function indexRemove(m: Map<Hash, number | number[]>, h: Hash, ix: number): void {
  const cur = m.get(h);
  if (cur === undefined) return;
  if (typeof cur === 'number') {
    if (cur === ix) m.delete(h);
    return;
  }
  const k = cur.indexOf(ix);
  if (k >= 0) cur.splice(k, 1);
  if (cur.length === 1) m.set(h, cur[0]);
  else if (cur.length === 0) m.delete(h);
}

function ensureHashIndex(d: PyDict): Map<Hash, number | number[]> {
  let m = d.hashIndex;
  if (m !== null) return m;
  m = new Map();
  const keys = d.ekeys;
  for (let i = 0; i < keys.length; i++) if (keys[i] !== null) indexAdd(m, entryHash(d, i), i);
  d.hashIndex = m;
  return m;
}

/** Are two keys equal the way lookdict decides (identity, then same hash and __eq__)? */
function keysEqual(d: PyDict, stored: PyObject, key: PyObject): boolean {
  if (stored === key) return true;
  const st = stored.type;
  if (st === key.type) {
    if (st === StrType) return (stored as PyStr).value === (key as PyStr).value;
    // exact ints compare by value without a call
    if (st === LongType) return (stored as PyLong).value === (key as PyLong).value;
  }
  const v = d.version;
  incref(stored);
  let eq: boolean;
  try {
    eq = richCompareBool(stored, key, Py_EQ);
  } finally {
    decref(stored);
  }
  if (d.version !== v) throw RESTART;
  return eq;
}

/** Thrown internally when __eq__ mutated the dict during a lookup (lookdict restarts). */
const RESTART = { restart: true };

/** The entry index of `key` (hash `h`), or -1. May run __eq__. */
function lookupIndex(d: PyDict, key: PyObject, h: Hash | null): number {
  for (;;) {
    try {
      return lookupOnce(d, key, h);
    } catch (e) {
      if (e !== RESTART) throw e;
    }
  }
}

/** Dicts with at most this many entries find str keys by scanning. */
const SMALL_STR_SCAN = 8;

function buildStrIndex(d: PyDict): Map<string, number> {
  const m = new Map<string, number>();
  const keys = d.ekeys;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (k !== null && isExactStr(k)) m.set(k.value, i);
  }
  d.strIndex = m;
  return m;
}

/** The entry index of exact-str key `key`, or undefined. */
function strGet(d: PyDict, key: string): number | undefined {
  const m = d.strIndex;
  if (m !== null) return m.get(key);
  const keys = d.ekeys;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (k !== null && (k as PyStr).value === key && isExactStr(k)) return i;
  }
  return undefined;
}

function strSet(d: PyDict, key: string, ix: number): void {
  const m = d.strIndex;
  if (m !== null) m.set(key, ix);
  else if (d.ekeys.length > SMALL_STR_SCAN) buildStrIndex(d);
}

function lookupOnce(d: PyDict, key: PyObject, h: Hash | null): number {
  if (isExactStr(key)) {
    const ix = strGet(d, key.value);
    if (ix !== undefined) return ix;
    if (d.nonStr === 0) return -1;
  } else if (d.nonStr === 0 && d.used === 0) {
    return -1;
  }
  const m = ensureHashIndex(d);
  const cur = m.get(h ?? hash(key));
  if (cur === undefined) return -1;
  if (typeof cur === 'number') return keysEqual(d, d.ekeys[cur]!, key) ? cur : -1;
  const list = cur.slice();
  for (let i = 0; i < list.length; i++) {
    const ix = list[i];
    const k = d.ekeys[ix];
    if (k !== null && keysEqual(d, k, key)) return ix;
  }
  return -1;
}

/** PyDict_GetItemWithError: borrowed value or null; raises for unhashable keys or from __eq__. */
export function dictGetItem(d: PyDict, key: PyObject): PyObject | null {
  if (isExactStr(key)) {
    const ix = strGet(d, key.value);
    if (ix !== undefined) return d.evalues[ix];
    if (d.nonStr === 0) return null;
  }
  const ix = lookupIndex(d, key, hash(key));
  return ix < 0 ? null : d.evalues[ix];
}

/** The entry index of exact-str key `key`, or -1 (for the eval loop's LOAD_GLOBAL cache). */
export function dictIndexOfStr(d: PyDict, key: string): number {
  const ix = strGet(d, key);
  return ix === undefined ? -1 : ix;
}

/** Lookup by a JS string (globals, builtins, attributes): borrowed value or null. */
export function dictGetItemStr(d: PyDict, key: string): PyObject | null {
  const ix = strGet(d, key);
  if (ix !== undefined) return d.evalues[ix];
  if (d.nonStr === 0) return null;
  const k = newStr(key);
  try {
    return dictGetItem(d, k);
  } finally {
    decref(k);
  }
}

// ===================================================================== insertion

/** MAINTAIN_TRACKING: a dict is tracked once it holds something that could be in a cycle. */
function maintainTracking(d: PyDict, key: PyObject, value: PyObject): void {
  if (!d.gcTracked && (mayBeTracked(key) || mayBeTracked(value))) gcTrack(d);
}

/** dictresize: a new table of 2**log2 slots, live entries compacted in order. */
export function dictResize(d: PyDict, log2: number, unicode: boolean): void {
  if (!d.unicode) unicode = false;
  const oldAddr = d.keysAddr, oldLog = d.log2, oldUnicode = d.unicode;
  setNewKeys(d, log2, unicode);
  if (d.ekeys.length !== d.used) {
    const k2: (PyObject | null)[] = [], v2: (PyObject | null)[] = [], h2: (Hash | null)[] = [];
    const keys = d.ekeys, vals = d.evalues, hs = d.ehashes;
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] !== null) {
        k2.push(keys[i]);
        v2.push(vals[i]);
        h2.push(hs[i]);
      }
    }
    d.ekeys = k2;
    d.evalues = v2;
    d.writes++;
    d.ehashes = h2;
    rebuildIndexes(d);
  }
  d.usable -= d.used;
  if (d.split !== null) dropSplit(d);
  else if (oldLog !== 0) freeKeys(oldAddr, oldLog, oldUnicode);
}

function rebuildIndexes(d: PyDict): void {
  d.strIndex = null;
  if (d.ekeys.length > SMALL_STR_SCAN) buildStrIndex(d);
  d.hashIndex = null;
  if (d.nonStr > 0) ensureHashIndex(d);
}

/** GROWTH_RATE(d) = used*3 */
function insertionResize(d: PyDict, unicode: boolean): void {
  dictResize(d, log2Keysize(d.used * 3), unicode);
}

/**
 * insertdict / insert_to_emptydict: STEALS `key` and `value`. An existing
 * equal key keeps its identity and the new key reference is dropped.
 */
export function insertDict(d: PyDict, key: PyObject, h: Hash | null, value: PyObject): void {
  if (d.split !== null) {
    insertSplit(d, key, h, value);
    return;
  }
  if (d.log2 === 0) {
    // insert_to_emptydict
    setNewKeys(d, LOG_MINSIZE, isExactStr(key));
    maintainTracking(d, key, value);
    appendEntry(d, key, h, value);
    return;
  }
  maintainTracking(d, key, value);
  let ix: number;
  try {
    if (isExactStr(key)) {
      const f = strGet(d, key.value);
      ix = f !== undefined ? f : d.nonStr === 0 ? -1 : lookupIndex(d, key, h);
    } else {
      ix = lookupIndex(d, key, h ?? (h = hash(key)));
    }
  } catch (e) {
    decref(key);
    decref(value);
    throw e;
  }
  if (ix >= 0) {
    const old = d.evalues[ix]!;
    d.evalues[ix] = value;
    d.writes++;
    decref(old);
    decref(key);
    return;
  }
  if (d.unicode && !isExactStr(key)) insertionResize(d, false);
  if (d.usable <= 0) insertionResize(d, true);
  appendEntry(d, key, h, value);
}

/**
 * insertdict on a split table: a key the shared keys already have (or can
 * still take) keeps the table split; otherwise (no room, or a key that is not
 * an exact str) the dict gets a combined table of its own first.
 */
function insertSplit(d: PyDict, key: PyObject, h: Hash | null, value: PyObject): void {
  if (!isExactStr(key)) {
    insertionResize(d, false);
    insertDict(d, key, h, value);
    return;
  }
  maintainTracking(d, key, value);
  const ix = strGet(d, key.value);
  if (ix !== undefined) {
    const old = d.evalues[ix]!;
    d.evalues[ix] = value;
    d.writes++;
    decref(old);
    decref(key);
    return;
  }
  if (insertIntoSharedKeys(d.split!, key) < 0) insertionResize(d, true);
  appendEntry(d, key, h, value);
}

function appendEntry(d: PyDict, key: PyObject, h: Hash | null, value: PyObject): void {
  const ix = d.ekeys.length;
  d.ekeys.push(key);
  d.evalues.push(value);
  d.writes++;
  if (isExactStr(key)) {
    strSet(d, key.value, ix);
    d.ehashes.push(h);
    if (d.hashIndex !== null) indexAdd(d.hashIndex, entryHash(d, ix), ix);
  } else {
    d.nonStr++;
    if (h === null) h = hash(key);
    d.ehashes.push(h);
    if (d.hashIndex === null) ensureHashIndex(d);
    else indexAdd(d.hashIndex, h, ix);
  }
  d.usable--;
  d.used++;
  d.version++;
}

/** PyDict_SetItem: increfs both. */
export function dictSetItem(d: PyDict, key: PyObject, value: PyObject): void {
  let h: Hash | null = null;
  if (!isExactStr(key)) h = hash(key);
  incref(key);
  incref(value);
  insertDict(d, key, h, value);
}

/** Replaces the value of live entry `ix` (insertdict's path for a key already present): increfs `value`. */
export function dictReplaceValueAt(d: PyDict, ix: number, value: PyObject): void {
  maintainTracking(d, d.ekeys[ix]!, value);
  const old = d.evalues[ix]!;
  incref(value);
  d.evalues[ix] = value;
  d.writes++;
  decref(old);
}

/** PyDict_SetItemString: the key becomes an interned str. */
export function dictSetItemStr(d: PyDict, key: string, value: PyObject): void {
  const ix = strGet(d, key);
  if (ix !== undefined) {
    dictReplaceValueAt(d, ix, value);
    return;
  }
  const k = internStr(key);
  incref(value);
  insertDict(d, k, null, value);
}

// ===================================================================== deletion

/** delitem_common: the entry becomes a hole; key then value are released. */
function deleteEntry(d: PyDict, ix: number): void {
  const k = d.ekeys[ix]!, v = d.evalues[ix]!;
  if (isExactStr(k) && d.strIndex !== null) d.strIndex.delete(k.value);
  else d.nonStr--;
  if (d.hashIndex !== null) indexRemove(d.hashIndex, entryHash(d, ix), ix);
  d.ekeys[ix] = null;
  d.evalues[ix] = null;
  d.writes++;
  d.used--;
  d.version++;
  decref(k);
  decref(v);
}

function keyError(key: PyObject): never {
  const e = newExceptionWithArgs(Exc.KeyError, newTuple([newref(key)]));
  throw new PyRaise(e);
}

/** PyDict_DelItem without the KeyError: returns false when the key is missing. */
export function dictDelItem(d: PyDict, key: PyObject): boolean {
  const ix = isExactStr(key) && d.nonStr === 0 ? (strGet(d, key.value) ?? -1) : lookupIndex(d, key, isExactStr(key) ? null : hash(key));
  if (ix < 0) return false;
  deleteEntry(d, ix);
  return true;
}

export function dictDelItemStr(d: PyDict, key: string): boolean {
  const ix = strGet(d, key);
  if (ix !== undefined) {
    deleteEntry(d, ix);
    return true;
  }
  if (d.nonStr === 0) return false;
  const k = newStr(key);
  try {
    return dictDelItem(d, k);
  } finally {
    decref(k);
  }
}

/** PyDict_Clear: back to Py_EMPTY_KEYS, then release entries in order. */
export function dictClear(d: PyDict): void {
  if (d.log2 === 0) return;
  d.version++;
  releaseTable(d);
}

/**
 * Takes the table out of `d`, leaving it empty (Py_EMPTY_KEYS), and only then
 * releases what it held — a `__del__` run by the release sees an empty dict —
 * in CPython's order for the layout: a split table's values in shared-key
 * order, its values array and its shared keys; a combined table's entries
 * first to last, then its keys object. Shared by dict.clear() and dealloc.
 */
function releaseTable(d: PyDict): void {
  const split = d.split;
  const order = split !== null ? splitKeyOrder(d) : null;
  const keys = d.ekeys, vals = d.evalues;
  const addr = d.keysAddr, log2 = d.log2, unicode = d.unicode, vaddr = d.valuesAddr;
  d.ekeys = [];
  d.evalues = [];
  d.writes++;
  d.ehashes = [];
  d.strIndex = null;
  d.hashIndex = null;
  d.nonStr = 0;
  d.used = 0;
  d.usable = 0;
  d.log2 = 0;
  d.keysAddr = 0;
  d.unicode = true;
  d.split = null;
  d.valuesAddr = 0;
  if (split !== null) {
    releaseSplitEntries(keys, vals, order!);
    heap.freeBuffer(vaddr);
    releaseSharedKeys(split);
  } else if (log2 !== 0) {
    releaseEntries(keys, vals);
    freeKeys(addr, log2, unicode);
  }
}

/** A split table's values in shared-key order (`order`), then its keys' references. */
function releaseSplitEntries(keys: (PyObject | null)[], vals: (PyObject | null)[], order: number[]): void {
  for (let i = 0; i < order.length; i++) xdecref(vals[order[i]]);
  for (let i = 0; i < keys.length; i++) xdecref(keys[i]);
}

/** free_keys_object: key then value of each entry, first to last. */
function releaseEntries(keys: (PyObject | null)[], vals: (PyObject | null)[]): void {
  for (let i = 0; i < keys.length; i++) {
    xdecref(keys[i]);
    xdecref(vals[i]);
  }
}

// ===================================================================== accessors

export function dictLength(d: PyDict): number {
  return d.used;
}

/** Borrowed keys in insertion order. */
export function dictKeys(d: PyDict): PyObject[] {
  const out: PyObject[] = [];
  const keys = d.ekeys;
  for (let i = 0; i < keys.length; i++) if (keys[i] !== null) out.push(keys[i]!);
  return out;
}

/** Borrowed values in insertion order. */
export function dictValues(d: PyDict): PyObject[] {
  const out: PyObject[] = [];
  const keys = d.ekeys;
  for (let i = 0; i < keys.length; i++) if (keys[i] !== null) out.push(d.evalues[i]!);
  return out;
}

/** Borrowed [key, value] pairs in insertion order. */
export function dictItems(d: PyDict): [PyObject, PyObject][] {
  const out: [PyObject, PyObject][] = [];
  const keys = d.ekeys;
  for (let i = 0; i < keys.length; i++) if (keys[i] !== null) out.push([keys[i]!, d.evalues[i]!]);
  return out;
}

/**
 * PyDict_Next: the entry at or after `pos` as [nextPos, key, value]
 * (borrowed), or null at the end.
 */
export function dictNext(d: PyDict, pos: number): [number, PyObject, PyObject] | null {
  const keys = d.ekeys;
  for (let i = pos; i < keys.length; i++) {
    const k = keys[i];
    if (k !== null) return [i + 1, k, d.evalues[i]!];
  }
  return null;
}

/** The next live entry index at or after `pos`, or -1 (allocation-free form of dictNext). */
export function dictNextIndex(d: PyDict, pos: number): number {
  const keys = d.ekeys;
  for (let i = pos; i < keys.length; i++) if (keys[i] !== null) return i;
  return -1;
}

// ===================================================================== merge, copy

/** clone_combined_dict_keys: same geometry, same holes, new references. */
function cloneKeysInto(dst: PyDict, src: PyDict): void {
  dst.keysAddr = heap.mallocBuffer(keysBytes(src.log2, src.unicode));
  dst.log2 = src.log2;
  dst.unicode = src.unicode;
  dst.usable = src.usable;
  dst.ekeys = src.ekeys.slice();
  dst.evalues = src.evalues.slice();
  dst.writes++;
  dst.ehashes = src.ehashes.slice();
  dst.strIndex = src.strIndex === null ? null : new Map(src.strIndex);
  dst.nonStr = src.nonStr;
  dst.hashIndex = null;
  if (src.hashIndex !== null) {
    const m = new Map<Hash, number | number[]>();
    for (const [h, v] of src.hashIndex) m.set(h, typeof v === 'number' ? v : v.slice());
    dst.hashIndex = m;
  }
  dst.used = src.used;
  for (let i = 0; i < dst.ekeys.length; i++) {
    const k = dst.ekeys[i];
    if (k !== null) {
      incref(k);
      incref(dst.evalues[i]!);
    }
  }
  dst.version++;
}

/**
 * dict_merge / PyDict_Merge: `override` 1 replaces, 0 keeps existing values,
 * 2 raises KeyError on a duplicate (for `f(**a, **b)`).
 */
export function dictMerge(a: PyDict, b: PyObject, override: 0 | 1 | 2): void {
  if (b instanceof PyDict && b.type.tp_iter === DictType.tp_iter) {
    if (b === a || b.used === 0) return;
    if (a.used === 0) {
      override = 1;
      if (b.split === null && b.used === b.ekeys.length && (b.log2 === LOG_MINSIZE || usableFraction(2 ** b.log2 / 2) < b.used)) {
        const oldAddr = a.keysAddr, oldLog = a.log2, oldUni = a.unicode;
        const wasSplit = a.split !== null;
        cloneKeysInto(a, b);
        if (wasSplit) dropSplit(a);
        else if (oldLog !== 0) freeKeys(oldAddr, oldLog, oldUni);
        if (b.gcTracked && !a.gcTracked) gcTrack(a);
        return;
      }
    }
    if ((a.log2 === 0 ? 0 : usableFraction(2 ** a.log2)) < b.used) {
      dictResize(a, estimateLog2(a.used + b.used), b.unicode);
    }
    const n0 = b.ekeys.length, used0 = b.used;
    for (let i = 0; i < b.ekeys.length; i++) {
      const k = b.ekeys[i];
      if (k === null) continue;
      const v = b.evalues[i]!;
      const h = isExactStr(k) ? null : entryHash(b, i);
      incref(k);
      incref(v);
      if (override === 1) {
        insertDict(a, k, h, v);
      } else {
        let present: boolean;
        try {
          present = lookupIndex(a, k, h) >= 0;
        } catch (e) {
          decref(k);
          decref(v);
          throw e;
        }
        if (!present) insertDict(a, k, h, v);
        else {
          decref(k);
          decref(v);
          if (override === 2) keyError(k);
        }
      }
      if (b.ekeys.length !== n0 || b.used !== used0) raise(Exc.RuntimeError, 'dict mutated during update');
    }
    return;
  }
  // a generic mapping: keys() then b[key]
  const keysObj = callMethod(b, 'keys');
  let keys: PyObject[];
  try {
    keys = iterableToArray(keysObj);
  } finally {
    decref(keysObj);
  }
  try {
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (override !== 1 && dictGetItem(a, k) !== null) {
        if (override === 2) keyError(k);
        continue;
      }
      const v = getItem(b, k);
      try {
        dictSetItem(a, k, v);
      } finally {
        decref(v);
      }
    }
  } finally {
    for (const k of keys) decref(k);
  }
}

/** PyDict_MergeFromSeq2: an iterable of key/value pairs. */
export function dictMergeFromSeq2(d: PyDict, seq: PyObject, override: boolean): void {
  const it = getIter(seq);
  try {
    let i = 0;
    for (let item = iterNext(it); item !== null; item = iterNext(it), i++) {
      try {
        let pair: PyObject[];
        let owned: PyObject[] | null = null;
        if (item instanceof PyTuple) pair = item.items;
        else if (item.type.tp_iter === null && item.type.mp_subscript === null) {
          raise(Exc.TypeError, `cannot convert dictionary update sequence element #${i} to a sequence`);
        } else {
          owned = iterableToArray(item);
          pair = owned;
        }
        try {
          if (pair.length !== 2) {
            raise(Exc.ValueError, `dictionary update sequence element #${i} has length ${pair.length}; 2 is required`);
          }
          if (override || dictGetItem(d, pair[0]) === null) dictSetItem(d, pair[0], pair[1]);
        } finally {
          if (owned) for (const x of owned) decref(x);
        }
      } finally {
        decref(item);
      }
    }
  } finally {
    decref(it);
  }
}

/** dict_update_arg: a dict, something with keys(), or pairs. */
function dictUpdateArg(d: PyDict, arg: PyObject): void {
  if (arg instanceof PyDict) {
    dictMerge(d, arg, 1);
    return;
  }
  const keys = lookupAttr(arg, 'keys');
  if (keys !== null) {
    decref(keys);
    dictMerge(d, arg, 1);
    return;
  }
  dictMergeFromSeq2(d, arg, true);
}

/** PyDict_Copy */
export function dictCopy(d: PyDict): PyDict {
  if (d.used === 0) return newDict();
  if (d.split !== null) return copySplit(d);
  if (d.type.tp_iter === DictType.tp_iter && d.used >= Math.floor((d.ekeys.length * 2) / 3)) {
    const c = allocDict();
    cloneKeysInto(c, d);
    if (d.gcTracked) gcTrack(c);
    return c;
  }
  const c = newDict();
  try {
    dictMerge(c, d, 1);
  } catch (e) {
    decref(c);
    throw e;
  }
  return c;
}

/** PyDict_Copy of a split table: a new split dict (not from the free list) sharing the keys. */
function copySplit(d: PyDict): PyDict {
  const keys = d.split!;
  const vaddr = heap.mallocBuffer(valuesBytes(sharedKeysUsableSize(keys)));
  const c = new PyDict(DictType);
  gcAlloc(c, DICT_BASICSIZE);
  keys.refs++;
  c.split = keys;
  c.valuesAddr = vaddr;
  c.log2 = LOG2_SHARED_KEYS;
  c.unicode = true;
  for (let i = 0; i < d.ekeys.length; i++) {
    const k = d.ekeys[i];
    if (k === null) continue;
    const v = d.evalues[i]!;
    incref(k);
    incref(v);
    c.ekeys.push(k);
    c.evalues.push(v);
    c.writes++;
    c.ehashes.push(null);
    c.used++;
  }
  if (c.ekeys.length > SMALL_STR_SCAN) buildStrIndex(c);
  if (d.gcTracked) gcTrack(c);
  return c;
}

// ===================================================================== GC and lifetime

function dictDealloc(o: PyObject): void {
  const d = o as PyDict;
  gcUntrack(d);
  releaseTable(d);
  if (d.type === DictType && d.ptr !== 0 && dictFree().push(d)) return;
  gcFree(d);
}

function dictTraverse(o: PyObject, visit: Visit): void {
  const d = o as PyDict;
  const keys = d.ekeys, vals = d.evalues;
  if (d.split !== null) {
    // dict_traverse walks ma_values in shared-key order
    const order = splitKeyOrder(d);
    for (let i = 0; i < order.length; i++) visit(vals[order[i]]!);
    return;
  }
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (k === null) continue;
    visit(vals[i]!);
    if (!d.unicode) visit(k);
  }
}

/** _PyDict_MaybeUntrack: untrack a dict whose keys and values can never be in a cycle. */
export function dictMaybeUntrack(o: PyObject): void {
  if (o.type !== DictType || !o.gcTracked) return;
  const d = o as PyDict;
  const keys = d.ekeys, vals = d.evalues;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (k === null) continue;
    if (mayBeTracked(vals[i]!)) return;
    if (!d.unicode && mayBeTracked(k)) return;
  }
  gcUntrack(d);
}

/** _PyDict_SizeOf */
function dictSizeof(o: PyObject): number {
  const d = o as PyDict;
  const k = d.split;
  if (k !== null) {
    // the values array; the keys are counted in the class's size while it shares them
    return d.type.basicsize + sharedKeysUsableSize(k) * 8 + (k.refs === 1 ? keysBytes(LOG2_SHARED_KEYS, true) : 0);
  }
  return d.type.basicsize + (d.log2 === 0 ? 0 : keysBytes(d.log2, d.unicode));
}

// ===================================================================== slots

function dictRepr(o: PyObject): PyObject {
  const d = o as PyDict;
  if (d.used === 0) return newStr('{}');
  if (reprEnter(d)) return newStr('{...}');
  try {
    const parts: string[] = [];
    for (let i = 0; i < d.ekeys.length; i++) {
      const k = d.ekeys[i];
      if (k === null) continue;
      const v = d.evalues[i]!;
      incref(k);
      incref(v);
      try {
        const kr = repr(k);
        const ks = kr.value;
        decref(kr);
        const vr = repr(v);
        parts.push(`${ks}: ${vr.value}`);
        decref(vr);
      } finally {
        decref(k);
        decref(v);
      }
    }
    return newStr('{' + parts.join(', ') + '}');
  } finally {
    reprLeave(d);
  }
}

function dictEqual(a: PyDict, b: PyDict): boolean {
  if (a.used !== b.used) return false;
  for (let i = 0; i < a.ekeys.length; i++) {
    const k = a.ekeys[i];
    if (k === null) continue;
    const av = a.evalues[i]!;
    incref(k);
    incref(av);
    try {
      const ix = lookupIndex(b, k, isExactStr(k) ? null : entryHash(a, i));
      if (ix < 0) return false;
      const bv = b.evalues[ix]!;
      incref(bv);
      try {
        if (!richCompareBool(av, bv, Py_EQ)) return false;
      } finally {
        decref(bv);
      }
    } finally {
      decref(k);
      decref(av);
    }
  }
  return true;
}

function dictRichCompare(v: PyObject, w: PyObject, op: number): PyObject {
  if (!(v instanceof PyDict) || !(w instanceof PyDict) || (op !== Py_EQ && op !== Py_NE)) return NotImplemented;
  const eq = dictEqual(v, w);
  return newBool(op === Py_EQ ? eq : !eq);
}

/** dict_subscript: d[key], with __missing__ for subclasses. */
function dictSubscript(o: PyObject, key: PyObject): PyObject {
  const d = o as PyDict;
  const v = dictGetItem(d, key);
  if (v !== null) return newref(v);
  if (d.type !== DictType) {
    const missing = lookupAttr(d.type, '__missing__');
    if (missing !== null) {
      try {
        return call(missing, [d, key]);
      } finally {
        decref(missing);
      }
    }
  }
  keyError(key);
}

function dictAssSubscript(o: PyObject, key: PyObject, value: PyObject | null): void {
  const d = o as PyDict;
  if (value === null) {
    if (!dictDelItem(d, key)) keyError(key);
  } else dictSetItem(d, key, value);
}

function dictContains(o: PyObject, key: PyObject): boolean {
  return dictGetItem(o as PyDict, key) !== null;
}

function dictOr(a: PyObject, b: PyObject): PyObject {
  if (!(a instanceof PyDict) || !(b instanceof PyDict)) return NotImplemented;
  const c = dictCopy(a);
  try {
    dictUpdateArg(c, b);
  } catch (e) {
    decref(c);
    throw e;
  }
  return c;
}

function dictIor(a: PyObject, b: PyObject): PyObject {
  dictUpdateArg(a as PyDict, b);
  return newref(a);
}

// ---------------------------------------------------------------- constructor

/** dict_new: `dict()` is allocated by tp_alloc (not the free list) and untracked. */
export function dictNew(type: PyTypeObject, _args: PyObject[], _kwnames: string[] | null): PyObject {
  const d = new PyDict(type);
  gcAlloc(d, type.basicsize);
  if (type !== DictType) gcTrack(d);
  return d;
}

/** dict_init: dict(mapping_or_pairs, **kwargs) */
function dictInit(self: PyObject, args: PyObject[], kwnames: string[] | null): void {
  const nkw = kwnames ? kwnames.length : 0;
  const npos = args.length - nkw;
  if (npos > 1) raise(Exc.TypeError, `dict expected at most 1 argument, got ${npos}`);
  const d = self as PyDict;
  if (npos === 1) dictUpdateArg(d, args[0]);
  for (let i = 0; i < nkw; i++) {
    const k = newStr(kwnames![i]);
    try {
      dictSetItem(d, k, args[npos + i]);
    } finally {
      decref(k);
    }
  }
}

// ---------------------------------------------------------------- methods

function mGet(self: PyObject, args: PyObject[], kwnames: string[] | null): PyObject {
  noKeywords('get', kwnames);
  checkArity('get', args, 1, 2);
  const v = dictGetItem(self as PyDict, args[0]);
  return newref(v ?? (args.length > 1 ? args[1] : PyNone));
}

/** PyDict_SetDefault */
export function dictSetDefault(d: PyDict, key: PyObject, dflt: PyObject): PyObject {
  const v = dictGetItem(d, key);
  if (v !== null) return v;
  dictSetItem(d, key, dflt);
  return dflt;
}

function mSetdefault(self: PyObject, args: PyObject[], kwnames: string[] | null): PyObject {
  noKeywords('setdefault', kwnames);
  checkArity('setdefault', args, 1, 2);
  return newref(dictSetDefault(self as PyDict, args[0], args.length > 1 ? args[1] : PyNone));
}

/** _PyDict_Pop: the removed value (new reference), `dflt` (new ref) or KeyError. */
export function dictPop(d: PyDict, key: PyObject, dflt: PyObject | null): PyObject {
  if (d.used === 0) {
    if (dflt !== null) return newref(dflt);
    keyError(key);
  }
  const ix = lookupIndex(d, key, isExactStr(key) ? null : hash(key));
  if (ix < 0) {
    if (dflt !== null) return newref(dflt);
    keyError(key);
  }
  const v = d.evalues[ix]!;
  incref(v);
  deleteEntry(d, ix);
  return v;
}

function mPop(self: PyObject, args: PyObject[], kwnames: string[] | null): PyObject {
  noKeywords('pop', kwnames);
  checkArity('pop', args, 1, 2);
  return dictPop(self as PyDict, args[0], args.length > 1 ? args[1] : null);
}

function mUpdate(self: PyObject, args: PyObject[], kwnames: string[] | null): PyObject {
  const nkw = kwnames ? kwnames.length : 0;
  const npos = args.length - nkw;
  if (npos > 1) raise(Exc.TypeError, `update expected at most 1 argument, got ${npos}`);
  dictInit(self, args, kwnames);
  return newref(PyNone);
}

function mClear(self: PyObject, args: PyObject[], kwnames: string[] | null): PyObject {
  noKeywords('clear', kwnames);
  checkArity('clear', args, 0, 0);
  dictClear(self as PyDict);
  return newref(PyNone);
}

function mCopy(self: PyObject, args: PyObject[], kwnames: string[] | null): PyObject {
  noKeywords('copy', kwnames);
  checkArity('copy', args, 0, 0);
  return dictCopy(self as PyDict);
}

function mSizeof(self: PyObject): PyObject {
  return newInt(dictSizeof(self));
}

function mContains(self: PyObject, args: PyObject[]): PyObject {
  checkArity('__contains__', args, 1, 1);
  return newBool(dictContains(self, args[0]));
}

function mGetitem(self: PyObject, args: PyObject[]): PyObject {
  checkArity('__getitem__', args, 1, 1);
  return dictSubscript(self, args[0]);
}

// ===================================================================== views and iterators

const enum Kind {
  Keys = 0,
  Values = 1,
  Items = 2,
}

export class PyDictView extends PyObject {
  constructor(type: PyTypeObject, public dictObj: PyDict | null) {
    super(type);
  }
}

const VIEW_FLAGS = TPFLAGS_HAVE_GC;
export const DictKeysType = builtinType('dict_keys', 24, VIEW_FLAGS);
export const DictValuesType = builtinType('dict_values', 24, VIEW_FLAGS);
export const DictItemsType = builtinType('dict_items', 24, VIEW_FLAGS);
const viewTypes = [DictKeysType, DictValuesType, DictItemsType];

function newView(d: PyDict, kind: Kind): PyDictView {
  const v = new PyDictView(viewTypes[kind], d);
  incref(d);
  gcAlloc(v, 24);
  gcTrack(v);
  return v;
}

export class PyDictIter extends PyObject {
  /** di_result: the reusable (key, value) tuple of an items iterator */
  result: PyTuple | null = null;
  constructor(type: PyTypeObject, public dictObj: PyDict | null, public pos: number, public usedAtStart: number,
    public len: number, public kind: Kind, public reverse: boolean) {
    super(type);
  }
}

/** dictiterobject: header + di_dict, di_used, di_pos, di_result, len */
const ITER_SIZE = 56;
export const DictKeyIterType = builtinType('dict_keyiterator', ITER_SIZE, TPFLAGS_HAVE_GC);
export const DictValueIterType = builtinType('dict_valueiterator', ITER_SIZE, TPFLAGS_HAVE_GC);
export const DictItemIterType = builtinType('dict_itemiterator', ITER_SIZE, TPFLAGS_HAVE_GC);
export const DictRevKeyIterType = builtinType('dict_reversekeyiterator', ITER_SIZE, TPFLAGS_HAVE_GC);
export const DictRevValueIterType = builtinType('dict_reversevalueiterator', ITER_SIZE, TPFLAGS_HAVE_GC);
export const DictRevItemIterType = builtinType('dict_reverseitemiterator', ITER_SIZE, TPFLAGS_HAVE_GC);
const iterTypes = [DictKeyIterType, DictValueIterType, DictItemIterType];
const revIterTypes = [DictRevKeyIterType, DictRevValueIterType, DictRevItemIterType];

/** dictiter_new: items iterators pre-allocate their result tuple (None, None). */
export function newDictIter(d: PyDict, kind: Kind, reverse = false): PyDictIter {
  const it = new PyDictIter((reverse ? revIterTypes : iterTypes)[kind], d, reverse ? d.ekeys.length - 1 : 0,
    d.used, d.used, kind, reverse);
  incref(d);
  gcAlloc(it, ITER_SIZE);
  if (kind === Kind.Items) it.result = newTuple([newref(PyNone), newref(PyNone)]);
  gcTrack(it);
  return it;
}

function dictIterNext(o: PyObject): PyObject | null {
  const it = o as PyDictIter;
  const d = it.dictObj;
  if (d === null) return null;
  if (it.usedAtStart !== d.used) {
    it.usedAtStart = -1;
    raise(Exc.RuntimeError, 'dictionary changed size during iteration');
  }
  const keys = d.ekeys;
  let i = it.pos;
  if (it.reverse) {
    while (i >= 0 && keys[i] === null) i--;
    if (i < 0 || i >= keys.length) return exhaust(it);
    it.pos = i - 1;
  } else {
    const n = keys.length;
    while (i < n && keys[i] === null) i++;
    if (i >= n) return exhaust(it);
    if (it.len === 0) {
      exhaust(it);
      raise(Exc.RuntimeError, 'dictionary keys changed during iteration');
    }
    it.pos = i + 1;
  }
  it.len--;
  const k = keys[i]!;
  if (it.kind === Kind.Keys) return newref(k);
  const v = d.evalues[i]!;
  if (it.kind === Kind.Values) return newref(v);
  const r = it.result;
  if (r !== null && r.refcnt === 1) {
    // reuse the result tuple when nobody else holds it (dictiter_iternextitem)
    const ok = r.items[0], ov = r.items[1];
    incref(k);
    incref(v);
    r.items[0] = k;
    r.items[1] = v;
    incref(r);
    decref(ok);
    decref(ov);
    if (!r.gcTracked) gcTrack(r);
    return r;
  }
  return newTuple([newref(k), newref(v)]);
}

function exhaust(it: PyDictIter): null {
  const d = it.dictObj;
  it.dictObj = null;
  if (d) decref(d);
  return null;
}

function dictIterDealloc(o: PyObject): void {
  const it = o as PyDictIter;
  gcUntrack(it);
  const d = it.dictObj, r = it.result;
  it.dictObj = null;
  it.result = null;
  if (d) decref(d);
  if (r) decref(r);
  gcFree(it);
}

for (const t of [...iterTypes, ...revIterTypes]) {
  t.tp_iter = (o) => newref(o);
  t.tp_iternext = dictIterNext;
  t.tp_dealloc = dictIterDealloc;
  t.tp_traverse = (o, visit) => {
    const it = o as PyDictIter;
    if (it.dictObj) visit(it.dictObj);
    if (it.result) visit(it.result);
  };
  t.methods.__length_hint__ = (self) => {
    const it = self as PyDictIter;
    return newInt(it.dictObj !== null && it.usedAtStart === it.dictObj.used ? it.len : 0);
  };
}

function viewDict(o: PyObject): PyDict {
  return (o as PyDictView).dictObj!;
}

/** Is `x` in this keys/items view? */
function viewContains(o: PyObject, x: PyObject): boolean {
  const d = viewDict(o);
  if (o.type === DictKeysType) return dictGetItem(d, x) !== null;
  if (o.type === DictItemsType) {
    if (!(x instanceof PyTuple) || x.items.length !== 2) return false;
    const v = dictGetItem(d, x.items[0]);
    if (v === null) return false;
    incref(v);
    try {
      return richCompareBool(v, x.items[1], Py_EQ);
    } finally {
      decref(v);
    }
  }
  // values view: sequence search
  const vals = dictValues(d);
  for (const v of vals) if (richCompareBool(v, x, Py_EQ)) return true;
  return false;
}

function viewRepr(o: PyObject): PyObject {
  const v = o as PyDictView;
  if (reprEnter(v)) return newStr('...');
  try {
    const lst = viewToList(v);
    try {
      const r = repr(lst);
      const s = `${v.type.name}(${r.value})`;
      decref(r);
      return newStr(s);
    } finally {
      decref(lst);
    }
  } finally {
    reprLeave(v);
  }
}

function viewToList(v: PyDictView): PyObject {
  const it = newDictIter(v.dictObj!, viewTypes.indexOf(v.type) as Kind);
  const items: PyObject[] = [];
  try {
    for (let x = dictIterNext(it); x !== null; x = dictIterNext(it)) items.push(x);
  } finally {
    decref(it);
  }
  return newList(items);
}

export function isSetLikeView(o: PyObject): boolean {
  return o.type === DictKeysType || o.type === DictItemsType;
}

function viewRichCompare(a: PyObject, b: PyObject, op: number): PyObject {
  if (!isSetLikeView(a)) return NotImplemented;
  if (!(isSetLikeView(b) || b instanceof PySet)) return NotImplemented;
  return setRichCompareViews(a, b, op, viewContains);
}

for (let k = 0; k < 3; k++) {
  const t = viewTypes[k];
  t.tp_dealloc = (o) => {
    const v = o as PyDictView;
    gcUntrack(v);
    const d = v.dictObj;
    v.dictObj = null;
    if (d) decref(d);
    gcFree(v);
  };
  t.tp_traverse = (o, visit) => {
    const d = (o as PyDictView).dictObj;
    if (d) visit(d);
  };
  t.mp_length = (o) => viewDict(o).used;
  t.tp_iter = (o) => newDictIter(viewDict(o), k as Kind);
  t.sq_contains = viewContains;
  t.tp_repr = viewRepr;
  t.methods.__reversed__ = (self) => newDictIter(viewDict(self), k as Kind, true);
  t.getsets.mapping = { get: (o) => newMappingProxy(viewDict(o)) };
  if (k !== Kind.Values) {
    t.tp_richcompare = viewRichCompare;
    // set operations on keys and items views: in the set operations part (setops.ts)
    t.nb[NB_SUBTRACT] = deferred(parts.sets, 'view.nb_subtract');
    t.nb[NB_AND] = deferred(parts.sets, 'view.nb_and');
    t.nb[NB_OR] = deferred(parts.sets, 'view.nb_or');
    t.nb[NB_XOR] = deferred(parts.sets, 'view.nb_xor');
    t.methods.isdisjoint = (self, args) => {
      checkArity('isdisjoint', args, 1, 1);
      const other = iterableToArray(args[0]);
      try {
        for (const x of other) if (viewContains(self, x)) return newBool(false);
        return newBool(true);
      } finally {
        for (const x of other) decref(x);
      }
    };
  }
}

/** view.mapping: a read-only proxy; types.MappingProxyType is the lead's (returns the dict if absent). */
let newMappingProxy: (d: PyDict) => PyObject = (d) => newref(d);
export function setMappingProxyFactory(f: (d: PyDict) => PyObject): void {
  newMappingProxy = f;
}

// ===================================================================== wiring

DictType.tp_dealloc = dictDealloc;
DictType.tp_traverse = dictTraverse;
DictType.tp_clear = (o) => dictClear(o as PyDict);
DictType.tp_repr = dictRepr;
DictType.tp_richcompare = dictRichCompare;
DictType.tp_iter = (o) => newDictIter(o as PyDict, Kind.Keys);
DictType.tp_new = dictNew;
DictType.tp_init = dictInit;
DictType.tp_sizeof = dictSizeof;
// dict.popitem and dict.fromkeys: an on-demand part (dictmethods.ts)
const dictMethods = deferredMethods<BuiltinMethod>(parts.dictmethods, ['popitem', 'fromkeys']);

DictType.mp_length = (o) => (o as PyDict).used;
DictType.mp_subscript = dictSubscript;
DictType.mp_ass_subscript = dictAssSubscript;
DictType.sq_contains = dictContains;
DictType.nb[NB_OR] = dictOr;
DictType.nb[NB_INPLACE_ADD + NB_OR] = dictIor;
DictType.methods.get = mGet;
DictType.methods.setdefault = mSetdefault;
DictType.methods.pop = mPop;
DictType.methods.popitem = dictMethods.popitem;
DictType.methods.update = mUpdate;
DictType.methods.clear = mClear;
DictType.methods.copy = mCopy;
DictType.methods.keys = (self) => newView(self as PyDict, Kind.Keys);
DictType.methods.values = (self) => newView(self as PyDict, Kind.Values);
DictType.methods.items = (self) => newView(self as PyDict, Kind.Items);
DictType.methods.__reversed__ = (self) => newDictIter(self as PyDict, Kind.Keys, true);
DictType.methods.__sizeof__ = mSizeof;
DictType.methods.__contains__ = mContains;
DictType.methods.__getitem__ = mGetitem;
DictType.classMethods.fromkeys = dictMethods.fromkeys;

