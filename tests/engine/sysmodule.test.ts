/**
 * sys.getrefcount refuses the objects whose counts CPython's own internals
 * share (the counts of objects programs make are checked by the conformance suite).
 */
import { describe, expect, it } from 'vitest';
import { runProgram } from '../../src/engine/index.js';

function lastLine(s: string): string {
  const lines = s.split('\n').filter((l) => l.trim() !== '');
  return lines[lines.length - 1] ?? '';
}

describe('sys.getrefcount', () => {
  for (const expr of ['sys', 'print', 'globals()', '__import__("gc")', 'sys.getrefcount']) {
    it(`says it cannot give CPython's count for ${expr}`, () => {
      const r = runProgram(`import sys\nprint(sys.getrefcount(${expr}))\n`);
      expect(r.stdout).toBe('');
      expect(lastLine(r.stderr)).toMatch(/^NotSupported: not supported by the simulator: the reference count of an object the interpreter made for itself/);
    });
  }
});
