/**
 * types.UnionType: what `int | None` makes (PEP 604), in the generic aliases'
 * on-demand part (see ondemand.ts): `type`'s nb_or slot is a stub
 * (objects/typenew.ts) that forwards here, and so is isinstance()'s case for
 * a union (modules/bltinmodule.ts). The type itself is made when the part
 * loads: nothing can reach it before a union exists.
 * CPython counterpart: Objects/unionobject.c (3.12).
 *
 * Not modelled: type variables (no typing module: __parameters__ is always
 * empty) and typing's special forms as operands; each says it is not supported.
 */

import { PyObject, decref, newref } from './object.js';
import {
  PyTypeObject, ObjectType, builtinType, TPFLAGS_HAVE_GC, NB_OR, Py_EQ, Py_NE, type Visit,
} from './typeobject.js';
import { readyType, genericGetAttr } from './typeready.js';
import { gcAlloc, gcFree, gcTrack, gcUntrack } from '../gc/gcobject.js';
import { raise } from '../eval/errors.js';
import { Exc } from './exceptions.js';
import { getAttr, hash, reprString, richCompare, richCompareBool } from './abstract.js';
import { PyNone, NotImplemented } from './singletons.js';
import { PyTuple, newTuple } from './tupleobject.js';
import { newStr } from './unicodeobject.js';
import { newFrozenSet } from './setobject.js';
import { GenericAliasType, reprItem, makeParameters } from './genericalias.js';

/** unionobject */
export class PyUnion extends PyObject {
  args!: PyTuple;
  /** __parameters__, computed on first use (null until then) */
  parameters: PyObject | null = null;
}

/** sizeof(unionobject): the header, args, parameters */
const UNION_SIZE = 32;

export const UnionType = builtinType('types.UnionType', UNION_SIZE, TPFLAGS_HAVE_GC);
UnionType.qualname = 'UnionType';
UnionType.module = 'types';
UnionType.doc = 'Represent a PEP 604 union type\n\nE.g. for int | str';

const un = (o: PyObject): PyUnion => o as PyUnion;

/** is_unionable: None, a class, a generic alias or a union */
function isUnionable(o: PyObject): boolean {
  return o === PyNone || o instanceof PyTypeObject || o.type === GenericAliasType || o.type === UnionType;
}

/** dedup_and_flatten_args: a union's arguments spread, None as NoneType, duplicates dropped (generic aliases by ==) */
function dedupAndFlatten(items: readonly PyObject[]): PyObject[] {
  const flat: PyObject[] = [];
  for (const x of items) {
    if (x.type === UnionType) flat.push(...un(x).args.items);
    else flat.push(x === PyNone ? PyNone.type : x);
  }
  const out: PyObject[] = [];
  for (const x of flat) {
    const dup = out.some((y) => (x.type === GenericAliasType && y.type === GenericAliasType ? richCompareBool(x, y, Py_EQ) : x === y));
    if (!dup) out.push(x);
  }
  return out;
}

/** make_union: one argument left is itself */
function makeUnion(items: readonly PyObject[]): PyObject {
  const args = dedupAndFlatten(items);
  if (args.length === 1) return newref(args[0]);
  const u = new PyUnion(UnionType);
  gcAlloc(u, UNION_SIZE);
  u.args = newTuple(args.map((x) => newref(x)));
  gcTrack(u);
  return u;
}

/** _Py_union_type_or: the nb_or of type, types.GenericAlias and types.UnionType */
export function unionTypeOr(self: PyObject, other: PyObject): PyObject {
  if (!isUnionable(self) || !isUnionable(other)) return newref(NotImplemented);
  return makeUnion([self, other]);
}

UnionType.tp_dealloc = (o) => {
  gcUntrack(o);
  decref(un(o).args);
  if (un(o).parameters !== null) decref(un(o).parameters!);
  gcFree(o);
};
UnionType.tp_traverse = (o, visit: Visit) => {
  visit(un(o).args);
  if (un(o).parameters !== null) visit(un(o).parameters!);
};

/** union_repr: the arguments joined by ` | `, NoneType as None */
UnionType.tp_repr = (o) => newStr(un(o).args.items.map((p) => (p === PyNone.type ? 'None' : reprItem(p))).join(' | '));

/** union_hash: the hash of the frozenset of the arguments */
UnionType.tp_hash = (o) => {
  const s = newFrozenSet(un(o).args.items);
  try {
    return hash(s);
  } finally {
    decref(s);
  }
};

/** union_richcompare: == and != compare the arguments as frozensets (order does not matter) */
UnionType.tp_richcompare = (x, y, op) => {
  if (y.type !== UnionType || (op !== Py_EQ && op !== Py_NE)) return newref(NotImplemented);
  const a = newFrozenSet(un(x).args.items);
  try {
    const b = newFrozenSet(un(y).args.items);
    try {
      return richCompare(a, b, op);
    } finally {
      decref(b);
    }
  } finally {
    decref(a);
  }
};

/** union_getattro: __module__ is the type's (for typing), anything else as usual */
UnionType.tp_getattro = (o, name) => (name === '__module__' ? getAttr(o.type, name) : genericGetAttr(o, name));

function parametersOf(u: PyUnion): PyObject {
  if (u.parameters === null) u.parameters = makeParameters(u.args.items, 'unions');
  return newref(u.parameters);
}

UnionType.getsets = {
  __args__: { get: (o) => newref(un(o).args) },
  __parameters__: { get: (o) => parametersOf(un(o)) },
};

/** union_getitem: substituting type variables; a union without them says so */
UnionType.mp_subscript = (o) => {
  decref(parametersOf(un(o)));
  raise(Exc.TypeError, `${reprString(o)} is not a generic class`);
};
UnionType.nb[NB_OR] = unionTypeOr;

if (ObjectType.tpDict !== null) readyType(UnionType);

export const unionType = {
  /** type_or: `int | None` (type's nb_or) */
  typeOr: unionTypeOr,
  /** isinstance() and issubclass() with a union: its arguments, as a tuple (object_recursive_isinstance) */
  unionArgs: (o: PyObject): PyTuple => un(o).args,
};
