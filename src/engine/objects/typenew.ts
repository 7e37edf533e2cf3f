/**
 * Classes: creating them (type_new), their instances (object_new,
 * subtype_dealloc), and the attributes every object and every class has.
 * CPython counterpart: Objects/typeobject.c (type_new, best_base, mro_internal,
 * subtype_dealloc, subtype_traverse, object_* and type_* methods).
 */

import { PyObject, decref, incref } from './object.js';
import {
  PyTypeObject, TypeType, ObjectType, isSubtype, TPFLAGS_HAVE_GC, TPFLAGS_HEAPTYPE, Py_EQ, Py_NE,
  NB_OR,
} from './typeobject.js';
import { raise } from '../eval/errors.js';
import { Exc } from './exceptions.js';
import { newDict } from './dictobject.js';
import { type InlineValuesOwner, initInlineValues, instanceDictIsEmpty } from './instancevalues.js';
import { unsupported } from '../eval/errors.js';
import { PyStr, newStr, strValue } from './unicodeobject.js';
// evaluated here, where type's getsets that use it were (module order fixes the builtin types' ids)
import './tupleobject.js';
import { newList } from './listobject.js';
import { PyNone, NotImplemented } from './singletons.js';
import { newBool } from './boolobject.js';
import { gcAllocPrepared, gcTrack, setHeapInstanceInit } from '../gc/gcobject.js';
import { heap } from '../memory/heap.js';
// evaluated here as before classcreation.ts took their users (module order fixes the builtin types' ids)
import '../profiles/index.js';
import {
  genericGetAttr, genericSetAttr, typeGetAttr, typeSetAttr, typeCall, qualifiedName,
} from './typeready.js';
import './typeslots.js';
import type { HasSlots } from './descrobject.js';
import './descrobject.js';
import './funcobject.js';
import { reprString, richCompare, lookupAttr } from './abstract.js';
import './args.js';
import { normHash } from './hash.js';
import { parts, deferred } from '../ondemand.js';

/** An instance of a class whose only builtin base is `object`. */
export class PyInstance extends PyObject implements HasSlots, InlineValuesOwner {
  declare slots: (PyObject | null)[];
  /** inline values (see instancevalues.ts); null when the instance has a dict object or no managed dict */
  declare values: (PyObject | null)[] | null;
  declare order: number[] | null;
  declare valuesAddr: number;
  constructor(type: PyTypeObject) {
    super(type, true);
    // The object header and GC fields, assigned here so the stores stay
    // monomorphic (see PyObject) — and in this order: V8 lays fields out in
    // the order they are added, and these first ones are what every scan of
    // the cyclic GC reads (list links, gc_refs, refcount, type, attributes),
    // so they share one or two cache lines instead of spreading over three.
    this.gcNext = null;
    this.gcPrev = null;
    this.gcRefs = 0;
    this.refcnt = 1;
    this.type = type;
    this.values = null;
    this.slots = EMPTY_SLOTS;
    this.dict = null;
    this.gcTracked = false;
    this.finalized = false;
    this.order = null;
    this.valuesAddr = 0;
    this.ptr = 0;
    this.size = 0;
    this.serial = 0;
    this.weakrefs = null;
  }
}
const EMPTY_SLOTS: (PyObject | null)[] = [];

/** Total number of __slots__ members along a class's MRO. */
export function slotCount(t: PyTypeObject): number {
  let n = 0;
  for (const b of t.mro) n += b.slotNames.length;
  return n;
}

/**
 * Gives a fresh instance of a class its __slots__ array. (Its attributes
 * start as inline values, which object.__new__ sets up; instances of
 * subclasses of other builtin types get a dict on their first attribute.)
 */
function heapInstanceInit(o: PyObject): void {
  const n = slotCount(o.type);
  if (n > 0) (o as unknown as HasSlots).slots = new Array(n).fill(null);
}
setHeapInstanceInit(heapInstanceInit);

// ---------------------------------------------------------------- object

function objectNew(type: PyTypeObject, args: PyObject[], kwnames: string[] | null): PyObject {
  if (args.length > 0 && (type.tp_init === ObjectType.tp_init || type.tp_new !== ObjectType.tp_new)) {
    if (type.tp_new !== ObjectType.tp_new) {
      raise(Exc.TypeError, 'object.__new__() takes exactly one argument (the type to instantiate)');
    }
    raise(Exc.TypeError, `${type.qualname}() takes no arguments`);
  }
  void kwnames;
  if (type === ObjectType) {
    const o = new PyObject(ObjectType);
    heap.allocObject(o, ObjectType.basicsize);
    return o;
  }
  if (!type.hasFlag(TPFLAGS_HEAPTYPE)) raise(Exc.TypeError, `object.__new__(${type.name}) is not safe, use ${type.name}.__new__()`);
  const o = new PyInstance(type);
  gcAllocPrepared(o, type.basicsize);
  // _PyObject_InitializeDict: after the object, its values array
  const keys = type.cachedKeys;
  if (keys !== null) initInlineValues(o, keys);
  gcTrack(o);
  return o;
}

