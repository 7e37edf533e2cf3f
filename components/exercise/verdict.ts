/**
 * What an exercise's Check tells the learner, from the run of their code
 * followed by the hidden checks. Pure functions (no DOM, no engine): the
 * element (element.ts) runs the program in the engine's worker and shows
 * the verdict; the unit tests feed these real simulator runs.
 *
 * The program Check runs is the learner's code, then the checks, then the
 * trace checks (`checkProgram`). Lines keep their numbers, so line N of the
 * traceback is line N of the editor as long as N is within the learner's
 * code. Feedback speaks about the learner's code in their terms:
 *
 *   exit 0, checks reached the end     → solved
 *   SyntaxError in the learner's lines → "Your code has a syntax error on line N: …"
 *   exception in the learner's lines   → "Your code raised NameError on line 3: …"
 *   AssertionError from the checks     → its message (the author wrote it for the learner)
 *   other exception from the checks    → "Not yet: …" with the exception
 *   a simulator limit (steps, heap)    → says the simulator stopped the program
 */

import { withChecks } from '../../src/lib/checks';

// the join the recorder and the content tests use too
export { withChecks };

/**
 * Printed after the last check: a run that ends with exit status 0 without
 * printing it stopped early (the learner's code called sys.exit()), so the
 * checks did not all run.
 */
export const DONE_MARK = '\u0000pml:checks-done';
const DONE_LINE = `print(${JSON.stringify(DONE_MARK).replace(/\\u0000/g, '\\x00')})\n`;

/** The program Check runs. */
export function checkProgram(learner: string, checks: string, traceChecks?: string): string {
  return withChecks(learner, checks, traceChecks, DONE_LINE);
}

/** How many lines of the program are the learner's (a final newline does not start a line). */
export function learnerLineCount(learner: string): number {
  if (learner === '') return 0;
  const n = learner.split('\n').length;
  return learner.endsWith('\n') ? n - 1 : n;
}

/** A finished (or stopped) run, as the runner client reports it. */
export interface CheckRun {
  status: 'done' | 'stopped' | 'timeout' | 'error';
  stdout: string;
  stderr: string;
  exitCode: number;
  /** for a run that did not finish: what to tell the learner */
  message?: string;
}

export type VerdictKind =
  | 'solved'
  /** the learner's code does not parse */
  | 'syntax'
  /** the learner's code raised */
  | 'error'
  /** a check's assertion failed */
  | 'failed'
  /** a check raised something other than AssertionError */
  | 'check-error'
  /** the simulator stopped the run (step budget, heap cap, time, Stop) or cannot run it */
  | 'limit';

export interface Verdict {
  kind: VerdictKind;
  /** what to show the learner (plain text) */
  text: string;
  /** the line of the learner's code the problem is on, when there is one */
  line?: number;
}

/** The report's last `File "<stdin>", line N` and the exception text after it. */
interface Report {
  /** innermost line of the program named by the report, 0 if none */
  line: number;
  /** `NameError` */
  type: string;
  /** `name 'b' is not defined` ('' when the exception has no message) */
  message: string;
  /** a traceback (a raised exception), not a compile-time SyntaxError report */
  traceback: boolean;
}

const FILE_LINE = /^ {2}File "(.*)", line (\d+)/;

function parseReport(stderr: string, filename: string): Report | null {
  const lines = stderr.replace(/\n+$/, '').split('\n');
  let at = -1;
  let line = 0;
  for (let i = 0; i < lines.length; i++) {
    const m = FILE_LINE.exec(lines[i]);
    if (m !== null && m[1] === filename) {
      at = i;
      line = Number(m[2]);
    }
  }
  // the exception starts at the first unindented line after the last frame (or the whole report)
  let start = -1;
  for (let i = at + 1; i < lines.length; i++) {
    if (lines[i] !== '' && !lines[i].startsWith(' ')) {
      start = i;
      break;
    }
  }
  if (start < 0) return null;
  const text = lines.slice(start).join('\n');
  const m = /^([A-Za-z_][\w.]*)(?::\s?([\s\S]*))?$/.exec(text);
  if (m === null) return null;
  return {
    line,
    type: m[1],
    message: (m[2] ?? '').trim(),
    traceback: lines.some((l) => l.startsWith('Traceback (most recent call last):')),
  };
}

const SYNTAX_ERRORS = new Set(['SyntaxError', 'IndentationError', 'TabError']);

function withMessage(type: string, message: string): string {
  return message === '' ? type : `${type}: ${message}`;
}

