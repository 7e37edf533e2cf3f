/** dict (src/engine/objects/dictobject.ts) against CPython 3.12 values in containers-recorded.json. */
import { describe, it, expect } from 'vitest';
import { rec, py, js, pyErr } from './containers-helpers.js';
import { decref, incref, type PyObject } from '../../src/engine/objects/object.js';
import {
  newDict, dictSetItem, dictSetItemStr, dictGetItemStr, dictGetItem, dictDelItem, dictDelItemStr, DictType, PyDict,
  dictCopy, dictItems, dictKeys, dictLength, dictMerge, dictFromItems, dictMaybeUntrack,
} from '../../src/engine/objects/dictobject.js';
import { newInt } from '../../src/engine/objects/longobject.js';
import { newStr } from '../../src/engine/objects/unicodeobject.js';
import { newTuple, PyTuple } from '../../src/engine/objects/tupleobject.js';
import { newList } from '../../src/engine/objects/listobject.js';
import { newRange } from '../../src/engine/objects/rangeobject.js';
import { newSet, setAdd } from '../../src/engine/objects/setobject.js';
import { newFloat } from '../../src/engine/objects/floatobject.js';
import { PyTrue } from '../../src/engine/objects/boolobject.js';
import { reprString, getItem, delItem, iterableToArray, binaryOp } from '../../src/engine/objects/abstract.js';
import { NB_OR } from '../../src/engine/objects/typeobject.js';

const size = (d: PyObject) => DictType.tp_sizeof!(d) + 16;
const meth = (d: PyObject, name: string, args: PyObject[] = []) => DictType.methods[name](d, args, null);
const fromkeys = (it: PyObject) => DictType.classMethods.fromkeys(DictType, [it], null) as PyDict;

describe('dict sizes', () => {
  it('growth with str keys and int keys', () => {
    let d = newDict();
    const s = [size(d)];
    for (let i = 0; i < 40; i++) {
      dictSetItemStr(d, `k${i}`, newInt(i));
      s.push(size(d));
    }
    expect(s).toEqual(rec.dict_str_sizes);
    d = newDict();
    const t = [size(d)];
    for (let i = 0; i < 40; i++) {
      dictSetItem(d, newInt(i), newInt(i));
      t.push(size(d));
    }
    expect(t).toEqual(rec.dict_int_sizes);
  });
  it('deletion never shrinks; reinsertion resizes by used*3', () => {
    const d = newDict();
    const s: number[] = [];
    for (let i = 0; i < 12; i++) dictSetItemStr(d, `k${i}`, newInt(i));
    for (let i = 0; i < 12; i++) {
      dictDelItemStr(d, `k${i}`);
      s.push(size(d));
    }
    for (let i = 0; i < 12; i++) {
      dictSetItemStr(d, `n${i}`, newInt(i));
      s.push(size(d));
    }
    expect(s).toEqual(rec.dict_delete_reinsert_sizes);
  });
  it('a non-str key converts the table to the general kind', () => {
    const got: number[][] = [];
    for (let n = 0; n < 8; n++) {
      const d = newDict();
      for (let i = 0; i < n; i++) dictSetItemStr(d, `k${i}`, newInt(i));
      const before = size(d);
      dictSetItem(d, newInt(1), newInt(1));
      got.push([before, size(d)]);
    }
    expect(got).toEqual(rec.dict_str_then_int_sizes);
  });
  it('fromkeys presizes from dicts and sets', () => {
    const got: number[][] = [];
    for (let n = 0; n < 20; n++) {
      const di = newDict(), ds = newDict(), st = newSet();
      for (let i = 0; i < n; i++) {
        dictSetItem(di, newInt(i), newInt(0));
        dictSetItem(ds, newStr(String(i)), newInt(0));
        setAdd(st, newInt(i));
      }
      got.push([size(fromkeys(newRange(0, n, 1))), size(fromkeys(di)), size(fromkeys(ds)), size(fromkeys(st))]);
    }
    expect(got).toEqual(rec.dict_fromkeys_sizes);
  });
  it('copy and dict(d)', () => {
    const got: number[][] = [];
    for (let n = 0; n < 20; n++) {
      // {str(i): i for i in range(n)}: a comprehension inserts one by one
      const d = newDict();
      for (let i = 0; i < n; i++) dictSetItem(d, newStr(String(i)), newInt(i));
      const c = dictCopy(d);
      const e = DictType.tp_new!(DictType, [], null);
      DictType.tp_init!(e, [d], null);
      got.push([size(d), size(c), size(e)]);
    }
    expect(got).toEqual(rec.dict_copy_sizes);
  });
  it('clear goes back to the empty keys', () => {
    const d = dictFromItems([newStr('a'), newStr('b')], [newInt(1), newInt(2)]);
    meth(d, 'clear');
    expect(size(d)).toBe(rec.dict_clear_size);
  });
});

