/**
 * Conformance: every program under programs/ run through the engine must print what real
 * CPython 3.12 printed when it was recorded (recorded/3.12/...): same stdout, same exit
 * status, same last line of stderr (the traceback's exception line). See README.md.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runProgram } from '../../src/engine/index.js';
import {
  lastNonEmptyLine,
  listPrograms,
  MAX_EXPECTED_FAILURE_FRACTION,
  PROGRAMS_DIR,
  readExpectedFailures,
  readRecording,
  recordingPath,
  SKIPPED_TOPICS,
  topicOf,
} from './suite.js';

const VERSION = '3.12' as const;

/** What the suite compares. */
interface Observed {
  stdout: string;
  exitCode: number;
  stderrLastLine: string;
}

const programs = listPrograms();
const expectedFailures = readExpectedFailures();
const expectedToFail = new Map(expectedFailures.map((f) => [f.program, f.reason]));

/** Runs one program in the engine; a JavaScript exception becomes an Error naming it. */
function runInEngine(program: string): Observed {
  const source = readFileSync(join(PROGRAMS_DIR, program), 'utf8');
  let result;
  try {
    result = runProgram(source, { python: VERSION, filename: program });
  } catch (e) {
    const detail = e instanceof Error ? (e.stack ?? e.message) : String(e);
    throw new Error(`runProgram threw a JavaScript exception for ${program}:\n${detail}`);
  }
  return {
    stdout: result.stdout,
    exitCode: result.exitCode,
    stderrLastLine: lastNonEmptyLine(result.stderr),
  };
}

describe(`conformance with CPython ${VERSION}`, () => {
  for (const program of programs) {
    const skipReason = SKIPPED_TOPICS[topicOf(program)];
    if (skipReason !== undefined) {
      test.skip(`${program} (skipped: ${skipReason})`, () => {});
      continue;
    }
    const recording = readRecording(VERSION, program);
    if (recording === undefined) continue; // reported by the "every program is recorded" test
    const expected: Observed = {
      stdout: recording.stdout,
      exitCode: recording.exitCode,
      stderrLastLine: lastNonEmptyLine(recording.stderr),
    };
    const reason = expectedToFail.get(program);

    if (reason === undefined) {
      test(program, () => {
        expect(runInEngine(program)).toEqual(expected);
      });
    } else {
      test(`${program} (expected failure: ${reason || 'no reason given'})`, () => {
        let failed: boolean;
        try {
          const observed = runInEngine(program);
          failed =
            observed.stdout !== expected.stdout ||
            observed.exitCode !== expected.exitCode ||
            observed.stderrLastLine !== expected.stderrLastLine;
        } catch {
          failed = true;
        }
        expect(
          failed,
          `${program} now matches CPython ${VERSION}: remove it from expected-failures.txt`,
        ).toBe(true);
      });
    }
  }
});

describe('conformance suite bookkeeping', () => {
  test('there are programs', () => {
    expect(programs.length).toBeGreaterThan(0);
  });

  test(`every program has a CPython ${VERSION} recording (run npm run conformance:record)`, () => {
    const missing = programs.filter((p) => readRecording(VERSION, p) === undefined);
    expect(missing, `missing ${missing.map((p) => recordingPath(VERSION, p)).join(', ')}`).toEqual([]);
  });

  test('expected-failures.txt names only existing programs, once each, with a reason', () => {
    const known = new Set(programs);
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const f of expectedFailures) {
      if (!known.has(f.program)) problems.push(`line ${f.line}: no such program: ${f.program}`);
      if (seen.has(f.program)) problems.push(`line ${f.line}: listed twice: ${f.program}`);
      if (f.reason === '') problems.push(`line ${f.line}: no reason given for ${f.program} (add "# reason")`);
      if (SKIPPED_TOPICS[topicOf(f.program)] !== undefined)
        problems.push(`line ${f.line}: ${f.program} is never run, it cannot be an expected failure`);
      seen.add(f.program);
    }
    expect(problems).toEqual([]);
  });

  test(`expected-failures.txt lists at most ${MAX_EXPECTED_FAILURE_FRACTION * 100}% of the programs`, () => {
    const limit = Math.floor(programs.length * MAX_EXPECTED_FAILURE_FRACTION);
    expect(
      expectedFailures.length,
      `${expectedFailures.length} expected failures for ${programs.length} programs (limit ${limit})`,
    ).toBeLessThanOrEqual(limit);
  });
});
