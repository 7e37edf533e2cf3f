/**
 * The collections module: deque, defaultdict and Counter.
 * CPython counterpart: Modules/_collectionsmodule.c (deque with its 64-slot
 * blocks and the per-deque cache of 16 free blocks, the deque iterator,
 * defaultdict) and Lib/collections/__init__.py (Counter), 3.12.
 *
 * A deque's items live in a JS array, but its blocks are simulated: each
 * 528-byte block is a raw allocation made and freed when CPython's
 * deque_append/popleft/… would, so sys.getsizeof and the heap match.
 * Counter is a dict subclass like CPython's (it is a Python class there).
 * OrderedDict and namedtuple raise "not supported by the simulator".
 */

import { PyObject, decref, incref, newref, xdecref } from '../objects/object.js';
import {
  PyTypeObject, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC, TPFLAGS_DICT_SUBCLASS, TPFLAGS_MAPPING, Py_EQ, Py_NE,
  NB_ADD, NB_SUBTRACT, NB_OR, NB_AND, NB_INPLACE_ADD, builtinType, type Visit,
} from '../objects/typeobject.js';
import { raise, unsupported } from '../eval/errors.js';
import { Exc, newExceptionWithArgs } from '../objects/exceptions.js';
import {
  call, getIter, iterNext, richCompare, richCompareBool, reprString, reprEnter, reprLeave, isCallable, isTrue,
  binaryOp, getItem, setItem,
} from '../objects/abstract.js';
import { PyLong, newInt, newBool, asIndex, compareInts } from '../objects/longobject.js';
import { PyNone, NotImplemented } from '../objects/singletons.js';
import { PyTuple, newTuple } from '../objects/tupleobject.js';
import { newList, PyList } from '../objects/listobject.js';
import {
  PyDict, DictType, dictGetItem, dictSetItem, dictItems, dictDelItem, dictLength,
} from '../objects/dictobject.js';
import { newStr } from '../objects/unicodeobject.js';
import { gcAlloc, gcFree, gcTrack, gcUntrack } from '../gc/gcobject.js';
import { heap } from '../memory/heap.js';
import { parseArgs, checkArity, noKeywords } from '../objects/args.js';
import { PyRaise } from '../eval/errors.js';
import { nativeType, iterType, allocNative, none } from './itertoolsmodule.js';
import type { BuiltinMethod } from '../objects/typeobject.js';
import type { ModuleDef } from './moduledef.js';
import { parts, deferred } from '../ondemand.js';

const M = 'collections';

// ===================================================================== deque

const BLOCKLEN = 64, CENTER = 31, MAXFREEBLOCKS = 16;
const BLOCK_BYTES = BLOCKLEN * 8 + 16;

class Deque extends PyObject {
  items: PyObject[] = [];
  maxlen = -1;
  /** the simulated block layout: addresses of the blocks, left to right */
  b_blocks: number[] = [];
  b_free: number[] = [];
  leftindex = CENTER + 1;
  rightindex = CENTER;
  state = 0;
}
export const DequeType = nativeType(M, 'deque', 216, TPFLAGS_BASETYPE);
DequeType.weakrefable = true;
/** deque[int]: a types.GenericAlias (objects/genericalias.ts) */
DequeType.classMethods.__class_getitem__ = deferred(parts.generic, 'classGetItem');

function newBlock(d: Deque): number {
  if (d.b_free.length > 0) return d.b_free.pop()!;
  return heap.mallocBuffer(BLOCK_BYTES);
}
function freeBlock(d: Deque, addr: number): void {
  if (d.b_free.length < MAXFREEBLOCKS) d.b_free.push(addr);
  else heap.freeBuffer(addr);
}

