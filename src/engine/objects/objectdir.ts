/**
 * object.__dir__: what dir() lists, and where a traceback's "Did you mean"
 * looks for an attribute's near misses. With traceback printing, an
 * on-demand part that the worker fetches at start-up (see ondemand.ts);
 * moved here verbatim from typenew.ts, which keeps its stub.
 * CPython counterpart: Objects/typeobject.c (object___dir___impl, merge_class_dict).
 */
import { type PyObject, decref } from './object.js';
import { PyTypeObject } from './typeobject.js';
import { PyDict, dictItems, dictCopy, newDict, dictKeys, dictSetItem } from './dictobject.js';
import { PyStr, newStr, strValue } from './unicodeobject.js';
import { newList } from './listobject.js';
import { lookupAttr } from './abstract.js';

/**
 * object.__dir__: a copy of self.__dict__ with the class's attributes merged
 * in (merge_class_dict: the class's dict, then its bases', recursively), as
 * PyDict_SetItem on that copy. Like CPython, this asks for __dict__ (an
 * instance's inline values become a dict) and, since the copy of a split dict
 * shares the class's keys, fills those keys with the class's names.
 */
export function objectDir(self: PyObject): PyObject {
  if (self instanceof PyTypeObject) {
    const names = new Set<string>();
    for (const b of self.mro) if (b.tpDict) for (const [k] of dictItems(b.tpDict as PyDict)) names.add(strValue(k));
    return newList([...names].sort().map((n) => newStr(n)));
  }
  const own = lookupAttr(self, '__dict__');
  let d: PyDict;
  if (own instanceof PyDict) {
    try {
      d = dictCopy(own);
    } finally {
      decref(own);
    }
  } else {
    if (own !== null) decref(own);
    d = newDict();
  }
  try {
    mergeClassDict(d, self.type);
    const names: string[] = [];
    for (const k of dictKeys(d)) if (k instanceof PyStr) names.push(k.value);
    return newList(names.sort().map((n) => newStr(n)));
  } finally {
    decref(d);
  }
}

/** merge_class_dict: the class's own names, then each base's (recursively). */
function mergeClassDict(d: PyDict, t: PyTypeObject): void {
  const cd = t.tpDict as PyDict | null;
  if (cd !== null) for (const [k, v] of dictItems(cd)) dictSetItem(d, k, v);
  for (const b of t.bases) mergeClassDict(d, b);
}
