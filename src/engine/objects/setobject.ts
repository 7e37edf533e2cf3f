/**
 * Sets and frozensets. CPython counterpart: Objects/setobject.c (3.12).
 *
 * Unlike dicts, a set's iteration order IS its hash-table order, so the real
 * table is simulated: open addressing with LINEAR_PROBES = 9 and the
 * perturbed probe sequence, dummies on delete, the 8-slot small table inside
 * the object and the fill*5 >= mask*3 resize rule.
 */

import { PyObject, decref, incref, newref } from './object.js';
import {
  PyTypeObject, builtinType, Py_EQ, Py_NE, Py_LT, Py_LE, Py_GT, Py_GE,
  NB_AND, NB_OR, NB_SUBTRACT, NB_XOR, NB_INPLACE_ADD, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC, isSubtype, type Visit,
} from './typeobject.js';
import { gcAlloc, gcFree, gcTrack, gcUntrack } from '../gc/gcobject.js';
import { heap } from '../memory/heap.js';
import { normHash, type Hash } from './hash.js';
import { raise, PyRaise } from '../eval/errors.js';
import { Exc, newExceptionWithArgs } from './exceptions.js';
import {
  hash, repr, richCompareBool, getIter, iterNext, reprEnter, reprLeave, isExceptionOf, clearRaise,
} from './abstract.js';
import { newBool, PyTrue, PyFalse } from './boolobject.js';
import { newInt } from './longobject.js';
import { NotImplemented, PyNone } from './singletons.js';
import { PyStr, StrType, newStr } from './unicodeobject.js';
import { newTuple, splitHash, splitHashHi, splitHashLo } from './tupleobject.js';
import { checkArity, noKeywords } from './args.js';
import { PyDict, DictType, dictNextIndex, dictGetItem } from './dictobject.js';

const MINSIZE = 8;
const LINEAR_PROBES = 9;
/** PySetObject: header, fill, used, mask, table, hash, finger, smalltable[8], weakreflist */
const SET_BASICSIZE = 200;
/** sizeof(setentry) */
const ENTRY = 16;

/** The dummy key marking a deleted slot. */
const DUMMY = new PyObject(builtinType('<dummy key>', 16, 0));

export class PySet extends PyObject {
  /** number of active + dummy slots */
  fill = 0;
  /** number of active slots */
  used = 0;
  mask = MINSIZE - 1;
  /** the table: null = unused, DUMMY = deleted */
  keys: (PyObject | null)[] = new Array(MINSIZE).fill(null);
  hashes: Hash[] = new Array(MINSIZE).fill(0);
  /** address of a malloc'd table; 0 while the small table inside the object is used */
  tableAddr = 0;
  /** frozenset hash cache (-1 = not computed) */
  hashCache: Hash = -1;
  /** search finger for pop() */
  finger = 0;
  /** borrowed keys in iteration order */
  orderedKeys(): PyObject[] {
    return setKeys(this);
  }
}

export const SetType = builtinType('set', SET_BASICSIZE, TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC);
export const FrozenSetType = builtinType('frozenset', SET_BASICSIZE, TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC);

export function isAnySet(o: PyObject): o is PySet {
  return o instanceof PySet;
}

/** make_new_set without an iterable: a tracked empty set of `type`. */
function allocSet(type: PyTypeObject): PySet {
  const s = new PySet(type);
  gcAlloc(s, type.basicsize);
  gcTrack(s);
  return s;
}

/** PySet_New(NULL) */
export function newSet(): PySet {
  return allocSet(SetType);
}

/** make_new_set(type, iterable) */
export function makeNewSet(type: PyTypeObject, iterable: PyObject | null): PySet {
  const s = allocSet(type);
  if (iterable !== null) {
    try {
      setUpdateInternal(s, iterable);
    } catch (e) {
      decref(s);
      throw e;
    }
  }
  return s;
}

/** PyFrozenSet_New: a frozenset of the items of a JS array (borrowed). */
export function newFrozenSet(items: readonly PyObject[]): PySet {
  const s = allocSet(FrozenSetType);
  try {
    for (let i = 0; i < items.length; i++) setAdd(s, items[i]);
  } catch (e) {
    decref(s);
    throw e;
  }
  return s;
}

// ===================================================================== probing

/** Unsigned hash halves of the probe in progress (perturb lives in these). */
let pHi = 0, pLo = 0;

function startProbe(h: Hash): void {
  if (typeof h === 'number' && h >= 0 && h <= 0xffffffff) {
    pHi = 0;
    pLo = h;
  } else {
    splitHash(h);
    pHi = splitHashHi();
    pLo = splitHashLo();
  }
}