function objectInit(self: PyObject, args: PyObject[], _kwnames: string[] | null): void {
  const t = self.type;
  if (args.length > 0 && (t.tp_init !== ObjectType.tp_init || t.tp_new === ObjectType.tp_new)) {
    if (t.tp_init !== ObjectType.tp_init) {
      raise(Exc.TypeError, 'object.__init__() takes exactly one argument (the instance to initialize)');
    }
    raise(Exc.TypeError, `${t.qualname}() takes no arguments`);
  }
}

function objectRepr(o: PyObject): PyObject {
  const t = o.type;
  return newStr(`<${qualifiedName(t)} object at 0x${o.addr.toString(16)}>`);
}

function objectStr(o: PyObject): PyObject {
  const f = o.type.tp_repr;
  return f ? f(o) : objectRepr(o);
}

function objectRichCompare(a: PyObject, b: PyObject, op: number): PyObject {
  if (op === Py_EQ) {
    const r = a === b ? newBool(true) : NotImplemented;
    return r;
  }
  if (op === Py_NE) {
    // By default __ne__ delegates to __eq__ and inverts the result.
    const f = a.type.tp_richcompare;
    if (f === null) return NotImplemented;
    const r = f(a, b, Py_EQ);
    if (r === NotImplemented) return r;
    const truth = r === newBoolCached(true);
    decref(r);
    return newBool(!truth);
  }
  return NotImplemented;
}
function newBoolCached(b: boolean): PyObject {
  const r = newBool(b);
  decref(r);
  return r;
}

/** _Py_HashPointer: the address rotated right by 4 bits. */
export function pointerHash(o: PyObject): number {
  return normHash(Math.floor(o.addr / 16)) as number;
}

ObjectType.tp_new = objectNew;
ObjectType.tp_init = objectInit;
ObjectType.tp_repr = objectRepr;
ObjectType.tp_str = objectStr;
ObjectType.tp_richcompare = objectRichCompare;
ObjectType.tp_hash = pointerHash;
ObjectType.tp_getattro = genericGetAttr;
ObjectType.tp_setattro = genericSetAttr;
ObjectType.tp_dealloc = (o) => heap.freeObject(o);
ObjectType.tp_sizeof = (o) => o.type.basicsize;
ObjectType.getsets = {
  __class__: {
    get: (self) => {
      incref(self.type);
      return self.type;
    },
    set: (self, v) => setClass(self, v),
  },
};
ObjectType.methods = {
  __sizeof__: (self) => newIntHook(self.type.tp_sizeof ? self.type.tp_sizeof(self) : self.type.basicsize),
  __format__: (self, args) => {
    const spec = args[0] ? strValue(args[0]) : '';
    if (spec !== '') raise(Exc.TypeError, `unsupported format string passed to ${self.type.name}.__format__`);
    return strOf(self);
  },
  // with traceback printing, whose suggestions read it: an on-demand part fetched at start-up (objects/objectdir.ts)
  __dir__: deferred(parts.traceback, 'object.__dir__'),
  __reduce_ex__: () => raise(Exc.TypeError, 'pickling is not supported by the simulator'),
  __reduce__: () => raise(Exc.TypeError, 'pickling is not supported by the simulator'),
  // object.__getstate__ (3.11+): None when the instance has no attributes, else its __dict__
  __getstate__: (self) => {
    if (slotCount(self.type) > 0) unsupported('object.__getstate__() of an object with __slots__');
    if (instanceDictIsEmpty(self)) return none();
    return lookupAttr(self, '__dict__') ?? none();
  },
  __init_subclass__: () => none(),
  __subclasshook__: () => (incref(NotImplemented), NotImplemented),
};
ObjectType.doc = 'The base class of the class hierarchy.';

// Making classes, their instances' deallocation and `__class__` assignment:
// an on-demand part (objects/classcreation.ts), loaded by the word `class`.
// Until a class exists, nothing reaches these but a builtin type's type.__new__
// (three arguments), a builtin instance's `__class__` assignment (an error),
// or a name built at run time; those reach a stub, and the run starts again.
parts.traceback.words.add('__dir__').add('dir');
const setClass = deferred<(self: PyObject, v: PyObject | null) => void>(parts.classes, 'setClass');

let newIntHook: (n: number) => PyObject = () => {
  throw new Error('newInt hook unset');
};
let strOf: (o: PyObject) => PyObject = () => {
  throw new Error('str hook unset');
};
export function setTypenewHooks(newInt: (n: number) => PyObject, str: (o: PyObject) => PyObject): void {
  newIntHook = newInt;
  strOf = str;
}

function none(): PyObject {
  incref(PyNone);
  return PyNone;
}


// ---------------------------------------------------------------- instances of classes

/** The first builtin type in the MRO that has its own instance layout (object if none). */
export function solidBase(t: PyTypeObject): PyTypeObject {
  const cached = t.solidBaseCache;
  if (cached !== null) return cached;
  let r = ObjectType;
  for (const b of t.mro) {
    if (!b.hasFlag(TPFLAGS_HEAPTYPE) && b !== ObjectType) {
      r = b;
      break;
    }
  }
  // a class's MRO is fixed once it is made (no __bases__ assignment)
  if (t.mro.length > 0) t.solidBaseCache = r;
  return r;
}

