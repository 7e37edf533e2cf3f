/**
 * Set algebra (union, intersection, difference, symmetric difference, their
 * operators and in-place forms), subset tests, comparisons of sets and of
 * dict views with sets, and frozenset hashing: an on-demand part (see
 * ondemand.ts). setobject.ts keeps the table, construction, add/discard/pop,
 * membership, iteration and repr; its slots and methods for what is here are
 * stubs. Moved from setobject.ts unchanged.
 */

import { PyObject, decref, incref, newref } from './object.js';
import { Py_EQ, Py_NE, Py_LT, Py_LE, Py_GT, Py_GE, NB_AND, NB_OR, NB_SUBTRACT, NB_XOR, isSubtype } from './typeobject.js';
import { normHash, type Hash } from './hash.js';
import { getIter, hash, iterableToArray, iterNext } from './abstract.js';
import { newBool, PyTrue } from './boolobject.js';
import { NotImplemented, PyNone } from './singletons.js';
import { checkArity, noKeywords } from './args.js';
import {
  PySet, SetType, FrozenSetType, newSet, setAdd, setDiscardKey, makeNewSet, setCopy, setUpdateInternal, setContainsKey,
  activeSlots, addEntry, baseType, discardEntry, lookKey, multiUpdate, setClear, setDiscard, tableResize,
} from './setobject.js';
import { DictType, PyDict, dictGetItem, dictNextIndex, isSetLikeView } from './dictobject.js';

type M = (self: PyObject, args: PyObject[], kwnames: string[] | null) => PyObject;

function method1(name: string, f: (s: PySet, x: PyObject) => PyObject): M {
  return (self, args, kwnames) => {
    noKeywords(name, kwnames);
    checkArity(name, args, 1, 1);
    return f(self as PySet, args[0]);
  };
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
function setRichCompareViews(
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


const common: Record<string, M> = {
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
};

// ---------------------------------------------------------------- dict views (moved from dictobject.ts)

/** A new set holding the view's elements (for set operations on keys/items views). */
function viewAsSet(o: PyObject): PySet {
  const s = newSet();
  try {
    const items = iterableToArray(o);
    try {
      for (const x of items) setAdd(s, x);
    } finally {
      for (const x of items) decref(x);
    }
  } catch (e) {
    decref(s);
    throw e;
  }
  return s;
}

/** dictviews_sub / _and / _or / _xor: build a set from the left operand, then apply. */
function viewSetOp(op: number): (a: PyObject, b: PyObject) => PyObject {
  return (a, b) => {
    let left = a, right = b;
    if (!isSetLikeView(left)) {
      if (op === NB_SUBTRACT) {
        // other - view: set(other) - view
        const s = viewAsSet(left);
        for (const x of iterableToArray(right)) {
          setDiscardKey(s, x);
          decref(x);
        }
        return s;
      }
      [left, right] = [b, a];
    }
    const s = viewAsSet(left);
    try {
      const other = iterableToArray(right);
      try {
        if (op === NB_SUBTRACT) for (const x of other) setDiscardKey(s, x);
        else if (op === NB_OR) for (const x of other) setAdd(s, x);
        else if (op === NB_XOR) {
          for (const x of other) if (setContainsKey(s, x)) setDiscardKey(s, x); else setAdd(s, x);
        } else {
          const r = newSet();
          for (const x of other) if (setContainsKey(s, x)) setAdd(r, x);
          decref(s);
          return r;
        }
      } finally {
        for (const x of other) decref(x);
      }
    } catch (e) {
      decref(s);
      throw e;
    }
    return s;
  };
}


const setOnly: Record<string, M> = {
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

/** The implementations of setobject.ts's stubs. */
export const setOps = {
  ...common,
  ...setOnly,
  setRichCompareViews,
  tp_richcompare: setRichCompare,
  tp_hash: frozensetHash,
  nb_or: binop(setOr),
  nb_and: binop(setIntersection),
  nb_subtract: binop(setDifference),
  nb_xor: binop(setSymmetricDifference),
  nb_inplace_or: inplace(setUpdateInternal),
  nb_inplace_and: inplace(intersectionUpdate),
  nb_inplace_subtract: inplace(setDifferenceUpdateInternal),
  nb_inplace_xor: inplace(setSymmetricDifferenceUpdate),
  'view.nb_subtract': viewSetOp(NB_SUBTRACT),
  'view.nb_and': viewSetOp(NB_AND),
  'view.nb_or': viewSetOp(NB_OR),
  'view.nb_xor': viewSetOp(NB_XOR),
};
