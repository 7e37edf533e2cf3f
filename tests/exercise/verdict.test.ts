/**
 * What an exercise's Check tells the learner (components/exercise/verdict.ts),
 * fed with real simulator runs of the program Check builds: the learner's
 * code, the hidden checks, the trace checks. The feedback texts are the
 * lab's own words; the exception lines inside them come from the engine.
 */
import { describe, expect, it } from 'vitest';
import { runProgram } from '../../src/engine/index.js';
import { withChecks as recorderJoin } from '../../src/lib/recordings.js';
import {
  checkProgram,
  comparePrediction,
  expectedAnswer,
  learnerLineCount,
  normalizeAnswer,
  verdict,
  withChecks,
  type CheckRun,
} from '../../components/exercise/verdict.js';

const SOLVED = 'Correct!';

/** Runs Check as the browser does (traced, so `_lab` exists) and returns the verdict. */
function check(learner: string, checks: string, traceChecks?: string, stepBudget?: number) {
  const r = runProgram(checkProgram(learner, checks, traceChecks), { trace: true, stepBudget });
  const run: CheckRun = { status: 'done', stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
  return verdict(run, learner, SOLVED);
}

describe('the program Check runs', () => {
  it('joins code and checks as the recorder does: each non-empty piece on a line of its own', () => {
    expect(recorderJoin).toBe(withChecks); // one function serves the recorder and the browser
    expect(withChecks('a = 1\n', 'assert a == 1\n')).toBe('a = 1\nassert a == 1\n');
    expect(withChecks('a = 1', 'assert a == 1')).toBe('a = 1\nassert a == 1');
    expect(withChecks('a = 1\n', 'assert a\n', 'import _lab\n')).toBe('a = 1\nassert a\nimport _lab\n');
    expect(withChecks('a = 1\n', '', undefined, '  \n', 'x = 2')).toBe('a = 1\nx = 2');
    expect(withChecks('', 'assert True')).toBe('\nassert True');
  });

  it('keeps the learner\'s line numbers: the checks start on the line after their last one', () => {
    const program = checkProgram('a = 1\nb = 2', 'assert a\n');
    expect(program.split('\n').slice(0, 3)).toEqual(['a = 1', 'b = 2', 'assert a']);
    expect(learnerLineCount('a = 1\nb = 2')).toBe(2);
    expect(learnerLineCount('a = 1\nb = 2\n')).toBe(2);
    expect(learnerLineCount('')).toBe(0);
  });
});

describe('verdicts', () => {
  it('solved: every check passed, trace checks included', () => {
    const v = check('class Node:\n    pass\nn = Node()\ndel n\n', "assert 'n' not in globals(), 'n is still bound'\n",
      "import _lab\nassert _lab.freed('Node') == ['refcount'], 'not freed by its count'\n");
    expect(v).toEqual({ kind: 'solved', text: SOLVED });
  });

  it('a failed assertion shows the message the author wrote', () => {
    const v = check('a = [1, 2]\nb = list(a)\n', 'assert b is a, "b refers to a copy of the list, not the list itself."\n');
    expect(v.kind).toBe('failed');
    expect(v.text).toBe('b refers to a copy of the list, not the list itself.');
  });

  it('a failed trace check shows its message', () => {
    const v = check('import gc\nclass Node:\n    pass\nn = Node()\nn.me = n\ndel n\ngc.collect()\n', 'pass\n',
      "import _lab\nassert _lab.freed('Node') == ['refcount'], 'The Node was freed by the collector, not by its count.'\n");
    expect(v).toEqual({ kind: 'failed', text: 'The Node was freed by the collector, not by its count.' });
  });

  it('an assertion without a message still says a check failed', () => {
    const v = check('a = 1\n', 'assert a == 2\n');
    expect(v.kind).toBe('failed');
    expect(v.text).toMatch(/checks failed/);
  });

  it('an exception in the learner\'s code names its type, line and message', () => {
    const r = runProgram('a = 1\nc = 2\nb\n');
    const v = check('a = 1\nc = 2\nb\n', 'assert a\n');
    expect(v.kind).toBe('error');
    expect(v.line).toBe(3);
    // the message is the engine's last traceback line, said about the learner's line
    const last = r.stderr.trim().split('\n').pop()!;
    expect(v.text).toBe(`Your code raised ${last.replace(/^(\w+): /, '$1 on line 3: ')}`);
  });

  it('an exception raised in a learner\'s function that a check calls is the learner\'s', () => {
    const v = check('def half(n):\n    return n // 0\n', 'assert half(4) == 2, "half(4) should be 2"\n');
    expect(v.kind).toBe('error');
    expect(v.line).toBe(2);
    expect(v.text).toMatch(/^Your code raised ZeroDivisionError on line 2: /);
  });

  it('an exception from a check (not an assertion) says "Not yet" with the exception', () => {
    const v = check('a = 1\n', 'assert b is a, "b should be a"\n');
    expect(v.kind).toBe('check-error');
    expect(v.text).toMatch(/^Not yet: NameError: name 'b' is not defined/);
  });

  it('a syntax error on a learner\'s line names the line', () => {
    const v = check('a = 1\nb = = 2\n', 'assert a\n');
    expect(v.kind).toBe('syntax');
    expect(v.line).toBe(2);
    expect(v.text).toMatch(/^Your code has a syntax error on line 2: /);
  });

  it('code left open (a block with no body) is reported as incomplete, not as an error in the checks', () => {
    const v = check('def f():\n', 'assert f\n');
    expect(v.kind).toBe('syntax');
    expect(v.line).toBeUndefined();
    expect(v.text).toMatch(/^Your code is not complete/);
    expect(v.text).toMatch(/IndentationError/);
  });

  it('an unclosed bracket points at the learner\'s line', () => {
    const v = check('a = [1, 2\n', 'assert a\n');
    expect(v.kind).toBe('syntax');
    expect(v.line).toBe(1);
  });

  it('sys.exit() in the learner\'s code does not pass the checks it skipped', () => {
    const v = check('import sys\nsys.exit()\n', 'assert False, "never reached"\n');
    expect(v.kind).toBe('check-error');
    expect(v.text).toMatch(/sys\.exit\(\)/);
  });

  it('the step budget: the simulator says it stopped the code', () => {
    const v = check('while True:\n    pass\n', 'assert True\n', undefined, 10_000);
    expect(v.kind).toBe('limit');
    expect(v.text).toMatch(/^The simulator stopped your code: .*steps/);
  });

  it('a run that was stopped or timed out is not the learner\'s fault', () => {
    expect(verdict({ status: 'stopped', stdout: '', stderr: '', exitCode: 1, message: 'Stopped.' }, 'a', SOLVED).kind).toBe('limit');
    const t = verdict({ status: 'timeout', stdout: '', stderr: '', exitCode: 1, message: 'Stopped: the program ran for more than 20 seconds.' }, 'a', SOLVED);
    expect(t.kind).toBe('limit');
    expect(t.text).toMatch(/20 seconds/);
  });
});

describe('predict answers', () => {
  it('compare whitespace-trimmed, line by line', () => {
    expect(normalizeAnswer('  [1, 2]  \r\n')).toBe('[1, 2]');
    expect(normalizeAnswer('a  \nb\n\n')).toBe('a\nb');
    expect(comparePrediction(' 3 ', '3', '3\n')).toEqual({ ok: true });
    expect(comparePrediction('a\nb   \n', 'a\nb', 'a\nb\n')).toEqual({ ok: true });
  });

  it('take one line of the output when asked', () => {
    expect(expectedAnswer('one\ntwo\nthree\n', 2)).toBe('two');
    expect(expectedAnswer('one\ntwo\n')).toBe('one\ntwo');
  });

  it('reject a wrong answer and an empty one', () => {
    expect(comparePrediction('2', '3', '3\n').ok).toBe(false);
    const empty = comparePrediction('   ', '3', '3\n');
    expect(empty.ok).toBe(false);
  });

  it('say when only the spacing differs', () => {
    const r = comparePrediction('[1,2]', '[1, 2]', '[1, 2]\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.text).toMatch(/spac/);
  });

  it('say when the answer is another line of the output', () => {
    const r = comparePrediction('freed', 'one', 'freed\none\ntwo\n', 2);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.text).toMatch(/line 1/);
  });
});
