/**
 * Uncaught-exception output, byte for byte: every program in traceback-corpus/ ends in an
 * uncaught exception (or prints "Exception ignored in" reports), and the simulator's whole
 * stderr must equal what CPython 3.12 printed — the `File` lines, source lines, the
 * `~~~^^^` markers, chained exceptions, notes, run-time SyntaxErrors — not only the last line.
 *
 * Expected outputs come only from tests/engine/tracebacks-recorded.json, written by
 * tests/engine/record-tracebacks.py running the same files on CPython 3.12. The one
 * normalisation, applied to both sides, replaces addresses (`at 0x7f…`) in reprs such as
 * `<function Res.__del__ at 0x…>`: the simulator's addresses are its own heap's.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { runProgram } from '../../src/engine/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const corpusDir = join(here, 'traceback-corpus');
const recorded = JSON.parse(readFileSync(join(here, 'tracebacks-recorded.json'), 'utf-8')) as Record<
  string,
  { stdout: string; stderr: string; exitCode: number }
>;

const names = readdirSync(corpusDir).filter((f) => f.endsWith('.py')).map((f) => f.slice(0, -3)).sort();
const normalize = (s: string): string => s.replace(/ at 0x[0-9a-f]+/g, ' at 0xADDR');

describe('traceback corpus', () => {
  it('every program has a recording and the corpus is big enough', () => {
    expect(names.filter((n) => !(n in recorded))).toEqual([]);
    expect(names.length).toBeGreaterThanOrEqual(40);
  });

  for (const name of names) {
    it(name, () => {
      const rec = recorded[name];
      const source = readFileSync(join(corpusDir, `${name}.py`), 'utf-8');
      const r = runProgram(source, { python: '3.12', filename: `traceback-corpus/${name}.py` });
      expect(normalize(r.stderr)).toBe(normalize(rec.stderr));
      expect(r.stdout).toBe(rec.stdout);
      expect(r.exitCode).toBe(rec.exitCode);
    });
  }
});
