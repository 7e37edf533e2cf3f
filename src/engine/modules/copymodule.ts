/**
 * The copy module: copy and deepcopy.
 * CPython counterpart: Lib/copy.py (3.12) — Python code in CPython, written
 * natively here following the same dispatch: the atomic types are returned
 * as they are, list/dict/set/bytearray are copied directly, `__copy__` /
 * `__deepcopy__` are honoured, a type with its own `__reduce_ex__` /
 * `__reduce__` goes through `_reconstruct`, and an instance of a class is
 * rebuilt as copyreg does: `cls.__new__(cls)`, then
 * `y.__dict__.update(state)` and the __slots__ values. deepcopy keeps
 * CPython's memo dict (id -> copy, plus the keep-alive list under id(memo)),
 * so cycles and shared references are preserved and a user's __deepcopy__
 * receives a real dict.
 */

import { PyObject, decref, incref, newref, xdecref } from '../objects/object.js';
import { PyTypeObject, ObjectType, TPFLAGS_HEAPTYPE, isSubtype } from '../objects/typeobject.js';
import { raise } from '../eval/errors.js';
import { Exc } from '../objects/exceptions.js';
import {
  call, callMethod, getAttr, setAttr, lookupAttr, getIter, iterNext, setItem, isExceptionOf, clearRaise,
} from '../objects/abstract.js';
import { PyLong, newInt } from '../objects/longobject.js';
import { PyNone } from '../objects/singletons.js';
import { instanceDictIsEmpty } from '../objects/instancevalues.js';
import { PyTuple, TupleType, newTuple } from '../objects/tupleobject.js';
import { PyList, ListType, newList, listAppend } from '../objects/listobject.js';
import { PyDict, DictType, newDict, dictGetItem, dictSetItem, dictItems } from '../objects/dictobject.js';
import { SetType, FrozenSetType, newSet, setAdd, setKeys, PySet, newFrozenSet } from '../objects/setobject.js';
import { typeLookup } from '../objects/typeready.js';
import { parseArgs, checkArity } from '../objects/args.js';
import type { ModuleDef } from './moduledef.js';

const ATOMIC = new Set([
  'NoneType', 'int', 'float', 'bool', 'complex', 'str', 'bytes', 'type', 'range', 'builtin_function_or_method',
  'ellipsis', 'NotImplementedType', 'function', 'weakref.ReferenceType', 'weakref', 'property', 'code',
]);
/** copy.copy also returns these as they are (_copy_dispatch's immutable types) */
const SHALLOW_ATOMIC = new Set([...ATOMIC, 'tuple', 'frozenset', 'slice']);

function isAtomic(o: PyObject, shallow: boolean): boolean {
  const t = o.type;
  if (t.hasFlag(TPFLAGS_HEAPTYPE)) return false;
  if (o instanceof PyTypeObject) return true;
  return (shallow ? SHALLOW_ATOMIC : ATOMIC).has(t.name);
}

function ownDunder(t: PyTypeObject, name: string): PyObject | null {
  const v = typeLookup(t, name);
  if (v === null || v === typeLookup(ObjectType, name)) return null;
  return v;
}

// ---------------------------------------------------------------- shallow

function copyOf(x: PyObject): PyObject {
  const t = x.type;
  if (isAtomic(x, true)) return newref(x);
  if (t === ListType || t === DictType || t === SetType || t.name === 'bytearray') return callMethod(x, 'copy');
  const copier = lookupAttr(t, '__copy__');
  if (copier !== null) {
    try {
      return call(copier, [x]);
    } finally {
      decref(copier);
    }
  }
  return reduceAndReconstruct(x, null);
}

// ---------------------------------------------------------------- deep

function idOf(o: PyObject): PyObject {
  return newInt(o.addr);
}

/** memo.get(id(x)) — borrowed or null */
function memoGet(memo: PyDict, x: PyObject): PyObject | null {
  const k = idOf(x);
  try {
    return dictGetItem(memo, k);
  } finally {
    decref(k);
  }
}
function memoSet(memo: PyDict, x: PyObject, y: PyObject): void {
  const k = idOf(x);
  dictSetItem(memo, k, y);
  decref(k);
}
/** _keep_alive: memo[id(memo)].append(x) */
function keepAlive(memo: PyDict, x: PyObject): void {
  const k = idOf(memo);
  try {
    const l = dictGetItem(memo, k);
    if (l !== null) {
      decref(callMethod(l, 'append', [x]));
      return;
    }
    const nl = newList([newref(x)]);
    dictSetItem(memo, k, nl);
    decref(nl);
  } finally {
    decref(k);
  }
}

