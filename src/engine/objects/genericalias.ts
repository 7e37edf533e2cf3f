/**
 * types.GenericAlias: what `list[int]`, `dict[str, int]` and `type[int]` make
 * (PEP 585), an on-demand part (see ondemand.ts): the builtin types'
 * `__class_getitem__` stubs (bltinmodule.ts) forward here. The type itself is
 * made when the part loads: nothing can reach it before an alias exists.
 * CPython counterpart: Objects/genericaliasobject.c (3.12).
 *
 * Not modelled: type variables (the simulator has no typing module, so an
 * alias's __parameters__ is always empty) and starred aliases (`*tuple[int]`,
 * what iterating an alias makes): each says it is not supported. Unions
 * (`list[int] | None`) are objects/unionobject.ts, in the same part.
 */

import { PyObject, decref, incref, newref } from './object.js';
import {
  PyTypeObject, ObjectType, builtinType, isSubtype, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC, NB_OR, Py_EQ, Py_NE,
  type BuiltinMethod, type Visit,
} from './typeobject.js';
import { readyType, genericGetAttr } from './typeready.js';
import { gcAlloc, gcFree, gcTrack, gcUntrack } from '../gc/gcobject.js';
import { raise, unsupported } from '../eval/errors.js';
import { Exc } from './exceptions.js';
import {
  call, getAttr, setAttr, lookupAttr, hash, reprString, richCompare, richCompareBool, iterableToArray,
  isExceptionOf, clearRaise,
} from './abstract.js';
import { checkArity, noKeywords } from './args.js';
import { PyNone, NotImplemented, Ellipsis } from './singletons.js';
import { newBool, PyTrue } from './boolobject.js';
import { PyTuple, newTuple, EmptyTuple } from './tupleobject.js';
import { PyList, ListType, newList } from './listobject.js';
import { PyStr, newStr, strValue } from './unicodeobject.js';
import { normHash, hashToBigInt } from './hash.js';
import { clearWeakrefs } from './typenew.js';
import { callDunder } from './typeslots.js';
import { unionTypeOr, unionType } from './unionobject.js';
// the module that holds this part's stubs, evaluated first (ondemand.ts checks every stub has its code)
import '../modules/bltinmodule.js';

/** gaobject */
export class PyGenericAlias extends PyObject {
  origin: PyObject = PyNone;
  args: PyObject = EmptyTuple;
  /** __parameters__, computed on first use (null until then) */
  parameters: PyObject | null = null;
}

/** sizeof(gaobject): the header, origin, args, parameters, weakreflist, starred, vectorcall */
const GA_SIZE = 64;

export const GenericAliasType = builtinType('types.GenericAlias', GA_SIZE, TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC);
GenericAliasType.qualname = 'GenericAlias';
GenericAliasType.module = 'types';
GenericAliasType.weakrefable = true;
GenericAliasType.doc = 'Represent a PEP 585 generic type\n\nE.g. for t = list[int], t.__origin__ is list and t.__args__ is (int,).';

const ga = (o: PyObject): PyGenericAlias => o as PyGenericAlias;

/** Py_GenericAlias / setup_ga: `args` a tuple is used as it is, anything else is packed into one. */
function newGenericAlias(type: PyTypeObject, origin: PyObject, args: PyObject): PyGenericAlias {
  const a = new PyGenericAlias(type);
  gcAlloc(a, type.basicsize);
  if (args instanceof PyTuple) incref(args);
  else args = newTuple([newref(args)]);
  a.origin = newref(origin);
  a.args = args;
  gcTrack(a);
  return a;
}

GenericAliasType.tp_dealloc = (o) => {
  gcUntrack(o);
  if (o.weakrefs !== null) clearWeakrefs(o);
  const a = ga(o);
  decref(a.origin);
  decref(a.args);
  if (a.parameters !== null) decref(a.parameters);
  gcFree(o);
};
GenericAliasType.tp_traverse = (o, visit: Visit) => {
  const a = ga(o);
  visit(a.origin);
  visit(a.args);
  if (a.parameters !== null) visit(a.parameters);
};

