/**
 * The object header and reference counting.
 * CPython counterpart: Include/object.h (PyObject, Py_INCREF, Py_DECREF),
 * Objects/object.c (_Py_Dealloc).
 *
 * Every simulated object is a JS object extending PyObject. Its header holds
 * what CPython's header holds — a reference count and a type — plus the
 * simulated address `addr` (what id() returns) and the number of bytes the
 * allocator gave it (`size`, what sys.getsizeof reports for fixed-size objects).
 */

import { heap } from '../memory/heap.js';
import { addressOf, lowPtr, STATIC_BASE, type Ptr } from '../memory/address.js';
import type { PyTypeObject } from './typeobject.js';

/**
 * Immortal objects (3.12+, PEP 683) start with a reference count so large that
 * no program can bring it to zero; sys.getrefcount reports the profile's
 * immortal value instead of this number. It is 2**29, not CPython's 2**32 - 1,
 * so that it stays a small integer V8 keeps unboxed (a Smi is 31 bits in a
 * browser): one larger number stored in `refcnt` turns the field into a boxed
 * double for every object of that JS class — a heap number allocated with
 * each int, str and tuple, and one more load on each incref and decref.
 */
export const IMMORTAL_REFCNT = 2 ** 29;

export class PyObject {
  // The header fields are declared here and assigned in the constructor —
  // or, for the hot object kinds (int, float, str, tuple, list, dict,
  // instances …), in their own constructors: V8 makes those stores
  // monomorphic there, which makes creating an object several times faster
  // than stores in this one constructor shared by ~80 subclasses.
  /** ob_type */
  declare type: PyTypeObject;
  /** ob_refcnt */
  declare refcnt: number;
  /**
   * the simulated address in its compact form (memory/address.ts: a small
   * integer V8 need not box); 0 until allocated. `addr` is the real address.
   */
  declare ptr: Ptr;
  /** bytes allocated for the object itself (including any GC pre-header) */
  declare size: number;
  /** identifies the object in the trace (addresses get reused); 0 for static objects */
  declare serial: number;
  // The GC fields below exist only on container objects (gcAlloc sets them),
  // so the many ints, floats and strs a program makes stay small and quick to
  // create: check them by truthiness, never against false/null.
  /** set on objects the cyclic GC tracks (gc.is_tracked) */
  declare gcTracked: boolean;
  /** the GC's doubly-linked generation list (PyGC_Head._gc_prev/_gc_next) */
  declare gcPrev: PyObject | null;
  declare gcNext: PyObject | null;
  /** scratch count used during a collection (gc_refs in Python/gc.c) */
  declare gcRefs: number;
  /** PEP 442: set once tp_finalize (__del__) has run, so it never runs twice */
  declare finalized: boolean;
  /** weak references to this object, in CPython's list order; null if none */
  declare weakrefs: PyObject[] | null;
  /** the instance's __dict__ for types that have one (user classes); null otherwise */
  declare dict: PyObject | null;

  /** `selfInit`: the subclass constructor assigns the header itself (see above). */
  constructor(type: PyTypeObject, selfInit = false) {
    if (!selfInit) {
      this.type = type;
      this.refcnt = 1;
      this.ptr = 0;
      this.size = 0;
      this.serial = 0;
      this.weakrefs = null;
      this.dict = null;
    }
  }

  /** the simulated address: what id() returns; 0 until allocated */
  get addr(): number {
    return addressOf(this.ptr);
  }
}

/** Py_INCREF */
export function incref(o: PyObject): void {
  o.refcnt++;
  if (heap.tracing) heap.onIncref(o);
}

/** Py_DECREF: frees the object the moment its count reaches zero. */
export function decref(o: PyObject): void {
  if (heap.tracing) heap.onDecref(o);
  if (--o.refcnt === 0) dealloc(o);
}

/** Py_XDECREF */
export function xdecref(o: PyObject | null | undefined): void {
  if (o) decref(o);
}

/** Py_NewRef: incref and return, for returning a new reference to a borrowed object. */
export function newref<T extends PyObject>(o: T): T {
  o.refcnt++;
  if (heap.tracing) heap.onIncref(o);
  return o;
}

/**
 * _Py_Dealloc with CPython's "trashcan" (Include/cpython/object.h): freeing a
 * long chain of containers would recurse once per link, so past a nesting depth
 * further deallocations are queued and run by the outermost one.
 */
const TRASHCAN_LIMIT = 50;
let deallocDepth = 0;
const deferred: PyObject[] = [];

export function dealloc(o: PyObject): void {
  // Objects that hold no references (ints, floats, strs) cannot start a
  // chain of deallocations: no trashcan bookkeeping for them.
  if (o.type.tp_traverse === null) {
    o.type.tp_dealloc(o);
    return;
  }
  if (deallocDepth >= TRASHCAN_LIMIT) {
    deferred.push(o);
    return;
  }
  deallocDepth++;
  try {
    o.type.tp_dealloc(o);
  } catch (e) {
    // Deallocation does not raise Python exceptions (__del__'s are reported
    // as unraisable); anything else ends the run, and the depth must reset.
    deallocDepth = 0;
    deferred.length = 0;
    throw e;
  }
  deallocDepth--;
  if (deallocDepth === 0 && deferred.length > 0) {
    while (deferred.length > 0) {
      const next = deferred.pop()!;
      deallocDepth++;
      next.type.tp_dealloc(next);
      deallocDepth--;
    }
  }
}

/** Statically allocated objects live in the interpreter binary's data segment. */
let nextStaticAddress = STATIC_BASE;

/**
 * Makes an object immortal (None, small ints, builtin types, 3.12 interned
 * strings). An object that has no address yet is given a static one, `size`
 * bytes after the previous static object (small ints are 32 bytes apart, as
 * in CPython's _PyRuntime.static_objects).
 */
export function makeImmortal(o: PyObject, size = 32): void {
  o.refcnt = IMMORTAL_REFCNT;
  if (o.ptr === 0) {
    o.ptr = lowPtr(nextStaticAddress);
    nextStaticAddress += Math.ceil(size / 16) * 16;
  }
}

export function isImmortal(o: PyObject): boolean {
  return o.refcnt >= IMMORTAL_REFCNT / 2;
}