describe('dict behaviour', () => {
  it('popitem takes the last entry', () => {
    const d = newDict();
    for (let i = 0; i < 10; i++) dictSetItem(d, newInt(i), newInt(i));
    const got: unknown[] = [];
    while (dictLength(d)) got.push((meth(d, 'popitem') as PyTuple).items.map(js));
    expect(got).toEqual(rec.dict_popitem);
  });
  it('1, 1.0 and True are one key; repr', () => {
    const d = newDict();
    dictSetItem(d, newInt(1), newInt(1));
    dictSetItem(d, PyTrue, newInt(2));
    dictSetItem(d, newFloat(1.0), newInt(3));
    expect(reprString(d)).toBe(rec.dict_reprs[2]);
    expect(reprString(newDict())).toBe(rec.dict_reprs[0]);
    const sd = newDict();
    dictSetItemStr(sd, 'self', sd);
    expect(reprString(sd)).toBe(rec.dict_repr_self);
  });
  it('errors', () => {
    const got = [
      pyErr(() => getItem(newDict(), newStr('x'))),
      pyErr(() => getItem(newDict(), newInt(1))),
      pyErr(() => meth(newDict(), 'popitem')),
      pyErr(() => getItem(newDict(), newList([newInt(1)]))),
      pyErr(() => DictType.tp_init!(newDict(), [newList([newTuple([newInt(1), newInt(2), newInt(3)])])], null)),
      pyErr(() => DictType.tp_init!(newDict(), [newList([newInt(1)])], null)),
      pyErr(() => DictType.tp_init!(newDict(), [newInt(1), newInt(2)], null)),
    ];
    expect(got).toEqual(rec.dict_errors);
  });
  it('views: set operations, reversed, repr', () => {
    const d = newDict();
    ['a', 'b', 'c'].forEach((v, i) => dictSetItem(d, newInt(i + 1), newStr(v)));
    const keys = meth(d, 'keys');
    const S = (...xs: number[]) => {
      const s = newSet();
      for (const x of xs) setAdd(s, newInt(x));
      return s;
    };
    const sorted = (o: PyObject) => iterableToArray(o).map(js).sort((a, b) => (a as number) - (b as number));
    const got = [
      sorted(binaryOp(keys, S(1, 3, 5), 1)), sorted(binaryOp(keys, S(9), NB_OR)), sorted(binaryOp(keys, S(1), 10)),
      sorted(binaryOp(keys, S(1, 7), 12)),
    ];
    expect(got).toEqual(rec.dict_views.slice(0, 4));
    expect(iterableToArray(meth(d, '__reversed__')).map(js)).toEqual(rec.dict_views[6]);
    expect([reprString(keys), reprString(meth(d, 'values')), reprString(meth(d, 'items'))]).toEqual(rec.dict_views.slice(7));
  });
  it('| merges into a copy', () => {
    const a = dictFromItems([newStr('a')], [newInt(1)]);
    const b = dictFromItems([newStr('b'), newStr('a')], [newInt(2), newInt(3)]);
    expect(reprString(binaryOp(a, b, NB_OR))).toBe(rec.dict_or[0]);
  });
  it('GC tracking starts only when a container is stored', () => {
    const t1 = newDict();
    const t2 = dictFromItems([newStr('a')], [newInt(1)]);
    const t3 = dictFromItems([newStr('a')], [newList([])]);
    const t5 = DictType.tp_new!(DictType, [], null);
    expect([t1.gcTracked, t2.gcTracked, t3.gcTracked, t5.gcTracked]).toEqual([0, 1, 2, 4].map((i) => rec.dict_tracked[i]));
    const t4 = newDict();
    const tup = newTuple([newInt(1), newInt(2)]);
    dictSetItem(t4, newInt(1), tup);
    expect(t4.gcTracked).toBe(true);
    // the collector untracks the tuple (atomic items), then the dict (_PyDict_MaybeUntrack)
    tup.type === tup.type && (void 0);
    import('../../src/engine/objects/tupleobject.js').then(({ tupleMaybeUntrack }) => {
      tupleMaybeUntrack(tup);
      dictMaybeUntrack(t4);
      expect(t4.gcTracked).toBe(rec.dict_tracked[3]);
    });
  });
  it('str fast path and general keys agree; refcounts balance', () => {
    const d = newDict();
    const k = newStr('name-' + 'x'.repeat(20));
    const v = newList([]);
    const kr = k.refcnt, vr = v.refcnt;
    dictSetItem(d, k, v);
    expect(dictGetItemStr(d, k.value)).toBe(v);
    expect(dictGetItem(d, newStr(k.value))).toBe(v);
    dictSetItem(d, newInt(5), newInt(6));
    expect(dictGetItemStr(d, k.value)).toBe(v);
    expect(js(dictGetItem(d, newInt(5))!)).toBe(6);
    expect(dictDelItem(d, k)).toBe(true);
    expect([k.refcnt, v.refcnt]).toEqual([kr, vr]);
    expect(dictKeys(d).map(js)).toEqual([5]);
    const tmp = dictFromItems([k], [v]);
    dictMerge(d, tmp, 1);
    decref(tmp);
    expect(dictItems(d).map(([a]) => js(a))).toEqual([5, k.value]);
    decref(d);
    expect(v.refcnt).toBe(vr);
  });
});
void py;
void delItem;
