/**
 * The itertools module: lazy iterator building blocks.
 * CPython counterpart: Modules/itertoolsmodule.c (3.12).
 *
 * Each iterator is its own type with CPython's tp_basicsize, GC-tracked like
 * CPython's, and follows the C code's order of operations (so the objects it
 * creates and frees, and when, are CPython's). product, permutations,
 * combinations and zip_longest reuse their result tuple when nobody else
 * holds it, as the C code does.
 *
 * Also home of the small helpers the other simulated stdlib modules share
 * (nativeType, allocNative …): an object's owned references are its own
 * fields holding PyObjects (or arrays of them); fields whose name starts
 * with `b_` are borrowed and not counted.
 */

import { PyObject, decref, incref, newref, xdecref } from '../objects/object.js';
import {
  PyTypeObject, builtinType, TPFLAGS_HAVE_GC, TPFLAGS_BASETYPE, ObjectType, type Visit, Py_EQ,
} from '../objects/typeobject.js';
import { gcAlloc, gcFree, gcTrack, gcUntrack } from '../gc/gcobject.js';
import { raise } from '../eval/errors.js';
import { Exc } from '../objects/exceptions.js';
import {
  getIter, iterNext, call, isTrue, richCompareBool, reprString, binaryOp, isExceptionOf, clearRaise,
} from '../objects/abstract.js';
import { PyLong, newInt, asIndex } from '../objects/longobject.js';
import { PyFloat } from '../objects/floatobject.js';
import { PyNone } from '../objects/singletons.js';
import { PyTuple, newTuple, sequenceTuple } from '../objects/tupleobject.js';
import { newList, listAppend, PyList } from '../objects/listobject.js';
import { newStr } from '../objects/unicodeobject.js';
import { parseArgs, noKeywords, checkArity } from '../objects/args.js';
import { NB_ADD } from '../objects/typeobject.js';
import type { ModuleDef } from './moduledef.js';
import { parts, deferred } from '../ondemand.js';

// ===================================================================== shared helpers

/**
 * The fields a native object class declares itself (not PyObject's header,
 * whatever the header holds now or later): found once per class from a bare
 * instance, since header fields like the GC links are only added by gcAlloc.
 */
const BASE_FIELDS = new Set(Object.keys(new PyObject(ObjectType)));
const ownFieldCache = new Map<unknown, string[]>();
function ownFields(o: PyObject): string[] {
  const ctor = o.constructor as new (t: PyTypeObject) => PyObject;
  let f = ownFieldCache.get(ctor);
  if (f === undefined) {
    const bare = new ctor(o.type);
    f = Object.keys(bare).filter((k) => !BASE_FIELDS.has(k) && !k.startsWith('b_'));
    ownFieldCache.set(ctor, f);
  }
  return f;
}

/** The references an object owns: its own fields holding PyObjects (or arrays of them), not `b_` fields. */
export function ownedRefs(o: PyObject): PyObject[] {
  const out: PyObject[] = [];
  const rec = o as unknown as Record<string, unknown>;
  for (const k of ownFields(o)) {
    const v = rec[k];
    if (v instanceof PyObject) out.push(v);
    else if (Array.isArray(v)) for (const x of v) if (x instanceof PyObject) out.push(x);
  }
  if (o.dict) out.push(o.dict);
  return out;
}

/** tp_clear: drops every owned reference (fields become null, arrays empty). */
export function clearOwned(o: PyObject): void {
  const rec = o as unknown as Record<string, unknown>;
  const drop: PyObject[] = [];
  for (const k of ownFields(o)) {
    const v = rec[k];
    if (v instanceof PyObject) {
      drop.push(v);
      rec[k] = null;
    } else if (Array.isArray(v) && v.some((x) => x instanceof PyObject)) {
      for (const x of v) if (x instanceof PyObject) drop.push(x);
      rec[k] = [];
    }
  }
  if (o.dict) {
    drop.push(o.dict);
    o.dict = null;
  }
  for (const x of drop) decref(x);
}

/**
 * A GC-tracked builtin type of a simulated stdlib module: tp_name is
 * `module.name` as in CPython, traverse/clear/dealloc go through the owned fields.
 */
export function nativeType(module: string, name: string, basicsize: number, flags = 0, base: PyTypeObject = ObjectType): PyTypeObject {
  const t = builtinType(`${module}.${name}`, basicsize, TPFLAGS_HAVE_GC | flags, base);
  t.qualname = name;
  t.module = module;
  t.tp_traverse = (o: PyObject, visit: Visit) => {
    for (const r of ownedRefs(o)) visit(r);
  };
  t.tp_clear = clearOwned;
  t.tp_dealloc = (o: PyObject) => {
    gcUntrack(o);
    clearOwned(o);
    gcFree(o);
  };
  return t;
}

