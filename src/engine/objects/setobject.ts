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
import { parts, deferred, deferredMethods } from '../ondemand.js';

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
export function lookKey(s: PySet, key: PyObject, h: Hash): number {
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
export function addEntry(s: PySet, key: PyObject, h: Hash): void {
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
export function tableResize(s: PySet, minused: number): void {
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
export function discardEntry(s: PySet, key: PyObject, h: Hash): boolean {
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
export function activeSlots(s: PySet): number[] {
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
export function baseType(t: PyTypeObject): PyTypeObject {
  return isSubtype(t, SetType) ? SetType : FrozenSetType;
}

export function setCopy(s: PySet): PySet {
  return makeNewSet(baseType(s.type), s);
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

export function multiUpdate(name: string, f: (s: PySet, o: PyObject) => void): M {
  return (self, args, kwnames) => {
    noKeywords(name, kwnames);
    for (const a of args) f(self as PySet, a);
    return newref(PyNone);
  };
}

function keyError(key: PyObject): never {
  throw new PyRaise(newExceptionWithArgs(Exc.KeyError, newTuple([newref(key)])));
}

// set algebra, comparisons and frozenset hashing: an on-demand part (setops.ts)
const P = parts.sets;
const later = deferredMethods<M>(P, [
  'union', 'intersection', 'difference', 'symmetric_difference', 'issubset', 'issuperset', 'isdisjoint',
  'intersection_update', 'difference_update', 'symmetric_difference_update',
]);
/** dictview_richcompare's set side (dictobject.ts) */
export const setRichCompareViews = deferred<(
  a: PyObject, b: PyObject, op: number, viewContains: (view: PyObject, x: PyObject) => boolean,
) => PyObject>(P, 'setRichCompareViews');

const common: Record<string, M> = {
  copy: method0('copy', (s) => (s.type === FrozenSetType ? newref(s) : setCopy(s))),
  union: later.union,
  intersection: later.intersection,
  difference: later.difference,
  symmetric_difference: later.symmetric_difference,
  issubset: later.issubset,
  issuperset: later.issuperset,
  isdisjoint: later.isdisjoint,
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
  intersection_update: later.intersection_update,
  difference_update: later.difference_update,
  symmetric_difference_update: later.symmetric_difference_update,
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
  t.tp_richcompare = deferred(P, 'tp_richcompare');
  t.tp_iter = setIter;
  t.tp_sizeof = setSizeof;
  t.mp_length = (o) => (o as PySet).used;
  t.sq_contains = (o, k) => setContains(o as PySet, k);
  t.nb[NB_OR] = deferred(P, 'nb_or');
  t.nb[NB_AND] = deferred(P, 'nb_and');
  t.nb[NB_SUBTRACT] = deferred(P, 'nb_subtract');
  t.nb[NB_XOR] = deferred(P, 'nb_xor');
  Object.assign(t.methods, common);
}
SetType.tp_clear = (o) => setClear(o as PySet);
SetType.tp_new = setNew;
SetType.tp_init = setInit;
FrozenSetType.tp_new = frozensetNew;
FrozenSetType.tp_hash = deferred(P, 'tp_hash');
Object.assign(SetType.methods, setOnly);
SetType.nb[NB_INPLACE_ADD + NB_OR] = deferred(P, 'nb_inplace_or');
SetType.nb[NB_INPLACE_ADD + NB_AND] = deferred(P, 'nb_inplace_and');
SetType.nb[NB_INPLACE_ADD + NB_SUBTRACT] = deferred(P, 'nb_inplace_subtract');
SetType.nb[NB_INPLACE_ADD + NB_XOR] = deferred(P, 'nb_inplace_xor');

void Py_NE;