/** perturb >>= PERTURB_SHIFT; i = (i*5 + 1 + perturb) & mask */
function nextSlot(i: number, mask: number): number {
  pLo = ((pLo >>> 5) | (pHi << 27)) >>> 0;
  pHi >>>= 5;
  return (i * 5 + 1 + (pLo & mask)) & mask;
}

function isStrEq(a: PyObject, b: PyObject): boolean {
  return a.type === StrType && b.type === StrType && (a as PyStr).value === (b as PyStr).value;
}

/** Thrown when __eq__ mutated the table under us: the caller restarts. */
const RESTART = { restart: true };

/** Calls startkey == key, detecting table mutation like CPython's check. */
function compareStartkey(s: PySet, slot: number, startkey: PyObject, key: PyObject): boolean {
  const table = s.keys;
  incref(startkey);
  let cmp: boolean;
  try {
    cmp = richCompareBool(startkey, key, Py_EQ);
  } finally {
    decref(startkey);
  }
  if (table !== s.keys || s.keys[slot] !== startkey) throw RESTART;
  return cmp;
}

/** set_lookkey: the slot holding `key`, or -1. */
function lookKey(s: PySet, key: PyObject, h: Hash): number {
  for (;;) {
    try {
      return lookKeyOnce(s, key, h);
    } catch (e) {
      if (e !== RESTART) throw e;
    }
  }
}

function lookKeyOnce(s: PySet, key: PyObject, h: Hash): number {
  let mask = s.mask;
  startProbe(h);
  let i = pLo & mask;
  for (;;) {
    let j = i;
    let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
    do {
      const k = s.keys[j];
      if (k === null) return -1;
      if (k !== DUMMY && s.hashes[j] === h) {
        if (k === key || isStrEq(k, key)) return j;
        const saveHi = pHi, saveLo = pLo;
        if (compareStartkey(s, j, k, key)) return j;
        pHi = saveHi;
        pLo = saveLo;
        mask = s.mask;
      }
      j++;
    } while (probes-- > 0);
    i = nextSlot(i, mask);
  }
}

/** set_add_entry: STEALS nothing (increfs `key` when it is stored). */
function addEntry(s: PySet, key: PyObject, h: Hash): void {
  incref(key);
  for (;;) {
    try {
      addEntryOnce(s, key, h);
      return;
    } catch (e) {
      if (e !== RESTART) {
        decref(key);
        throw e;
      }
    }
  }
}

function addEntryOnce(s: PySet, key: PyObject, h: Hash): void {
  let mask = s.mask;
  startProbe(h);
  let i = pLo & mask;
  let freeslot = -1;
  for (;;) {
    let j = i;
    let probes = i + LINEAR_PROBES <= mask ? LINEAR_PROBES : 0;
    do {
      const k = s.keys[j];
      if (k === null) {
        if (freeslot >= 0) {
          s.used++;
          s.keys[freeslot] = key;
          s.hashes[freeslot] = h;
          return;
        }
        s.fill++;
        s.used++;
        s.keys[j] = key;
        s.hashes[j] = h;
        if (s.fill * 5 < mask * 3) return;
        tableResize(s, s.used > 50000 ? s.used * 2 : s.used * 4);
        return;
      }
      if (k === DUMMY) {
        if (freeslot < 0) freeslot = j;
      } else if (s.hashes[j] === h) {
        if (k === key || isStrEq(k, key)) {
          decref(key);
          return;
        }
        const saveHi = pHi, saveLo = pLo;
        if (compareStartkey(s, j, k, key)) {
          decref(key);
          return;
        }
        pHi = saveHi;
        pLo = saveLo;
        mask = s.mask;
      }
      j++;
    } while (probes-- > 0);
    i = nextSlot(i, mask);
  }
}

/** set_insert_clean: place a key known to be absent into a table without dummies. */
function insertClean(keys: (PyObject | null)[], hashes: Hash[], mask: number, key: PyObject, h: Hash): void {
  startProbe(h);
  let i = pLo & mask;
  for (;;) {
    if (keys[i] === null) {
      keys[i] = key;
      hashes[i] = h;
      return;
    }
    if (i + LINEAR_PROBES <= mask) {
      for (let j = 1; j <= LINEAR_PROBES; j++) {
        if (keys[i + j] === null) {
          keys[i + j] = key;
          hashes[i + j] = h;
          return;
        }
      }
    }
    i = nextSlot(i, mask);
  }
}