function dqAppend(d: Deque, item: PyObject): void {
  if (d.rightindex === BLOCKLEN - 1) {
    d.b_blocks.push(newBlock(d));
    d.rightindex = -1;
  }
  d.rightindex++;
  d.items.push(item);
  d.state++;
  if (d.maxlen >= 0 && d.items.length > d.maxlen) decref(dqPopleft(d));
}
function dqAppendleft(d: Deque, item: PyObject): void {
  if (d.leftindex === 0) {
    d.b_blocks.unshift(newBlock(d));
    d.leftindex = BLOCKLEN;
  }
  d.leftindex--;
  d.items.unshift(item);
  d.state++;
  if (d.maxlen >= 0 && d.items.length > d.maxlen) decref(dqPop(d));
}
function recenter(d: Deque): void {
  d.leftindex = CENTER + 1;
  d.rightindex = CENTER;
}
function dqPop(d: Deque): PyObject {
  if (d.items.length === 0) raise(Exc.IndexError, 'pop from an empty deque');
  const item = d.items.pop()!;
  d.rightindex--;
  d.state++;
  if (d.items.length === 0) recenter(d);
  else if (d.rightindex < 0) {
    freeBlock(d, d.b_blocks.pop()!);
    d.rightindex = BLOCKLEN - 1;
  }
  return item;
}
function dqPopleft(d: Deque): PyObject {
  if (d.items.length === 0) raise(Exc.IndexError, 'pop from an empty deque');
  const item = d.items.shift()!;
  d.leftindex++;
  d.state++;
  if (d.items.length === 0) recenter(d);
  else if (d.leftindex === BLOCKLEN) {
    freeBlock(d, d.b_blocks.shift()!);
    d.leftindex = 0;
  }
  return item;
}
function dqClear(d: Deque): void {
  const items = d.items;
  d.items = [];
  d.state++;
  // keep one block, as deque_clear leaves an empty deque with a fresh centered block
  while (d.b_blocks.length > 1) freeBlock(d, d.b_blocks.pop()!);
  recenter(d);
  for (const x of items) decref(x);
}

function dqExtend(d: Deque, iterable: PyObject, left: boolean): void {
  if (iterable === d) {
    const copy = d.items.slice();
    for (const x of copy) {
      incref(x);
      if (left) dqAppendleft(d, x);
      else dqAppend(d, x);
    }
    return;
  }
  const it = getIter(iterable);
  try {
    if (d.maxlen === 0) {
      for (let x = iterNext(it); x !== null; x = iterNext(it)) decref(x);
      return;
    }
    if (d.items.length === 0) {
      if (left) {
        d.leftindex = BLOCKLEN - 1;
        d.rightindex = BLOCKLEN - 2;
      } else {
        d.leftindex = 1;
        d.rightindex = 0;
      }
    }
    for (let x = iterNext(it); x !== null; x = iterNext(it)) {
      if (left) dqAppendleft(d, x);
      else dqAppend(d, x);
    }
  } finally {
    decref(it);
  }
}

