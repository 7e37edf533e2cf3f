/**
 * A hash table from object serial (a positive integer) to the recorder's
 * record of that object. It replaces a `Map<number, Known>`: in a traced
 * loop nearly every step adds one record (the new value of a loop variable)
 * and deletes another (the old one), and V8's ordered Map paid for that churn
 * with deleted-entry rehashes (`known.set` alone was ~9% of traced b2_loop).
 *
 * Open addressing with linear probing and backward-shift deletion (no
 * tombstones, so churn never degrades probes); kept at most half full.
 * Serial 0 (statically allocated objects) is never a key: it marks an empty slot.
 * Now the back end of SerialTable (below), for the records of sparse pages.
 */
export class SerialHashTable<V> {
  private keys: Float64Array;
  private vals: (V | undefined)[];
  private mask: number;
  private shift: number;
  size = 0;

  constructor(bits = 10) {
    this.keys = new Float64Array(1 << bits);
    this.vals = new Array<V | undefined>(1 << bits).fill(undefined);
    this.mask = (1 << bits) - 1;
    this.shift = 32 - bits;
  }

  /**
   * Fibonacci hashing of the serial's block of 16, and the serial's place in
   * the block as the low bits: blocks spread evenly over the table (any
   * stride of serials does), while the serials of one block sit side by side.
   * Objects made together are mostly looked up together (a list and its
   * items, a loop's objects freed in bulk), and the table of a big program
   * is far larger than the CPU cache: one cache line then serves several
   * look-ups (fully scattered, nearly every look-up missed the cache).
   */
  private home(key: number): number {
    return ((Math.imul((key / 16) | 0, 0x9e3779b1) >>> this.shift) ^ (key & 15)) & this.mask;
  }

  get(key: number): V | undefined {
    if (key === 0) return undefined;
    const keys = this.keys, mask = this.mask;
    for (let i = this.home(key); ; i = (i + 1) & mask) {
      const k = keys[i];
      if (k === key) return this.vals[i];
      if (k === 0) return undefined;
    }
  }

  /** The slot holding `key`, or -1. */
  slotOf(key: number): number {
    if (key === 0) return -1;
    const keys = this.keys, mask = this.mask;
    for (let i = this.home(key); ; i = (i + 1) & mask) {
      const k = keys[i];
      if (k === key) return i;
      if (k === 0) return -1;
    }
  }

  has(key: number): boolean {
    return this.get(key) !== undefined;
  }

  /** Adds or replaces `key`'s value (`value` must not be undefined). */
  set(key: number, value: V): void {
    const keys = this.keys, mask = this.mask;
    let i = this.home(key);
    for (; ; i = (i + 1) & mask) {
      const k = keys[i];
      if (k === key) {
        this.vals[i] = value;
        return;
      }
      if (k === 0) break;
    }
    keys[i] = key;
    this.vals[i] = value;
    if (++this.size * 2 > keys.length) this.grow();
  }

  delete(key: number): void {
    const i = this.slotOf(key);
    if (i >= 0) this.deleteSlot(i);
  }

  /** Deletes the entry in `slot` (from slotOf, with no change to the table since). */
  deleteSlot(slot: number): void {
    const keys = this.keys, vals = this.vals, mask = this.mask;
    let i = slot;
    this.size--;
    // shift back the entries after the hole whose probe sequence passes through it
    for (let j = (i + 1) & mask; ; j = (j + 1) & mask) {
      const k = keys[j];
      if (k === 0) break;
      const h = this.home(k);
      // entry j may move to i unless its home lies cyclically in (i, j]
      if (i <= j ? h <= i || h > j : h <= i && h > j) {
        keys[i] = k;
        vals[i] = vals[j];
        i = j;
      }
    }
    keys[i] = 0;
    vals[i] = undefined;
  }