/** set_table_resize: the smallest power of two > minused (at least 8). */
function tableResize(s: PySet, minused: number): void {
  let newsize = MINSIZE;
  while (newsize <= minused) newsize *= 2;
  const oldKeys = s.keys, oldHashes = s.hashes, oldAddr = s.tableAddr;
  if (newsize === MINSIZE && oldAddr === 0 && s.fill === s.used) return;
  const keys: (PyObject | null)[] = new Array(newsize).fill(null);
  const hashes: Hash[] = new Array(newsize).fill(0);
  s.tableAddr = newsize === MINSIZE ? 0 : heap.mallocBuffer(newsize * ENTRY);
  s.keys = keys;
  s.hashes = hashes;
  s.mask = newsize - 1;
  s.fill = s.used;
  for (let i = 0; i < oldKeys.length; i++) {
    const k = oldKeys[i];
    if (k !== null && k !== DUMMY) insertClean(keys, hashes, newsize - 1, k, oldHashes[i]);
  }
  if (oldAddr !== 0) heap.freeBuffer(oldAddr);
}

// ===================================================================== public C-API-like helpers

/** PySet_Add: increfs the key when it is stored. */
export function setAdd(s: PySet, key: PyObject): void {
  addEntry(s, key, hash(key));
}

/** set_contains_key (without the set→frozenset retry) */
export function setContainsKey(s: PySet, key: PyObject): boolean {
  return lookKey(s, key, hash(key)) >= 0;
}

/** PySet_Contains: `key in s`, retrying an unhashable set key as a frozenset. */
export function setContains(s: PySet, key: PyObject): boolean {
  try {
    return setContainsKey(s, key);
  } catch (e) {
    if (isExceptionOf(e, Exc.TypeError) && key.type === SetType || (key instanceof PySet && isExceptionOf(e, Exc.TypeError) && isSubtype(key.type, SetType))) {
      clearRaise(e as PyRaise);
      const tmp = makeNewSet(FrozenSetType, key);
      try {
        return setContainsKey(s, tmp);
      } finally {
        decref(tmp);
      }
    }
    throw e;
  }
}

/** set_discard_entry: true if the key was there (it becomes a dummy). */
function discardEntry(s: PySet, key: PyObject, h: Hash): boolean {
  const j = lookKey(s, key, h);
  if (j < 0) return false;
  const old = s.keys[j]!;
  s.keys[j] = DUMMY;
  s.hashes[j] = -1;
  s.used--;
  decref(old);
  return true;
}

export function setDiscardKey(s: PySet, key: PyObject): boolean {
  return discardEntry(s, key, hash(key));
}

/** PySet_Discard, with the set→frozenset retry of set.discard/remove. */
export function setDiscard(s: PySet, key: PyObject): boolean {
  try {
    return setDiscardKey(s, key);
  } catch (e) {
    if (key instanceof PySet && isSubtype(key.type, SetType) && isExceptionOf(e, Exc.TypeError)) {
      clearRaise(e);
      const tmp = makeNewSet(FrozenSetType, key);
      try {
        return setDiscardKey(s, tmp);
      } finally {
        decref(tmp);
      }
    }
    throw e;
  }
}

/** Borrowed keys in table (iteration) order. */
export function setKeys(s: PySet): PyObject[] {
  const out: PyObject[] = [];
  const keys = s.keys;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (k !== null && k !== DUMMY) out.push(k);
  }
  return out;
}

/** The active slots in order, as indices (set_next). */
function activeSlots(s: PySet): number[] {
  const out: number[] = [];
  const keys = s.keys;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (k !== null && k !== DUMMY) out.push(i);
  }
  return out;
}


/** set_merge: add every key of another set (with CPython's presize and copy fast paths). */
function setMerge(s: PySet, other: PySet): void {
  if (other === s || other.used === 0) return;
  if ((s.fill + other.used) * 5 >= s.mask * 3) tableResize(s, (s.used + other.used) * 2);
  if (s.fill === 0 && s.mask === other.mask && other.fill === other.used) {
    for (let i = 0; i <= other.mask; i++) {
      const k = other.keys[i];
      if (k !== null) {
        incref(k);
        s.keys[i] = k;
        s.hashes[i] = other.hashes[i];
      }
    }
    s.fill = other.fill;
    s.used = other.used;
    return;
  }
  if (s.fill === 0) {
    s.fill = other.used;
    s.used = other.used;
    for (let i = 0; i <= other.mask; i++) {
      const k = other.keys[i];
      if (k !== null && k !== DUMMY) {
        incref(k);
        insertClean(s.keys, s.hashes, s.mask, k, other.hashes[i]);
      }
    }
    return;
  }
  for (let i = 0; i <= other.mask; i++) {
    const k = other.keys[i];
    if (k !== null && k !== DUMMY) addEntry(s, k, other.hashes[i]);
  }
}

