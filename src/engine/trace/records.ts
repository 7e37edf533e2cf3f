/**
 * What the trace recorder (recorder.ts) remembers about each object the
 * trace has shown: one *row* per object, stored column by column in typed
 * arrays rather than as one JS object per record.
 *
 * Why columns: a traced program that keeps many objects alive (200,000
 * two-element lists) had a 14-field record object per object, which the
 * recorder allocated at the end of the step that made it and the JS garbage
 * collector then copied and scanned for as long as the object lived. Rows
 * are numbers; the typed columns hold no pointers for the collector to
 * trace, and a freed row is reused.
 *
 * A row is referred to by its index. It stays valid while its object lives:
 * `releaseLater` frees it (the object was freed) and a later `add` may hand
 * it to another object.
 */

import type { PyObject } from '../objects/object.js';

/** rows released during a step are reused only after it (see `releaseLater`) */
export class Records {
  /** the object of each row; null: a free row */
  obj: (PyObject | null)[] = nulls(1024);
  /** the object id in the trace: the serial (> 0), or a negative id for a static object */
  id = new Float64Array(1024);
  /** the refcount the trace last stated (0 for immortal objects) */
  refcnt = new Float64Array(1024);
  /** last step this object was processed in (dedupes the touched list; -step-1: queued from the value stack) */
  epoch = new Int32Array(1024);
  /** step in which the object was allocated (its ALLOC is pending until that step ends), or -1 */
  born = new Int32Array(1024);
  /** step in which the edges were last read (guards the re-reading of newly linked containers) */
  readStep = new Int32Array(1024);
  /** the size (sys.getsizeof) the trace last stated */
  size = new Float64Array(1024);
  /** the total number of references the trace last stated */
  total = new Float64Array(1024);
  /** MAPPING: the dict's `writes` count when its edges were last stated */
  writes = new Float64Array(1024);
  /** edge kind (EdgeMode, or -1 LEAF: shown without contents) */
  kind = new Int8Array(1024);
  /** 1: immortal (no INCREF/DECREF is ever stated) */
  immortal = new Uint8Array(1024);
  /**
   * A container's edges as the trace last stated them: the first EDGE_CAP target
   * objects (null: not read yet) and their ids. Objects and ids, not rows: a row
   * freed and reused for the same JS object (recycled under a new serial) must
   * not pass for the edge stated before.
   */
  targets: (PyObject[] | null)[] = nulls(1024);
  targetIds: (number[] | null)[] = nulls(1024);
  /** MAPPING and ATTRS: the key objects (null: a __slots__ slot) and their ids (0 for none) */
  keys: ((PyObject | null)[] | null)[] = nulls(1024);
  keyIds: (number[] | null)[] = nulls(1024);

  /** rows handed out so far (the highest + 1) */
  private used = 0;
  /**
   * freed rows, a stack: the first `ready` may be reused; those above were freed
   * during the current step, and may not be until it ends
   */
  private free = new Int32Array(1024);
  private freeLen = 0;
  private ready = 0;

  /** A new row for `o` (its other columns are reset; the caller sets them). */
  add(o: PyObject, id: number, kind: number): number {
    let r: number;
    if (this.ready > 0) {
      // take the top ready row; the top of the stack (freed this step) moves into its place
      const at = --this.ready;
      r = this.free[at];
      this.free[at] = this.free[--this.freeLen];
    } else {
      r = this.used++;
      if (r === this.id.length) this.grow();
    }
    this.obj[r] = o;
    this.id[r] = id;
    this.refcnt[r] = 0;
    this.epoch[r] = -1;
    this.born[r] = -1;
    this.readStep[r] = -1;
    this.size[r] = 0;
    this.total[r] = 0;
    this.writes[r] = -1;
    this.kind[r] = kind;
    this.immortal[r] = 0;
    this.targets[r] = null;
    this.targetIds[r] = null;
    this.keys[r] = null;
    this.keyIds[r] = null;
    return r;
  }

  /**
   * Frees row `r` (its object was freed). The row is not reused before the
   * step ends: rows queued for the step's end (re-reading containers) must
   * not come to name another object meanwhile.
   */
  releaseLater(r: number): void {
    this.obj[r] = null;
    this.targets[r] = null;
    this.targetIds[r] = null;
    this.keys[r] = null;
    this.keyIds[r] = null;
    this.free[this.freeLen++] = r;
  }

  /** The step has ended: the rows released during it may be reused. */
  endStep(): void {
    this.ready = this.freeLen;
  }

  private grow(): void {
    const n = this.id.length * 2;
    this.id = grown(this.id, new Float64Array(n));
    this.refcnt = grown(this.refcnt, new Float64Array(n));
    this.epoch = grown(this.epoch, new Int32Array(n));
    this.born = grown(this.born, new Int32Array(n));
    this.readStep = grown(this.readStep, new Int32Array(n));
    this.size = grown(this.size, new Float64Array(n));
    this.total = grown(this.total, new Float64Array(n));
    this.writes = grown(this.writes, new Float64Array(n));
    this.kind = grown(this.kind, new Int8Array(n));
    this.immortal = grown(this.immortal, new Uint8Array(n));
    this.free = grown(this.free, new Int32Array(n));
    for (let i = this.obj.length; i < n; i++) {
      this.obj.push(null);
      this.targets.push(null);
      this.targetIds.push(null);
      this.keys.push(null);
      this.keyIds.push(null);
    }
  }
}

/** A packed array of n nulls. */
function nulls<T>(n: number): (T | null)[] {
  const a: (T | null)[] = [];
  for (let i = 0; i < n; i++) a.push(null);
  return a;
}

function grown<T extends Float64Array | Int32Array | Int8Array | Uint8Array>(old: T, to: T): T {
  to.set(old as never);
  return to;
}