/** An iterator type: tp_iter returns self. */
export function iterType(module: string, name: string, basicsize: number, flags = 0): PyTypeObject {
  const t = nativeType(module, name, basicsize, flags);
  t.tp_iter = (o) => newref(o);
  return t;
}

/** PyObject_GC_New + track, with the type's basicsize. */
export function allocNative<T extends PyObject>(o: T): T {
  gcAlloc(o, o.type.basicsize);
  gcTrack(o);
  return o;
}

/** `None` as a new reference */
export function none(): PyObject {
  incref(PyNone);
  return PyNone;
}

/** tp_iternext when the caller wants StopIteration-as-null semantics from any iterator. */
function next(it: PyObject): PyObject | null {
  return iterNext(it);
}

/** Reuses `holder.result` in place when only the holder refers to it (the C code's refcount-1 trick). */
function reuseResult(holder: { result: PyTuple | null }, items: PyObject[]): PyObject {
  const r = holder.result;
  if (r !== null && r.refcnt === 1) {
    incref(r);
    const old = r.items.slice();
    for (let i = 0; i < items.length; i++) r.items[i] = items[i];
    for (const o of old) decref(o);
    if (!r.gcTracked) gcTrack(r);
    return r;
  }
  const t = newTuple(items);
  if (r !== null) decref(r);
  holder.result = t;
  incref(t);
  return t;
}

function isNumber(o: PyObject): boolean {
  const t = o.type;
  return t.nb_index !== null || t.nb_int !== null || t.nb_float !== null || o instanceof PyLong || o instanceof PyFloat
    || t.name === 'complex';
}

const M = 'itertools';
const SSIZE_MAX = 2n ** 63n - 1n;

// ===================================================================== count

class Count extends PyObject {
  /** fast mode: the next value (a JS number); slow mode: null and `cntObj` holds it */
  cnt = 0;
  fast = true;
  cntObj: PyObject | null = null;
  step: PyObject | null = null;
}
export const CountType = iterType(M, 'count', 40, TPFLAGS_BASETYPE);
CountType.tp_new = (type, args, kwnames) => {
  const [start, step] = parseArgs('count', args, kwnames, ['start', 'step'], 0);
  if ((start !== undefined && !isNumber(start)) || (step !== undefined && !isNumber(step))) {
    raise(Exc.TypeError, 'a number is required');
  }
  const c = new Count(type);
  const st = step ?? newInt(1);
  if (step !== undefined) incref(step);
  const s0 = start ?? newInt(0);
  if (start !== undefined) incref(s0);
  let fast = s0 instanceof PyLong && st instanceof PyLong && st.value === 1;
  if (fast) {
    const v = (s0 as PyLong).value;
    if (typeof v !== 'number' || !Number.isSafeInteger(v)) fast = false;
  }
  c.step = st;
  c.fast = fast;
  if (fast) {
    c.cnt = (s0 as PyLong).value as number;
    decref(s0);
  } else c.cntObj = s0;
  return allocNative(c);
};
CountType.tp_iternext = (o) => {
  const c = o as Count;
  if (c.fast) {
    if (Number.isSafeInteger(c.cnt + 1)) return newInt(c.cnt++);
    c.fast = false;
    c.cntObj = newInt(c.cnt);
  }
  const cur = c.cntObj!;
  const nxt = binaryOp(cur, c.step!, NB_ADD);
  c.cntObj = nxt;
  return cur;
};
CountType.tp_repr = (o) => {
  const c = o as Count;
  const start = c.fast ? String(c.cnt) : reprString(c.cntObj!);
  const step = c.step!;
  if (step instanceof PyLong && step.value === 1) return newStr(`count(${start})`);
  return newStr(`count(${start}, ${reprString(step)})`);
};

// ===================================================================== cycle

class Cycle extends PyObject {
  it: PyObject | null = null;
  saved: PyList | null = null;
  index = 0;
  firstpass = false;
}
export const CycleType = iterType(M, 'cycle', 48, TPFLAGS_BASETYPE);
CycleType.tp_new = (type, args, kwnames) => {
  noKeywords('cycle', kwnames);
  checkArity('cycle', args, 1, 1);
  const it = getIter(args[0]);
  const c = new Cycle(type);
  c.it = it;
  c.saved = newList([]);
  return allocNative(c);
};
CycleType.tp_iternext = (o) => {
  const c = o as Cycle;
  if (c.it !== null) {
    const item = next(c.it);
    if (item !== null) {
      if (c.firstpass) return item;
      listAppend(c.saved!, item);
      return item;
    }
    const it = c.it;
    c.it = null;
    decref(it);
  }
  const saved = c.saved!;
  if (saved.items.length === 0) return null;
  const item = saved.items[c.index];
  c.index++;
  if (c.index >= saved.items.length) c.index = 0;
  return newref(item);
};

// ===================================================================== repeat