/** set_update_internal */
export function setUpdateInternal(s: PySet, other: PyObject): void {
  if (other instanceof PySet) {
    setMerge(s, other);
    return;
  }
  if (other.type === DictType) {
    const d = other as PyDict;
    if ((s.fill + d.used) * 5 >= s.mask * 3) tableResize(s, (s.used + d.used) * 2);
    for (let i = dictNextIndex(d, 0); i >= 0; i = dictNextIndex(d, i + 1)) {
      const k = d.ekeys[i]!;
      addEntry(s, k, d.ehashes[i] ?? hash(k));
    }
    return;
  }
  const it = getIter(other);
  try {
    for (let k = iterNext(it); k !== null; k = iterNext(it)) {
      try {
        setAdd(s, k);
      } finally {
        decref(k);
      }
    }
  } finally {
    decref(it);
  }
}

/** set_clear_internal: back to the small table, then release keys in table order. */
export function setClear(s: PySet): void {
  const keys = s.keys, addr = s.tableAddr, used = s.used;
  if (s.fill === 0 && addr === 0) return;
  s.keys = new Array(MINSIZE).fill(null);
  s.hashes = new Array(MINSIZE).fill(0);
  s.mask = MINSIZE - 1;
  s.fill = 0;
  s.used = 0;
  s.tableAddr = 0;
  s.hashCache = -1;
  let left = used;
  for (let i = 0; left > 0 && i < keys.length; i++) {
    const k = keys[i];
    if (k !== null && k !== DUMMY) {
      left--;
      decref(k);
    }
  }
  if (addr !== 0) heap.freeBuffer(addr);
}

/** set_swap_bodies (used by intersection_update) */
function swapBodies(a: PySet, b: PySet): void {
  const t = { fill: a.fill, used: a.used, mask: a.mask, keys: a.keys, hashes: a.hashes, tableAddr: a.tableAddr };
  a.fill = b.fill;
  a.used = b.used;
  a.mask = b.mask;
  a.keys = b.keys;
  a.hashes = b.hashes;
  a.tableAddr = b.tableAddr;
  b.fill = t.fill;
  b.used = t.used;
  b.mask = t.mask;
  b.keys = t.keys;
  b.hashes = t.hashes;
  b.tableAddr = t.tableAddr;
  if (a.type === FrozenSetType || b.type === FrozenSetType) {
    const h = a.hashCache;
    a.hashCache = b.hashCache;
    b.hashCache = h;
  } else {
    a.hashCache = -1;
    b.hashCache = -1;
  }
}

// ===================================================================== lifetime

function setDealloc(o: PyObject): void {
  const s = o as PySet;
  gcUntrack(s);
  const keys = s.keys;
  let used = s.used;
  for (let i = 0; used > 0 && i < keys.length; i++) {
    const k = keys[i];
    if (k !== null && k !== DUMMY) {
      used--;
      decref(k);
    }
  }
  s.keys = [];
  s.hashes = [];
  s.used = s.fill = 0;
  if (s.tableAddr !== 0) heap.freeBuffer(s.tableAddr);
  s.tableAddr = 0;
  gcFree(s);
}

function setTraverse(o: PyObject, visit: Visit): void {
  const keys = (o as PySet).keys;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (k !== null && k !== DUMMY) visit(k);
  }
}

function setSizeof(o: PyObject): number {
  const s = o as PySet;
  return s.type.basicsize + (s.tableAddr !== 0 ? (s.mask + 1) * ENTRY : 0);
}

// ===================================================================== operations

/** make_new_set_basetype: results of operations on subclasses are plain sets/frozensets. */
function baseType(t: PyTypeObject): PyTypeObject {
  return isSubtype(t, SetType) ? SetType : FrozenSetType;
}

function setCopy(s: PySet): PySet {
  return makeNewSet(baseType(s.type), s);
}

function setIntersection(s: PySet, other: PyObject): PySet {
  if (s === other) return setCopy(s);
  const result = makeNewSet(baseType(s.type), null);
  try {
    if (other instanceof PySet) {
      let a = s, b = other;
      if (b.used > a.used) [a, b] = [b, a];
      for (const i of activeSlots(b)) {
        const k = b.keys[i]!, h = b.hashes[i];
        incref(k);
        try {
          if (lookKey(a, k, h) >= 0) addEntry(result, k, h);
        } finally {
          decref(k);
        }
      }
      return result;
    }
    const it = getIter(other);
    try {
      for (let k = iterNext(it); k !== null; k = iterNext(it)) {
        try {
          const h = hash(k);
          if (lookKey(s, k, h) >= 0) {
            addEntry(result, k, h);
            if (result.used >= s.used) break;
          }
        } finally {
          decref(k);
        }
      }
    } finally {
      decref(it);
    }
  } catch (e) {
    decref(result);
    throw e;
  }
  return result;
}

