/**
 * The fused multiply-add the libm ports (src/engine/modules/libm/) rely on:
 * its fast path (Dekker products, rounding to odd) must round exactly as
 * its exact BigInt path does. The ports' results themselves are checked
 * against CPython by the conformance program stdlib/math_exp_log_last_bit.py.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fma, fmaExact } from '../../src/engine/modules/libm/fma.js';

const finite = fc.double({ noNaN: true, noDefaultInfinity: true });

describe('fma', () => {
  it('the fast path rounds as exact arithmetic does, also when a * b nearly cancels c', () => {
    fc.assert(
      fc.property(finite, finite, fc.double({ min: -1, max: 1, noNaN: true }), fc.integer({ min: 0, max: 70 }), (a, b, t, k) => {
        // c = -(a * b) nudged by a relative 2^-k: the case where rounding the product first goes wrong
        const c = -(a * b) * (1 + t * 2 ** -k);
        const got = fma(a, b, c);
        const want = fmaExact(a, b, c);
        return Object.is(got, want) || (Number.isNaN(got) && Number.isNaN(want));
      }),
      { numRuns: 20000 },
    );
    fc.assert(
      fc.property(finite, finite, finite, (a, b, c) => {
        const got = fma(a, b, c), want = fmaExact(a, b, c);
        return Object.is(got, want) || (Number.isNaN(got) && Number.isNaN(want));
      }),
      { numRuns: 20000 },
    );
  });

  it('differs from a * b + c where the product alone would round', () => {
    const a = 1 + 2 ** -30, b = 1 - 2 ** -30; // a * b = 1 - 2^-60 exactly
    expect(a * b - 1).toBe(0);
    expect(fma(a, b, -1)).toBe(-(2 ** -60));
    expect(fmaExact(a, b, -1)).toBe(-(2 ** -60));
  });

  it('keeps IEEE 754 special values', () => {
    expect(fmaExact(1e300, 1e300, -Infinity)).toBe(-Infinity); // the exact product is finite
    expect(fma(Infinity, 0, 1)).toBeNaN();
    expect(Object.is(fma(-0, 1, -0), -0)).toBe(true);
    expect(fma(2 ** -1074, 0.5, 0)).toBe(0); // rounds to even: 0
    expect(fma(3 * 2 ** -1074, 0.5, 0)).toBe(2 ** -1073); // 1.5 ulp rounds to 2
  });
});
