/** pymalloc's simulation: size classes, LIFO reuse of freed blocks, pools and raw blocks. */
import { describe, expect, it } from 'vitest';
import { PyMalloc, POOL_SIZE, POOL_OVERHEAD } from '../../src/engine/memory/obmalloc.js';
import { addressOf } from '../../src/engine/memory/address.js';

describe('PyMalloc', () => {
  it('rounds small requests up to 16-byte size classes', () => {
    expect(PyMalloc.blockSize(1)).toBe(16);
    expect(PyMalloc.blockSize(16)).toBe(16);
    expect(PyMalloc.blockSize(17)).toBe(32);
    expect(PyMalloc.blockSize(512)).toBe(512);
    expect(PyMalloc.blockSize(513)).toBe(513);
  });

  it('hands a freed block out again first (so id(object()) == id(object()))', () => {
    const m = new PyMalloc();
    const a = m.malloc(32);
    m.free(a);
    expect(m.malloc(32)).toBe(a);
  });

  it('reuses freed blocks last-freed-first', () => {
    const m = new PyMalloc();
    const [a, b, c] = [m.malloc(48), m.malloc(48), m.malloc(48)];
    m.free(a);
    m.free(c);
    expect(m.malloc(48)).toBe(c);
    expect(m.malloc(48)).toBe(a);
    expect(m.malloc(48)).not.toBe(b);
  });

  it('serves different size classes from different pools', () => {
    const m = new PyMalloc();
    const a = m.malloc(16), b = m.malloc(64);
    expect(Math.floor(a / POOL_SIZE)).not.toBe(Math.floor(b / POOL_SIZE));
    expect(a % POOL_SIZE).toBe(POOL_OVERHEAD % POOL_SIZE);
  });

  it('carves consecutive blocks of one size class from one pool', () => {
    const m = new PyMalloc();
    const a = m.malloc(32), b = m.malloc(32);
    expect(b - a).toBe(32);
  });

  it('sends requests over 512 bytes to the raw allocator and reuses same-size chunks', () => {
    const m = new PyMalloc();
    const big = m.malloc(1000);
    m.free(big);
    expect(m.malloc(1000)).toBe(big);
    expect(m.stats().blocksInUse).toBe(1);
  });

  it('keeps count of the bytes in use', () => {
    const m = new PyMalloc();
    const a = m.malloc(20);
    expect(m.stats().bytesInUse).toBe(32);
    m.free(a);
    expect(m.stats().bytesInUse).toBe(0);
  });

  it('keeps giving raw blocks of ever new sizes higher addresses, past 1 GB of address space', () => {
    // like [0] * n for growing n: each freed block has a size never asked for again
    const m = new PyMalloc();
    const first = addressOf(m.malloc(600));
    let prev = first;
    for (let n = 1; n <= 20_000; n++) {
      const p = m.malloc(600 + 16 * n);
      const addr = addressOf(p);
      expect(addr % 16).toBe(0);
      expect(addr).toBeGreaterThan(prev);
      prev = addr;
      m.free(p);
    }
    expect(prev - first).toBeGreaterThan(2 ** 31); // well past 1 GB
    expect(m.stats().blocksInUse).toBe(1);
  });
});
