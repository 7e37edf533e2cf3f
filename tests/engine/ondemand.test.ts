/**
 * The builtin types' parts loaded on demand (src/engine/ondemand.ts), the way
 * the browser's worker loads them: with `runProgramLoading` (core.ts), starting
 * from no part loaded. The tests' setup loads every part
 * (tests/load-engine-parts.ts); each test here unloads them first.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runProgram, runProgramLoading } from '../../src/engine/core.js';
import { parts, partNames, partsNamedIn, loadParts, type Part } from '../../src/engine/ondemand.js';
import { loadStdlib, lazyStdlibNames } from '../../src/engine/modules/stdlib.js';
import { listPrograms, PROGRAMS_DIR, readRecording } from '../conformance/suite.js';

/** As in a fresh worker: no part's code loaded. */
function unloadAll(): void {
  for (const n of partNames) (parts[n] as Part).impls = null;
}

const DYNAMIC = 'basics/methods_named_at_run_time.py';

describe('parts of the builtin types loaded on demand', () => {
  it('finds the parts a program names, anywhere in its text, and no others', () => {
    expect(partsNamedIn('print(1 + 2)\nx = [1, 2]\nx.append(3)\n')).toEqual([]);
    expect(partsNamedIn('print("ab".center(6))')).toEqual(['str']);
    expect(partsNamedIn('# a comment naming zfill\n')).toEqual(['str']);
    expect(partsNamedIn('print("%d" % 5)')).toEqual(['printf']);
    expect(partsNamedIn('b = bytearray(3)')).toEqual(['bytes', 'bytearray']);
    expect(partsNamedIn('print(str(b"ab", "ascii"))')).toEqual(['bytes']);
    expect(partsNamedIn('print(b"ab".decode())')).toEqual(['bytes']);
    expect(partsNamedIn('z = 2.5j')).toEqual(['complex']);
    expect(partsNamedIn('print((-8) ** 0.5)')).toEqual(['complex']);
    expect(partsNamedIn('x = 2\nprint(f"{x:>5}", f"{x!r}")')).toEqual(['formatspec']);
    expect(partsNamedIn('x = 2\nprint(f"{x}", f"{x!r}")')).toEqual([]);
    expect(partsNamedIn('print(eval("1 + 1"))')).toEqual(['exec']);
    expect(partsNamedIn('print((5).to_bytes(2, "big"), int.from_bytes([1, 0]))')).toEqual(['bytes']);
    // a name shared by str and bytes methods loads both
    expect(partsNamedIn('"a b".split()\nprint("x".isdigit())').sort()).toEqual(['bytes', 'str']);
  });

  it('a type looks whole before its code is loaded: dir() and the type dicts are the same', async () => {
    const src = 'for t in (int, str, bytes, bytearray, complex, type(iter(bytearray()))):\n    print(t.__name__, list(t.__dict__), dir(t))\n';
    await loadParts(partNames);
    const whole = runProgram(src);
    unloadAll();
    const stubs = runProgram(src.replace('type(iter(bytearray()))', 'int'));
    expect(stubs.stderr).toBe('');
    expect(whole.stdout.split('\n').slice(0, 5)).toEqual(stubs.stdout.split('\n').slice(0, 5));
  });

  it('a stub whose code is not loaded ends the run with a clear simulator error', () => {
    unloadAll();
    const r = runProgram('print("ab".center(6))\n');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('NotSupported: not supported by the simulator: str methods (code not loaded before the run)\n');
  });

  it('methods reached by names built at run time: the program runs again with every part, as CPython prints', async () => {
    const source = readFileSync(join(PROGRAMS_DIR, DYNAMIC), 'utf8');
    expect(partsNamedIn(source)).toEqual([]);
    unloadAll();
    const first = runProgram(source, { filename: DYNAMIC });
    expect(first.stderr).toContain('not supported by the simulator');
    unloadAll();
    const r = await runProgramLoading(source, { python: '3.12', filename: DYNAMIC });
    const want = readRecording('3.12', DYNAMIC)!;
    expect({ stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }).toEqual(want);
  });

  it('every conformance program prints the same loading parts on demand as with every part loaded', async () => {
    await loadStdlib(lazyStdlibNames);
    const differ: string[] = [];
    for (const program of listPrograms()) {
      if (readRecording('3.12', program) === undefined) continue;
      const source = readFileSync(join(PROGRAMS_DIR, program), 'utf8');
      const options = { python: '3.12' as const, filename: program };
      await loadParts(partNames);
      const whole = runProgram(source, options);
      unloadAll();
      const lazy = await runProgramLoading(source, options);
      if (JSON.stringify(lazy) !== JSON.stringify(whole)) differ.push(program);
    }
    expect(differ).toEqual([]);
  });
});