DequeType.tp_new = (type) => {
  const d = new Deque(type);
  allocNative(d);
  d.b_blocks.push(newBlock(d));
  return d;
};
DequeType.tp_init = (self, args, kwnames) => {
  const [iterable, maxlenO] = parseArgs('deque', args, kwnames, ['iterable', 'maxlen'], 0);
  const d = self as Deque;
  let maxlen = -1;
  if (maxlenO !== undefined && maxlenO !== PyNone) {
    maxlen = asIndex(maxlenO);
    if (maxlen < 0) raise(Exc.ValueError, 'maxlen must be non-negative');
  }
  d.maxlen = maxlen;
  if (d.items.length > 0) dqClear(d);
  if (iterable !== undefined) dqExtend(d, iterable, false);
};
DequeType.tp_dealloc = (o) => {
  const d = o as Deque;
  gcUntrack(o);
  const items = d.items;
  d.items = [];
  for (const x of items) decref(x);
  for (const b of d.b_blocks) heap.freeBuffer(b);
  for (const b of d.b_free) heap.freeBuffer(b);
  d.b_blocks = [];
  d.b_free = [];
  if (o.weakrefs !== null) weakrefHook(o);
  gcFree(o);
};
let weakrefHook: (o: PyObject) => void = () => {};
DequeType.tp_clear = (o) => dqClear(o as Deque);
DequeType.tp_sizeof = (o) => {
  const d = o as Deque;
  const blocks = Math.floor((d.leftindex + d.items.length + BLOCKLEN - 1) / BLOCKLEN);
  return 216 + blocks * BLOCK_BYTES;
};
DequeType.mp_length = (o) => (o as Deque).items.length;
DequeType.sq_contains = (o, v) => {
  const d = o as Deque;
  const state = d.state;
  for (const x of d.items.slice()) {
    incref(x);
    let eq: boolean;
    try {
      eq = richCompareBool(x, v, Py_EQ);
    } finally {
      decref(x);
    }
    if (d.state !== state) raise(Exc.RuntimeError, 'deque mutated during iteration');
    if (eq) return true;
  }
  return false;
};
function dqIndex(d: Deque, key: PyObject): number {
  let i = asIndex(key, Exc.IndexError);
  const n = d.items.length;
  if (i < 0) i += n;
  if (i < 0 || i >= n) raise(Exc.IndexError, 'deque index out of range');
  return i;
}
DequeType.mp_subscript = (o, key) => {
  if (!(key instanceof PyLong) && key.type.nb_index === null) {
    raise(Exc.TypeError, `sequence index must be integer, not '${key.type.name}'`);
  }
  const d = o as Deque;
  return newref(d.items[dqIndex(d, key)]);
};
DequeType.mp_ass_subscript = (o, key, value) => {
  const d = o as Deque;
  const i = dqIndex(d, key);
  if (value === null) {
    const [x] = d.items.splice(i, 1);
    d.state++;
    // deque_del_item rotates, pops and rotates back: the block layout ends as after a pop
    d.items.splice(i, 0, x);
    const tail = d.items.splice(i);
    const popped = tail.shift()!;
    d.items.push(...tail);
    d.rightindex--;
    if (d.items.length === 0) recenter(d);
    else if (d.rightindex < 0) {
      freeBlock(d, d.b_blocks.pop()!);
      d.rightindex = BLOCKLEN - 1;
    }
    decref(popped);
    return;
  }
  const old = d.items[i];
  d.items[i] = newref(value);
  decref(old);
};
DequeType.tp_repr = (o) => {
  const d = o as Deque;
  const name = o.type === DequeType ? 'deque' : o.type.qualname;
  if (reprEnter(o)) return newStr('[...]');
  try {
    const inner = d.items.slice().map((x) => {
      incref(x);
      try {
        return reprString(x);
      } finally {
        decref(x);
      }
    });
    const list = `[${inner.join(', ')}]`;
    return newStr(d.maxlen >= 0 ? `${name}(${list}, maxlen=${d.maxlen})` : `${name}(${list})`);
  } finally {
    reprLeave(o);
  }
};
DequeType.tp_richcompare = (a, b, op) => {
  if (!(b instanceof Deque)) return NotImplemented;
  const x = (a as Deque).items.slice(), y = b.items.slice();
  const l1 = newList(x.map((v) => newref(v)));
  const l2 = newList(y.map((v) => newref(v)));
  try {
    return richCompare(l1, l2, op);
  } finally {
    decref(l1);
    decref(l2);
  }
};
DequeType.tp_hash = null;
DequeType.tp_iter = (o) => newDequeIter(o as Deque, false);

