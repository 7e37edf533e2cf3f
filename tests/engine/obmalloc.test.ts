/** pymalloc's simulation: size classes, LIFO reuse of freed blocks, pools and raw blocks. */
import { describe, expect, it } from 'vitest';
import { PyMalloc, POOL_SIZE, POOL_OVERHEAD } from '../../src/engine/memory/obmalloc.js';

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
});