function deepcopy(x: PyObject, memo: PyDict): PyObject {
  const found = memoGet(memo, x);
  if (found !== null) return newref(found);
  const t = x.type;
  let y: PyObject;
  if (isAtomic(x, false)) y = newref(x);
  else if (t === ListType) {
    const l = newList([]);
    memoSet(memo, x, l);
    y = l;
    for (const item of (x as PyList).items.slice()) {
      const c = deepcopy(item, memo);
      listAppend(l, c);
      decref(c);
    }
  } else if (t === TupleType) {
    const items: PyObject[] = [];
    try {
      for (const a of (x as PyTuple).items) items.push(deepcopy(a, memo));
    } catch (e) {
      for (const i of items) decref(i);
      throw e;
    }
    const again = memoGet(memo, x);
    if (again !== null) {
      for (const i of items) decref(i);
      return newref(again);
    }
    if (items.every((c, i) => c === (x as PyTuple).items[i])) {
      for (const i of items) decref(i);
      y = newref(x);
    } else y = newTuple(items);
  } else if (t === DictType) {
    const d = newDict();
    memoSet(memo, x, d);
    y = d;
    for (const [k, v] of dictItems(x as PyDict)) {
      const ck = deepcopy(k, memo);
      try {
        const cv = deepcopy(v, memo);
        dictSetItem(d, ck, cv);
        decref(cv);
      } finally {
        decref(ck);
      }
    }
  } else if (t === SetType || t === FrozenSetType) {
    // set.__reduce__ is (set, (list(self),), None): the items are copied first
    const items: PyObject[] = [];
    try {
      for (const k of setKeys(x as PySet)) items.push(deepcopy(k, memo));
    } catch (e) {
      for (const i of items) decref(i);
      throw e;
    }
    if (t === SetType) {
      const s = newSet();
      for (const i of items) {
        setAdd(s, i);
        decref(i);
      }
      y = s;
    } else {
      y = newFrozenSet(items);
      for (const i of items) decref(i);
    }
  } else {
    const copier = lookupAttr(x, '__deepcopy__');
    if (copier !== null && !(copier instanceof PyTypeObject)) {
      try {
        y = call(copier, [memo]);
      } finally {
        decref(copier);
      }
    } else {
      xdecref(copier);
      y = reduceAndReconstruct(x, memo);
    }
  }
  if (y !== x) {
    memoSet(memo, x, y);
    keepAlive(memo, x);
  }
  return y;
}

// ---------------------------------------------------------------- __reduce_ex__ and _reconstruct

function reduceAndReconstruct(x: PyObject, memo: PyDict | null): PyObject {
  const t = x.type;
  const custom = ownDunder(t, '__reduce_ex__') ?? ownDunder(t, '__reduce__');
  if (custom !== null) {
    const rv = ownDunder(t, '__reduce_ex__') ? callMethod(x, '__reduce_ex__', [newIntTemp(4)]) : callMethod(x, '__reduce__');
    try {
      if (rv.type.name === 'str') return newref(x);
      if (!(rv instanceof PyTuple)) raise(Exc.TypeError, '__reduce__ must return a string or tuple');
      return reconstruct(x, memo, rv.items);
    } finally {
      decref(rv);
    }
  }
  if (t === ObjectType) {
    // object().__reduce_ex__(4) is (copyreg.__newobj__, (object,), None): a fresh object()
    const y = call(ObjectType, []);
    if (memo !== null) memoSet(memo, x, y);
    return y;
  }
  if (!t.hasFlag(TPFLAGS_HEAPTYPE)) raise(Exc.TypeError, `cannot pickle '${t.name}' object`);
  return copyInstance(x, memo);
}

let tmpInts: PyObject[] = [];
function newIntTemp(v: number): PyObject {
  const o = newInt(v);
  tmpInts.push(o);
  return o;
}

/** copyreg's default reduce for an instance: cls.__new__(cls), then its __dict__ and __slots__ state */
function copyInstance(x: PyObject, memo: PyDict | null): PyObject {
  const cls = x.type;
  const solid = nonHeapBase(cls);
  if (solid !== ObjectType) raise(Exc.TypeError, `cannot pickle '${cls.name}' object`);
  const newFn = getAttr(cls, '__new__');
  let y: PyObject;
  try {
    y = call(newFn, [cls]);
  } finally {
    decref(newFn);
  }
  try {
    if (memo !== null) memoSet(memo, x, y);
    const state = !instanceDictIsEmpty(x) ? lookupAttr(x, '__dict__') : null;
    if (state !== null) {
      try {
        if (state instanceof PyDict && state.used > 0) {
          const st = memo !== null ? deepcopy(state, memo) : newref(state);
          try {
            const setstate = ownDunder(y.type, '__setstate__');
            if (setstate !== null) decref(callMethod(y, '__setstate__', [st]));
            else {
              const yd = getAttr(y, '__dict__');
              try {
                decref(callMethod(yd, 'update', [st]));
              } finally {
                decref(yd);
              }
            }
          } finally {
            decref(st);
          }
        }
      } finally {
        decref(state);
      }
    }
    for (const b of cls.mro) {
      for (const name of b.slotNames) {
        if (name === '__dict__' || name === '__weakref__') continue;
        const v = lookupAttr(x, name);
        if (v === null) continue;
        try {
          const c = memo !== null ? deepcopy(v, memo) : newref(v);
          setAttr(y, name, c);
          decref(c);
        } finally {
          decref(v);
        }
      }
    }
  } catch (e) {
    decref(y);
    throw e;
  }
  return y;
}