const dm: Record<string, BuiltinMethod> = {};
dm.append = (self, args) => {
  checkArity('append', args, 1, 1);
  dqAppend(self as Deque, newref(args[0]));
  return none();
};
dm.appendleft = (self, args) => {
  checkArity('appendleft', args, 1, 1);
  dqAppendleft(self as Deque, newref(args[0]));
  return none();
};
dm.pop = (self, args) => {
  checkArity('pop', args, 0, 0);
  return dqPop(self as Deque);
};
dm.popleft = (self, args) => {
  checkArity('popleft', args, 0, 0);
  return dqPopleft(self as Deque);
};
dm.extend = (self, args) => {
  checkArity('extend', args, 1, 1);
  dqExtend(self as Deque, args[0], false);
  return none();
};
dm.extendleft = (self, args) => {
  checkArity('extendleft', args, 1, 1);
  dqExtend(self as Deque, args[0], true);
  return none();
};
dm.clear = (self) => {
  dqClear(self as Deque);
  return none();
};
dm.rotate = (self, args) => {
  checkArity('rotate', args, 0, 1);
  const d = self as Deque;
  let n = args.length ? asIndex(args[0]) : 1;
  const len = d.items.length;
  if (len <= 1) return none();
  const half = len >> 1;
  if (n > half || n < -half) {
    n %= len;
    if (n > half) n -= len;
    else if (n < -half) n += len;
  }
  for (; n > 0; n--) {
    const x = dqPop(d);
    dqAppendleft(d, x);
  }
  for (; n < 0; n++) {
    const x = dqPopleft(d);
    dqAppend(d, x);
  }
  return none();
};
dm.count = (self, args) => {
  checkArity('count', args, 1, 1);
  const d = self as Deque;
  const state = d.state;
  let n = 0;
  for (const x of d.items.slice()) {
    incref(x);
    try {
      if (richCompareBool(x, args[0], Py_EQ)) n++;
    } finally {
      decref(x);
    }
    if (d.state !== state) raise(Exc.RuntimeError, 'deque mutated during iteration');
  }
  return newInt(n);
};
dm.index = (self, args) => {
  checkArity('index', args, 1, 3);
  const d = self as Deque;
  const n = d.items.length;
  let start = args.length > 1 ? asIndex(args[1]) : 0;
  let stop = args.length > 2 ? asIndex(args[2]) : n;
  if (start < 0) start = Math.max(0, start + n);
  if (stop < 0) stop = Math.max(0, stop + n);
  stop = Math.min(stop, n);
  for (let i = start; i < stop; i++) {
    const x = d.items[i];
    incref(x);
    try {
      if (richCompareBool(x, args[0], Py_EQ)) return newInt(i);
    } finally {
      decref(x);
    }
  }
  raise(Exc.ValueError, `${reprString(args[0])} is not in deque`);
};
dm.remove = (self, args) => {
  checkArity('remove', args, 1, 1);
  const d = self as Deque;
  for (let i = 0; i < d.items.length; i++) {
    const x = d.items[i];
    incref(x);
    let eq: boolean;
    try {
      eq = richCompareBool(x, args[0], Py_EQ);
    } finally {
      decref(x);
    }
    if (eq) {
      const k = newInt(i);
      try {
        DequeType.mp_ass_subscript!(d, k, null);
      } finally {
        decref(k);
      }
      return none();
    }
  }
  raise(Exc.ValueError, `${reprString(args[0])} is not in deque`);
};
dm.reverse = (self) => {
  const d = self as Deque;
  d.items.reverse();
  d.state++;
  return none();
};
function dqCopy(self: PyObject): PyObject {
  const d = self as Deque;
  const c = DequeType.tp_new!(self.type, [], null) as Deque;
  c.maxlen = d.maxlen;
  const l = newList(d.items.map((x) => newref(x)));
  try {
    dqExtend(c, l, false);
  } finally {
    decref(l);
  }
  return c;
}
dm.copy = dqCopy;
dm.__copy__ = dqCopy;
dm.__reduce__ = (self) => {
  const d = self as Deque;
  const it = newDequeIter(d, false);
  return newTuple([newref(self.type), newTuple([newTuple([]), d.maxlen < 0 ? none() : newInt(d.maxlen)]), none(), it]);
};
dm.__reversed__ = (self) => newDequeIter(self as Deque, true);
dm.__sizeof__ = (self) => newInt(DequeType.tp_sizeof!(self));
DequeType.methods = dm;
DequeType.getsets = {
  maxlen: { get: (o) => ((o as Deque).maxlen < 0 ? none() : newInt((o as Deque).maxlen)) },
};
DequeType.nb[NB_ADD] = (a, b) => {
  if (!(a instanceof Deque)) return NotImplemented;
  if (!(b instanceof Deque)) raise(Exc.TypeError, `can only concatenate deque (not "${b.type.name}") to deque`);
  const c = dqCopy(a) as Deque;
  dqExtend(c, b, false);
  return c;
};
DequeType.nb[NB_INPLACE_ADD] = (a, b) => {
  dqExtend(a as Deque, b, false);
  return newref(a);
};