let clearWeakrefsHook: (o: PyObject) => void = () => {};
export function setTypenewWeakrefHook(f: (o: PyObject) => void): void {
  clearWeakrefsHook = f;
}
/** Clears the weak references to an object being deallocated (set by weakrefobject.ts). */
export function clearWeakrefs(o: PyObject): void {
  clearWeakrefsHook(o);
}

/** Set by the runtime: the __name__ of the module whose code is running (for __module__). */
let globalsModuleName: () => PyObject | null = () => null;
export function setGlobalsModuleName(f: () => PyObject | null): void {
  globalsModuleName = f;
}
/** The __name__ of the module whose code is running (a new class's __module__). */
export function globalsModule(): PyObject | null {
  return globalsModuleName();
}

// ---------------------------------------------------------------- type's own methods

TypeType.base = ObjectType;
TypeType.bases = [ObjectType];
TypeType.tp_call = typeCall;
TypeType.tp_getattro = typeGetAttr;
TypeType.tp_setattro = typeSetAttr;
TypeType.tp_repr = (o) => {
  const t = o as PyTypeObject;
  return newStr(`<class '${qualifiedName(t)}'>`);
};
TypeType.tp_new = deferred(parts.classes, 'type.tp_new');
TypeType.tp_init = () => {};
TypeType.tp_traverse = (o, visit) => {
  const t = o as PyTypeObject;
  if (!t.hasFlag(TPFLAGS_HEAPTYPE)) return;
  if (t.tpDict) visit(t.tpDict);
  if (t.basesTuple) visit(t.basesTuple);
  if (t.baseRef) visit(t.baseRef);
  if (t.mroTuple) visit(t.mroTuple);
  visit(o.type);
};
TypeType.tp_clear = deferred(parts.classes, 'type.tp_clear');
TypeType.tp_dealloc = deferred(parts.classes, 'type.tp_dealloc');
TypeType.weakrefable = true;
/** type_or: `int | None` makes a types.UnionType (objects/unionobject.ts) */
TypeType.nb[NB_OR] = deferred(parts.generic, 'typeOr');
// __name__ here; a class's other attributes (objects/typeattrs.ts): with the
// code that makes classes, an on-demand part that their names load
type Getter = (self: PyObject) => PyObject;
type Setter = (self: PyObject, v: PyObject | null) => void;
const P = parts.classes;
const attr = (name: string, set: boolean): { get: Getter; set?: Setter } => {
  P.words.add(name);
  const g = deferred<Getter>(P, `type.${name}.get`);
  return set ? { get: g, set: deferred<Setter>(P, `type.${name}.set`) } : { get: g };
};
TypeType.getsets = {
  __name__: {
    // A builtin type's tp_name may be dotted ('itertools.count'): __name__ is the last part.
    get: (self) => {
      const t = self as PyTypeObject;
      return newStr(t.hasFlag(TPFLAGS_HEAPTYPE) ? t.name : t.name.slice(t.name.lastIndexOf('.') + 1));
    },
    set: (self, v) => {
      if (!(v instanceof PyStr)) raise(Exc.TypeError, `can only assign string to ${(self as PyTypeObject).name}.__name__, not '${v ? v.type.name : 'NoneType'}'`);
      (self as PyTypeObject).name = v.value;
    },
  },
  __qualname__: attr('__qualname__', true),
  __module__: attr('__module__', false),
  __bases__: attr('__bases__', false),
  __base__: attr('__base__', false),
  __mro__: attr('__mro__', false),
  __dict__: attr('__dict__', false),
  __doc__: attr('__doc__', false),
};
TypeType.methods = {
  mro: (self) => newList((self as PyTypeObject).mro.map((t) => (incref(t), t))),
  __subclasses__: (self) => newList((self as PyTypeObject).subclasses.map((t) => (incref(t), t))),
  __instancecheck__: (self, args) => newBool(isSubtype(args[0].type, self as PyTypeObject)),
  __subclasscheck__: (self, args) => newBool(args[0] instanceof PyTypeObject && isSubtype(args[0], self as PyTypeObject)),
};
/**
 * type.__sizeof__ (3.12): a class is a PyHeapTypeObject (920 bytes) plus the
 * keys its instances' attribute dicts share (768 bytes while they fit the
 * shared-keys limit; classes without a managed __dict__ have none); a builtin
 * type is a static PyTypeObject. Measured with sys.getsizeof in CPython 3.12.1.
 */
TypeType.tp_sizeof = (o) => {
  const t = o as PyTypeObject;
  if (!t.hasFlag(TPFLAGS_HEAPTYPE)) return 432;
  return 920 + (t.cachedKeys !== null ? 768 : 0);
};
TypeType.classMethods = {
  __prepare__: () => newDict(),
};

export { reprString, richCompare, TPFLAGS_HAVE_GC };
