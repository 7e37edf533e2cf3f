/** tuple (src/engine/objects/tupleobject.ts) against CPython 3.12 values in containers-recorded.json. */
import { describe, it, expect } from 'vitest';
import { rec, pyErr } from './containers-helpers.js';
import { decref, incref, type PyObject } from '../../src/engine/objects/object.js';
import { newTuple, TupleType, EmptyTuple, PyTuple, tupleMaybeUntrack } from '../../src/engine/objects/tupleobject.js';
import { newInt } from '../../src/engine/objects/longobject.js';
import { newStr } from '../../src/engine/objects/unicodeobject.js';
import { newFloat } from '../../src/engine/objects/floatobject.js';
import { newList } from '../../src/engine/objects/listobject.js';
import { PyNone, NoneType } from '../../src/engine/objects/singletons.js';
import { PyTrue, PyFalse } from '../../src/engine/objects/boolobject.js';
import { hash, reprString, getItem, binaryOp } from '../../src/engine/objects/abstract.js';
import { NB_ADD } from '../../src/engine/objects/typeobject.js';

/** None's hash and repr come from the lead's singletons wiring; until then these cases cannot run. */
const noneReady = NoneType.tp_hash !== null && NoneType.tp_repr !== null;
const T = (...xs: PyObject[]) => newTuple(xs);
const I = (x: number | bigint) => newInt(x);

describe('tuple', () => {
  it('sizes', () => {
    const got: number[] = [];
    for (let n = 0; n < 10; n++) got.push(TupleType.tp_sizeof!(newTuple(Array.from({ length: n }, (_, i) => I(i)))) + 16);
    expect(got).toEqual(rec.tuple_sizes);
  });
  it.skipIf(!noneReady)('hashes are 3.12 xxHash tuplehash', () => {
    const tups = [
      T(), T(I(1)), T(I(1), I(2)), T(I(1), I(2), I(3)), T(I(-1)), T(I(0)), T(I(1), T(I(2), I(3))),
      T(newStr('a'), newStr('b')), T(newFloat(1.5), newFloat(2.25)), T(PyNone), T(I(2n ** 70n)), T(I(-(2n ** 63n))),
      T(T()), T(PyTrue, PyFalse),
    ];
    expect(tups.map((t) => [reprString(t), String(hash(t))])).toEqual(rec.tuple_hashes);
  });
  it('reprs and errors', () => {
    expect([T(), T(I(1)), T(I(1), I(2)), T(newStr('a'), T(I(1))), T(T())].map(reprString)).toEqual(rec.tuple_reprs);
    const got = [
      pyErr(() => getItem(T(), I(0))),
      pyErr(() => TupleType.methods.index(T(I(1)), [I(2)], null)),
      pyErr(() => getItem(T(I(1)), newStr('x'))),
      pyErr(() => binaryOp(T(I(1)), newList([I(1)]), NB_ADD)),
    ];
    expect(got).toEqual(rec.tuple_errors);
  });
  it('the empty tuple is a singleton; free lists reuse addresses LIFO', () => {
    expect(newTuple([])).toBe(EmptyTuple);
    const a = T(I(1), I(2)), b = T(I(3), I(4));
    const aa = a.addr, ba = b.addr;
    decref(a);
    decref(b);
    expect(T(I(5), I(6)).addr).toBe(ba);
    expect(T(I(5), I(6)).addr).toBe(aa);
  });
  it('dealloc releases items; the collector untracks atomic tuples', () => {
    const x = newList([]);
    incref(x);
    const t = T(x, I(1));
    expect(t.gcTracked).toBe(true);
    tupleMaybeUntrack(t);
    expect(t.gcTracked).toBe(true); // holds a list
    const u = T(I(1), newStr('s'));
    tupleMaybeUntrack(u);
    expect(u.gcTracked).toBe(false);
    const r = x.refcnt;
    decref(t);
    expect(x.refcnt).toBe(r - 1);
    void (t as PyTuple);
  });
});