function nonHeapBase(t: PyTypeObject): PyTypeObject {
  let b: PyTypeObject | null = t;
  while (b !== null && b.hasFlag(TPFLAGS_HEAPTYPE)) b = b.base;
  return b ?? ObjectType;
}

/** _reconstruct(x, memo, func, args, state=None, listiter=None, dictiter=None) */
function reconstruct(x: PyObject, memo: PyDict | null, rv: PyObject[]): PyObject {
  const [func, args0, state0, listiter, dictiter] = rv;
  const deep = memo !== null;
  let args = args0;
  if (!(args instanceof PyTuple)) raise(Exc.TypeError, 'second item of the tuple returned by __reduce__ must be a tuple');
  if (deep && args.items.length) args = deepcopy(args, memo!);
  else incref(args);
  let y: PyObject;
  try {
    y = call(func, (args as PyTuple).items.slice());
  } finally {
    decref(args);
  }
  try {
    if (deep) memoSet(memo!, x, y);
    if (state0 !== undefined && state0 !== PyNone) {
      const state = deep ? deepcopy(state0, memo!) : newref(state0);
      try {
        const setstate = lookupAttr(y, '__setstate__');
        if (setstate !== null) {
          try {
            decref(call(setstate, [state]));
          } finally {
            decref(setstate);
          }
        } else {
          let st: PyObject = state, slotstate: PyObject | null = null;
          if (state instanceof PyTuple && state.items.length === 2) [st, slotstate] = state.items;
          if (st !== PyNone && st instanceof PyDict && st.used > 0) {
            const yd = getAttr(y, '__dict__');
            try {
              for (const [k, v] of dictItems(st)) setItem(yd, k, v);
            } finally {
              decref(yd);
            }
          }
          if (slotstate instanceof PyDict) {
            for (const [k, v] of dictItems(slotstate)) setAttr(y, (k as PyObject & { value: string }).value, v);
          }
        }
      } finally {
        decref(state);
      }
    }
    if (listiter !== undefined && listiter !== PyNone) {
      for (let item = iterNext(listiter); item !== null; item = iterNext(listiter)) {
        try {
          const c = deep ? deepcopy(item, memo!) : newref(item);
          try {
            decref(callMethod(y, 'append', [c]));
          } finally {
            decref(c);
          }
        } finally {
          decref(item);
        }
      }
    }
    if (dictiter !== undefined && dictiter !== PyNone) {
      for (let kv = iterNext(dictiter); kv !== null; kv = iterNext(dictiter)) {
        try {
          const [k, v] = (kv as PyTuple).items;
          const ck = deep ? deepcopy(k, memo!) : newref(k);
          const cv = deep ? deepcopy(v, memo!) : newref(v);
          try {
            setItem(y, ck, cv);
          } finally {
            decref(ck);
            decref(cv);
          }
        } finally {
          decref(kv);
        }
      }
    }
  } catch (e) {
    decref(y);
    throw e;
  }
  return y;
}

export function copyDef(): ModuleDef {
  return {
    name: 'copy',
    functions: {
      copy: (_m, args) => {
        checkArity('copy', args, 1, 1);
        try {
          return copyOf(args[0]);
        } finally {
          for (const o of tmpInts) decref(o);
          tmpInts = [];
        }
      },
      deepcopy: (_m, args, kwnames) => {
        const [x, memoArg] = parseArgs('deepcopy', args, kwnames, ['x', 'memo'], 1);
        let memo: PyDict;
        if (memoArg === undefined || memoArg === PyNone) memo = newDict();
        else {
          if (!(memoArg instanceof PyDict)) raise(Exc.TypeError, `'${memoArg.type.name}' object has no attribute 'get'`);
          memo = newref(memoArg);
        }
        try {
          return deepcopy(x!, memo);
        } finally {
          decref(memo);
          for (const o of tmpInts) decref(o);
          tmpInts = [];
        }
      },
    },
  };
}

void isSubtype;
void getIter;
void isExceptionOf;
void clearRaise;
void PyLong;
