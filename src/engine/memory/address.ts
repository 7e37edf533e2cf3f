/**
 * Simulated addresses, and the compact form the engine keeps them in.
 *
 * A real address here is a 64-bit Linux-like pointer (0x7f4e2a0001b0), which
 * in JavaScript is a double: V8 boxes every double stored in an object field
 * or returned from a function, so an allocator handing out such numbers
 * allocates a JS heap number per Python object. The engine instead keeps a
 * `Ptr`, a small integer offset from one of two bases, which V8 keeps unboxed
 * (a Smi, below 2**30), and turns it into the real address only where a
 * program or the trace can see it (id(), reprs, hashes, the trace).
 *
 *   ptr > 0   the arenas (pymalloc): ARENA_BASE + ptr
 *   ptr < 0   the low region, the interpreter's data segment (static objects)
 *             and above it the C heap (raw allocations): LOW_BASE - ptr, so
 *             going up in memory is going down from 0 (unbounded either way:
 *             past 2**30 a Ptr is a boxed number, slower but still exact)
 *   ptr = 0   no address (not allocated yet, or freed)
 *
 * An offset into a block (its pre-header) is added with `ptrOffset`.
 */

export type Ptr = number;

/** Where pymalloc's arenas start (a plausible mmap address). */
export const ARENA_BASE = 0x7f4e_2a00_0000;
/** Statically allocated objects (the interpreter binary's data segment). */
export const STATIC_BASE = 0x55e4_19c0_0000;
/** Where raw (libc malloc) allocations start, above the static objects. */
export const RAW_BASE = 0x55e4_1c40_0000;
/** Just below the first static object: low-region Ptrs count down from here. */
export const LOW_BASE = STATIC_BASE - 16;

/** The address `ptr` stands for (what id() returns); 0 for no address. */
export function addressOf(ptr: Ptr): number {
  return ptr > 0 ? ARENA_BASE + ptr : ptr < 0 ? LOW_BASE - ptr : 0;
}

/** The Ptr `bytes` bytes further into memory than `ptr`. */
export function ptrOffset(ptr: Ptr, bytes: number): Ptr {
  // (-0 is a heap number in V8: `ptr + -0` would be one too, and a Ptr that is
  // one boxes every `ptr` field it reaches; `-0 === 0`)
  if (bytes === 0) return ptr;
  return ptr > 0 ? ptr + bytes : ptr - bytes;
}

/** The Ptr of a low-region address (static objects, raw allocations). */
export function lowPtr(address: number): Ptr {
  // `| 0` makes V8 keep the result a Smi: a difference of two doubles stays a
  // heap number even when it is integral, and one stored in `ptr` would box
  // the field for every object of that class (see IMMORTAL_REFCNT)
  const p = LOW_BASE - address;
  return p >= -0x4000_0000 ? p | 0 : p;
}