class Repeat extends PyObject {
  element: PyObject | null = null;
  cnt = -1;
}
export const RepeatType = iterType(M, 'repeat', 32, TPFLAGS_BASETYPE);
RepeatType.tp_new = (type, args, kwnames) => {
  const [element, times] = parseArgs('repeat', args, kwnames, ['object', 'times'], 1);
  let cnt = -1;
  if (times !== undefined) {
    cnt = asIndex(times);
    if (cnt < 0) cnt = 0;
  }
  const r = new Repeat(type);
  r.element = newref(element!);
  r.cnt = cnt;
  return allocNative(r);
};
RepeatType.tp_iternext = (o) => {
  const r = o as Repeat;
  if (r.cnt === 0) return null;
  if (r.cnt > 0) r.cnt--;
  return newref(r.element!);
};
RepeatType.tp_repr = (o) => {
  const r = o as Repeat;
  const e = reprString(r.element!);
  return newStr(r.cnt === -1 ? `repeat(${e})` : `repeat(${e}, ${r.cnt})`);
};
RepeatType.methods.__length_hint__ = (self) => {
  const r = self as Repeat;
  if (r.cnt === -1) raise(Exc.TypeError, 'len() of unsized object');
  return newInt(r.cnt);
};

// ===================================================================== chain

class Chain extends PyObject {
  source: PyObject | null = null;
  active: PyObject | null = null;
}
export const ChainType = iterType(M, 'chain', 32, TPFLAGS_BASETYPE);
function newChain(type: PyTypeObject, source: PyObject): PyObject {
  const c = new Chain(type);
  c.source = source;
  return allocNative(c);
}
ChainType.tp_new = (type, args, kwnames) => {
  noKeywords('chain', kwnames);
  const t = newTuple(args.map((a) => newref(a)));
  const source = getIter(t);
  decref(t);
  return newChain(type, source);
};
ChainType.classMethods.from_iterable = (self, args) => {
  checkArity('from_iterable', args, 1, 1);
  return newChain(self as PyTypeObject, getIter(args[0]));
};
/** chain[int]: a types.GenericAlias (objects/genericalias.ts) */
ChainType.classMethods.__class_getitem__ = deferred(parts.generic, 'classGetItem');
ChainType.tp_iternext = (o) => {
  const c = o as Chain;
  while (c.source !== null) {
    if (c.active === null) {
      let iterable: PyObject | null;
      try {
        iterable = next(c.source);
      } catch (e) {
        const s = c.source;
        c.source = null;
        xdecref(s);
        throw e;
      }
      if (iterable === null) {
        const s = c.source;
        c.source = null;
        decref(s);
        return null;
      }
      try {
        c.active = getIter(iterable);
      } catch (e) {
        const s = c.source;
        c.source = null;
        xdecref(s);
        throw e;
      } finally {
        decref(iterable);
      }
    }
    const item = next(c.active);
    if (item !== null) return item;
    const a = c.active;
    c.active = null;
    decref(a);
  }
  return null;
};

// ===================================================================== islice

class ISlice extends PyObject {
  it: PyObject | null = null;
  next = 0;
  stop = -1;
  step = 1;
  cnt = 0;
}
export const ISliceType = iterType(M, 'islice', 56, TPFLAGS_BASETYPE);
function sliceArg(o: PyObject, msg: string): number {
  if (o === PyNone) return -1;
  let v: number;
  try {
    v = asIndex(o);
  } catch (e) {
    if (isExceptionOf(e, Exc.TypeError) || isExceptionOf(e, Exc.OverflowError)) {
      clearRaise(e);
      raise(Exc.ValueError, msg);
    }
    throw e;
  }
  if (v < 0) raise(Exc.ValueError, msg);
  return v;
}
ISliceType.tp_new = (type, args, kwnames) => {
  noKeywords('islice', kwnames);
  checkArity('islice', args, 2, 4);
  const seq = args[0];
  let start = 0, stop = -1, step = 1;
  if (args.length === 2) {
    stop = sliceArg(args[1], 'Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.');
  } else {
    start = args[1] === PyNone ? 0 : sliceArg(args[1], 'Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.');
    stop = sliceArg(args[2], 'Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.');
    if (args.length === 4 && args[3] !== PyNone) {
      step = sliceArg(args[3], 'Step for islice() must be a positive integer or None.');
      if (step === 0) raise(Exc.ValueError, 'Step for islice() must be a positive integer or None.');
    }
  }
  const it = getIter(seq);
  const s = new ISlice(type);
  s.it = it;
  s.next = start;
  s.stop = stop;
  s.step = step;
  return allocNative(s);
};
ISliceType.tp_iternext = (o) => {
  const s = o as ISlice;
  const it = s.it;
  if (it === null) return null;
  const empty = (): null => {
    const i = s.it;
    s.it = null;
    xdecref(i);
    return null;
  };
  while (s.cnt < s.next) {
    const item = next(it);
    if (item === null) return empty();
    decref(item);
    s.cnt++;
  }
  if (s.stop !== -1 && s.cnt >= s.stop) return empty();
  const item = next(it);
  if (item === null) return empty();
  s.cnt++;
  const old = s.next;
  s.next += s.step;
  if (s.next < old || (s.stop !== -1 && s.next > s.stop)) s.next = s.stop;
  return item;
};

