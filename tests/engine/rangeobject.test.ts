/** range and slice (rangeobject.ts, sliceobject.ts) against CPython 3.12 values. */
import { describe, it, expect } from 'vitest';
import { rec, py, pyErr } from './containers-helpers.js';
import { type PyObject } from '../../src/engine/objects/object.js';
import { RangeType, PyRange } from '../../src/engine/objects/rangeobject.js';
import { newSlice, sliceIndices, SliceType, PySlice } from '../../src/engine/objects/sliceobject.js';
import { newInt } from '../../src/engine/objects/longobject.js';
import { newStr } from '../../src/engine/objects/unicodeobject.js';
import { PyNone, NoneType } from '../../src/engine/objects/singletons.js';
import { hash, reprString, getItem, iterableToArray } from '../../src/engine/objects/abstract.js';

/** None's hash and repr come from the lead's singletons wiring; until then these cases cannot run. */
const noneReady = NoneType.tp_hash !== null && NoneType.tp_repr !== null;
const R = (...a: (number | bigint)[]) => RangeType.tp_new!(RangeType, a.map((x) => newInt(x)), null) as PyRange;
const s = (o: PyObject) => String((o as unknown as { value: unknown }).value);

describe('range', () => {
  it.skipIf(!noneReady)('repr, len, hash, items, reversed', () => {
    const rs = [R(5), R(1, 10, 2), R(10, 0, -3), R(0), R(5, 5), R(-3, 3), R(2n ** 64n, 2n ** 64n + 10n, 3)];
    const got = rs.map((r) => [
      reprString(r), Number(r.length), String(hash(r)), iterableToArray(r).slice(0, 6).map(s),
      iterableToArray(RangeType.methods.__reversed__(r, [], null)).slice(0, 4).map(s),
    ]);
    expect(got).toEqual(rec.ranges);
  });
  it('slices of a range are ranges', () => {
    const got: string[] = [];
    for (const a of [null, 2, -3]) for (const b of [null, 15, -1]) for (const c of [null, 3, -2]) {
      got.push(reprString(getItem(R(20), newSlice(py(a), py(b), py(c)))));
    }
    expect(got).toEqual(rec.range_slices);
  });
  it('errors', () => {
    const got = [
      pyErr(() => R(1, 2, 0)), pyErr(() => getItem(R(5), newInt(9))), pyErr(() => RangeType.methods.index(R(3), [newInt(7)], null)),
      pyErr(() => RangeType.tp_new!(RangeType, [newStr('a')], null)), pyErr(() => RangeType.tp_new!(RangeType, [], null)),
    ];
    expect(got).toEqual(rec.range_errors);
  });
});

describe('slice', () => {
  it('indices() = PySlice_GetIndicesEx clamping', () => {
    for (const [a, b, c, want] of rec.slice_indices as [number | null, number | null, number | null, number[]][]) {
      const sl = newSlice(py(a), py(b), py(c)) as PySlice;
      const [start, stop, step] = sliceIndices(sl, 10);
      expect([a, b, c, [start, stop, step]]).toEqual([a, b, c, want]);
    }
  });
  it.skipIf(!noneReady)('repr and hash (3.12 slices are hashable)', () => {
    expect([reprString(newSlice(newInt(1), newInt(2), PyNone)), reprString(newSlice(PyNone, PyNone, PyNone)),
      reprString(newSlice(newInt(1), newStr('a'), PyNone))]).toEqual(rec.slice_reprs);
    const hs = [newSlice(newInt(1), newInt(2), PyNone), newSlice(PyNone, PyNone, PyNone), newSlice(newInt(1), newInt(2), newInt(3))];
    expect(hs.map((x) => String(hash(x)))).toEqual(rec.slice_hashes);
    void SliceType;
  });
});