class DequeIter extends PyObject {
  deque: Deque | null = null;
  index = 0;
  state = 0;
  counter = 0;
  reverse = false;
}
export const DequeIterType = iterType(M, '_deque_iterator', 56);
export const DequeRevIterType = iterType(M, '_deque_reverse_iterator', 56);
function newDequeIter(d: Deque, reverse: boolean): PyObject {
  const it = new DequeIter(reverse ? DequeRevIterType : DequeIterType);
  it.deque = newref(d);
  it.state = d.state;
  it.counter = d.items.length;
  it.reverse = reverse;
  return allocNative(it);
}
const dequeIterNext = (o: PyObject): PyObject | null => {
  const it = o as DequeIter;
  const d = it.deque!;
  if (d.state !== it.state) {
    it.counter = 0;
    raise(Exc.RuntimeError, 'deque mutated during iteration');
  }
  if (it.counter === 0) return null;
  const n = d.items.length;
  const item = it.reverse ? d.items[n - 1 - it.index] : d.items[it.index];
  it.index++;
  it.counter--;
  return newref(item);
};
DequeIterType.tp_iternext = dequeIterNext;
DequeRevIterType.tp_iternext = dequeIterNext;
DequeIterType.methods.__length_hint__ = (self) => newInt((self as DequeIter).counter);
DequeRevIterType.methods.__length_hint__ = (self) => newInt((self as DequeIter).counter);

// ===================================================================== defaultdict

/** A defaultdict is a PyDict with a default_factory, kept beside the dict's own fields. */
type DefDict = PyDict & { factory?: PyObject | null };

export const DefaultDictType = builtinType(
  'collections.defaultdict', 56, TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC | TPFLAGS_DICT_SUBCLASS | TPFLAGS_MAPPING, DictType,
);
DefaultDictType.qualname = 'defaultdict';
DefaultDictType.classMethods.__class_getitem__ = deferred(parts.generic, 'classGetItem');
DefaultDictType.module = M;

