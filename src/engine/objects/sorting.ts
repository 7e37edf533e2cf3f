/**
 * Sorting (list.sort, sorted) and min, max and sum: an on-demand part (see
 * ondemand.ts) that any of those names in a program's text loads. Moved from
 * listobject.ts and bltinmodule.ts unchanged; their methods and builtins are
 * stubs until it is loaded.
 */
import { PyObject, decref, incref, newref } from './object.js';
import { Py_LT, Py_GT, type BuiltinMethod } from './typeobject.js';
import { PyList, ListType, newList } from './listobject.js';
import { Exc } from './exceptions.js';
import { LongType, PyLong, newInt } from './longobject.js';
import { FloatType, PyFloat, newFloat } from './floatobject.js';
import { PyStr, StrType } from './unicodeobject.js';
import { BytesType } from './bytesobject.js';
import { PyNone } from './singletons.js';
import { binaryOp, call, getIter, iterableToArray, iterNext, richCompareBool } from './abstract.js';
import { decrefAll } from './tupleobject.js';
import { parseArgs } from './args.js';
import { raise } from '../eval/errors.js';
import { ssizeIndex } from './sliceobject.js';
import { heap } from '../memory/heap.js';
// the module whose builtins are this part's stubs, evaluated first (ondemand.ts checks every stub has its code)
import '../modules/bltinmodule.js';

/** `reverse=` is parsed with the "i" converter: an int (or bool), else TypeError. */
function boolArg(o: PyObject): boolean {
  if (o.type.nb_index === null && !(o instanceof PyLong)) {
    if (o.type.nb_float !== null) raise(Exc.TypeError, "'float' object cannot be interpreted as an integer");
    raise(Exc.TypeError, `'${o.type.name}' object cannot be interpreted as an integer`);
  }
  return ssizeIndex(o, null, Exc.OverflowError) !== 0;
}

// ===================================================================== sort

/** A stable merge sort using only `lt` (the ISLT of listsort). */
function mergeSort(keys: PyObject[], vals: PyObject[] | null, lt: (a: PyObject, b: PyObject) => boolean): void {
  const n = keys.length;
  if (n < 2) return;
  // binary insertion sort on runs of 32, then bottom-up merges
  const RUN = 32;
  for (let lo = 0; lo < n; lo += RUN) {
    const hi = Math.min(lo + RUN, n);
    for (let i = lo + 1; i < hi; i++) {
      const pk = keys[i];
      const pv = vals ? vals[i] : null;
      let l = lo, r = i;
      while (l < r) {
        const mid = (l + r) >> 1;
        if (lt(pk, keys[mid])) r = mid;
        else l = mid + 1;
      }
      for (let j = i; j > l; j--) {
        keys[j] = keys[j - 1];
        if (vals) vals[j] = vals[j - 1];
      }
      keys[l] = pk;
      if (vals) vals[l] = pv!;
    }
  }
  for (let width = RUN; width < n; width *= 2) {
    for (let lo = 0; lo < n - width; lo += 2 * width) {
      const mid = lo + width, hi = Math.min(lo + 2 * width, n);
      if (!lt(keys[mid], keys[mid - 1])) continue; // already in order
      const lk = keys.slice(lo, mid), lv = vals ? vals.slice(lo, mid) : null;
      let i = 0, j = mid, k = lo;
      while (i < lk.length && j < hi) {
        if (lt(keys[j], lk[i])) {
          keys[k] = keys[j];
          if (vals) vals[k] = vals[j];
          j++;
        } else {
          keys[k] = lk[i];
          if (vals) vals[k] = lv![i];
          i++;
        }
        k++;
      }
      while (i < lk.length) {
        keys[k] = lk[i];
        if (vals) vals[k] = lv![i];
        i++;
        k++;
      }
    }
  }
}

/** Chooses a comparison: native for all-int/all-str keys (as listsort's unsafe_*_compare), else __lt__. */
function pickLt(keys: PyObject[]): (a: PyObject, b: PyObject) => boolean {
  let allInt = true, allStr = true;
  for (let i = 0; i < keys.length; i++) {
    const t = keys[i].type;
    if (t !== LongType) allInt = false;
    if (t !== StrType) allStr = false;
    if (!allInt && !allStr) break;
  }
  if (allInt) return (a, b) => (a as PyLong).value < (b as PyLong).value;
  if (allStr) return (a, b) => codepointLess((a as PyStr).value, (b as PyStr).value);
  return (a, b) => richCompareBool(a, b, Py_LT);
}

/** str ordering by code point (JS compares UTF-16 units, which differs above U+FFFF). */
function codepointLess(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i), y = b.charCodeAt(i);
    if (x !== y) {
      if (x >= 0xd800 && x <= 0xdfff || y >= 0xd800 && y <= 0xdfff) {
        return (a.codePointAt(i) ?? 0) < (b.codePointAt(i) ?? 0);
      }
      return x < y;
    }
  }
  return a.length < b.length;
}

/** list.sort(*, key=None, reverse=False) (list_sort_impl) */
export function listSort(l: PyList, keyfunc: PyObject | null, reverse: boolean): void {
  const saved = l.items, savedAlloc = l.allocated, savedAddr = l.itemsAddr;
  // the list looks empty while sorting; any mutation is detected afterwards
  l.items = [];
  l.allocated = -1;
  l.itemsAddr = 0;
  let keys: PyObject[] | null = null;
  let error: unknown = null;
  try {
    if (keyfunc !== null) {
      keys = [];
      for (let i = 0; i < saved.length; i++) keys.push(call(keyfunc, [saved[i]]));
    }
    const k = keys ?? saved;
    if (reverse) {
      k.reverse();
      if (keys) saved.reverse();
    }
    mergeSort(k, keys ? saved : null, pickLt(k));
    if (reverse) {
      k.reverse();
      if (keys) saved.reverse();
    }
  } catch (e) {
    error = e;
  }
  if (keys) decrefAll(keys);
  const modified = l.allocated !== -1;
  const final = l.items, finalAddr = l.itemsAddr;
  l.items = saved;
  l.allocated = savedAlloc;
  l.itemsAddr = savedAddr;
  for (let i = final.length - 1; i >= 0; i--) decref(final[i]);
  if (finalAddr !== 0) heap.freeBuffer(finalAddr);
  if (error !== null) throw error;
  if (modified) raise(Exc.ValueError, 'list modified during sort');
}


