/**
 * Type objects: the slots every type fills, method resolution order, and
 * attribute lookup on types. CPython counterpart: Objects/typeobject.c,
 * Include/cpython/object.h (PyTypeObject).
 *
 * Slot functions follow CPython's calling convention translated to JS:
 * arguments are borrowed references, a returned PyObject is a NEW reference,
 * and an error is a thrown PyRaise (see ../eval/errors.ts).
 */

import { PyObject, makeImmortal } from './object.js';
import type { Hash } from './hash.js';
import type { SharedKeys } from './dictobject.js';

// ---- tp_flags (Include/object.h, 3.12 values) ----
export const TPFLAGS_MANAGED_DICT = 1 << 4;
export const TPFLAGS_SEQUENCE = 1 << 5;
export const TPFLAGS_MAPPING = 1 << 6;
export const TPFLAGS_IMMUTABLETYPE = 1 << 8;
export const TPFLAGS_HEAPTYPE = 1 << 9;
export const TPFLAGS_BASETYPE = 1 << 10;
export const TPFLAGS_HAVE_GC = 1 << 14;
export const TPFLAGS_METHOD_DESCRIPTOR = 1 << 17;
export const TPFLAGS_LONG_SUBCLASS = 1 << 24;
export const TPFLAGS_LIST_SUBCLASS = 1 << 25;
export const TPFLAGS_TUPLE_SUBCLASS = 1 << 26;
export const TPFLAGS_BYTES_SUBCLASS = 1 << 27;
export const TPFLAGS_UNICODE_SUBCLASS = 1 << 28;
export const TPFLAGS_DICT_SUBCLASS = 1 << 29;
export const TPFLAGS_BASE_EXC_SUBCLASS = 1 << 30;
/** JS bitwise ops are signed 32-bit; 1 << 31 is negative, so test with `!== 0`. */
export const TPFLAGS_TYPE_SUBCLASS = 1 << 31;

/** Rich comparison opcodes (Include/object.h): Py_LT … Py_GE, also COMPARE_OP's oparg >> 4. */
export const Py_LT = 0, Py_LE = 1, Py_EQ = 2, Py_NE = 3, Py_GT = 4, Py_GE = 5;

export type Unary = (o: PyObject) => PyObject;
/** A number slot: called with both operands whichever side owns the slot; may return NotImplemented. */
export type Binary = (a: PyObject, b: PyObject) => PyObject;
export type Ternary = (a: PyObject, b: PyObject, c: PyObject) => PyObject;
/**
 * Vectorcall convention: `args` holds the positional arguments followed by
 * the values of keyword arguments whose names are `kwnames` (null when none).
 */
export type CallFunc = (callable: PyObject, args: PyObject[], kwnames: string[] | null) => PyObject;
export type BuiltinMethod = (self: PyObject, args: PyObject[], kwnames: string[] | null) => PyObject;
export type Visit = (child: PyObject) => void;

/**
 * Number slots indexed like BINARY_OP's oparg (NB_ADD = 0 … NB_XOR = 12; the
 * in-place forms are 13 … 25). NB_ADD's slot is nb_add, and so on.
 */
export const NB_ADD = 0, NB_AND = 1, NB_FLOOR_DIVIDE = 2, NB_LSHIFT = 3, NB_MATRIX_MULTIPLY = 4,
  NB_MULTIPLY = 5, NB_REMAINDER = 6, NB_OR = 7, NB_POWER = 8, NB_RSHIFT = 9, NB_SUBTRACT = 10,
  NB_TRUE_DIVIDE = 11, NB_XOR = 12, NB_INPLACE_ADD = 13;
/** nb_divmod (no BINARY_OP oparg: divmod() only), after the in-place slots */
export const NB_DIVMOD = 26;
/** dunder names of each binary number slot: [method, reflected, in-place] */
export const NB_DUNDERS: readonly (readonly [string, string, string])[] = [
  ['__add__', '__radd__', '__iadd__'],
  ['__and__', '__rand__', '__iand__'],
  ['__floordiv__', '__rfloordiv__', '__ifloordiv__'],
  ['__lshift__', '__rlshift__', '__ilshift__'],
  ['__matmul__', '__rmatmul__', '__imatmul__'],
  ['__mul__', '__rmul__', '__imul__'],
  ['__mod__', '__rmod__', '__imod__'],
  ['__or__', '__ror__', '__ior__'],
  ['__pow__', '__rpow__', '__ipow__'],
  ['__rshift__', '__rrshift__', '__irshift__'],
  ['__sub__', '__rsub__', '__isub__'],
  ['__truediv__', '__rtruediv__', '__itruediv__'],
  ['__xor__', '__rxor__', '__ixor__'],
];