function setDifferenceUpdateInternal(s: PySet, other: PyObject): void {
  if (s === other) {
    setClear(s);
    return;
  }
  if (other instanceof PySet) {
    let o2: PySet = other;
    if (other.used >> 3 > s.used) o2 = setIntersection(s, other);
    else incref(other);
    try {
      for (const i of activeSlots(o2)) {
        const k = o2.keys[i]!;
        incref(k);
        try {
          discardEntry(s, k, o2.hashes[i]);
        } finally {
          decref(k);
        }
      }
    } finally {
      decref(o2);
    }
  } else {
    const it = getIter(other);
    try {
      for (let k = iterNext(it); k !== null; k = iterNext(it)) {
        try {
          setDiscard(s, k);
        } finally {
          decref(k);
        }
      }
    } finally {
      decref(it);
    }
  }
  if (s.fill - s.used <= s.mask >>> 2) return;
  tableResize(s, s.used > 50000 ? s.used * 2 : s.used * 4);
}

function setDifference(s: PySet, other: PyObject): PySet {
  let otherSize: number;
  if (other instanceof PySet) otherSize = other.used;
  else if (other.type === DictType) otherSize = (other as PyDict).used;
  else return copyAndDifference(s, other);
  if (s.used >> 2 > otherSize) return copyAndDifference(s, other);
  const result = makeNewSet(baseType(s.type), null);
  try {
    for (const i of activeSlots(s)) {
      const k = s.keys[i]!, h = s.hashes[i];
      incref(k);
      try {
        const present = other instanceof PySet ? lookKey(other, k, h) >= 0 : dictGetItem(other as PyDict, k) !== null;
        if (!present) addEntry(result, k, h);
      } finally {
        decref(k);
      }
    }
  } catch (e) {
    decref(result);
    throw e;
  }
  return result;
}

function copyAndDifference(s: PySet, other: PyObject): PySet {
  const r = setCopy(s);
  try {
    setDifferenceUpdateInternal(r, other);
  } catch (e) {
    decref(r);
    throw e;
  }
  return r;
}

function setSymmetricDifferenceUpdate(s: PySet, other: PyObject): void {
  if (s === other) {
    setClear(s);
    return;
  }
  if (other.type === DictType) {
    const d = other as PyDict;
    for (let i = dictNextIndex(d, 0); i >= 0; i = dictNextIndex(d, i + 1)) {
      const k = d.ekeys[i]!;
      incref(k);
      try {
        const h = d.ehashes[i] ?? hash(k);
        if (!discardEntry(s, k, h)) addEntry(s, k, h);
      } finally {
        decref(k);
      }
    }
    return;
  }
  const o2 = other instanceof PySet ? newref(other) : makeNewSet(baseType(s.type), other);
  try {
    for (const i of activeSlots(o2)) {
      const k = o2.keys[i]!, h = o2.hashes[i];
      incref(k);
      try {
        if (!discardEntry(s, k, h)) addEntry(s, k, h);
      } finally {
        decref(k);
      }
    }
  } finally {
    decref(o2);
  }
}

function setSymmetricDifference(s: PySet, other: PyObject): PySet {
  const r = makeNewSet(baseType(s.type), other);
  try {
    setSymmetricDifferenceUpdate(r, s);
  } catch (e) {
    decref(r);
    throw e;
  }
  return r;
}

function setIsSubset(s: PySet, other: PyObject): boolean {
  if (!(other instanceof PySet)) {
    const tmp = makeNewSet(SetType, other);
    try {
      return setIsSubset(s, tmp);
    } finally {
      decref(tmp);
    }
  }
  if (s.used > other.used) return false;
  for (const i of activeSlots(s)) {
    const k = s.keys[i]!;
    incref(k);
    try {
      if (lookKey(other, k, s.hashes[i]) < 0) return false;
    } finally {
      decref(k);
    }
  }
  return true;
}

function setIsSuperset(s: PySet, other: PyObject): boolean {
  if (other instanceof PySet) return setIsSubset(other, s);
  const tmp = makeNewSet(SetType, other);
  try {
    return setIsSubset(tmp, s);
  } finally {
    decref(tmp);
  }
}

function setIsDisjoint(s: PySet, other: PyObject): boolean {
  if (s === other) return s.used === 0;
  if (other instanceof PySet) {
    let a = s, b = other;
    if (b.used > a.used) [a, b] = [b, a];
    for (const i of activeSlots(b)) {
      const k = b.keys[i]!;
      incref(k);
      try {
        if (lookKey(a, k, b.hashes[i]) >= 0) return false;
      } finally {
        decref(k);
      }
    }
    return true;
  }
  const it = getIter(other);
  try {
    for (let k = iterNext(it); k !== null; k = iterNext(it)) {
      try {
        if (setContainsKey(s, k)) return false;
      } finally {
        decref(k);
      }
    }
  } finally {
    decref(it);
  }
  return true;
}

// ---------------------------------------------------------------- hash

const M64 = (1n << 64n) - 1n;
/** _shuffle_bits */
function shuffleBits(h: bigint): bigint {
  return ((((h ^ 89869747n) ^ (h << 16n)) & M64) * 3644798167n) & M64;
}

