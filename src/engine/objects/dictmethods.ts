/**
 * dict.popitem() and dict.fromkeys(): an on-demand part (see ondemand.ts)
 * that either name loads. Moved from dictobject.ts unchanged; the dict type's
 * entries for them are stubs until it is loaded.
 */
import {
  DictType, LOG2_SHARED_KEYS, PyDict, dictNew, dictResize, dictSetItem, entryHash, estimateLog2, indexRemove, insertDict,
  isExactStr,
} from './dictobject.js';
import { Exc } from './exceptions.js';
import { FrozenSetType, PySet, SetType } from './setobject.js';
import { PyNone } from './singletons.js';
import { PyObject, decref, incref } from './object.js';
import { call, getIter, iterNext } from './abstract.js';
import { checkArity, noKeywords } from './args.js';
import { newTuple } from './tupleobject.js';
import { raise } from '../eval/errors.js';

function mPopitem(self: PyObject, args: PyObject[], kwnames: string[] | null): PyObject {
  noKeywords('popitem', kwnames);
  checkArity('popitem', args, 0, 0);
  const d = self as PyDict;
  if (d.used === 0) raise(Exc.KeyError, 'popitem(): dictionary is empty');
  // a split table becomes combined first
  if (d.split !== null) dictResize(d, LOG2_SHARED_KEYS, true);
  let i = d.ekeys.length - 1;
  while (i >= 0 && d.ekeys[i] === null) i--;
  const k = d.ekeys[i]!, v = d.evalues[i]!;
  // the result tuple takes the entry's references; entries after i are dropped (dk_nentries = i)
  if (isExactStr(k) && d.strIndex !== null) d.strIndex.delete(k.value);
  else d.nonStr--;
  if (d.hashIndex !== null) indexRemove(d.hashIndex, entryHash(d, i), i);
  d.ekeys.length = i;
  d.evalues.length = i;
  d.writes++;
  d.ehashes.length = i;
  d.used--;
  d.version++;
  return newTuple([k, v]);
}

/** dict.fromkeys(iterable, value=None) (_PyDict_FromKeys) */
function mFromkeys(cls: PyObject, args: PyObject[], kwnames: string[] | null): PyObject {
  noKeywords('fromkeys', kwnames);
  checkArity('fromkeys', args, 1, 2);
  const iterable = args[0], value = args.length > 1 ? args[1] : PyNone;
  // _PyObject_CallNoArgs(cls): for dict itself that is dict_new (not the free list)
  const d = cls === DictType ? dictNew(DictType, [], null) : call(cls, []);
  try {
    if (d.type === DictType && (d as PyDict).used === 0) {
      const mp = d as PyDict;
      if (iterable.type === DictType) {
        const src = iterable as PyDict;
        dictResize(mp, estimateLog2(src.used), src.unicode);
        for (let i = 0; i < src.ekeys.length; i++) {
          const k = src.ekeys[i];
          if (k === null) continue;
          incref(k);
          incref(value);
          insertDict(mp, k, isExactStr(k) ? null : entryHash(src, i), value);
        }
        return d;
      }
      if (iterable.type === SetType || iterable.type === FrozenSetType) {
        const s = iterable as PySet;
        dictResize(mp, estimateLog2(s.used), false);
        for (const k of s.orderedKeys()) {
          incref(k);
          incref(value);
          insertDict(mp, k, null, value);
        }
        return d;
      }
    }
    const it = getIter(iterable);
    try {
      for (let k = iterNext(it); k !== null; k = iterNext(it)) {
        try {
          if (d instanceof PyDict && d.type === DictType) dictSetItem(d, k, value);
          else {
            const f = d.type.mp_ass_subscript;
            if (f === null) raise(Exc.TypeError, `'${d.type.name}' object does not support item assignment`);
            f(d, k, value);
          }
        } finally {
          decref(k);
        }
      }
    } finally {
      decref(it);
    }
  } catch (e) {
    decref(d);
    throw e;
  }
  return d;
}


/** The implementations of the stubs. */
export const dictMethods = { popitem: mPopitem, fromkeys: mFromkeys };