function factoryOf(o: PyObject): PyObject {
  return (o as DefDict).factory ?? PyNone;
}
DefaultDictType.tp_new = (type, args, kwnames) => {
  const d = DictType.tp_new!(type, [], null) as DefDict;
  d.factory = null;
  void args;
  void kwnames;
  return d;
};
DefaultDictType.tp_init = (self, args, kwnames) => {
  const nkw = kwnames ? kwnames.length : 0;
  const npos = args.length - nkw;
  let rest = args;
  if (npos > 0) {
    const f = args[0];
    if (f !== PyNone && !isCallable(f)) raise(Exc.TypeError, 'first argument must be callable or None');
    const d = self as DefDict;
    const old = d.factory ?? null;
    d.factory = f === PyNone ? null : newref(f);
    xdecref(old);
    rest = args.slice(1);
  }
  DictType.tp_init!(self, rest, kwnames);
};
DefaultDictType.tp_traverse = (o: PyObject, visit: Visit) => {
  const f = (o as DefDict).factory;
  if (f) visit(f);
  DictType.tp_traverse!(o, visit);
};
function dropFactory(o: PyObject): void {
  const d = o as DefDict;
  const f = d.factory ?? null;
  d.factory = null;
  xdecref(f);
}
DefaultDictType.tp_clear = (o) => {
  dropFactory(o);
  DictType.tp_clear!(o);
};
DefaultDictType.tp_dealloc = (o) => {
  gcUntrack(o);
  dropFactory(o);
  DictType.tp_dealloc(o);
};
DefaultDictType.tp_repr = (o) => {
  const f = factoryOf(o);
  let fr: string;
  if (f === PyNone) fr = 'None';
  else if (reprEnter(f)) fr = '...';
  else {
    try {
      fr = reprString(f);
    } finally {
      reprLeave(f);
    }
  }
  const inner = DictType.tp_repr!(o);
  try {
    return newStr(`${o.type === DefaultDictType ? 'defaultdict' : o.type.qualname}(${fr}, ${(inner as PyObject & { value: string }).value})`);
  } finally {
    decref(inner);
  }
};
function ddCopy(self: PyObject): PyObject {
  return call(self.type, [factoryOf(self), self]);
}
DefaultDictType.methods = {
  __missing__: (self, args) => {
    checkArity('__missing__', args, 1, 1);
    const key = args[0];
    const f = (self as DefDict).factory ?? null;
    if (f === null) throw new PyRaise(newExceptionWithArgs(Exc.KeyError, newTuple([newref(key)])));
    const value = call(f, []);
    try {
      setItem(self, key, value);
    } catch (e) {
      decref(value);
      throw e;
    }
    return value;
  },
  copy: ddCopy,
  __copy__: ddCopy,
  __reduce__: (self) => {
    const items = dictItems(self as PyDict).map(([k, v]) => newTuple([newref(k), newref(v)]));
    const l = newList(items);
    try {
      const it = getIter(l);
      return newTuple([newref(self.type), newTuple([newref(factoryOf(self))]), none(), none(), it]);
    } finally {
      decref(l);
    }
  },
  __sizeof__: (self) => {
    const base = DictType.tp_sizeof ? DictType.tp_sizeof(self) : 48;
    return newInt(base + 8);
  },
};
DefaultDictType.getsets = {
  default_factory: {
    get: (o) => newref(factoryOf(o)),
    set: (o, v) => {
      const d = o as DefDict;
      const old = d.factory ?? null;
      d.factory = v === null || v === PyNone ? null : newref(v);
      xdecref(old);
    },
  },
};

// ===================================================================== Counter

/** Counter: a dict subclass (a Python class in CPython: 16-byte managed pre-header) */
export const CounterType = builtinType(
  'Counter', 48, TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC | TPFLAGS_DICT_SUBCLASS | TPFLAGS_MAPPING, DictType,
);
CounterType.module = M;
CounterType.preheader = 16;
CounterType.weakrefable = true;

function isMapping(o: PyObject): boolean {
  return o instanceof PyDict;
}
function counterUpdate(self: PyObject, args: PyObject[], kwnames: string[] | null, sign: 1 | -1): void {
  const nkw = kwnames ? kwnames.length : 0;
  const npos = args.length - nkw;
  if (npos > 1) raise(Exc.TypeError, `expected at most 1 arguments, got ${npos}`);
  const d = self as PyDict;
  const addTo = (k: PyObject, n: PyObject): void => {
    const cur = dictGetItem(d, k);
    let nv: PyObject;
    if (cur === null) {
      nv = sign === 1 ? newref(n) : binaryOp(zero(), n, NB_SUBTRACT);
    } else nv = binaryOp(cur, n, sign === 1 ? NB_ADD : NB_SUBTRACT);
    try {
      dictSetItem(d, k, nv);
    } finally {
      decref(nv);
    }
  };
  if (npos === 1) {
    const src = args[0];
    if (isMapping(src)) {
      if (sign === 1 && dictLength(d) === 0) {
        // dict.update(self, iterable): the counts are taken as they are
        for (const [k, v] of dictItems(src as PyDict)) dictSetItem(d, k, v);
      } else for (const [k, v] of dictItems(src as PyDict)) addTo(k, v);
    } else {
      const one = newInt(1);
      const it = getIter(src);
      try {
        for (let x = iterNext(it); x !== null; x = iterNext(it)) {
          try {
            addTo(x, one);
          } finally {
            decref(x);
          }
        }
      } finally {
        decref(it);
        decref(one);
      }
    }
  }
  for (let i = 0; i < nkw; i++) {
    const k = newStr(kwnames![i]);
    try {
      addTo(k, args[npos + i]);
    } finally {
      decref(k);
    }
  }
}
let zeroObj: PyObject | null = null;
function zero(): PyObject {
  if (zeroObj === null) zeroObj = newInt(0);
  return zeroObj;
}
CounterType.tp_new = (type) => DictType.tp_new!(type, [], null);
CounterType.tp_init = (self, args, kwnames) => counterUpdate(self, args, kwnames, 1);