/** frozenset_hash: order-independent, cached. */
function frozensetHash(o: PyObject): Hash {
  const s = o as PySet;
  if (s.hashCache !== -1) return s.hashCache;
  let h = 0n;
  for (const i of activeSlots(s)) {
    const eh = s.hashes[i];
    h ^= shuffleBits(BigInt.asUintN(64, typeof eh === 'number' ? BigInt(eh) : eh));
  }
  h ^= ((BigInt(s.used) + 1n) * 1927868237n) & M64;
  h ^= (h >> 11n) ^ (h >> 25n);
  h = (h * 69069n + 907133923n) & M64;
  if (h === M64) h = 590923713n;
  const r = normHash(BigInt.asIntN(64, h));
  s.hashCache = r;
  return r;
}

// ---------------------------------------------------------------- repr

function setRepr(o: PyObject): PyObject {
  const s = o as PySet;
  const tn = s.type.name;
  if (reprEnter(s)) return newStr(`${tn}(...)`);
  try {
    if (s.used === 0) return newStr(`${tn}()`);
    const parts: string[] = [];
    const keys = setKeys(s);
    for (const k of keys) incref(k);
    try {
      for (const k of keys) {
        const r = repr(k);
        parts.push(r.value);
        decref(r);
      }
    } finally {
      for (const k of keys) decref(k);
    }
    const body = '{' + parts.join(', ') + '}';
    return newStr(s.type === SetType ? body : `${tn}(${body})`);
  } finally {
    reprLeave(s);
  }
}

// ---------------------------------------------------------------- comparisons

function setRichCompare(v: PyObject, w: PyObject, op: number): PyObject {
  if (!(v instanceof PySet) || !(w instanceof PySet)) return NotImplemented;
  switch (op) {
    case Py_EQ:
      if (v.used !== w.used) return newBool(false);
      if (v.hashCache !== -1 && w.hashCache !== -1 && v.hashCache !== w.hashCache) return newBool(false);
      return newBool(setIsSubset(v, w));
    case Py_NE: {
      const r = setRichCompare(v, w, Py_EQ);
      const b = r === PyTrue;
      decref(r);
      return newBool(!b);
    }
    case Py_LE:
      return newBool(setIsSubset(v, w));
    case Py_GE:
      return newBool(setIsSuperset(v, w));
    case Py_LT:
      return newBool(v.used < w.used && setIsSubset(v, w));
    case Py_GT:
      return newBool(v.used > w.used && setIsSuperset(v, w));
  }
  return NotImplemented;
}

/**
 * Rich comparison of a dict keys/items view with a set or view
 * (dictview_richcompare: all_contained_in on both sides).
 */
export function setRichCompareViews(
  a: PyObject, b: PyObject, op: number, viewContains: (view: PyObject, x: PyObject) => boolean,
): PyObject {
  const lenOf = (o: PyObject): number => (o instanceof PySet ? o.used : o.type.mp_length!(o));
  const containedIn = (x: PyObject, y: PyObject): boolean => {
    const it = getIter(x);
    try {
      for (let k = iterNext(it); k !== null; k = iterNext(it)) {
        try {
          const ok = y instanceof PySet ? setContainsKey(y, k) : viewContains(y, k);
          if (!ok) return false;
        } finally {
          decref(k);
        }
      }
    } finally {
      decref(it);
    }
    return true;
  };
  const la = lenOf(a), lb = lenOf(b);
  let ok: boolean;
  switch (op) {
    case Py_NE:
    case Py_EQ:
      ok = la === lb && containedIn(a, b);
      if (op === Py_NE) ok = !ok;
      break;
    case Py_LT:
      ok = la < lb && containedIn(a, b);
      break;
    case Py_LE:
      ok = la <= lb && containedIn(a, b);
      break;
    case Py_GT:
      ok = la > lb && containedIn(b, a);
      break;
    default:
      ok = la >= lb && containedIn(b, a);
  }
  return newBool(ok);
}

// ---------------------------------------------------------------- number slots

function binop(f: (s: PySet, o: PyObject) => PySet): (a: PyObject, b: PyObject) => PyObject {
  return (a, b) => {
    if (!(a instanceof PySet) || !(b instanceof PySet)) return NotImplemented;
    return f(a, b);
  };
}

function setOr(s: PySet, other: PyObject): PySet {
  const r = setCopy(s);
  if (s === other) return r;
  try {
    setUpdateInternal(r, other);
  } catch (e) {
    decref(r);
    throw e;
  }
  return r;
}

function inplace(f: (s: PySet, o: PyObject) => void): (a: PyObject, b: PyObject) => PyObject {
  return (a, b) => {
    if (!(b instanceof PySet) || !isSubtype(a.type, SetType)) return NotImplemented;
    f(a as PySet, b);
    return newref(a);
  };
}

