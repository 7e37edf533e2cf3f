/** list (src/engine/objects/listobject.ts) against CPython 3.12 values in containers-recorded.json. */
import { describe, it, expect } from 'vitest';
import { rec, py, js, pyErr } from './containers-helpers.js';
import { decref, incref } from '../../src/engine/objects/object.js';
import {
  newList, listAppend, listInsert, listExtend, ListType, PyList, listAssSlice, sequenceList,
} from '../../src/engine/objects/listobject.js';
import { listSort } from '../../src/engine/objects/sorting.js';
import { newRange } from '../../src/engine/objects/rangeobject.js';
import { newTuple } from '../../src/engine/objects/tupleobject.js';
import { newSlice } from '../../src/engine/objects/sliceobject.js';
import { newInt } from '../../src/engine/objects/longobject.js';
import { newStr } from '../../src/engine/objects/unicodeobject.js';
import { PyNone } from '../../src/engine/objects/singletons.js';
import { reprString, binaryOp, getItem, setItem, delItem, callMethod, richCompare } from '../../src/engine/objects/abstract.js';
import { NB_ADD, NB_MULTIPLY, NB_INPLACE_ADD, Py_LT, Py_EQ, Py_GT } from '../../src/engine/objects/typeobject.js';
import { PyTrue } from '../../src/engine/objects/boolobject.js';

const meth = (o: PyList, name: string, args: import('../../src/engine/objects/object.js').PyObject[]) => ListType.methods[name](o, args, null);
const size = (o: PyList) => ListType.tp_sizeof!(o) + 16;
const ints = (n: number) => Array.from({ length: n }, (_, i) => newInt(i));
const list = (n: number) => newList(ints(n));
const vals = (l: PyList) => l.items.map(js);

describe('list sizes follow list_resize', () => {
  it('append', () => {
    const l = newList([]);
    const s: number[] = [];
    for (let i = 0; i < 101; i++) {
      s.push(size(l));
      listAppend(l, newInt(i));
    }
    expect(s).toEqual(rec.list_append_sizes);
    const p: number[] = [];
    while (l.items.length) {
      decref(meth(l, 'pop', []));
      p.push(size(l));
    }
    expect(p).toEqual(rec.list_pop_sizes);
  });
  it('insert at 0', () => {
    const l = newList([]);
    const s: number[] = [];
    for (let i = 0; i < 60; i++) {
      listInsert(l, 0, newInt(i));
      s.push(size(l));
    }
    expect(s).toEqual(rec.list_insert_sizes);
  });
  it('list(range(n)), list(tuple), comprehension growth', () => {
    const a: number[] = [], b: number[] = [], c: number[] = [];
    for (let n = 0; n < 41; n++) {
      const l = newList([]);
      ListType.tp_init!(l, [newRange(0, n, 1)], null);
      a.push(size(l));
      const l2 = sequenceList(newTuple(ints(n)));
      const l3 = newList([]);
      ListType.tp_init!(l3, [newTuple(ints(n))], null);
      b.push(size(l3));
      const l4 = newList([]);
      for (let i = 0; i < n; i++) listAppend(l4, newInt(i));
      c.push(size(l4));
      void l2;
    }
    expect(a).toEqual(rec.list_from_range_sizes);
    expect(b).toEqual(rec.list_from_tuple_sizes);
    expect(c).toEqual(rec.list_comp_sizes);
  });
  it('repeat and concat', () => {
    const r: number[][] = [];
    for (let n = 0; n < 20; n++) {
      r.push([size(binaryOp(list(2), newInt(n), NB_MULTIPLY) as PyList), size(binaryOp(list(1), newInt(n), NB_MULTIPLY) as PyList)]);
    }
    expect(r).toEqual(rec.list_repeat_sizes);
    const c: number[] = [];
    for (let a = 0; a < 6; a++) for (let b = 0; b < 6; b++) c.push(size(binaryOp(list(a), list(b), NB_ADD) as PyList));
    expect(c).toEqual(rec.list_concat_sizes);
  });
  it('extend from an iterator, a list, into an empty list', () => {
    const out: number[][] = [];
    for (let n = 0; n < 30; n++) {
      // [1, 2, 3] compiles to BUILD_LIST 0; LOAD_CONST (1, 2, 3); LIST_EXTEND
      const literal = () => {
        const l = newList([]);
        listExtend(l, newTuple([newInt(1), newInt(2), newInt(3)]));
        return l;
      };
      const x = literal();
      listExtend(x, newRange(0, n, 1));
      const y = literal();
      listExtend(y, list(n));
      const z = newList([]);
      listExtend(z, newRange(0, n, 1));
      out.push([size(x), size(y), size(z)]);
    }
    expect(out).toEqual(rec.list_extend_sizes);
  });
  it('slices', () => {
    const base = list(20);
    const out: number[] = [];
    for (const a of [0, 3, -5]) for (const b of [null, 10, -2]) for (const c of [null, 2, -1]) {
      out.push(size(getItem(base, newSlice(py(a), py(b), py(c))) as PyList));
    }
    expect(out).toEqual(rec.list_slice_sizes);
  });
  it('slice assignment and deletion', () => {
    const got: unknown[] = [];
    const cases: [number, number, number][] = [[0, 5, 0], [0, 0, 10], [2, 18, 1], [0, 20, 0], [5, 6, 40]];
    for (const [a, b, n] of cases) {
      const x = list(20);
      listAssSlice(x, a, b, n === 1 ? newList([newInt(1)]) : list(n));
      got.push([vals(x), size(x)]);
    }
    let x = list(20);
    delItem(x, newSlice(PyNone, PyNone, newInt(2)));
    got.push([vals(x), size(x)]);
    x = list(20);
    delItem(x, newSlice(PyNone, PyNone, newInt(-3)));
    got.push([vals(x), size(x)]);
    x = list(10);
    setItem(x, newSlice(PyNone, PyNone, newInt(2)), newList('abcde'.split('').map(newStr)));
    got.push([vals(x), size(x)]);
    x = list(10);
    setItem(x, newSlice(PyNone, PyNone, newInt(-2)), newList('vwxyz'.split('').map(newStr)));
    got.push([vals(x), size(x)]);
    x = list(10);
    setItem(x, newSlice(newInt(1), newInt(9), newInt(3)), newList([newInt(7), newInt(7), newInt(7)]));
    got.push([vals(x), size(x)]);
    expect(got).toEqual(rec.list_slice_assign);
  });
  it('in-place repeat', () => {
    const x = binaryOp(list(8), newInt(3), NB_INPLACE_ADD + NB_MULTIPLY) as PyList;
    const y = binaryOp(list(1), newInt(0), NB_INPLACE_ADD + NB_MULTIPLY) as PyList;
    expect([vals(x), size(x), size(y)]).toEqual(rec.list_inplace_repeat);
  });
});