function minmax(name: string, op: number, args: PyObject[], kwnames: string[] | null): PyObject {
  const nkw = kwnames ? kwnames.length : 0;
  const npos = args.length - nkw;
  let key: PyObject | null = null;
  let dflt: PyObject | undefined;
  for (let k = 0; k < nkw; k++) {
    const n = kwnames![k], v = args[npos + k];
    if (n === 'key') key = v === PyNone ? null : v;
    else if (n === 'default') dflt = v;
    else raise(Exc.TypeError, `${name}() got an unexpected keyword argument '${n}'`);
  }
  if (npos === 0) raise(Exc.TypeError, `${name} expected at least 1 argument, got 0`);
  let items: PyObject[];
  if (npos === 1) {
    items = iterableToArray(args[0]);
  } else {
    if (dflt !== undefined) {
      raise(Exc.TypeError, `Cannot specify a default for ${name}() with multiple positional arguments`);
    }
    items = args.slice(0, npos).map((x) => (incref(x), x));
  }
  try {
    if (items.length === 0) {
      if (dflt !== undefined) {
        incref(dflt);
        return dflt;
      }
      raise(Exc.ValueError, `${name}() iterable argument is empty`);
    }
    let best = items[0];
    let bestKey = key ? call(key, [best]) : (incref(best), best);
    for (let i = 1; i < items.length; i++) {
      const it = items[i];
      const k = key ? call(key, [it]) : (incref(it), it);
      let better: boolean;
      try {
        better = richCompareBool(k, bestKey, op);
      } catch (e) {
        decref(k);
        decref(bestKey);
        throw e;
      }
      if (better) {
        decref(bestKey);
        bestKey = k;
        best = it;
      } else {
        decref(k);
      }
    }
    decref(bestKey);
    incref(best);
    return best;
  } finally {
    for (const x of items) decref(x);
  }
}

const min: BuiltinMethod = (_s, args, kw) => minmax('min', Py_LT, args, kw);

const max: BuiltinMethod = (_s, args, kw) => minmax('max', Py_GT, args, kw);

const sum: BuiltinMethod = (_s, args, kw) => {
  const [iterable, startArg] = parseArgs('sum', args, kw, ['iterable', 'start'], 1, 1);
  let acc: PyObject = startArg ?? newInt(0);
  if (startArg) {
    if (startArg instanceof PyStr) raise(Exc.TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    if (startArg.type === BytesType) raise(Exc.TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
    incref(acc);
  }
  const it = getIter(iterable!);
  try {
    // Floats are added with Neumaier compensation in 3.12 (so sum([0.1]*10) == 1.0).
    let fsum: number | null = null, comp = 0;
    for (let x = iterNext(it); x !== null; x = iterNext(it)) {
      // a float added to a float total starts (or continues) the compensated sum
      if (fsum === null && acc.type === FloatType && x.type === FloatType) {
        fsum = (acc as PyFloat).value;
        comp = 0;
      }
      if (fsum !== null && x.type === FloatType) {
        const y = (x as PyFloat).value;
        const t: number = fsum + y;
        if (Math.abs(fsum) >= Math.abs(y)) comp += (fsum - t) + y;
        else comp += (y - t) + fsum;
        fsum = t;
        decref(x);
        continue;
      }
      if (fsum !== null) {
        decref(acc);
        acc = newFloat(fsum + comp);
        fsum = null;
        comp = 0;
      }
      let r: PyObject;
      try {
        r = binaryOp(acc, x, 0);
      } finally {
        decref(x);
      }
      decref(acc);
      acc = r;
    }
    if (fsum !== null) {
      decref(acc);
      acc = newFloat(fsum + comp);
    }
    return acc;
  } catch (e) {
    decref(acc);
    throw e;
  } finally {
    decref(it);
  }
};

const sorted: BuiltinMethod = (_s, args, kwnames) => {
  const nkw = kwnames ? kwnames.length : 0;
  if (args.length - nkw !== 1) raise(Exc.TypeError, `sorted expected 1 argument, got ${args.length - nkw}`);
  const list = newList(iterableToArray(args[0]));
  try {
    const r = ListType.methods.sort(list, args.slice(1), kwnames);
    decref(r);
  } catch (e) {
    decref(list);
    throw e;
  }
  return list;
};


type M = (self: PyObject, args: PyObject[], kwnames: string[] | null) => PyObject;

/** The implementations of the stubs. */
export const sorting = {
  sort: ((self, args, kwnames) => {
    const nkw = kwnames ? kwnames.length : 0;
    if (args.length - nkw > 0) raise(Exc.TypeError, 'sort() takes no positional arguments');
    const [key, rev] = parseArgs('sort', args, kwnames, ['key', 'reverse'], 0);
    const keyfunc = key === undefined || key === PyNone ? null : key;
    const reverse = rev === undefined ? false : boolArg(rev);
    listSort(self as PyList, keyfunc, reverse);
    return newref(PyNone);
  }) as M,
  min,
  max,
  sum,
  sorted,
};