// ===================================================================== accumulate

class Accumulate extends PyObject {
  total: PyObject | null = null;
  it: PyObject | null = null;
  binop: PyObject | null = null;
  initial: PyObject | null = null;
}
export const AccumulateType = iterType(M, 'accumulate', 56, TPFLAGS_BASETYPE);
AccumulateType.tp_new = (type, args, kwnames) => {
  const [iterable, func, initial] = parseArgs('accumulate', args, kwnames, ['iterable', 'func', 'initial'], 1);
  const it = getIter(iterable!);
  const a = new Accumulate(type);
  a.it = it;
  if (func !== undefined && func !== PyNone) a.binop = newref(func);
  if (initial !== undefined && initial !== PyNone) a.initial = newref(initial);
  return allocNative(a);
};
AccumulateType.tp_iternext = (o) => {
  const a = o as Accumulate;
  if (a.initial !== null) {
    a.total = a.initial;
    a.initial = null;
    return newref(a.total);
  }
  const val = next(a.it!);
  if (val === null) return null;
  if (a.total === null) {
    a.total = val;
    return newref(val);
  }
  let nt: PyObject;
  try {
    nt = a.binop === null ? binaryOp(a.total, val, NB_ADD) : call(a.binop, [a.total, val]);
  } finally {
    decref(val);
  }
  const old = a.total;
  a.total = newref(nt);
  decref(old);
  return nt;
};

// ===================================================================== product

class Product extends PyObject {
  pools: PyTuple | null = null;
  indices: number[] = [];
  result: PyTuple | null = null;
  stopped = false;
}
export const ProductType = iterType(M, 'product', 48, TPFLAGS_BASETYPE);
ProductType.tp_new = (type, args, kwnames) => {
  const nkw = kwnames ? kwnames.length : 0;
  let repeat = 1;
  for (let k = 0; k < nkw; k++) {
    if (kwnames![k] !== 'repeat') raise(Exc.TypeError, `product() got an unexpected keyword argument '${kwnames![k]}'`);
    repeat = asIndex(args[args.length - nkw + k]);
    if (repeat < 0) raise(Exc.ValueError, 'repeat argument cannot be negative');
  }
  const npos = args.length - nkw;
  const nargs = repeat === 0 ? 0 : npos;
  const pools: PyObject[] = [];
  try {
    for (let i = 0; i < nargs; i++) pools.push(sequenceTuple(args[i]));
  } catch (e) {
    for (const p of pools) decref(p);
    throw e;
  }
  for (let r = 1; r < repeat; r++) for (let i = 0; i < nargs; i++) pools.push(newref(pools[i]));
  const p = new Product(type);
  p.pools = newTuple(pools);
  p.indices = new Array(pools.length).fill(0);
  return allocNative(p);
};
ProductType.tp_iternext = (o) => {
  const p = o as Product;
  if (p.stopped) return null;
  const pools = p.pools!.items as PyTuple[];
  const n = pools.length;
  if (p.result === null) {
    if (pools.some((pool) => pool.items.length === 0)) {
      p.stopped = true;
      return null;
    }
    p.result = newTuple(pools.map((pool) => newref(pool.items[0])));
    return newref(p.result);
  }
  const idx = p.indices;
  const items = p.result.items.map((x) => newref(x));
  let i = n - 1;
  for (; i >= 0; i--) {
    const pool = pools[i];
    idx[i]++;
    if (idx[i] === pool.items.length) {
      idx[i] = 0;
      decref(items[i]);
      items[i] = newref(pool.items[0]);
    } else {
      decref(items[i]);
      items[i] = newref(pool.items[idx[i]]);
      break;
    }
  }
  if (i < 0) {
    for (const x of items) decref(x);
    p.stopped = true;
    return null;
  }
  return reuseResult(p, items);
};

// ===================================================================== combinations / permutations

