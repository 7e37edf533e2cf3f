/**
 * Shared helpers of the conformance suite: where programs and recordings live, how the
 * expected-failures list is read. Used by record.ts, conformance.test.ts and the unit
 * tests that compare a program's output with its recording.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const HERE = dirname(fileURLToPath(import.meta.url));
export const PROGRAMS_DIR = join(HERE, 'programs');
export const RECORDED_DIR = join(HERE, 'recorded');
export const EXPECTED_FAILURES_FILE = join(HERE, 'expected-failures.txt');

/** Topics whose programs are recorded but never compared (their output varies run to run). */
export const SKIPPED_TOPICS: Record<string, string> = {
  seeds_nondeterministic:
    'seed example whose output is not deterministic under CPython (threads, raw id() values)',
};

/** At most this fraction of all programs may be listed as expected failures. */
export const MAX_EXPECTED_FAILURE_FRACTION = 0.05;

export interface Recording {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Every program as a forward-slash path relative to programs/ ("basics/int_arith.py"), sorted. */
export function listPrograms(dir: string = PROGRAMS_DIR): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d)) {
      const full = join(d, entry);
      if (statSync(full).isDirectory()) walk(full);
      else if (entry.endsWith('.py')) out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out.sort();
}

export function topicOf(program: string): string {
  return program.split('/')[0] ?? '';
}

export function recordingPath(version: string, program: string): string {
  return join(RECORDED_DIR, version, program.replace(/\.py$/, '.json'));
}

export function readRecording(version: string, program: string): Recording | undefined {
  const file = recordingPath(version, program);
  if (!existsSync(file)) return undefined;
  return JSON.parse(readFileSync(file, 'utf8')) as Recording;
}

/** A conformance program's source (tests/conformance/programs/). */
export function programSource(program: string): string {
  return readFileSync(join(PROGRAMS_DIR, program), 'utf8');
}

/** What CPython 3.12 printed for a conformance program, as record.ts recorded it (an error if it was not). */
export function cpython312(program: string): Recording {
  const want = readRecording('3.12', program);
  if (want === undefined) throw new Error(`${program} has no 3.12 recording`);
  return want;
}

/** The last line of `text` that is not blank: for a traceback, the exception line. */
export function lastNonEmptyLine(text: string): string {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  return lines.length > 0 ? lines[lines.length - 1]! : '';
}

export interface ExpectedFailure {
  program: string;
  reason: string;
  line: number;
}

/**
 * Parses expected-failures.txt: one `<topic>/<name>.py  # reason` per line; blank lines and
 * lines starting with `#` are ignored. A missing file means an empty list.
 */
export function readExpectedFailures(file: string = EXPECTED_FAILURES_FILE): ExpectedFailure[] {
  if (!existsSync(file)) return [];
  const out: ExpectedFailure[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((raw, index) => {
      const text = raw.trim();
      if (text === '' || text.startsWith('#')) return;
      const hash = text.indexOf('#');
      const program = (hash >= 0 ? text.slice(0, hash) : text).trim();
      const reason = hash >= 0 ? text.slice(hash + 1).trim() : '';
      out.push({ program, reason, line: index + 1 });
    });
  return out;
}
