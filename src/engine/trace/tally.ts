/**
 * What a traced run has done to memory so far, counted by type: how many
 * objects of each type were made, and, in order, why each freed one went
 * (its reference count reached zero, or the cyclic GC collected it), plus
 * the deepest the Python call stack has been.
 *
 * The trace itself (events.ts) leaves out objects made and freed within a
 * single step — `sum([x * x for x in xs])` makes and frees its list in one
 * line — because no step ever shows them. An exercise's check asking "was a
 * list made?" must still see them, so the recorder (recorder.ts) also feeds
 * this tally on every allocation and free. The `_lab` module
 * (modules/labmodule.ts) answers from it.
 *
 * CPython counterpart: none; the nearest are tracemalloc's statistics and
 * sys.getallocatedblocks().
 */

import { FreeReason } from '../memory/heap.js';
import type { PyObject } from '../objects/object.js';

/** One type name's counts. */
interface TypeCounts {
  allocated: number;
  /** why each freed object went, in order, as runs: reason, count, reason, count … */
  freedRuns: number[];
}

export class MemoryTally {
  private byName = new Map<string, TypeCounts>();
  /** the deepest the Python call stack has been (the module's frame is 1) */
  maxDepth = 0;

  /** the last type name counted and its counts (a loop makes and frees the same types over and over) */
  private lastName = '';
  private lastCounts: TypeCounts | null = null;

  private counts(o: PyObject): TypeCounts {
    const name = o.type.name;
    if (name === this.lastName && this.lastCounts !== null) return this.lastCounts;
    let c = this.byName.get(name);
    if (c === undefined) {
      c = { allocated: 0, freedRuns: [] };
      this.byName.set(name, c);
    }
    this.lastName = name;
    this.lastCounts = c;
    return c;
  }

  alloc(o: PyObject): void {
    this.counts(o).allocated++;
  }

  free(o: PyObject, reason: FreeReason): void {
    const runs = this.counts(o).freedRuns;
    const n = runs.length;
    // runs keep a long loop's frees (one a step, a million steps) small
    if (n > 0 && runs[n - 2] === reason) runs[n - 1]++;
    else runs.push(reason, 1);
  }

  /** A Python frame was pushed; `depth` counts the frames now on the stack. */
  depth(depth: number): void {
    if (depth > this.maxDepth) this.maxDepth = depth;
  }

  /** Objects of the type named `name` made so far. */
  allocated(name: string): number {
    return this.byName.get(name)?.allocated ?? 0;
  }

  /** Why each object of the type named `name` freed so far went, in order. */
  freed(name: string): FreeReason[] {
    const runs = this.byName.get(name)?.freedRuns ?? [];
    const out: FreeReason[] = [];
    for (let i = 0; i < runs.length; i += 2) {
      for (let k = 0; k < runs[i + 1]; k++) out.push(runs[i] as FreeReason);
    }
    return out;
  }

  /** How many objects of the type named `name` have been freed so far (without building the list). */
  freedCount(name: string): number {
    const runs = this.byName.get(name)?.freedRuns ?? [];
    let n = 0;
    for (let i = 1; i < runs.length; i += 2) n += runs[i];
    return n;
  }
}
