/** Builtin iterator types (iterobject.ts and the containers' iterators) against CPython 3.12 sizes and messages. */
import { describe, it, expect } from 'vitest';
import { rec, js, pyErr } from './containers-helpers.js';
import { type PyObject } from '../../src/engine/objects/object.js';
import {
  EnumerateType, ZipType, MapType, FilterType, ReversedType, newSeqIter,
} from '../../src/engine/objects/iterobject.js';
import { newList, ListType } from '../../src/engine/objects/listobject.js';
import { newTuple, TupleType, PyTuple } from '../../src/engine/objects/tupleobject.js';
import { newDict, DictType } from '../../src/engine/objects/dictobject.js';
import { newSet, SetType } from '../../src/engine/objects/setobject.js';
import { RangeType } from '../../src/engine/objects/rangeobject.js';
import { newSlice, SliceType } from '../../src/engine/objects/sliceobject.js';
import { newInt } from '../../src/engine/objects/longobject.js';
import { PyNone } from '../../src/engine/objects/singletons.js';
import { getIter, iterableToArray } from '../../src/engine/objects/abstract.js';

const sz = (o: PyObject) => (o.type.tp_sizeof ? o.type.tp_sizeof(o) : o.type.basicsize) + (o.type.isGC() ? 16 : 0);
const L = (...xs: number[]) => newList(xs.map((x) => newInt(x)));

describe('iterator objects', () => {
  it('sizes', () => {
    const rng = RangeType.tp_new!(RangeType, [newInt(3)], null);
    const got = {
      enumerate: sz(EnumerateType.tp_new!(EnumerateType, [newList([])], null)),
      zip: sz(ZipType.tp_new!(ZipType, [], null)),
      map: sz(MapType.tp_new!(MapType, [PyNone, newList([])], null)),
      filter: sz(FilterType.tp_new!(FilterType, [PyNone, newList([])], null)),
      reversed: sz(ReversedType.tp_new!(ReversedType, [newList([])], null)),
      list_iterator: sz(getIter(newList([]))),
      tuple_iterator: sz(getIter(newTuple([newInt(1)]))),
      range_iterator: sz(getIter(rng)),
      set_iterator: sz(getIter(newSet())),
      dict_keyiterator: sz(getIter(newDict())),
      dict_keys: sz(DictType.methods.keys(newDict(), [], null)),
      range: sz(rng),
      slice: sz(newSlice(PyNone, newInt(1), PyNone)),
    };
    expect(got).toEqual(rec.iter_sizes);
    void ListType; void TupleType; void SetType; void SliceType;
  });
  it('enumerate and zip produce pairs; zip(strict=True) errors', () => {
    const e = EnumerateType.tp_new!(EnumerateType, [L(7, 8), newInt(5)], null);
    expect(iterableToArray(e).map((t) => (t as PyTuple).items.map(js))).toEqual([[5, 7], [6, 8]]);
    const z = (lists: PyObject[]) => () => iterableToArray(ZipType.tp_new!(ZipType, [...lists, PyNone === PyNone ? newInt(1) : newInt(1)], ['strict']));
    const got = [pyErr(z([L(1), L(1, 2)])), pyErr(z([L(1, 2), L(1)])), pyErr(z([L(1, 2), L(1, 2), L(1)]))];
    expect(got).toEqual(rec.zip_errors);
  });
  it('constructor errors', () => {
    const got = [
      pyErr(() => MapType.tp_new!(MapType, [PyNone], null)),
      pyErr(() => FilterType.tp_new!(FilterType, [PyNone], null)),
      pyErr(() => ReversedType.tp_new!(ReversedType, [newInt(3)], null)),
    ];
    expect(got).toEqual(rec.builtin_iter_errors);
  });
  it('the sequence iterator walks __getitem__ until IndexError', () => {
    expect(iterableToArray(newSeqIter(L(1, 2, 3))).map(js)).toEqual([1, 2, 3]);
  });
});