/** most_common order: by count, descending, stable (sorted(..., key=itemgetter(1), reverse=True)) */
function mostCommon(d: PyDict): [PyObject, PyObject][] {
  const items = dictItems(d);
  const idx = items.map((_, i) => i);
  // a stable merge sort comparing counts with Python's `<`
  const sorted = mergeSort(idx, (a, b) => richCompareBool(items[a][1], items[b][1], 4 /* Py_GT */) ? -1
    : richCompareBool(items[b][1], items[a][1], 4) ? 1 : 0);
  return sorted.map((i) => items[i]);
}
function mergeSort(a: number[], cmp: (x: number, y: number) => number): number[] {
  if (a.length <= 1) return a;
  const mid = a.length >> 1;
  const l = mergeSort(a.slice(0, mid), cmp), r = mergeSort(a.slice(mid), cmp);
  const out: number[] = [];
  let i = 0, j = 0;
  while (i < l.length && j < r.length) out.push(cmp(r[j], l[i]) < 0 ? r[j++] : l[i++]);
  return out.concat(l.slice(i), r.slice(j));
}

CounterType.tp_repr = (o) => {
  const d = o as PyDict;
  const name = o.type.qualname;
  if (d.used === 0) return newStr(`${name}()`);
  if (reprEnter(o)) return newStr('...');
  try {
    const parts = mostCommon(d).map(([k, v]) => `${reprString(k)}: ${reprString(v)}`);
    return newStr(`${name}({${parts.join(', ')}})`);
  } finally {
    reprLeave(o);
  }
};
function newCounterLike(type: PyTypeObject): PyDict {
  return call(type, []) as PyDict;
}
function counterBinary(keep: (v: PyObject) => boolean, combine: (a: PyObject | null, b: PyObject | null) => PyObject | null) {
  return (a: PyObject, b: PyObject): PyObject => {
    if (!(a.type === CounterType || a.type.mro.includes(CounterType)) || !(b.type === CounterType || b.type.mro.includes(CounterType))) {
      return NotImplemented;
    }
    const result = newCounterLike(CounterType);
    const ad = a as PyDict, bd = b as PyDict;
    const keys: PyObject[] = [];
    for (const [k] of dictItems(ad)) keys.push(k);
    for (const [k] of dictItems(bd)) if (dictGetItem(ad, k) === null) keys.push(k);
    for (const k of keys) {
      const v = combine(dictGetItem(ad, k), dictGetItem(bd, k));
      if (v === null) continue;
      if (keep(v)) dictSetItem(result, k, v);
      decref(v);
    }
    return result;
  };
}
const positive = (v: PyObject): boolean => richCompareBool(v, zero(), 4);
CounterType.nb[NB_ADD] = counterBinary(positive, (x, y) => {
  if (x === null) return newref(y!);
  return y === null ? newref(x) : binaryOp(x, y, NB_ADD);
});
CounterType.nb[NB_SUBTRACT] = counterBinary(positive, (x, y) => {
  if (x === null) return richCompareBool(y!, zero(), 0 /* Py_LT */) ? binaryOp(zero(), y!, NB_SUBTRACT) : null;
  return y === null ? newref(x) : binaryOp(x, y, NB_SUBTRACT);
});
CounterType.nb[NB_OR] = counterBinary(positive, (x, y) => {
  if (x === null) return newref(y!);
  if (y === null) return newref(x);
  return newref(richCompareBool(x, y, 0 /* Py_LT */) ? y : x);
});
CounterType.nb[NB_AND] = counterBinary(positive, (x, y) => {
  if (x === null || y === null) return null;
  return newref(richCompareBool(x, y, 0) ? x : y);
});
CounterType.tp_richcompare = (a, b, op) => {
  if (!(b instanceof PyDict) || (op !== Py_EQ && op !== Py_NE)) return DictType.tp_richcompare!(a, b, op);
  // Counter equality treats missing elements as having zero counts (3.10+)
  const check = (x: PyDict, y: PyDict): boolean => {
    for (const [k, v] of dictItems(x)) {
      const w = dictGetItem(y, k) ?? zero();
      if (!richCompareBool(v, w, Py_EQ)) return false;
    }
    return true;
  };
  if (!(b.type === CounterType || b.type.mro.includes(CounterType))) return DictType.tp_richcompare!(a, b, op);
  const eq = check(a as PyDict, b) && check(b, a as PyDict);
  return newBool(op === Py_EQ ? eq : !eq);
};

