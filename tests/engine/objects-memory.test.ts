/** Memory behaviour of the number and string objects: caches, free lists, interning, counting. */
import { describe, expect, it } from 'vitest';
import { decref } from '../../src/engine/objects/object.js';
import { NB_ADD } from '../../src/engine/objects/typeobject.js';
import { newInt, LongType } from '../../src/engine/objects/longobject.js';
import { newFloat, floatFreeListSize } from '../../src/engine/objects/floatobject.js';
import { newStr, internStr, resetInterned } from '../../src/engine/objects/unicodeobject.js';
import { newBytes } from '../../src/engine/objects/bytesobject.js';
import { PyTrue, PyFalse, newBool } from '../../src/engine/objects/boolobject.js';

describe('small ints', () => {
  it('-5..256 are shared immortal objects 32 bytes apart', () => {
    const a = newInt(-5), b = newInt(-4), c = newInt(256);
    expect(newInt(7)).toBe(newInt(7));
    expect(b.addr - a.addr).toBe(32);
    expect(c.addr - a.addr).toBe(261 * 32);
  });
  it('257 is a new heap object each time, freed at refcount zero and its block reused', () => {
    const x = newInt(257), y = newInt(257);
    expect(x).not.toBe(y);
    const addr = x.addr;
    decref(x);
    const z = newInt(1000);
    expect(z.addr).toBe(addr);
    decref(y);
    decref(z);
  });
  it('small-int arithmetic stays on numbers and returns cached results', () => {
    const one = newInt(1), two = newInt(2);
    const r = LongType.nb[NB_ADD]!(one, two);
    expect(r).toBe(newInt(3));
    expect(typeof (r as unknown as { value: unknown }).value).toBe('number');
  });
});

describe('float free list', () => {
  it('a freed float keeps its address and the next float takes it (LIFO)', () => {
    const a = newFloat(1.5), b = newFloat(2.5);
    const aa = a.addr, ba = b.addr;
    const before = floatFreeListSize();
    decref(a);
    decref(b);
    expect(floatFreeListSize()).toBe(before + 2);
    expect(newFloat(3.5).addr).toBe(ba);
    expect(newFloat(4.5).addr).toBe(aa);
  });
});

describe('str and bytes singletons, interning', () => {
  it('empty and 1-character latin-1 strings are shared; others are not', () => {
    expect(newStr('')).toBe(newStr(''));
    expect(newStr('a')).toBe(newStr('a'));
    expect(newStr('é')).toBe(newStr('é'));
    expect(newStr('ā')).not.toBe(newStr('ā'));
    expect(newStr('ab')).not.toBe(newStr('ab'));
    expect(newBytes(new Uint8Array([7]))).toBe(newBytes(new Uint8Array([7])));
  });
  it('internStr returns one object per value', () => {
    resetInterned();
    const a = internStr('hello world'), b = internStr('hello world');
    expect(a).toBe(b);
    expect(a.interned).toBe(true);
  });
  it('True and False are the bool singletons', () => {
    expect(newBool(true)).toBe(PyTrue);
    expect(newBool(false)).toBe(PyFalse);
  });
});
