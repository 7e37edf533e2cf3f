/**
 * The evaluation loop's `case N: // NAME` labels, and the names of the rare
 * instructions it runs from on-demand parts (`rareOps`), must agree with the
 * opcode table generated from CPython 3.12 (the table is the single source of truth).
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OPNAMES } from '../../src/engine/bytecode/opcodes.js';
import { runProgram } from '../../src/engine/index.js';
import { PROGRAMS_DIR, readRecording } from '../conformance/suite.js';

const whole = readFileSync(fileURLToPath(new URL('../../src/engine/eval/ceval.ts', import.meta.url)), 'utf8');
/** the dispatch loop's source: the switch over opcodes */
const source = whole.slice(whole.indexOf('function dispatch('), whole.indexOf('function opName('));
/** the instructions the loop's `default` runs from on-demand parts: `N: 'NAME'` */
const rare = [...whole.slice(whole.indexOf('const rareOps'), whole.indexOf('/** PyErr_GivenExceptionMatches')).matchAll(/(\d+): '([A-Z_0-9]+)'/g)];

describe('ceval', () => {
  it('labels every case with the 3.12 name of its opcode number', () => {
    const labels = [...source.matchAll(/case (\d+):(?: \{)? \/\/ ([A-Z_0-9]+)/g)];
    expect(labels.length).toBeGreaterThan(70);
    for (const [, num, name] of labels) expect(OPNAMES[Number(num)], `case ${num}`).toBe(name);
    expect(rare.length).toBeGreaterThan(20);
    for (const [, num, name] of rare) expect(OPNAMES[Number(num)], `rare op ${num}`).toBe(name);
  });

  it('handles every opcode the compiler can emit for the course programs', () => {
    const handled = new Set([...source.matchAll(/case (\d+):/g), ...rare].map((m) => Number(m[1])));
    // Opcodes 3.12's compiler emits that the simulator leaves to "not supported" on purpose.
    const deliberate = new Set(['GET_AITER', 'GET_ANEXT', 'BEFORE_ASYNC_WITH', 'END_ASYNC_FOR', 'GET_AWAITABLE',
      'MATCH_MAPPING', 'MATCH_SEQUENCE', 'MATCH_KEYS', 'MATCH_CLASS', 'CHECK_EG_MATCH', 'INTERPRETER_EXIT',
      'RESERVED', 'EXTENDED_ARG', 'JUMP_BACKWARD_NO_INTERRUPT', 'LOAD_FROM_DICT_OR_DEREF']);
    const missing = Object.entries(OPNAMES)
      .filter(([num, name]) => !handled.has(Number(num)) && !deliberate.has(name))
      .map(([, name]) => name);
    expect(missing).toEqual([]);
  });

  it('ends an infinite loop with the step budget, not a hang', () => {
    const r = runProgram('while True:\n    pass\n', { stepBudget: 10_000 });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^SimulatorLimit: the program was stopped after 10,000 steps/m);
  });

  it('frees an object the moment its last reference goes, running __del__ in between prints', () => {
    const program = 'refcount/del_between_prints.py';
    const r = runProgram(readFileSync(join(PROGRAMS_DIR, program), 'utf8'));
    expect(r.stdout).toBe(readRecording('3.12', program)!.stdout);
  });
});
