/**
 * The simulated heap: where objects get their addresses and where every
 * allocation, free and reference-count change is reported to the trace.
 * CPython counterpart: the object allocator half of Objects/obmalloc.c plus
 * the hooks CPython exposes for tracemalloc and reference tracing.
 *
 * One heap exists per run (`resetHeap` at the start of each program).
 */

import { PyMalloc } from './obmalloc.js';
import { ptrOffset, type Ptr } from './address.js';
import { keepShape, watchShapes } from './shapekeeper.js';
import type { PyObject } from '../objects/object.js';

/** Why an object was freed (reported in the trace and shown by the memory view). */
export const enum FreeReason {
  /** its reference count reached zero */
  Refcount = 0,
  /** the cyclic garbage collector broke the cycle it was in */
  Collected = 1,
}

/** Receives memory events while tracing is on (see src/engine/trace/recorder.ts). */
export interface MemoryObserver {
  alloc(o: PyObject): void;
  free(o: PyObject, reason: FreeReason): void;
  incref(o: PyObject): void;
  decref(o: PyObject): void;
}

/** Thrown (as a JS error) when a program exceeds the simulated heap cap. */
export class HeapCapExceeded extends Error {}

export class Heap {
  allocator = new PyMalloc();
  /** true while a trace is being recorded: the refcount fast path checks only this */
  tracing = false;
  observer: MemoryObserver | null = null;
  /** bytes a program may hold at once before the run is ended */
  cap = 256 * 1024 * 1024;
  /** serial numbers identify objects in the trace (addresses get reused) */
  nextSerial = 1;
  /** set while the GC is freeing cycles, so frees are attributed to it */
  freeReason: FreeReason = FreeReason.Refcount;
  /** bumped by reset(): free lists and other per-run caches compare it to drop stale entries */
  generation = 0;
  /**
   * Serials below this belong to objects the interpreter made while starting
   * up (modules, their dicts and builtin functions): CPython holds references
   * to such objects that the simulator does not model (see `interpreterOwned`).
   */
  startupSerial = 0;
  /** objects the interpreter creates for itself after start-up (imported builtin modules …) */
  interpreterOwned = new WeakSet<PyObject>();

  /** Is `o` an object whose reference count CPython's own internals also hold? */
  isInterpreterOwned(o: PyObject): boolean {
    return (o.serial > 0 && o.serial < this.startupSerial) || this.interpreterOwned.has(o);
  }

  reset(): void {
    this.allocator = new PyMalloc();
    this.tracing = false;
    this.observer = null;
    this.cap = 256 * 1024 * 1024;
    this.nextSerial = 1;
    this.freeReason = FreeReason.Refcount;
    this.generation++;
    this.startupSerial = 0;
    this.interpreterOwned = new WeakSet();
    watchShapes();
  }

  onIncref(o: PyObject): void {
    this.observer?.incref(o);
  }
  onDecref(o: PyObject): void {
    this.observer?.decref(o);
  }

  /**
   * Gives `o` a block of `nbytes` (the full allocation, pre-header included);
   * `preheader` bytes sit before the object, so id() = block + preheader.
   */
  allocObject(o: PyObject, nbytes: number, preheader = 0): void {
    keepShape(o);
    this.checkRequest(nbytes);
    const block = this.allocator.malloc(nbytes);
    o.ptr = ptrOffset(block, preheader);
    o.size = nbytes;
    o.serial = this.nextSerial++;
    if (this.allocator.bytesInUse > this.cap) {
      throw new HeapCapExceeded(
        `the program uses more than ${Math.round(this.cap / (1024 * 1024))} MiB of simulated memory`,
      );
    }
    if (this.tracing) this.observer?.alloc(o);
  }

  /** Frees `o`'s block; `preheader` must be what allocObject was given. */
  freeObject(o: PyObject, preheader = 0): void {
    if (o.ptr === 0) return;
    if (this.tracing) this.observer?.free(o, this.freeReason);
    this.allocator.free(ptrOffset(o.ptr, -preheader));
  }

  /**
   * A request no real machine could satisfy fails as in CPython (MemoryError);
   * one that only exceeds the simulated heap ends the run with the simulator's
   * own message (CPython might well have succeeded).
   */
  private checkRequest(nbytes: number): void {
    if (!(nbytes >= 0 && nbytes < 2 ** 48)) memoryErrorHook();
    if (nbytes > this.cap) {
      throw new HeapCapExceeded(
        `the program uses more than ${Math.round(this.cap / (1024 * 1024))} MiB of simulated memory (it asked for ${Math.round(nbytes / (1024 * 1024))} MiB at once)`,
      );
    }
  }

  /** PyMem_Malloc for buffers that are not objects (a list's item array, a dict's table). */
  mallocBuffer(nbytes: number): Ptr {
    this.checkRequest(nbytes);
    const addr = this.allocator.malloc(nbytes);
    if (this.allocator.bytesInUse > this.cap) {
      throw new HeapCapExceeded(
        `the program uses more than ${Math.round(this.cap / (1024 * 1024))} MiB of simulated memory`,
      );
    }
    return addr;
  }
  freeBuffer(addr: Ptr): void {
    if (addr !== 0) this.allocator.free(addr);
  }
}

/**
 * The one heap, reset for every run. A const binding (not reassigned) so the
 * refcount fast path's `heap.tracing` check compiles to a plain field load.
 */
export const heap = new Heap();

/** Starts a fresh heap for a new run; `heap.generation` tells caches the old one is gone. */
export function resetHeap(): Heap {
  heap.reset();
  return heap;
}

/** Raises Python's MemoryError (set at start-up; the exception types live in objects/). */
let memoryErrorHook: () => never = () => {
  throw new HeapCapExceeded('a single allocation is larger than the simulated heap');
};
export function setMemoryErrorHook(f: () => never): void {
  memoryErrorHook = f;
}
