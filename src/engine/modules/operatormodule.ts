/**
 * The operator module: the operators as functions, itemgetter, attrgetter,
 * methodcaller.
 * CPython counterpart: Modules/_operator.c (3.12) (Lib/operator.py is the
 * pure-Python fallback; CPython uses the C module).
 */

import { PyObject, decref, newref } from '../objects/object.js';
import {
  NB_ADD, NB_AND, NB_FLOOR_DIVIDE, NB_LSHIFT, NB_MATRIX_MULTIPLY, NB_MULTIPLY, NB_REMAINDER, NB_OR, NB_POWER,
  NB_RSHIFT, NB_SUBTRACT, NB_TRUE_DIVIDE, NB_XOR, NB_INPLACE_ADD, Py_LT, Py_LE, Py_EQ, Py_NE, Py_GT, Py_GE,
  type BuiltinMethod,
} from '../objects/typeobject.js';
import { raise } from '../eval/errors.js';
import { Exc } from '../objects/exceptions.js';
import {
  binaryOp, richCompare, isTrue, negative, positive, absolute, invert, getItem, setItem, delItem, contains,
  getAttr, call, reprString, length, getIter, iterNext, richCompareBool,
} from '../objects/abstract.js';
import { newBool, numberIndex, newInt } from '../objects/longobject.js';
import { PyTuple, newTuple } from '../objects/tupleobject.js';
import { PyStr, newStr } from '../objects/unicodeobject.js';
import { checkArity, noKeywords } from '../objects/args.js';
import { callDunder } from '../objects/typeslots.js';
import { nativeType, allocNative, none } from './itertoolsmodule.js';
import type { ModuleDef } from './moduledef.js';

const M = 'operator';

function bin(name: string, nb: number): BuiltinMethod {
  return (_m, args) => {
    checkArity(name, args, 2, 2);
    return binaryOp(args[0], args[1], nb);
  };
}
function cmp(name: string, op: number): BuiltinMethod {
  return (_m, args) => {
    checkArity(name, args, 2, 2);
    return richCompare(args[0], args[1], op);
  };
}
function un(name: string, f: (o: PyObject) => PyObject): BuiltinMethod {
  return (_m, args) => {
    checkArity(name, args, 1, 1);
    return f(args[0]);
  };
}

// ===================================================================== itemgetter / attrgetter / methodcaller

class Getter extends PyObject {
  items: PyObject[] = [];
  /** attrgetter: each name split at dots (JS strings; the PyStr names are in `items`) */
  b_paths: string[][] = [];
}
export const ItemGetterType = nativeType(M, 'itemgetter', 48);
export const AttrGetterType = nativeType(M, 'attrgetter', 40);

ItemGetterType.tp_new = (type, args, kwnames) => {
  noKeywords('itemgetter', kwnames);
  if (args.length === 0) raise(Exc.TypeError, 'itemgetter expected 1 argument, got 0');
  const g = new Getter(type);
  g.items = args.map((a) => newref(a));
  return allocNative(g);
};
ItemGetterType.tp_call = (self, args, kwnames) => {
  noKeywords('itemgetter', kwnames);
  checkArity('itemgetter', args, 1, 1);
  const g = self as Getter;
  if (g.items.length === 1) return getItem(args[0], g.items[0]);
  const out: PyObject[] = [];
  try {
    for (const k of g.items) out.push(getItem(args[0], k));
  } catch (e) {
    for (const x of out) decref(x);
    throw e;
  }
  return newTuple(out);
};
ItemGetterType.tp_repr = (o) => newStr(`operator.itemgetter(${(o as Getter).items.map(reprString).join(', ')})`);

