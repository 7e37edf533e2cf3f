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
 */
export class SerialTable<V> {
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

  /** The slot holding `key`, or -1: with valueAt and deleteSlot, a look-up then a delete in one probe. */
  slotOf(key: number): number {
    if (key === 0) return -1;
    const keys = this.keys, mask = this.mask;
    for (let i = this.home(key); ; i = (i + 1) & mask) {
      const k = keys[i];
      if (k === key) return i;
      if (k === 0) return -1;
    }
  }

  valueAt(slot: number): V {
    return this.vals[slot]!;
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

  /**
   * Doubles the table, or quadruples it once it is big (a traced program that keeps
   * hundreds of thousands of objects otherwise spent ~3% re-inserting them).
   */
  private grow(): void {
    const oldKeys = this.keys, oldVals = this.vals;
    const bits = 32 - this.shift + (oldKeys.length >= 1 << 16 ? 2 : 1);
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