export class PyTypeObject extends PyObject {
  /** tp_name as CPython prints it in messages ('int', 'list', 'MyClass') */
  name: string;
  qualname: string;
  module = 'builtins';
  flags: number;
  base: PyTypeObject | null = null;
  bases: PyTypeObject[] = [];
  /** __mro__: this type first, object last */
  mro: PyTypeObject[] = [];
  /**
   * For classes, CPython's tp_mro and tp_bases tuples (real tuple objects:
   * `C.__mro__ is C.__mro__`; the MRO holds the class itself, so a class is
   * in a cycle and is freed by the collector) and the tp_base reference
   */
  mroTuple: PyObject | null = null;
  basesTuple: PyObject | null = null;
  baseRef: PyTypeObject | null = null;
  /** tp_dict, a PyDict (typed loosely to avoid an import cycle) */
  tpDict: PyObject | null = null;
  /** tp_basicsize: bytes of a fixed-size instance, without the GC header */
  basicsize: number;
  /** tp_itemsize: bytes per item of a variable-size instance */
  itemsize = 0;
  /** __slots__ names of a heap type, in order (own slots only) */
  slotNames: string[] = [];
  /** offset of the first own slot in instance.slots */
  slotOffset = 0;
  /** attribute-lookup cache, cleared whenever any type dict changes */
  lookupCache: Map<string, PyObject | null> = new Map();
  /** subclasses (weakly held in CPython; strong here), for cache invalidation */
  subclasses: PyTypeObject[] = [];
  /** __sizeof__ without the GC header: what sys.getsizeof reports minus 16 for GC types */
  tp_sizeof: ((o: PyObject) => number) | null = null;
  /** what a trace recorder remembers about this type (trace/recorder.ts; only the recorder that set it reads it) */
  traceInfo: object | null = null;
  /**
   * bytes in front of an instance beyond the GC header: 3.12 heap types keep
   * __dict__ and __weakref__ pointers there (Py_TPFLAGS_MANAGED_DICT/WEAKREF)
   */
  preheader = 0;
  /**
   * ht_cached_keys: the attribute names shared by the instances' inline
   * values and split __dict__s (classes with a managed dict whose instances
   * have no variable part); null otherwise
   */
  cachedKeys: SharedKeys | null = null;
  /** solidBase(): the first builtin type in the MRO with its own layout (computed once) */
  solidBaseCache: PyTypeObject | null = null;
  /** do instances carry a real __dict__ pointer in their layout (tp_dictoffset != 0: functions, exceptions)? */
  dictSlot = false;
  /** can instances be weakly referenced? (tp_weaklistoffset != 0) */
  weakrefable = false;
  /** the type's docstring, if any */
  doc: string | null = null;

  // ---- slots; null means "not provided" as in CPython ----
  tp_dealloc: (o: PyObject) => void = defaultDealloc;
  tp_repr: Unary | null = null;
  tp_str: Unary | null = null;
  tp_hash: ((o: PyObject) => Hash) | null = null;
  tp_richcompare: ((a: PyObject, b: PyObject, op: number) => PyObject) | null = null;
  tp_iter: Unary | null = null;
  /** returns null when the iterator is exhausted (without raising StopIteration) */
  tp_iternext: ((o: PyObject) => PyObject | null) | null = null;
  tp_getattro: ((o: PyObject, name: string) => PyObject) | null = null;
  /** value null deletes the attribute */
  tp_setattro: ((o: PyObject, name: string, value: PyObject | null) => void) | null = null;
  tp_call: CallFunc | null = null;
  tp_descr_get: ((descr: PyObject, obj: PyObject | null, type: PyTypeObject) => PyObject) | null = null;
  tp_descr_set: ((descr: PyObject, obj: PyObject, value: PyObject | null) => void) | null = null;
  tp_new: ((type: PyTypeObject, args: PyObject[], kwnames: string[] | null) => PyObject) | null = null;
  tp_init: ((self: PyObject, args: PyObject[], kwnames: string[] | null) => void) | null = null;
  /** calls visit on each object this one holds a reference to (for the cyclic GC) */
  tp_traverse: ((o: PyObject, visit: Visit) => void) | null = null;
  /** drops the references this object holds (GC breaking a cycle) */
  tp_clear: ((o: PyObject) => void) | null = null;
  /** __del__ (PEP 442 tp_finalize) */
  tp_finalize: ((o: PyObject) => void) | null = null;