AttrGetterType.tp_new = (type, args, kwnames) => {
  noKeywords('attrgetter', kwnames);
  if (args.length === 0) raise(Exc.TypeError, 'attrgetter expected 1 argument, got 0');
  for (const a of args) if (!(a instanceof PyStr)) raise(Exc.TypeError, 'attribute name must be a string');
  const g = new Getter(type);
  g.items = args.map((a) => newref(a));
  g.b_paths = args.map((a) => (a as PyStr).value.split('.'));
  return allocNative(g);
};
function dotted(o: PyObject, path: string[]): PyObject {
  let cur = newref(o);
  for (const name of path) {
    try {
      const nxt = getAttr(cur, name);
      decref(cur);
      cur = nxt;
    } catch (e) {
      decref(cur);
      throw e;
    }
  }
  return cur;
}
AttrGetterType.tp_call = (self, args, kwnames) => {
  noKeywords('attrgetter', kwnames);
  checkArity('attrgetter', args, 1, 1);
  const g = self as Getter;
  if (g.b_paths.length === 1) return dotted(args[0], g.b_paths[0]);
  const out: PyObject[] = [];
  try {
    for (const p of g.b_paths) out.push(dotted(args[0], p));
  } catch (e) {
    for (const x of out) decref(x);
    throw e;
  }
  return newTuple(out);
};
AttrGetterType.tp_repr = (o) => newStr(`operator.attrgetter(${(o as Getter).items.map(reprString).join(', ')})`);

class MethodCaller extends PyObject {
  name: PyObject | null = null;
  args: PyObject[] = [];
  b_kwnames: string[] = [];
}
export const MethodCallerType = nativeType(M, 'methodcaller', 40);
MethodCallerType.tp_new = (type, args, kwnames) => {
  const nkw = kwnames ? kwnames.length : 0;
  if (args.length - nkw < 1) raise(Exc.TypeError, 'methodcaller needs at least one argument, the method name');
  if (!(args[0] instanceof PyStr)) raise(Exc.TypeError, 'method name must be a string');
  const m = new MethodCaller(type);
  m.name = newref(args[0]);
  m.args = args.slice(1).map((a) => newref(a));
  m.b_kwnames = kwnames ? [...kwnames] : [];
  return allocNative(m);
};
MethodCallerType.tp_call = (self, args, kwnames) => {
  noKeywords('methodcaller', kwnames);
  checkArity('methodcaller', args, 1, 1);
  const m = self as MethodCaller;
  const meth = getAttr(args[0], (m.name as PyStr).value);
  try {
    return call(meth, m.args, m.b_kwnames.length ? m.b_kwnames : null);
  } finally {
    decref(meth);
  }
};
MethodCallerType.tp_repr = (o) => {
  const m = o as MethodCaller;
  const nkw = m.b_kwnames.length;
  const parts = [reprString(m.name!)];
  const npos = m.args.length - nkw;
  for (let i = 0; i < npos; i++) parts.push(reprString(m.args[i]));
  for (let i = 0; i < nkw; i++) parts.push(`${m.b_kwnames[i]}=${reprString(m.args[npos + i])}`);
  return newStr(`operator.methodcaller(${parts.join(', ')})`);
};

// ===================================================================== the module

function lengthHint(_m: PyObject, args: PyObject[]): PyObject {
  checkArity('length_hint', args, 1, 2);
  const o = args[0];
  if (o.type.mp_length !== null) return newInt(length(o));
  const r = callDunder(o, '__length_hint__', []);
  if (r !== null) return r;
  return args.length > 1 ? newref(args[1]) : newInt(0);
}

function countOf(_m: PyObject, args: PyObject[]): PyObject {
  checkArity('countOf', args, 2, 2);
  const it = getIter(args[0]);
  let n = 0;
  try {
    for (let x = iterNext(it); x !== null; x = iterNext(it)) {
      const eq = x === args[1] || richCompareBool(x, args[1], Py_EQ);
      decref(x);
      if (eq) n++;
    }
  } finally {
    decref(it);
  }
  return newInt(n);
}

function indexOf(_m: PyObject, args: PyObject[]): PyObject {
  checkArity('indexOf', args, 2, 2);
  const it = getIter(args[0]);
  let n = 0;
  try {
    for (let x = iterNext(it); x !== null; x = iterNext(it)) {
      const eq = x === args[1] || richCompareBool(x, args[1], Py_EQ);
      decref(x);
      if (eq) return newInt(n);
      n++;
    }
  } finally {
    decref(it);
  }
  raise(Exc.ValueError, 'sequence.index(x): x not in sequence');
}