class Combinations extends PyObject {
  pool: PyTuple | null = null;
  indices: number[] = [];
  cycles: number[] = [];
  result: PyTuple | null = null;
  r = 0;
  stopped = false;
}
function poolAndR(fname: string, args: PyObject[], kwnames: string[] | null, rRequired: boolean): [PyTuple, number] {
  const [iterable, rObj] = parseArgs(fname, args, kwnames, ['iterable', 'r'], rRequired ? 2 : 1);
  const pool = sequenceTuple(iterable!) as PyTuple;
  let r = pool.items.length;
  if (rObj !== undefined && rObj !== PyNone) {
    try {
      r = asIndex(rObj);
    } catch (e) {
      decref(pool);
      throw e;
    }
    if (r < 0) {
      decref(pool);
      raise(Exc.ValueError, 'r must be non-negative');
    }
  }
  return [pool, r];
}
export const CombinationsType = iterType(M, 'combinations', 56, TPFLAGS_BASETYPE);
export const CwrType = iterType(M, 'combinations_with_replacement', 56, TPFLAGS_BASETYPE);
export const PermutationsType = iterType(M, 'permutations', 64, TPFLAGS_BASETYPE);
CombinationsType.tp_new = (type, args, kwnames) => {
  const [pool, r] = poolAndR('combinations', args, kwnames, true);
  const c = new Combinations(type);
  c.pool = pool;
  c.r = r;
  c.indices = Array.from({ length: r }, (_, i) => i);
  c.stopped = r > pool.items.length;
  return allocNative(c);
};
CwrType.tp_new = (type, args, kwnames) => {
  const [pool, r] = poolAndR('combinations_with_replacement', args, kwnames, true);
  const c = new Combinations(type);
  c.pool = pool;
  c.r = r;
  c.indices = new Array(r).fill(0);
  c.stopped = pool.items.length === 0 && r > 0;
  return allocNative(c);
};
PermutationsType.tp_new = (type, args, kwnames) => {
  const [pool, r] = poolAndR('permutations', args, kwnames, false);
  const n = pool.items.length;
  const c = new Combinations(type);
  c.pool = pool;
  c.r = r;
  c.indices = Array.from({ length: n }, (_, i) => i);
  c.cycles = Array.from({ length: r }, (_, i) => n - i);
  c.stopped = r > n;
  return allocNative(c);
};
function combResult(c: Combinations, idx: number[]): PyObject {
  const pool = c.pool!.items;
  const items = idx.map((i) => newref(pool[i]));
  if (c.result === null) {
    c.result = newTuple(items);
    return newref(c.result);
  }
  return reuseResult(c, items);
}
CombinationsType.tp_iternext = (o) => {
  const c = o as Combinations;
  if (c.stopped) return null;
  const n = c.pool!.items.length, r = c.r, idx = c.indices;
  if (c.result !== null) {
    let i = r - 1;
    while (i >= 0 && idx[i] === i + n - r) i--;
    if (i < 0) {
      c.stopped = true;
      return null;
    }
    idx[i]++;
    for (let j = i + 1; j < r; j++) idx[j] = idx[j - 1] + 1;
  }
  return combResult(c, idx);
};
CwrType.tp_iternext = (o) => {
  const c = o as Combinations;
  if (c.stopped) return null;
  const n = c.pool!.items.length, r = c.r, idx = c.indices;
  if (c.result !== null) {
    let i = r - 1;
    while (i >= 0 && idx[i] === n - 1) i--;
    if (i < 0) {
      c.stopped = true;
      return null;
    }
    const v = idx[i] + 1;
    for (let j = i; j < r; j++) idx[j] = v;
  }
  return combResult(c, idx);
};
PermutationsType.tp_iternext = (o) => {
  const c = o as Combinations;
  if (c.stopped) return null;
  const n = c.pool!.items.length, r = c.r, idx = c.indices, cycles = c.cycles;
  if (c.result !== null) {
    if (n === 0) {
      c.stopped = true;
      return null;
    }
    let i = r - 1;
    for (; i >= 0; i--) {
      cycles[i]--;
      if (cycles[i] === 0) {
        const x = idx[i];
        idx.splice(i, 1);
        idx.push(x);
        cycles[i] = n - i;
      } else {
        const j = cycles[i];
        const t = idx[i];
        idx[i] = idx[n - j];
        idx[n - j] = t;
        break;
      }
    }
    if (i < 0) {
      c.stopped = true;
      return null;
    }
  }
  return combResult(c, idx.slice(0, r));
};

// ===================================================================== zip_longest