CounterType.methods = {
  __missing__: () => newInt(0),
  update: (self, args, kwnames) => {
    counterUpdate(self, args, kwnames, 1);
    return none();
  },
  subtract: (self, args, kwnames) => {
    counterUpdate(self, args, kwnames, -1);
    return none();
  },
  total: (self) => {
    let t: PyObject = newInt(0);
    for (const [, v] of dictItems(self as PyDict)) {
      const n = binaryOp(t, v, NB_ADD);
      decref(t);
      t = n;
    }
    return t;
  },
  most_common: (self, args, kwnames) => {
    const [nObj] = parseArgs('most_common', args, kwnames, ['n'], 0);
    let items = mostCommon(self as PyDict);
    if (nObj !== undefined && nObj !== PyNone) {
      const n = asIndex(nObj);
      items = items.slice(0, Math.max(0, n));
    }
    return newList(items.map(([k, v]) => newTuple([newref(k), newref(v)])));
  },
  elements: (self) => {
    const out: PyObject[] = [];
    for (const [k, v] of dictItems(self as PyDict)) {
      if (!(v instanceof PyLong)) raise(Exc.TypeError, `'${v.type.name}' object cannot be interpreted as an integer`);
      const n = Number(v.value);
      for (let i = 0; i < n; i++) out.push(newref(k));
    }
    const l = newList(out);
    try {
      return getIter(l);
    } finally {
      decref(l);
    }
  },
  copy: (self) => {
    const c = newCounterLike(self.type);
    for (const [k, v] of dictItems(self as PyDict)) dictSetItem(c, k, v);
    return c;
  },
  __reduce__: (self) => {
    const d = newDictCopy(self as PyDict);
    return newTuple([newref(self.type), newTuple([d])]);
  },
};
function newDictCopy(d: PyDict): PyObject {
  const c = call(DictType, []) as PyDict;
  for (const [k, v] of dictItems(d)) dictSetItem(c, k, v);
  return c;
}

// ===================================================================== the module

export function collectionsDef(): ModuleDef {
  zeroObj = null;
  return {
    name: 'collections',
    functions: {
      namedtuple: () => unsupported('collections.namedtuple'),
      OrderedDict: () => unsupported('collections.OrderedDict'),
      ChainMap: () => unsupported('collections.ChainMap'),
      UserDict: () => unsupported('collections.UserDict'),
      UserList: () => unsupported('collections.UserList'),
    },
    attrs: () => ({
      deque: newref(DequeType),
      defaultdict: newref(DefaultDictType),
      Counter: newref(CounterType),
    }),
  };
}

void compareInts;
void isTrue;
void getItem;
void dictDelItem;
void PyList;
void PyTuple;
void noKeywords;
void gcAlloc;
void gcTrack;
void Exc;
