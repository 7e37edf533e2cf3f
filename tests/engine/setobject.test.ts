/** set/frozenset (src/engine/objects/setobject.ts) against CPython 3.12 (PYTHONHASHSEED=0) values. */
import { describe, it, expect } from 'vitest';
import { rec, py, js, pyErr } from './containers-helpers.js';
import { decref, type PyObject } from '../../src/engine/objects/object.js';
import {
  newSet, setAdd, setDiscard, SetType, FrozenSetType, PySet, setKeys, makeNewSet, newFrozenSet,
} from '../../src/engine/objects/setobject.js';
import { newInt } from '../../src/engine/objects/longobject.js';
import { newStr } from '../../src/engine/objects/unicodeobject.js';
import { newList } from '../../src/engine/objects/listobject.js';
import { newTuple } from '../../src/engine/objects/tupleobject.js';
import { newRange } from '../../src/engine/objects/rangeobject.js';
import { hash, reprString, binaryOp, richCompare } from '../../src/engine/objects/abstract.js';
import { NB_OR, NB_AND, NB_SUBTRACT, NB_XOR, Py_LE, Py_LT } from '../../src/engine/objects/typeobject.js';
import { PyTrue } from '../../src/engine/objects/boolobject.js';

const size = (s: PyObject) => SetType.tp_sizeof!(s) + 16;
const meth = (s: PyObject, name: string, args: PyObject[] = []) => SetType.methods[name](s, args, null);
const order = (s: PyObject) => setKeys(s as PySet).map(js);
const fromInts = (xs: (number | string)[]) => {
  const s = newSet();
  for (const x of xs) {
    const o = typeof x === 'string' ? newStr(x) : newInt(x);
    setAdd(s, o);
    decref(o);
  }
  return s;
};

describe('set iteration order is the hash-table order', () => {
  it('int keys, including big ones', () => {
    for (const [xs, want] of rec.set_int_orders as [string[], string[]][]) {
      const s = newSet();
      for (const x of xs) setAdd(s, newInt(Number.isSafeInteger(Number(x)) ? Number(x) : BigInt(x)));
      expect(setKeys(s).map((o) => String(js(o) === undefined ? '' : (o as unknown as { value: unknown }).value))).toEqual(want);
    }
  });
  it('str keys (PYTHONHASHSEED=0)', () => {
    for (const [xs, want] of rec.set_str_orders as [string[], string[]][]) expect(order(fromInts(xs))).toEqual(want);
  });
});

describe('set sizes', () => {
  it('set(range(n)) and repeated add', () => {
    const a: number[] = [];
    for (let n = 0; n < 120; n += 3) a.push(size(makeNewSet(SetType, newRange(0, n, 1))));
    expect(a).toEqual(rec.set_range_sizes);
    const s = newSet();
    const b: number[] = [];
    for (let i = 0; i < 100; i++) {
      setAdd(s, newInt(i));
      b.push(size(s));
    }
    expect(b).toEqual(rec.set_add_sizes);
  });
  it('discard leaves dummies; pop uses the finger', () => {
    const s = makeNewSet(SetType, newRange(0, 50, 1));
    for (let i = 0; i < 50; i += 2) setDiscard(s, newInt(i));
    const got: unknown[] = [[order(s), size(s)]];
    setAdd(s, newInt(1000));
    got.push([order(s), size(s)]);
    expect(got).toEqual(rec.set_discard);
    const p = makeNewSet(SetType, newRange(0, 10, 1));
    const pops: unknown[] = [];
    for (let i = 0; i < 4; i++) pops.push(js(meth(p, 'pop')));
    expect([pops, order(p)]).toEqual(rec.set_pop);
  });
});

describe('set operations', () => {
  it('| & - ^ union copy, subset', () => {
    const a = fromInts([1, 2, 3, 40, 50]), b = fromInts([3, 4, 50, 60]);
    const got = [
      order(binaryOp(a, b, NB_OR)), order(binaryOp(a, b, NB_AND)), order(binaryOp(a, b, NB_SUBTRACT)),
      order(binaryOp(a, b, NB_XOR)), order(binaryOp(b, a, NB_SUBTRACT)),
      order(meth(a, 'union', [newList([newInt(9), newInt(8)]), newTuple([newInt(7)])])),
      richCompare(a, b, Py_LE) === PyTrue, richCompare(fromInts([1, 2]), fromInts([1, 2, 3]), Py_LT) === PyTrue,
      meth(a, 'isdisjoint', [fromInts([99])]) === PyTrue, order(meth(a, 'copy')), size(meth(a, 'copy')),
      order(binaryOp(fromInts(['b', 'a']), fromInts(['c']), NB_OR)),
    ];
    expect(got).toEqual(rec.set_ops);
  });
  it('frozenset hashes', () => {
    const fs = [
      newFrozenSet([]), newFrozenSet([newInt(1)]), newFrozenSet([newInt(1), newInt(2)]),
      newFrozenSet([newStr('a'), newStr('b')]), newFrozenSet(Array.from({ length: 10 }, (_, i) => newInt(i))),
      newFrozenSet([newTuple([newInt(1), newInt(2)])]), newFrozenSet([newInt(-1), newInt(-2)]),
    ];
    expect(fs.map((f) => String(hash(f)))).toEqual(rec.frozenset_hashes.map((x: [unknown, string]) => x[1]));
  });
  it('reprs and errors', () => {
    expect([reprString(newSet()), reprString(fromInts([1, 2])), reprString(newFrozenSet([])),
      reprString(newFrozenSet([newInt(1), newInt(2)]))]).toEqual(rec.set_reprs);
    const got = [
      pyErr(() => meth(newSet(), 'pop')),
      pyErr(() => meth(fromInts([1]), 'remove', [newInt(2)])),
      pyErr(() => setAdd(newSet(), newList([newInt(1)]))),
      pyErr(() => richCompare(fromInts([1]), newInt(3), Py_LT)),
    ];
    expect(got).toEqual(rec.set_errors);
  });
});
void py;
void FrozenSetType;
