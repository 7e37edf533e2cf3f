/**
 * pymalloc, CPython's small-object allocator, simulated down to which block an
 * allocation lands in — so id() values are reused exactly the way CPython
 * reuses them (`id(object()) == id(object())` is True because the freed block
 * is the first one handed out again).
 * CPython counterpart: Objects/obmalloc.c (3.12, 64-bit, radix-tree build).
 *
 * - Requests of at most 512 bytes are rounded up to a multiple of 16 (32 size
 *   classes) and served from 16 KiB pools; each pool serves one size class.
 * - Pools are carved from 1 MiB arenas.
 * - A freed block goes to the front of its pool's free list (LIFO), and the
 *   next allocation of that size class takes it first.
 * - Larger requests go to the "raw" allocator (libc malloc), modelled as
 *   per-size LIFO bins over a bump region.
 * No bytes are stored: only addresses and bookkeeping are simulated.
 */

import { lowPtr, RAW_BASE, type Ptr } from './address.js';

export const ALIGNMENT = 16;
export const SMALL_REQUEST_THRESHOLD = 512;
export const NB_SMALL_SIZE_CLASSES = SMALL_REQUEST_THRESHOLD / ALIGNMENT;
export const POOL_SIZE = 16 * 1024;
export const ARENA_SIZE = 1024 * 1024;
/** sizeof(struct pool_header) rounded up to ALIGNMENT */
export const POOL_OVERHEAD = 48;

// Addresses are handled as Ptrs (memory/address.ts): arenas from offset 0
// upwards, raw allocations in the low region, where higher addresses are
// more negative Ptrs.
const RAW_START: Ptr = lowPtr(RAW_BASE);

class Pool {
  /**
   * LIFO stack of freed blocks: the first `nfree` entries (the array is never
   * shortened, so a pool that fills and empties again reuses its storage
   * instead of growing a new array)
   */
  freeblocks: Ptr[] = [];
  nfree = 0;
  /** offset of the next never-used block */
  nextoffset = POOL_OVERHEAD;
  /** blocks handed out and not yet freed */
  ref = 0;
  readonly maxnextoffset: number;
  szidx = -1;
  blockSize = 0;
  /** position in usedpools[szidx] (a doubly-linked list in CPython) */
  prev: Pool | null = null;
  next: Pool | null = null;
  inUsed = false;
  constructor(readonly address: Ptr, readonly arena: Arena) {
    this.maxnextoffset = POOL_SIZE;
  }
  init(szidx: number): void {
    this.szidx = szidx;
    this.blockSize = (szidx + 1) * ALIGNMENT;
    this.nfree = 0;
    this.nextoffset = POOL_OVERHEAD;
    this.ref = 0;
  }
  /** true when no free block is left (CPython: pool->freeblock == NULL after carving) */
  full(): boolean {
    return this.nfree === 0 && this.nextoffset + this.blockSize > this.maxnextoffset;
  }
}

class Arena {
  /** pools freed and ready for any size class, LIFO */
  freepools: Pool[] = [];
  /** pools never carved yet */
  untouched: number;
  nfreepools: number;
  readonly ntotalpools: number;
  constructor(readonly address: Ptr) {
    this.ntotalpools = ARENA_SIZE / POOL_SIZE;
    this.untouched = this.ntotalpools;
    this.nfreepools = this.ntotalpools;
  }
}

export interface AllocatorStats {
  arenas: number;
  /** bytes currently handed out (rounded to size classes for small blocks) */
  bytesInUse: number;
  blocksInUse: number;
}

export class PyMalloc {
  private usedpools: (Pool | null)[] = new Array(NB_SMALL_SIZE_CLASSES).fill(null);
  private arenas: Arena[] = [];
  /** arenas with a free pool; CPython keeps them sorted by nfreepools, fullest first */
  private usableArenas: Arena[] = [];
  /** pools by index (ptr / POOL_SIZE): arenas are laid out contiguously from Ptr 0 */
  private poolsByIndex: (Pool | undefined)[] = [];
  private nextArenaAddress: Ptr = 0;
  private rawBins = new Map<number, Ptr[]>();
  private rawSizes = new Map<Ptr, number>();
  private rawTop: Ptr = RAW_START;
  bytesInUse = 0;
  blocksInUse = 0;