/** ga_new: types.GenericAlias(origin, args) */
GenericAliasType.tp_new = (type, args, kwnames) => {
  noKeywords('GenericAlias', kwnames);
  if (args.length !== 2) raise(Exc.TypeError, `GenericAlias expected 2 arguments, got ${args.length}`);
  return newGenericAlias(type, args[0], args[1]);
};

// ---------------------------------------------------------------- repr

/** ga_repr_item: `...`, a class as `module.qualname` (builtins without the module), anything else its repr */
export function reprItem(p: PyObject): string {
  if (p === Ellipsis) return '...';
  if (hasAttr(p, '__origin__') && hasAttr(p, '__args__')) return reprString(p);
  const qualname = lookupAttr(p, '__qualname__');
  if (qualname === null) return reprString(p);
  try {
    const module = lookupAttr(p, '__module__');
    if (module === null) return reprString(p);
    try {
      if (module === PyNone) return reprString(p);
      const q = strOf(qualname);
      return module instanceof PyStr && module.value === 'builtins' ? q : `${strOf(module)}.${q}`;
    } finally {
      decref(module);
    }
  } finally {
    decref(qualname);
  }
}

function strOf(o: PyObject): string {
  return o instanceof PyStr ? o.value : reprString(o);
}

function hasAttr(o: PyObject, name: string): boolean {
  const v = lookupAttr(o, name);
  if (v === null) return false;
  decref(v);
  return true;
}

GenericAliasType.tp_repr = (o) => {
  const a = ga(o);
  const items = (a.args as PyTuple).items;
  // a list argument is a ParamSpec's list of types: `[int, str]`
  const parts = items.map((p) => (p.type === ListType ? `[${(p as PyList).items.map(reprItem).join(', ')}]` : reprItem(p)));
  return newStr(`${reprItem(a.origin)}[${items.length === 0 ? '()' : parts.join(', ')}]`);
};

// ---------------------------------------------------------------- comparison, hash, call

GenericAliasType.tp_richcompare = (x, y, op) => {
  if (!isSubtype(y.type, GenericAliasType) || (op !== Py_EQ && op !== Py_NE)) return newref(NotImplemented);
  if (op === Py_NE) {
    const eq = GenericAliasType.tp_richcompare!(x, y, Py_EQ);
    decref(eq);
    return newBool(eq !== PyTrue);
  }
  if (!richCompareBool(ga(x).origin, ga(y).origin, Py_EQ)) return newBool(false);
  return richCompare(ga(x).args, ga(y).args, Py_EQ);
};

GenericAliasType.tp_hash = (o) => normHash(BigInt.asIntN(64, hashToBigInt(hash(ga(o).origin)) ^ hashToBigInt(hash(ga(o).args))));

/** ga_call: calls the origin, then sets `__orig_class__` on what it made (an instance without a __dict__ stays as it is) */
GenericAliasType.tp_call = (o, args, kwnames) => {
  const obj = call(ga(o).origin, args, kwnames);
  try {
    setAttr(obj, '__orig_class__', o);
  } catch (e) {
    if (isExceptionOf(e, Exc.AttributeError) || isExceptionOf(e, Exc.TypeError)) clearRaise(e);
    else {
      decref(obj);
      throw e;
    }
  }
  return obj;
};

// ---------------------------------------------------------------- attributes

/** attr_exceptions: the alias's own attributes; any other is the origin's */
const OWN = [
  '__class__', '__origin__', '__args__', '__unpacked__', '__parameters__', '__typing_unpacked_tuple_args__',
  '__mro_entries__', '__reduce_ex__', '__reduce__', '__copy__', '__deepcopy__',
];