class ZipLongest extends PyObject {
  tuplesize = 0;
  numactive = 0;
  ittuple: (PyObject | null)[] = [];
  result: PyTuple | null = null;
  fillvalue: PyObject | null = null;
}
export const ZipLongestType = iterType(M, 'zip_longest', 56, TPFLAGS_BASETYPE);
ZipLongestType.tp_new = (type, args, kwnames) => {
  const nkw = kwnames ? kwnames.length : 0;
  let fill: PyObject = PyNone;
  for (let k = 0; k < nkw; k++) {
    if (kwnames![k] !== 'fillvalue') raise(Exc.TypeError, 'zip_longest() got an unexpected keyword argument');
    fill = args[args.length - nkw + k];
  }
  const npos = args.length - nkw;
  const its: PyObject[] = [];
  try {
    for (let i = 0; i < npos; i++) {
      try {
        its.push(getIter(args[i]));
      } catch (e) {
        if (isExceptionOf(e, Exc.TypeError)) {
          clearRaise(e);
          raise(Exc.TypeError, `zip_longest argument #${i + 1} must support iteration`);
        }
        throw e;
      }
    }
  } catch (e) {
    for (const it of its) decref(it);
    throw e;
  }
  const z = new ZipLongest(type);
  z.ittuple = its;
  z.tuplesize = z.numactive = npos;
  z.result = newTuple(its.map(() => newref(PyNone)));
  z.fillvalue = newref(fill);
  return allocNative(z);
};
ZipLongestType.tp_iternext = (o) => {
  const z = o as ZipLongest;
  if (z.tuplesize === 0 || z.numactive === 0) return null;
  const items: PyObject[] = [];
  for (let i = 0; i < z.tuplesize; i++) {
    const it = z.ittuple[i];
    let item: PyObject | null = null;
    if (it === null) item = newref(z.fillvalue!);
    else {
      try {
        item = next(it);
      } catch (e) {
        for (const x of items) decref(x);
        throw e;
      }
      if (item === null) {
        z.numactive--;
        if (z.numactive === 0) {
          for (const x of items) decref(x);
          return null;
        }
        item = newref(z.fillvalue!);
        z.ittuple[i] = null;
        decref(it);
      }
    }
    items.push(item);
  }
  return reuseResult(z, items);
};

// ===================================================================== takewhile / dropwhile / filterfalse / compress / starmap

class PredIter extends PyObject {
  func: PyObject | null = null;
  it: PyObject | null = null;
  stop = false;
}
function predNew(fname: string, type: PyTypeObject, args: PyObject[], kwnames: string[] | null): PyObject {
  noKeywords(fname, kwnames);
  checkArity(fname, args, 2, 2);
  const it = getIter(args[1]);
  const p = new PredIter(type);
  p.func = newref(args[0]);
  p.it = it;
  return allocNative(p);
}
function predTrue(p: PredIter, item: PyObject): boolean {
  let r: PyObject;
  try {
    r = call(p.func!, [item]);
  } catch (e) {
    decref(item);
    throw e;
  }
  try {
    return isTrue(r);
  } finally {
    decref(r);
  }
}
export const TakewhileType = iterType(M, 'takewhile', 40, TPFLAGS_BASETYPE);
TakewhileType.tp_new = (type, args, kwnames) => predNew('takewhile', type, args, kwnames);
TakewhileType.tp_iternext = (o) => {
  const p = o as PredIter;
  if (p.stop) return null;
  const item = next(p.it!);
  if (item === null) return null;
  if (predTrue(p, item)) return item;
  decref(item);
  p.stop = true;
  return null;
};
export const DropwhileType = iterType(M, 'dropwhile', 40, TPFLAGS_BASETYPE);
DropwhileType.tp_new = (type, args, kwnames) => predNew('dropwhile', type, args, kwnames);
DropwhileType.tp_iternext = (o) => {
  const p = o as PredIter;
  for (;;) {
    const item = next(p.it!);
    if (item === null) return null;
    if (p.stop) return item;
    if (!predTrue(p, item)) {
      p.stop = true;
      return item;
    }
    decref(item);
  }
};
export const FilterfalseType = iterType(M, 'filterfalse', 32, TPFLAGS_BASETYPE);
FilterfalseType.tp_new = (type, args, kwnames) => predNew('filterfalse', type, args, kwnames);
FilterfalseType.tp_iternext = (o) => {
  const p = o as PredIter;
  for (;;) {
    const item = next(p.it!);
    if (item === null) return null;
    let ok: boolean;
    if (p.func === PyNone) ok = isTrue(item);
    else ok = predTrue(p, item);
    if (!ok) return item;
    decref(item);
  }
};
export const StarmapType = iterType(M, 'starmap', 32, TPFLAGS_BASETYPE);
StarmapType.tp_new = (type, args, kwnames) => predNew('starmap', type, args, kwnames);
StarmapType.tp_iternext = (o) => {
  const p = o as PredIter;
  const a = next(p.it!);
  if (a === null) return null;
  let t: PyObject;
  try {
    t = a instanceof PyTuple ? newref(a) : sequenceTuple(a);
  } finally {
    decref(a);
  }
  try {
    return call(p.func!, (t as PyTuple).items.slice());
  } finally {
    decref(t);
  }
};