  /** PyObject_Malloc: returns the block's address. */
  malloc(nbytes: number): Ptr {
    if (nbytes === 0) nbytes = 1;
    if (nbytes > SMALL_REQUEST_THRESHOLD) return this.rawMalloc(nbytes);
    const szidx = (nbytes - 1) >> 4;
    let pool = this.usedpools[szidx];
    if (pool === null) pool = this.newPool(szidx);
    let addr: Ptr;
    if (pool.nfree > 0) {
      addr = pool.freeblocks[--pool.nfree];
    } else {
      addr = pool.address + pool.nextoffset;
      pool.nextoffset += pool.blockSize;
    }
    pool.ref++;
    if (pool.full()) this.unlinkUsed(pool);
    this.bytesInUse += pool.blockSize;
    this.blocksInUse++;
    return addr;
  }

  /** PyObject_Free */
  free(addr: Ptr): void {
    const pool = addr > 0 ? this.poolsByIndex[(addr / POOL_SIZE) >>> 0] : undefined;
    if (pool === undefined) {
      this.rawFree(addr);
      return;
    }
    const wasFull = !pool.inUsed;
    pool.freeblocks[pool.nfree++] = addr;
    pool.ref--;
    this.bytesInUse -= pool.blockSize;
    this.blocksInUse--;
    if (pool.ref === 0) {
      // The pool is empty: give it back to its arena for any size class.
      if (pool.inUsed) this.unlinkUsed(pool);
      const arena = pool.arena;
      arena.freepools.push(pool);
      arena.nfreepools++;
      if (arena.nfreepools === 1) this.usableArenas.push(arena);
      this.sortUsable();
      return;
    }
    if (wasFull) {
      // A full pool gets a free block: it goes to the front of usedpools.
      this.linkUsedFront(pool);
    }
  }

  /** Bytes a request really occupies: small requests round up to their size class. */
  static blockSize(nbytes: number): number {
    if (nbytes > SMALL_REQUEST_THRESHOLD) return nbytes;
    return (((Math.max(nbytes, 1) - 1) >> 4) + 1) * ALIGNMENT;
  }

  stats(): AllocatorStats {
    return { arenas: this.arenas.length, bytesInUse: this.bytesInUse, blocksInUse: this.blocksInUse };
  }

  private newPool(szidx: number): Pool {
    if (this.usableArenas.length === 0) this.newArena();
    const arena = this.usableArenas[0];
    let pool: Pool;
    if (arena.freepools.length > 0) {
      pool = arena.freepools.pop()!;
    } else {
      const index = arena.ntotalpools - arena.untouched;
      arena.untouched--;
      pool = new Pool(arena.address + index * POOL_SIZE, arena);
      this.poolsByIndex[pool.address / POOL_SIZE] = pool;
    }
    arena.nfreepools--;
    if (arena.nfreepools === 0) this.usableArenas.shift();
    pool.init(szidx);
    this.linkUsedFront(pool);
    return pool;
  }

  private newArena(): void {
    const arena = new Arena(this.nextArenaAddress);
    this.nextArenaAddress += ARENA_SIZE;
    this.arenas.push(arena);
    this.usableArenas.unshift(arena);
  }

  private sortUsable(): void {
    // CPython keeps usable_arenas ordered by nfreepools so allocation prefers
    // the most-used arena (letting nearly empty arenas drain and be freed).
    this.usableArenas.sort((a, b) => a.nfreepools - b.nfreepools);
  }

  private linkUsedFront(pool: Pool): void {
    const head = this.usedpools[pool.szidx];
    pool.prev = null;
    pool.next = head;
    if (head) head.prev = pool;
    this.usedpools[pool.szidx] = pool;
    pool.inUsed = true;
  }

  private unlinkUsed(pool: Pool): void {
    if (pool.prev) pool.prev.next = pool.next;
    else this.usedpools[pool.szidx] = pool.next;
    if (pool.next) pool.next.prev = pool.prev;
    pool.prev = pool.next = null;
    pool.inUsed = false;
  }

  private rawMalloc(nbytes: number): Ptr {
    const rounded = Math.ceil((nbytes + 8) / 16) * 16;
    const bin = this.rawBins.get(rounded);
    let addr: Ptr;
    if (bin && bin.length > 0) {
      addr = bin.pop()!;
    } else {
      // (the real address is rawTop + 16, and the top moves up by `rounded`)
      addr = this.rawTop - 16;
      this.rawTop -= rounded;
    }
    this.rawSizes.set(addr, rounded);
    this.bytesInUse += rounded;
    this.blocksInUse++;
    return addr;
  }

  private rawFree(addr: Ptr): void {
    const size = this.rawSizes.get(addr);
    if (size === undefined) return;
    this.rawSizes.delete(addr);
    let bin = this.rawBins.get(size);
    if (!bin) this.rawBins.set(size, (bin = []));
    bin.push(addr);
    this.bytesInUse -= size;
    this.blocksInUse--;
  }
}
