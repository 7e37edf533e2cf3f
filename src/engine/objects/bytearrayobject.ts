/** The bytearray type. CPython counterpart: Objects/bytearrayobject.c (3.12, with PyByteArray_Resize's over-allocation). */

/*
 * A PyByteArray is a PyBytes in the JS class hierarchy only (never for Python:
 * isinstance(bytearray(), bytes) is False), so every helper that reads "a
 * bytes-like object" through `instanceof PyBytes` (bytes.join, b'' + x,
 * str(x, 'utf-8'), int.from_bytes …) accepts a bytearray the way CPython's
 * buffer protocol does. `value` is always a view of the live contents.
 *
 * Memory is modelled like CPython: the object (sizeof(PyByteArrayObject) = 56)
 * and its ob_bytes buffer (ob_alloc bytes, PyObject_Malloc'd) are separate
 * allocations; `start` is ob_start - ob_bytes (deleting from the front only
 * advances it); sys.getsizeof is 56 + ob_alloc.
 */

import { PyObject } from './object.js';
import {
  type PyTypeObject, builtinType, ObjectType, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC, TPFLAGS_SEQUENCE,
  NB_ADD, NB_MULTIPLY, NB_INPLACE_ADD, type BuiltinMethod,
} from './typeobject.js';
import { PyBytes, BytesType } from './bytesobject.js';
import { incref } from './object.js';
import { parts, deferred, deferredMethods } from '../ondemand.js';

/** sizeof(PyByteArrayObject): header, ob_size, ob_alloc, ob_bytes, ob_start, ob_exports */
export const BYTEARRAY_BASICSIZE = 56;

export class PyByteArray extends PyBytes {
  /** the ob_bytes storage (JS side); its first `alloc` bytes are the simulated buffer */
  data: Uint8Array = new Uint8Array(0);
  /** ob_start - ob_bytes */
  start = 0;
  /** ob_size */
  n = 0;
  /** ob_alloc */
  alloc = 0;
  /** simulated address of ob_bytes (0 = NULL) */
  bufAddr = 0;
  /** does this object own a simulated buffer? (not for instances of subclasses, see byteArrayNew) */
  simBuffer = true;
  constructor(type: PyTypeObject) {
    super(type, new Uint8Array(0));
  }
}

export const ByteArrayType = builtinType('bytearray', BYTEARRAY_BASICSIZE, TPFLAGS_BASETYPE | TPFLAGS_SEQUENCE, ObjectType);

export class PyByteArrayIter extends PyObject {
  index = 0;
  constructor(public seq: PyByteArray | null) {
    super(ByteArrayIterType);
  }
}

/** bytesiterobject: header, it_index, it_seq */
export const ByteArrayIterType = builtinType('bytearray_iterator', 32, TPFLAGS_HAVE_GC);

// ---------------------------------------------------------------- the type

/*
 * The type's code is in bytearrayops.ts, loaded on demand: a bytearray exists
 * only once `bytearray(...)` (tp_new) ran, and a program that names the type
 * loads its code first. Every slot and method is a stub here, so the type's
 * shape (its dict, its slot wrappers) is the same before the code arrives.
 */
const P = parts.bytearray;

/** bytearray's methods after the ones it shares with bytes, in the type dict's order */
const OWN_METHODS = [
  'capitalize', 'center', 'expandtabs', 'ljust', 'rjust', 'splitlines', 'swapcase', 'title', 'translate',
  'zfill', 'istitle', '__reduce__', '__reduce_ex__', '__alloc__', '__sizeof__', 'append', 'extend', 'insert',
  'pop', 'remove', 'clear', 'copy', 'reverse', 'rindex', 'join', 'split', 'rsplit', 'strip', 'lstrip', 'rstrip',
  'partition', 'rpartition', 'upper', 'lower', 'isalnum', 'isalpha', 'isascii', 'isdigit', 'isspace', 'islower',
  'isupper', 'replace', 'removeprefix', 'removesuffix',
] as const;

const BYTES_METHODS_SHARED = ['decode', 'hex', 'find', 'rfind', 'index', 'count', 'startswith', 'endswith'] as const;

function initByteArrayType(t: PyTypeObject): void {
  t.tp_dealloc = deferred(P, 'tp_dealloc');
  t.tp_repr = deferred(P, 'tp_repr');
  t.tp_richcompare = deferred(P, 'tp_richcompare');
  t.tp_iter = deferred(P, 'tp_iter');
  t.tp_sizeof = deferred(P, 'tp_sizeof');
  t.tp_new = deferred(P, 'tp_new');
  t.tp_init = deferred(P, 'tp_init');
  t.mp_length = deferred(P, 'mp_length');
  t.mp_subscript = deferred(P, 'mp_subscript');
  t.mp_ass_subscript = deferred(P, 'mp_ass_subscript');
  t.sq_contains = deferred(P, 'sq_contains');
  t.nb[NB_ADD] = deferred(P, 'nb_add');
  t.nb[NB_MULTIPLY] = deferred(P, 'nb_multiply');
  t.nb[NB_INPLACE_ADD + NB_ADD] = deferred(P, 'nb_inplace_add');
  t.nb[NB_INPLACE_ADD + NB_MULTIPLY] = deferred(P, 'nb_inplace_multiply');
  t.doc = 'bytearray(iterable_of_ints) -> bytearray';
  const m: Record<string, BuiltinMethod> = {};
  for (const name of BYTES_METHODS_SHARED) m[name] = BytesType.methods[name];
  // a bytearray method's name does not load the part: only an existing bytearray has them
  Object.assign(m, deferredMethods<BuiltinMethod>(P, OWN_METHODS, false));
  t.methods = m;
  t.classMethods = { fromhex: deferred(P, 'fromhex') };
  ByteArrayIterType.tp_dealloc = deferred(P, 'iter_dealloc');
  ByteArrayIterType.tp_traverse = deferred(P, 'iter_traverse');
  ByteArrayIterType.tp_iter = (o) => (incref(o), o);
  ByteArrayIterType.tp_iternext = deferred(P, 'iter_next');
}

initByteArrayType(ByteArrayType);