describe('list behaviour', () => {
  it('errors', () => {
    const got = [
      pyErr(() => getItem(newList([]), newInt(0))),
      pyErr(() => setItem(list(1), newInt(5), newInt(0))),
      pyErr(() => meth(newList([]), 'pop', [])),
      pyErr(() => meth(list(1), 'pop', [newInt(7)])),
      pyErr(() => meth(newList([newInt(1)]), 'remove', [newInt(2)])),
      pyErr(() => meth(newList([newInt(1)]), 'index', [newStr('x')])),
      pyErr(() => meth(newList([newInt(1)]), 'index', [newInt(5)])),
      pyErr(() => getItem(list(1), newStr('a'))),
      pyErr(() => binaryOp(list(1), newTuple([newInt(1)]), NB_ADD)),
      pyErr(() => binaryOp(list(1), newStr('a'), NB_MULTIPLY)),
      pyErr(() => setItem(list(2), newSlice(PyNone, PyNone, newInt(2)), list(2))),
    ];
    expect(got).toEqual(rec.list_errors);
  });
  it('repr, including self-reference', () => {
    expect(reprString(newList([]))).toBe(rec.list_reprs[0]);
    const r = newList([newInt(1)]);
    listAppend(r, r);
    expect(reprString(r)).toBe(rec.list_repr_self);
  });
  it('sort: stable, reverse, key', () => {
    const data = [5, 3, 9, 1, 5, 2, 8, 0, 7, 3, 3, 10, -1, 4];
    const a = newList(data.map(newInt));
    listSort(a, null, false);
    const b = newList(data.map(newInt));
    listSort(b, null, true);
    const c = newList(['b', 'A', 'c', 'aa', 'a'].map(newStr));
    listSort(c, null, false);
    expect([vals(a), vals(b), vals(c)]).toEqual(rec.list_sort.slice(0, 3));
  });
  it('comparisons are lexicographic', () => {
    const L = (...xs: number[]) => newList(xs.map(newInt));
    const got = [
      richCompare(L(1, 2), L(1, 3), Py_LT), richCompare(L(1, 2), L(1, 2, 0), Py_LT), richCompare(L(1, 2), L(1, 2), Py_EQ),
      richCompare(L(2), L(1, 9), Py_GT), richCompare(L(), L(0), Py_LT),
    ].map((x) => x === PyTrue);
    expect(got).toEqual(rec.list_compare);
  });
});

describe('list memory bookkeeping', () => {
  it('freeing a list gives back every item reference, last item first', () => {
    const items = [newStr('a-long-string-1'), newStr('a-long-string-2'), newStr('a-long-string-3')];
    for (const x of items) incref(x);
    const before = items.map((x) => x.refcnt);
    const l = newList(items.slice());
    const lAddr = l.addr, bufAddr = l.itemsAddr;
    decref(l);
    expect(items.map((x) => x.refcnt)).toEqual(before.map((n) => n - 1));
    const l2 = newList([newInt(1), newInt(2), newInt(3)]);
    expect(l2.addr).toBe(lAddr); // list free list
    expect(l2.itemsAddr).toBe(bufAddr); // same pymalloc size class
  });
});