  /** nb_* binary slots indexed by BINARY_OP's oparg (0..25, see NB_ADD), and nb_divmod (NB_DIVMOD) */
  nb: (Binary | null)[] = new Array(27).fill(null);
  nb_power3: Ternary | null = null;
  nb_negative: Unary | null = null;
  nb_positive: Unary | null = null;
  nb_absolute: Unary | null = null;
  nb_invert: Unary | null = null;
  nb_bool: ((o: PyObject) => boolean) | null = null;
  nb_int: Unary | null = null;
  nb_float: Unary | null = null;
  nb_index: Unary | null = null;
  /** sq_length / mp_length */
  mp_length: ((o: PyObject) => number) | null = null;
  /** mp_subscript / sq_item */
  mp_subscript: Binary | null = null;
  /** mp_ass_subscript; value null deletes */
  mp_ass_subscript: ((o: PyObject, key: PyObject, value: PyObject | null) => void) | null = null;
  sq_contains: ((o: PyObject, item: PyObject) => boolean) | null = null;

  /** builtin methods, turned into method descriptors in tp_dict at start-up (readyType) */
  methods: Record<string, BuiltinMethod> = {};
  /** builtin class methods (dict.fromkeys, int.from_bytes): called with the type as `self` */
  classMethods: Record<string, BuiltinMethod> = {};
  /** builtin static methods (str.maketrans): `self` is unused */
  staticMethods: Record<string, BuiltinMethod> = {};
  /** computed attributes (getset descriptors): `complex.real`, `slice.start`; setter optional */
  getsets: Record<string, { get: (self: PyObject) => PyObject; set?: (self: PyObject, v: PyObject | null) => void }> = {};
  /** plain class attributes added to tp_dict at start-up (e.g. int.__hash__ = None is NOT expressed here) */
  classAttrs: Record<string, PyObject> = {};

  constructor(metatype: PyTypeObject | null, name: string, basicsize: number, flags: number) {
    // `type` itself is created before its metatype exists; bootstrap patches it.
    super(metatype as PyTypeObject);
    this.name = name;
    this.qualname = name;
    this.basicsize = basicsize;
    this.flags = flags;
  }

  hasFlag(flag: number): boolean {
    return (this.flags & flag) !== 0;
  }
  isGC(): boolean {
    return (this.flags & TPFLAGS_HAVE_GC) !== 0;
  }
}

function defaultDealloc(_o: PyObject): void {
  // Static objects are never deallocated; types override this.
}

/** PyType_IsSubtype: is `a` the same as or a subclass of `b`? */
export function isSubtype(a: PyTypeObject, b: PyTypeObject): boolean {
  if (a === b) return true;
  const mro = a.mro;
  for (let i = 0; i < mro.length; i++) if (mro[i] === b) return true;
  return false;
}

/** Py_IS_TYPE / PyObject_TypeCheck */
export function typeCheck(o: PyObject, t: PyTypeObject): boolean {
  return o.type === t || isSubtype(o.type, t);
}

/** Marks a statically allocated builtin type: immortal, no address from the heap. */
export function staticType(t: PyTypeObject): PyTypeObject {
  makeImmortal(t);
  return t;
}

/** `type`, the metatype of every class (its own type). */
export const TypeType = staticType(
  new PyTypeObject(null, 'type', 920, TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC | TPFLAGS_TYPE_SUBCLASS),
);
TypeType.type = TypeType;

/** `object`, the root of every class hierarchy. */
export const ObjectType = staticType(new PyTypeObject(TypeType, 'object', 16, TPFLAGS_BASETYPE));

/**
 * Creates a statically allocated builtin type (like a `static PyTypeObject`
 * in C): immortal, never on the heap. Call readyType (bootstrap) before use.
 */
export function builtinType(
  name: string,
  basicsize: number,
  flags: number,
  base: PyTypeObject | null = ObjectType,
  itemsize = 0,
): PyTypeObject {
  const t = staticType(new PyTypeObject(TypeType, name, basicsize, flags | TPFLAGS_IMMUTABLETYPE));
  t.base = base;
  t.bases = base ? [base] : [];
  t.itemsize = itemsize;
  allBuiltinTypes.push(t);
  return t;
}

/** Every builtin type created so far, in creation order; start-up readies them all. */
export const allBuiltinTypes: PyTypeObject[] = [ObjectType, TypeType];
