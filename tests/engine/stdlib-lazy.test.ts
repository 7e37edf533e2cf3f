/**
 * Standard-library modules loaded on demand, as the browser's worker does
 * (src/engine/modules/stdlib.ts): this file uses the core engine (core.ts),
 * not index.ts, so nothing is loaded until a test loads it.
 */
import { describe, expect, it } from 'vitest';
import { runProgram } from '../../src/engine/core.js';
import { loadStdlib, stdlibModulesNamedIn, lazyStdlibNames } from '../../src/engine/modules/stdlib.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  listPrograms, PROGRAMS_DIR, readRecording, readExpectedFailures, lastNonEmptyLine, SKIPPED_TOPICS, topicOf,
} from '../conformance/suite.js';

describe('standard-library modules loaded on demand', () => {
  it('finds the modules a program names, and no others', () => {
    const src = [
      'import itertools, operator as op',
      'from collections import deque',
      'm = __import__("math")',
      'mathematics = copying = 1  # a comment that names random',
    ].join('\n');
    expect(stdlibModulesNamedIn(src).sort()).toEqual(['collections', 'itertools', 'math', 'operator', 'random']);
    expect(stdlibModulesNamedIn('print(1)')).toEqual([]);
    expect(stdlibModulesNamedIn('import weakref\nr = weakref.ref(x)')).toEqual(['weakref']);
  });

  it('an import the host did not load fails with a clear simulator error', () => {
    const r = runProgram('import functools\n');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('not supported by the simulator');
    expect(r.stderr).toContain("'functools'");
  });

  it('modules loaded after the interpreter started work, their types included', async () => {
    expect(runProgram('print(1 + 1)\n').exitCode).toBe(0);
    const program = 'stdlib/deque_functools_reduce.py';
    const src = readFileSync(join(PROGRAMS_DIR, program), 'utf8');
    await loadStdlib(stdlibModulesNamedIn(src));
    const r = runProgram(src);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(readRecording('3.12', program)!.stdout);
  });

  it('conformance programs that name a module print what CPython printed when it loads after the interpreter started', async () => {
    expect(runProgram('print(1)\n').exitCode).toBe(0);
    const failing = new Set(readExpectedFailures().map((f) => f.program));
    const differ: string[] = [];
    let checked = 0;
    for (const program of listPrograms()) {
      if (failing.has(program) || SKIPPED_TOPICS[topicOf(program)] !== undefined) continue;
      const want = readRecording('3.12', program);
      const source = readFileSync(join(PROGRAMS_DIR, program), 'utf8');
      const names = stdlibModulesNamedIn(source);
      if (want === undefined || names.length === 0) continue;
      await loadStdlib(names);
      const r = runProgram(source, { python: '3.12', filename: program });
      checked++;
      const got = { stdout: r.stdout, exitCode: r.exitCode, last: lastNonEmptyLine(r.stderr) };
      if (JSON.stringify(got) !== JSON.stringify({ stdout: want.stdout, exitCode: want.exitCode, last: lastNonEmptyLine(want.stderr) })) {
        differ.push(program);
      }
    }
    expect(checked).toBeGreaterThan(20);
    expect(differ).toEqual([]);
  });

  it('every module the simulator lists can be loaded and imported', async () => {
    await loadStdlib(lazyStdlibNames);
    for (const name of lazyStdlibNames) {
      // _lab exists only in a traced run (as every run in the browser is)
      const r = runProgram(`import ${name}\nprint(type(${name}).__name__ == "module")\n`, { trace: name === '_lab' });
      expect(r.stderr, name).toBe('');
      expect(r.stdout, name).toBe('True\n');
    }
  });
});