  /** Every value, in no particular order. */
  *values(): IterableIterator<V> {
    const keys = this.keys, vals = this.vals;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== 0) yield vals[i]!;
  }

  /** Doubles the table. */
  private grow(): void {
    const oldKeys = this.keys, oldVals = this.vals;
    const bits = 32 - this.shift + 1;
    const keys = new Float64Array(1 << bits);
    const vals = new Array<V | undefined>(1 << bits).fill(undefined);
    this.keys = keys;
    this.vals = vals;
    const mask = (1 << bits) - 1;
    this.mask = mask;
    this.shift = 32 - bits;
    // every key is distinct and the new table is at most a quarter full: insert without compares
    for (let j = 0; j < oldKeys.length; j++) {
      const key = oldKeys[j];
      if (key === 0) continue;
      let i = this.home(key);
      while (keys[i] !== 0) i = (i + 1) & mask;
      keys[i] = key;
      vals[i] = oldVals[j];
    }
  }
}

const PAGE_BITS = 10;
const PAGE = 1 << PAGE_BITS;
/** a finished page holding fewer records than this moves them into the hash table */
const SPARSE = 64;

/**
 * The serial table the recorder uses: pages of 1024 serials, indexed directly
 * (serials are handed out in order, and the objects a step keeps were mostly
 * made together, so the pages of a program's live objects are dense), in
 * front of a SerialHashTable for the records of sparse pages. A page the
 * allocation frontier has left behind with fewer than SPARSE records, or
 * that drops below it, moves its records into the hash table (a program that
 * keeps one object in a thousand would otherwise keep a page per object).
 * Looking up, adding and deleting are then two array accesses, and growing
 * never re-inserts the records of full pages.
 */
export class SerialTable<V> {
  /** by page index: the page, undefined (none), or null (its records live in `rest`) */
  private pages: ((V | undefined)[] | null | undefined)[] = [];
  private counts: number[] = [];
  /** the highest page index made so far (the allocation frontier) */
  private frontier = -1;
  private rest = new SerialHashTable<V>();
  size = 0;

  get(key: number): V | undefined {
    const p = this.pages[key >>> PAGE_BITS];
    if (p === undefined) return undefined;
    if (p === null) return this.rest.get(key);
    return p[key & (PAGE - 1)];
  }

  has(key: number): boolean {
    return this.get(key) !== undefined;
  }

  /** Adds or replaces `key`'s value (`value` must not be undefined; `key` > 0). */
  set(key: number, value: V): void {
    const pi = key >>> PAGE_BITS;
    let p = this.pages[pi];
    if (p === null) {
      if (!this.rest.has(key)) this.size++;
      this.rest.set(key, value);
      return;
    }
    if (p === undefined) {
      p = new Array<V | undefined>(PAGE).fill(undefined);
      while (this.pages.length < pi) {
        this.pages.push(undefined);
        this.counts.push(0);
      }
      this.pages[pi] = p;
      this.counts[pi] = 0;
      if (pi > this.frontier) {
        const last = this.frontier;
        this.frontier = pi;
        if (last >= 0 && this.pages[last] && this.counts[last] < SPARSE) this.retire(last);
      }
    }
    const i = key & (PAGE - 1);
    if (p[i] === undefined) {
      this.counts[pi]++;
      this.size++;
    }
    p[i] = value;
  }

  delete(key: number): void {
    const pi = key >>> PAGE_BITS;
    const p = this.pages[pi];
    if (p === undefined) return;
    if (p === null) {
      if (this.rest.has(key)) {
        this.rest.delete(key);
        this.size--;
      }
      return;
    }
    const i = key & (PAGE - 1);
    if (p[i] === undefined) return;
    p[i] = undefined;
    this.size--;
    const n = --this.counts[pi];
    if (n === 0) this.pages[pi] = undefined;
    else if (n < SPARSE && pi < this.frontier) this.retire(pi);
  }

  /** Moves page `pi`'s records into the hash table. */
  private retire(pi: number): void {
    const p = this.pages[pi]!;
    const base = pi << PAGE_BITS;
    for (let i = 0; i < PAGE; i++) {
      const v = p[i];
      if (v !== undefined) this.rest.set(base + i, v);
    }
    this.pages[pi] = null;
    this.counts[pi] = 0;
  }

  /** Every value, in no particular order. */
  *values(): IterableIterator<V> {
    for (const p of this.pages) {
      if (!p) continue;
      for (let i = 0; i < PAGE; i++) if (p[i] !== undefined) yield p[i]!;
    }
    yield* this.rest.values();
  }
}