function intersectionUpdate(s: PySet, other: PyObject): void {
  const tmp = setIntersection(s, other);
  swapBodies(s, tmp);
  decref(tmp);
}

// ---------------------------------------------------------------- methods

type M = (self: PyObject, args: PyObject[], kwnames: string[] | null) => PyObject;

function method0(name: string, f: (s: PySet) => PyObject): M {
  return (self, args, kwnames) => {
    noKeywords(name, kwnames);
    checkArity(name, args, 0, 0);
    return f(self as PySet);
  };
}
function method1(name: string, f: (s: PySet, x: PyObject) => PyObject): M {
  return (self, args, kwnames) => {
    noKeywords(name, kwnames);
    checkArity(name, args, 1, 1);
    return f(self as PySet, args[0]);
  };
}

/** union/intersection/difference with any number of iterables. */
function multi(name: string, f: (s: PySet, o: PyObject) => PySet, copyWhenNone: boolean): M {
  return (self, args, kwnames) => {
    noKeywords(name, kwnames);
    const s = self as PySet;
    if (args.length === 0) return setCopy(s);
    let result: PySet = newref(s);
    try {
      for (let i = 0; i < args.length; i++) {
        const next = i === 0 && !copyWhenNone ? f(s, args[i]) : f(result, args[i]);
        decref(result);
        result = next;
      }
    } catch (e) {
      decref(result);
      throw e;
    }
    return result;
  };
}

function multiUpdate(name: string, f: (s: PySet, o: PyObject) => void): M {
  return (self, args, kwnames) => {
    noKeywords(name, kwnames);
    for (const a of args) f(self as PySet, a);
    return newref(PyNone);
  };
}

function keyError(key: PyObject): never {
  throw new PyRaise(newExceptionWithArgs(Exc.KeyError, newTuple([newref(key)])));
}

const common: Record<string, M> = {
  copy: method0('copy', (s) => (s.type === FrozenSetType ? newref(s) : setCopy(s))),
  union: (self, args, kwnames) => {
    noKeywords('union', kwnames);
    const r = setCopy(self as PySet);
    try {
      for (const a of args) setUpdateInternal(r, a);
    } catch (e) {
      decref(r);
      throw e;
    }
    return r;
  },
  intersection: multi('intersection', setIntersection, false),
  difference: (self, args, kwnames) => {
    noKeywords('difference', kwnames);
    const s = self as PySet;
    if (args.length === 0) return setCopy(s);
    if (args.length === 1) return setDifference(s, args[0]);
    const r = setCopy(s);
    try {
      for (const a of args) setDifferenceUpdateInternal(r, a);
    } catch (e) {
      decref(r);
      throw e;
    }
    return r;
  },
  symmetric_difference: method1('symmetric_difference', (s, o) => setSymmetricDifference(s, o)),
  issubset: method1('issubset', (s, o) => newBool(setIsSubset(s, o))),
  issuperset: method1('issuperset', (s, o) => newBool(setIsSuperset(s, o))),
  isdisjoint: method1('isdisjoint', (s, o) => newBool(setIsDisjoint(s, o))),
  __contains__: method1('__contains__', (s, o) => newBool(setContains(s, o))),
  __sizeof__: method0('__sizeof__', (s) => newInt(setSizeof(s))),
};

const setOnly: Record<string, M> = {
  add: method1('add', (s, k) => {
    setAdd(s, k);
    return newref(PyNone);
  }),
  discard: method1('discard', (s, k) => {
    setDiscard(s, k);
    return newref(PyNone);
  }),
  remove: method1('remove', (s, k) => {
    if (!setDiscard(s, k)) keyError(k);
    return newref(PyNone);
  }),
  pop: method0('pop', (s) => {
    if (s.used === 0) raise(Exc.KeyError, 'pop from an empty set');
    let i = s.finger & s.mask;
    while (s.keys[i] === null || s.keys[i] === DUMMY) {
      i++;
      if (i > s.mask) i = 0;
    }
    const k = s.keys[i]!;
    s.keys[i] = DUMMY;
    s.hashes[i] = -1;
    s.used--;
    s.finger = i + 1;
    return k;
  }),
  clear: method0('clear', (s) => {
    setClear(s);
    return newref(PyNone);
  }),
  update: multiUpdate('update', setUpdateInternal),
  intersection_update: (self, args, kwnames) => {
    noKeywords('intersection_update', kwnames);
    const s = self as PySet;
    if (args.length === 0) return newref(PyNone);
    const tmp = (common.intersection(s, args, null)) as PySet;
    swapBodies(s, tmp);
    decref(tmp);
    return newref(PyNone);
  },
  difference_update: multiUpdate('difference_update', setDifferenceUpdateInternal),
  symmetric_difference_update: method1('symmetric_difference_update', (s, o) => {
    setSymmetricDifferenceUpdate(s, o);
    return newref(PyNone);
  }),
};