/** What the run of `checkProgram(learner, …)` says about the learner's code. */
export function verdict(run: CheckRun, learner: string, solvedText: string, filename = '<stdin>'): Verdict {
  if (run.status !== 'done') {
    return {
      kind: 'limit',
      text: run.status === 'stopped'
        ? 'The check was stopped before it finished.'
        : `The simulator could not finish checking your code: ${run.message ?? 'it stopped'}`,
    };
  }
  const own = learnerLineCount(learner);
  const finished = run.stdout.endsWith(DONE_MARK + '\n');
  if (run.exitCode === 0 && finished) return { kind: 'solved', text: solvedText };
  const stderr = run.stderr;
  // the simulator's own messages (CPython has no such lines): limits and unsupported features
  const last = stderr.replace(/\n+$/, '').split('\n').pop() ?? '';
  const sim = /^(SimulatorLimit|NotSupported|SimulatorError): (.*)$/.exec(last);
  if (sim !== null) {
    const [, what, detail] = sim;
    if (what === 'SimulatorLimit') return { kind: 'limit', text: `The simulator stopped your code: ${detail}.`.replace(/\.\.$/, '.') };
    if (what === 'NotSupported') return { kind: 'limit', text: `The simulator cannot run this code: ${detail}.`.replace(/\.\.$/, '.') };
    return { kind: 'limit', text: `The simulator failed on this code (a bug in the lab, not in your code): ${detail}` };
  }
  const report = parseReport(stderr, filename);
  if (report === null) {
    if (run.exitCode === 0) {
      return {
        kind: 'check-error',
        text: 'Your code ended the program (with sys.exit() or exit()) before the checks could run. Remove that call and check again.',
      };
    }
    return { kind: 'check-error', text: `Not yet: the program ended with exit status ${run.exitCode} before the checks finished.` };
  }
  const ownLine = report.line >= 1 && report.line <= own;
  if (SYNTAX_ERRORS.has(report.type) && !report.traceback) {
    if (ownLine) {
      return {
        kind: 'syntax',
        line: report.line,
        text: `Your code has a syntax error on line ${report.line}: ${report.message || report.type}`,
      };
    }
    // Python read past the learner's last line: something there is still open
    return {
      kind: 'syntax',
      text: `Your code is not complete: Python kept reading past its last line (is a bracket, a quote or a block left open?). ${withMessage(report.type, report.message)}`,
    };
  }
  if (ownLine) {
    return {
      kind: 'error',
      line: report.line,
      text: `Your code raised ${report.type} on line ${report.line}${report.message === '' ? '.' : `: ${report.message}`}`,
    };
  }
  if (report.type === 'AssertionError') {
    return { kind: 'failed', text: report.message === '' ? 'Not yet: one of the checks failed.' : report.message };
  }
  return { kind: 'check-error', text: `Not yet: ${withMessage(report.type, report.message)}` };
}

// ---------------------------------------------------------------- predict

/** An answer as compared: line endings unified, each line's trailing spaces and the whole trimmed. */
export function normalizeAnswer(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .trim();
}

/** The part of a recorded stdout a predict exercise asks for: all of it, or line `line` (1-based). */
export function expectedAnswer(stdout: string, line?: number): string {
  if (line === undefined) return normalizeAnswer(stdout);
  const lines = stdout.replace(/\n$/, '').split('\n');
  return normalizeAnswer(lines[line - 1] ?? '');
}

export type PredictResult =
  | { ok: true }
  | { ok: false; text: string };

/** Compares a learner's prediction with CPython's answer. */
export function comparePrediction(given: string, expected: string, stdout: string, line?: number): PredictResult {
  const g = normalizeAnswer(given);
  if (g === '') return { ok: false, text: 'Type what you expect the program to print first.' };
  if (g === expected) return { ok: true };
  const squash = (s: string) => s.replace(/\s+/g, '');
  if (squash(g) === squash(expected)) {
    return { ok: false, text: 'Almost: the characters are right, but Python spaces them differently. Try again.' };
  }
  if (line !== undefined) {
    const others = stdout.replace(/\n$/, '').split('\n').map(normalizeAnswer);
    const k = others.findIndex((o, i) => i !== line - 1 && o === g);
    if (k >= 0) return { ok: false, text: `That is what line ${k + 1} of the output says; the question asks about line ${line}. Try again.` };
  }
  return { ok: false, text: 'Not what CPython prints. Think it through again, or reveal a hint.' };
}