class Compress extends PyObject {
  data: PyObject | null = null;
  selectors: PyObject | null = null;
}
export const CompressType = iterType(M, 'compress', 32, TPFLAGS_BASETYPE);
CompressType.tp_new = (type, args, kwnames) => {
  const [data, sel] = parseArgs('compress', args, kwnames, ['data', 'selectors'], 2);
  const d = getIter(data!);
  let s: PyObject;
  try {
    s = getIter(sel!);
  } catch (e) {
    decref(d);
    throw e;
  }
  const c = new Compress(type);
  c.data = d;
  c.selectors = s;
  return allocNative(c);
};
CompressType.tp_iternext = (o) => {
  const c = o as Compress;
  for (;;) {
    const datum = next(c.data!);
    if (datum === null) return null;
    let sel: PyObject | null;
    try {
      sel = next(c.selectors!);
    } catch (e) {
      decref(datum);
      throw e;
    }
    if (sel === null) {
      decref(datum);
      return null;
    }
    const ok = isTrue(sel);
    decref(sel);
    if (ok) return datum;
    decref(datum);
  }
};

// ===================================================================== groupby

class GroupBy extends PyObject {
  it: PyObject | null = null;
  keyfunc: PyObject | null = null;
  tgtkey: PyObject | null = null;
  currkey: PyObject | null = null;
  currvalue: PyObject | null = null;
  /** borrowed: the grouper handed out last */
  b_currgrouper: PyObject | null = null;
}
class Grouper extends PyObject {
  parent: GroupBy | null = null;
  tgtkey: PyObject | null = null;
}
export const GroupByType = iterType(M, 'groupby', 72, TPFLAGS_BASETYPE);
export const GrouperType = iterType(M, '_grouper', 32);
GroupByType.tp_new = (type, args, kwnames) => {
  const [iterable, key] = parseArgs('groupby', args, kwnames, ['iterable', 'key'], 1);
  const g = new GroupBy(type);
  g.it = getIter(iterable!);
  g.keyfunc = newref(key ?? PyNone);
  return allocNative(g);
};
/** groupby_step: false when the underlying iterator is exhausted */
function groupbyStep(g: GroupBy): boolean {
  const v = next(g.it!);
  if (v === null) return false;
  let k: PyObject;
  if (g.keyfunc === PyNone) k = newref(v);
  else {
    try {
      k = call(g.keyfunc!, [v]);
    } catch (e) {
      decref(v);
      throw e;
    }
  }
  const oldv = g.currvalue, oldk = g.currkey;
  g.currvalue = v;
  g.currkey = k;
  xdecref(oldk);
  xdecref(oldv);
  return true;
}
GroupByType.tp_iternext = (o) => {
  const g = o as GroupBy;
  g.b_currgrouper = null;
  for (;;) {
    if (g.currkey === null) {
      // pass
    } else if (g.tgtkey === null) break;
    else if (!richCompareBool(g.tgtkey, g.currkey, Py_EQ)) break;
    if (!groupbyStep(g)) return null;
  }
  const old = g.tgtkey;
  g.tgtkey = newref(g.currkey!);
  xdecref(old);
  const gr = new Grouper(GrouperType);
  gr.parent = newref(g);
  gr.tgtkey = newref(g.tgtkey);
  allocNative(gr);
  g.b_currgrouper = gr;
  return newTuple([newref(g.currkey!), gr]);
};
GrouperType.tp_iternext = (o) => {
  const gr = o as Grouper;
  const g = gr.parent!;
  if (g.b_currgrouper !== gr) return null;
  if (g.currvalue === null) {
    if (!groupbyStep(g)) return null;
  }
  if (!richCompareBool(gr.tgtkey!, g.currkey!, Py_EQ)) return null;
  const r = g.currvalue!;
  g.currvalue = null;
  const k = g.currkey;
  g.currkey = null;
  xdecref(k);
  return r;
};

// ===================================================================== pairwise / batched

class Pairwise extends PyObject {
  it: PyObject | null = null;
  old: PyObject | null = null;
}
export const PairwiseType = iterType(M, 'pairwise', 32, TPFLAGS_BASETYPE);
PairwiseType.tp_new = (type, args, kwnames) => {
  noKeywords('pairwise', kwnames);
  checkArity('pairwise', args, 1, 1);
  const p = new Pairwise(type);
  p.it = getIter(args[0]);
  return allocNative(p);
};
PairwiseType.tp_iternext = (o) => {
  const p = o as Pairwise;
  const it = p.it;
  if (it === null) return null;
  const clearIt = (): void => {
    const i = p.it;
    p.it = null;
    xdecref(i);
  };
  if (p.old === null) {
    const old = next(it);
    p.old = old;
    if (old === null) {
      clearIt();
      return null;
    }
  }
  const nw = next(it);
  if (nw === null) {
    clearIt();
    const old = p.old;
    p.old = null;
    xdecref(old);
    return null;
  }
  const result = newTuple([newref(p.old!), newref(nw)]);
  const old = p.old;
  p.old = nw;
  decref(old!);
  return result;
};