GenericAliasType.tp_getattro = (o, name) => (OWN.includes(name) ? genericGetAttr(o, name) : getAttr(ga(o).origin, name));

/** _Py_make_parameters: the type variables among the arguments (a tuple of every argument's length, cut to none) */
export function makeParameters(items: readonly PyObject[], what: string): PyObject {
  for (const t of items) {
    if (t instanceof PyTypeObject) continue;
    if (hasAttr(t, '__typing_subst__')) unsupported(`type variables in ${what}`);
    const sub = lookupAttr(t, '__parameters__');
    if (sub !== null) {
      const n = sub instanceof PyTuple ? sub.items.length : 0;
      decref(sub);
      if (n > 0) unsupported(`type variables in ${what}`);
    }
  }
  if (items.length > 0) decref(newTuple(items.map((x) => newref(x))));
  return newref(EmptyTuple);
}

function parametersOf(a: PyGenericAlias): PyObject {
  if (a.parameters === null) a.parameters = makeParameters((a.args as PyTuple).items, 'generic aliases');
  return newref(a.parameters);
}

GenericAliasType.getsets = {
  __origin__: { get: (o) => newref(ga(o).origin) },
  __args__: { get: (o) => newref(ga(o).args) },
  __unpacked__: { get: () => newBool(false) },
  __parameters__: { get: (o) => parametersOf(ga(o)) },
  __typing_unpacked_tuple_args__: { get: () => newref(PyNone) },
};

// ---------------------------------------------------------------- methods

const isinstanceError = (what: string): BuiltinMethod => () => raise(Exc.TypeError, `${what}() argument 2 cannot be a parameterized generic`);

GenericAliasType.methods = {
  /** `class C(list[int])`: the base is the origin */
  __mro_entries__: (o, args) => {
    checkArity('__mro_entries__', args, 1, 1);
    return newTuple([newref(ga(o).origin)]);
  },
  __instancecheck__: isinstanceError('isinstance'),
  __subclasscheck__: isinstanceError('issubclass'),
  __reduce__: (o) => newTuple([newref(o.type), newTuple([newref(ga(o).origin), newref(ga(o).args)])]),
  /** ga_dir: dir() of the origin and the alias's own attributes */
  __dir__: (o) => {
    const r = callDunder(ga(o).origin, '__dir__', []);
    if (r === null) raise(Exc.TypeError, 'object does not provide __dir__');
    const items = iterableToArray(r);
    decref(r);
    const names = items.map(strValue).sort();
    for (const x of items) decref(x);
    for (const n of OWN) if (!names.includes(n)) names.push(n);
    return newList(names.map((n) => newStr(n)));
  },
};

/** ga_getitem: substituting type variables; an alias without them says so */
GenericAliasType.mp_subscript = (o) => {
  const p = parametersOf(ga(o));
  decref(p);
  raise(Exc.TypeError, `${reprString(o)} is not a generic class`);
};
GenericAliasType.tp_iter = () => unsupported('starred generic aliases (iterating list[int])');
/** `list[int] | None`: _Py_union_type_or */
GenericAliasType.nb[NB_OR] = unionTypeOr;

if (ObjectType.tpDict !== null) readyType(GenericAliasType);

export const genericAlias = {
  /** __class_getitem__ of list, dict, tuple … (Py_GenericAlias, METH_O | METH_CLASS) */
  classGetItem: ((cls, args, kwnames) => {
    const name = `${(cls as PyTypeObject).qualname}.__class_getitem__`;
    noKeywords(name, kwnames);
    checkArity(name, args, 1, 1);
    return newGenericAlias(GenericAliasType, cls, args[0]);
  }) as BuiltinMethod,
  /** `type[int]`: PyObject_GetItem's case for `type` itself, which has no __class_getitem__ */
  typeGetItem: (type: PyObject, key: PyObject): PyObject => newGenericAlias(GenericAliasType, type, key),
  ...unionType,
};