// ---------------------------------------------------------------- constructors

function setNew(type: PyTypeObject, args: PyObject[], kwnames: string[] | null): PyObject {
  if (type === SetType) noKeywords('set', kwnames);
  return allocSet(type);
}

function setInit(self: PyObject, args: PyObject[], kwnames: string[] | null): void {
  noKeywords('set', kwnames);
  const s = self as PySet;
  if (args.length > 1) raise(Exc.TypeError, `${s.type.name} expected at most 1 argument, got ${args.length}`);
  if (s.fill) setClear(s);
  s.hashCache = -1;
  if (args.length === 1) setUpdateInternal(s, args[0]);
}

function frozensetNew(type: PyTypeObject, args: PyObject[], kwnames: string[] | null): PyObject {
  if (type === FrozenSetType) noKeywords('frozenset', kwnames);
  const nkw = kwnames ? kwnames.length : 0;
  const npos = args.length - nkw;
  if (npos > 1) raise(Exc.TypeError, `${type.name} expected at most 1 argument, got ${npos}`);
  const iterable = npos === 1 ? args[0] : null;
  if (type === FrozenSetType && iterable !== null && iterable.type === FrozenSetType) return newref(iterable);
  return makeNewSet(type, iterable);
}

// ---------------------------------------------------------------- iterator

export class PySetIter extends PyObject {
  constructor(public set: PySet | null, public usedAtStart: number, public pos = 0, public len = 0) {
    super(SetIterType);
  }
}
export const SetIterType = builtinType('set_iterator', 48, TPFLAGS_HAVE_GC);

function setIter(o: PyObject): PyObject {
  const s = o as PySet;
  const it = new PySetIter(s, s.used, 0, s.used);
  incref(s);
  gcAlloc(it, 48);
  gcTrack(it);
  return it;
}

SetIterType.tp_iter = (o) => newref(o);
SetIterType.tp_iternext = (o) => {
  const it = o as PySetIter;
  const s = it.set;
  if (s === null) return null;
  if (it.usedAtStart !== s.used) {
    it.usedAtStart = -1;
    raise(Exc.RuntimeError, 'Set changed size during iteration');
  }
  const keys = s.keys;
  let i = it.pos;
  while (i <= s.mask && (keys[i] === null || keys[i] === DUMMY)) i++;
  it.pos = i + 1;
  if (i > s.mask) {
    it.set = null;
    decref(s);
    return null;
  }
  it.len--;
  return newref(keys[i]!);
};
SetIterType.tp_dealloc = (o) => {
  const it = o as PySetIter;
  gcUntrack(it);
  const s = it.set;
  it.set = null;
  if (s) decref(s);
  gcFree(it);
};
SetIterType.tp_traverse = (o, visit) => {
  const s = (o as PySetIter).set;
  if (s) visit(s);
};
SetIterType.methods.__length_hint__ = (self) => {
  const it = self as PySetIter;
  return newInt(it.set !== null && it.usedAtStart === it.set.used ? it.len : 0);
};

// ---------------------------------------------------------------- wiring

for (const t of [SetType, FrozenSetType]) {
  t.tp_dealloc = setDealloc;
  t.tp_traverse = setTraverse;
  t.tp_repr = setRepr;
  t.tp_richcompare = setRichCompare;
  t.tp_iter = setIter;
  t.tp_sizeof = setSizeof;
  t.mp_length = (o) => (o as PySet).used;
  t.sq_contains = (o, k) => setContains(o as PySet, k);
  t.nb[NB_OR] = binop(setOr);
  t.nb[NB_AND] = binop(setIntersection);
  t.nb[NB_SUBTRACT] = binop(setDifference);
  t.nb[NB_XOR] = binop(setSymmetricDifference);
  Object.assign(t.methods, common);
}
SetType.tp_clear = (o) => setClear(o as PySet);
SetType.tp_new = setNew;
SetType.tp_init = setInit;
FrozenSetType.tp_new = frozensetNew;
FrozenSetType.tp_hash = frozensetHash;
Object.assign(SetType.methods, setOnly);
SetType.nb[NB_INPLACE_ADD + NB_OR] = inplace(setUpdateInternal);
SetType.nb[NB_INPLACE_ADD + NB_AND] = inplace(intersectionUpdate);
SetType.nb[NB_INPLACE_ADD + NB_SUBTRACT] = inplace(setDifferenceUpdateInternal);
SetType.nb[NB_INPLACE_ADD + NB_XOR] = inplace(setSymmetricDifferenceUpdate);

void Py_NE;