class Batched extends PyObject {
  it: PyObject | null = null;
  n = 1;
}
export const BatchedType = iterType(M, 'batched', 32, TPFLAGS_BASETYPE);
BatchedType.tp_new = (type, args, kwnames) => {
  const [iterable, nObj] = parseArgs('batched', args, kwnames, ['iterable', 'n'], 2);
  const n = asIndex(nObj!);
  if (n < 1) raise(Exc.ValueError, 'n must be at least one');
  const b = new Batched(type);
  b.it = getIter(iterable!);
  b.n = n;
  return allocNative(b);
};
BatchedType.tp_iternext = (o) => {
  const b = o as Batched;
  if (b.it === null) return null;
  const items: PyObject[] = [];
  try {
    for (let i = 0; i < b.n; i++) {
      const x = next(b.it);
      if (x === null) break;
      items.push(x);
    }
  } catch (e) {
    for (const x of items) decref(x);
    const it = b.it;
    b.it = null;
    xdecref(it);
    throw e;
  }
  if (items.length === 0) {
    const it = b.it;
    b.it = null;
    xdecref(it);
    return null;
  }
  return newTuple(items);
};

// ===================================================================== tee

/** A simplified tee: the shared buffer is a JS array of new references (CPython links 57-item data objects). */
class TeeData {
  buf: PyObject[] = [];
  /** how many tee objects still read from the buffer, per index consumed (min position) */
  users: Tee[] = [];
  constructor(public it: PyObject) {}
}
class Tee extends PyObject {
  pos = 0;
  b_data: TeeData | null = null;
}
export const TeeType = iterType(M, '_tee', 48);
function teeRelease(t: Tee): void {
  const d = t.b_data;
  if (d === null) return;
  t.b_data = null;
  d.users = d.users.filter((u) => u !== t);
  if (d.users.length === 0) {
    for (const x of d.buf) decref(x);
    d.buf = [];
    decref(d.it);
  }
}
TeeType.tp_dealloc = (o) => {
  gcUntrack(o);
  teeRelease(o as Tee);
  gcFree(o);
};
TeeType.tp_clear = (o) => teeRelease(o as Tee);
TeeType.tp_traverse = (o, visit) => {
  const d = (o as Tee).b_data;
  if (d && d.users[0] === o) {
    visit(d.it);
    for (const x of d.buf) visit(x);
  }
};
TeeType.tp_iternext = (o) => {
  const t = o as Tee;
  const d = t.b_data;
  if (d === null) return null;
  if (t.pos === d.buf.length) {
    const x = next(d.it);
    if (x === null) return null;
    d.buf.push(x);
  }
  return newref(d.buf[t.pos++]);
};
function newTee(d: TeeData, pos: number): Tee {
  const t = new Tee(TeeType);
  t.pos = pos;
  t.b_data = d;
  d.users.push(t);
  return allocNative(t);
}
TeeType.methods.__copy__ = (self) => {
  const t = self as Tee;
  if (t.b_data === null) raise(Exc.ValueError, 'tee object is exhausted');
  return newTee(t.b_data, t.pos);
};
function teeFunc(_m: PyObject, args: PyObject[], kwnames: string[] | null): PyObject {
  noKeywords('tee', kwnames);
  checkArity('tee', args, 1, 2);
  const n = args.length > 1 ? asIndex(args[1]) : 2;
  if (n < 0) raise(Exc.ValueError, 'n must be >= 0');
  if (n === 0) return newTuple([]);
  const it = getIter(args[0]);
  if (it.type === TeeType) {
    const t0 = it as Tee;
    const out: PyObject[] = [t0];
    for (let i = 1; i < n; i++) out.push(newTee(t0.b_data!, t0.pos));
    return newTuple(out);
  }
  const d = new TeeData(it);
  const out: PyObject[] = [];
  for (let i = 0; i < n; i++) out.push(newTee(d, 0));
  return newTuple(out);
}

// ===================================================================== the module

export function itertoolsDef(): ModuleDef {
  const types: Record<string, PyTypeObject> = {
    count: CountType, cycle: CycleType, repeat: RepeatType, chain: ChainType, islice: ISliceType,
    accumulate: AccumulateType, product: ProductType, permutations: PermutationsType,
    combinations: CombinationsType, combinations_with_replacement: CwrType, zip_longest: ZipLongestType,
    takewhile: TakewhileType, dropwhile: DropwhileType, filterfalse: FilterfalseType, starmap: StarmapType,
    compress: CompressType, groupby: GroupByType, _grouper: GrouperType, pairwise: PairwiseType,
    batched: BatchedType, _tee: TeeType,
  };
  return {
    name: 'itertools',
    functions: { tee: teeFunc },
    attrs: () => {
      const out: Record<string, PyObject> = {};
      for (const [k, t] of Object.entries(types)) out[k] = newref(t);
      return out;
    },
  };
}

void SSIZE_MAX;
