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
 *             and then the C heap (raw allocations): LOW_TOP + ptr
 *   ptr = 0   no address (not allocated yet, or freed)
 */

export type Ptr = number;

/** Where pymalloc's arenas start (a plausible mmap address). */
export const ARENA_BASE = 0x7f4e_2a00_0000;
/** Statically allocated objects (the interpreter binary's data segment). */
export const STATIC_BASE = 0x55e4_19c0_0000;
/** Where raw (libc malloc) allocations start, above the static objects. */
export const RAW_BASE = 0x55e4_1c40_0000;
/** The end of the low region: static and raw pointers are negative offsets from it. */
export const LOW_TOP = STATIC_BASE + 2 ** 30;

/** The address `ptr` stands for (what id() returns); 0 for no address. */
export function addressOf(ptr: Ptr): number {
  return ptr > 0 ? ARENA_BASE + ptr : ptr < 0 ? LOW_TOP + ptr : 0;
}