export function operatorDef(): ModuleDef {
  const f: Record<string, BuiltinMethod> = {};
  const bins: [string, number][] = [
    ['add', NB_ADD], ['and_', NB_AND], ['floordiv', NB_FLOOR_DIVIDE], ['lshift', NB_LSHIFT],
    ['matmul', NB_MATRIX_MULTIPLY], ['mul', NB_MULTIPLY], ['mod', NB_REMAINDER], ['or_', NB_OR], ['pow', NB_POWER],
    ['rshift', NB_RSHIFT], ['sub', NB_SUBTRACT], ['truediv', NB_TRUE_DIVIDE], ['xor', NB_XOR],
  ];
  for (const [name, nb] of bins) {
    f[name] = bin(name, nb);
    f['i' + name.replace(/_$/, '')] = bin('i' + name.replace(/_$/, ''), nb + NB_INPLACE_ADD);
  }
  const cmps: [string, number][] = [['lt', Py_LT], ['le', Py_LE], ['eq', Py_EQ], ['ne', Py_NE], ['gt', Py_GT], ['ge', Py_GE]];
  for (const [name, op] of cmps) f[name] = cmp(name, op);
  f.neg = un('neg', negative);
  f.pos = un('pos', positive);
  f.abs = un('abs', absolute);
  f.invert = un('invert', invert);
  f.inv = un('inv', invert);
  f.index = un('index', numberIndex);
  f.not_ = un('not_', (o) => newBool(!isTrue(o)));
  f.truth = un('truth', (o) => newBool(isTrue(o)));
  f.is_ = (_m, args) => {
    checkArity('is_', args, 2, 2);
    return newBool(args[0] === args[1]);
  };
  f.is_not = (_m, args) => {
    checkArity('is_not', args, 2, 2);
    return newBool(args[0] !== args[1]);
  };
  f.concat = (_m, args) => {
    checkArity('concat', args, 2, 2);
    const a = args[0];
    if (a.type.mp_subscript === null || a.type.name === 'dict') {
      raise(Exc.TypeError, `'${a.type.name}' object can't be concatenated`);
    }
    return binaryOp(a, args[1], NB_ADD);
  };
  f.iconcat = (_m, args) => {
    checkArity('iconcat', args, 2, 2);
    return binaryOp(args[0], args[1], NB_INPLACE_ADD);
  };
  f.contains = (_m, args) => {
    checkArity('contains', args, 2, 2);
    return newBool(contains(args[0], args[1]));
  };
  f.getitem = (_m, args) => {
    checkArity('getitem', args, 2, 2);
    return getItem(args[0], args[1]);
  };
  f.setitem = (_m, args) => {
    checkArity('setitem', args, 3, 3);
    setItem(args[0], args[1], args[2]);
    return none();
  };
  f.delitem = (_m, args) => {
    checkArity('delitem', args, 2, 2);
    delItem(args[0], args[1]);
    return none();
  };
  f.length_hint = lengthHint;
  f.countOf = countOf;
  f.indexOf = indexOf;
  f.call = (_m, args, kwnames) => {
    if (args.length - (kwnames ? kwnames.length : 0) < 1) raise(Exc.TypeError, 'call() missing 1 required positional argument: \'obj\'');
    return call(args[0], args.slice(1), kwnames);
  };
  // the dunder aliases: operator.__add__ is operator.add …
  for (const name of Object.keys(f)) {
    if (['countOf', 'indexOf', 'is_', 'is_not', 'length_hint', 'truth'].includes(name)) continue;
    f[`__${name.replace(/_$/, '')}__`] = f[name];
  }
  return {
    name: 'operator',
    functions: f,
    attrs: () => ({
      itemgetter: newref(ItemGetterType),
      attrgetter: newref(AttrGetterType),
      methodcaller: newref(MethodCallerType),
    }),
  };
}

void PyTuple;
