// The quiz's pure half (components/quiz/grade.ts): validation of what an
// author writes, resolution of "what does this print" answers from CPython's
// recordings, grading, and the best-score rule. The program runs below are
// synthetic stand-ins (their "code" is not Python) — they test the plumbing,
// not CPython; the chapters' real quizzes are resolved against their real
// recordings at the end.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  QuizError,
  bestResult,
  expectedOutput,
  explainSegments,
  gradeQuestion,
  gradeQuiz,
  inlineSegments,
  normalizeOutput,
  resolveQuiz,
  scoreText,
  type RunOutput,
} from '../../components/quiz/grade';
import { CHAPTERS_DIR, recordedRun, scanChapter } from '../../src/lib/recordings';
import { chapterSlug } from '../../src/lib/slug';

const WHERE = '<Quiz id="quiz"> in /chapters/test/';

/** A stand-in recorder: the "program" text names its canned run. */
const RUNS: Record<string, RunOutput> = {
  'prints alpha': { stdout: 'alpha\n', stderr: '', exitCode: 0 },
  'prints two lines': { stdout: 'one  \r\ntwo\n\n', stderr: '', exitCode: 0 },
  'prints nothing': { stdout: '', stderr: '', exitCode: 0 },
  'raises': { stdout: '', stderr: 'Traceback (most recent call last):\n  File "<stdin>", line 1, in <module>\nBoomError: it broke\n', exitCode: 1 },
  'prints then raises': { stdout: 'before\n', stderr: 'Traceback (most recent call last):\nBoomError: it broke\n', exitCode: 1 },
};
function record(code: string): RunOutput {
  const run = RUNS[code];
  if (!run) throw new Error(`has no CPython recording of its current code. Run: npm run chapters:record`);
  return run;
}

const single = { kind: 'single', prompt: 'Pick `b`', choices: ['a', '`b`', 'c'], answer: 1, explain: 'Because.' };
const multiple = { kind: 'multiple', prompt: 'Pick two', choices: ['a', 'b', 'c', 'd'], answer: [3, 0], explain: 'Both.' };
const printChoices = { kind: 'print', prompt: 'What does this print?', code: 'prints alpha', choices: ['beta', ' alpha\n'], explain: 'It prints {{output}}.' };
const printText = { kind: 'print', prompt: 'What does this print?', code: 'prints two lines', explain: 'Output: {{output}}' };

function problemsOf(questions: unknown, id: unknown = 'quiz'): string[] {
  try {
    resolveQuiz(id, questions, WHERE, record);
  } catch (e) {
    if (e instanceof QuizError) return e.problems;
    throw e;
  }
  return [];
}

describe('quiz: resolving what the author wrote', () => {
  it('turns each kind into an answer key', () => {
    const qs = resolveQuiz('quiz', [single, multiple, printChoices, printText], WHERE, record);
    expect(qs.map((q) => q.key)).toEqual([
      { mode: 'one', answer: 1 },
      { mode: 'many', answer: [0, 3] },
      { mode: 'one', answer: 1 },
      { mode: 'text', expected: 'one\ntwo' },
    ]);
    expect(qs[2].output).toBe('alpha');
    expect(qs[3].output).toBe('one\ntwo');
  });

  it('takes the right answer of a program that raises from the traceback’s last line', () => {
    const [q] = resolveQuiz('quiz', [{ ...printChoices, code: 'raises', choices: ['alpha', 'BoomError: it broke'] }], WHERE, record);
    expect(q.key).toEqual({ mode: 'one', answer: 1 });
    expect(expectedOutput(RUNS.raises)).toBe('BoomError: it broke');
  });

  it('refuses a program that prints and then raises (no one answer)', () => {
    expect(problemsOf([{ ...printText, code: 'prints then raises' }]).join('\n')).toMatch(/prints "before" and then raises/);
  });

  it('fails when no choice, or more than one, is what CPython printed', () => {
    expect(problemsOf([{ ...printChoices, choices: ['beta', 'gamma'] }]).join('\n')).toMatch(/question 1 \(print\): exactly one choice must be what CPython 3\.12 prints, "alpha"; none of/);
    expect(problemsOf([{ ...printChoices, choices: ['alpha', 'beta', 'alpha '] }]).join('\n')).toMatch(/are the same choice/);
  });

  it('fails, naming the question, when a print question has no recording', () => {
    const problems = problemsOf([single, { ...printText, code: 'never recorded' }]);
    expect(problems).toEqual(['question 2 (print): has no CPython recording of its current code. Run: npm run chapters:record']);
  });

  it('refuses a typed answer to a program that prints nothing', () => {
    expect(problemsOf([{ ...printText, code: 'prints nothing' }]).join('\n')).toMatch(/prints nothing/);
  });

  it('reports every malformed question with a clear message', () => {
    const problems = problemsOf([
      { ...single, answer: 3 },
      { ...single, choices: ['only one'], answer: 0 },
      { ...multiple, answer: [1, 1] },
      { ...multiple, answer: [] },
      { kind: 'essay', prompt: 'Why?' },
      { ...printChoices, answer: 0 },
      { ...single, explain: '' },
      { ...single, prompt: 'unclosed `code' },
      { ...single, explanation: 'typo' },
      { ...single, explain: 'It prints {{output}}' },
      'not a question',
      { kind: 'single', prompt: 'p', choices: ['a', 'b'], explain: 'e' },
    ]);
    expect(problems).toEqual([
      'question 1 (single): answer must be the index of the right choice, 0 to 2 (got 3)',
      'question 2 choices needs at least 2 choices (got 1)',
      'question 3 (multiple): answer must be a non-empty array of distinct choice indexes, each 0 to 3 (got [1, 1])',
      'question 4 (multiple): answer must be a non-empty array of distinct choice indexes, each 0 to 3 (got [])',
      "question 5: kind must be one of 'single', 'multiple', 'print' (got \"essay\")",
      'question 6 (print) must not have an answer: the right answer is what CPython printed (from the recording)',
      'question 7 explain must be a non-empty string (got "")',
      'question 8 prompt has an unclosed ` (inline code is written `like this`)',
      'question 9 (single) has an unknown field "explanation" (allowed: kind, prompt, choices, answer, explain)',
      'question 10 (single): {{output}} is only for print questions (it is replaced by the recorded output of their code)',
      'question 11 must be an object like { kind: \'single\', prompt, choices, answer, explain } (got "not a question")',
      'question 12 (single) has no answer',
    ]);
  });

  it('needs an id and a non-empty list of questions', () => {
    expect(problemsOf([single], '')).toEqual(['give it an id (letters, digits, - and _), unique on the page, e.g. id="quiz" (got "")']);
    expect(problemsOf([single], 'my quiz')).toHaveLength(1);
    expect(problemsOf([], 'quiz')).toEqual(['questions must be a non-empty array of questions (got [])']);
    expect(() => resolveQuiz('quiz', [], WHERE, record)).toThrow(/<Quiz id="quiz"> in \/chapters\/test\/ is not a valid quiz/);
  });
});

describe('quiz: text', () => {
  it('splits inline code at backticks and never produces markup', () => {
    expect(inlineSegments('Does `y = x` copy <b>the</b> list?')).toEqual([
      { code: false, text: 'Does ' },
      { code: true, text: 'y = x' },
      { code: false, text: ' copy <b>the</b> list?' },
    ]);
  });

  it('puts the recorded output where an explanation says {{output}}', () => {
    expect(explainSegments('It prints {{output}}, not `{{output}}!`.', 'True')).toEqual([
      { code: false, text: 'It prints ' },
      { code: true, text: 'True' },
      { code: false, text: ', not ' },
      { code: true, text: 'True!' },
      { code: false, text: '.' },
    ]);
  });

  it('normalizes outputs the way a learner types them', () => {
    expect(normalizeOutput('\n  a  \r\nb\t\n\n')).toBe('a\nb');
  });
});

describe('quiz: grading', () => {
  const keys = resolveQuiz('quiz', [single, multiple, printChoices, printText], WHERE, record).map((q) => q.key);

  it('grades each kind', () => {
    expect(gradeQuestion(keys[0], { selected: [1] })).toBe(true);
    expect(gradeQuestion(keys[0], { selected: [0] })).toBe(false);
    expect(gradeQuestion(keys[1], { selected: [3, 0] })).toBe(true);
    expect(gradeQuestion(keys[1], { selected: [0] })).toBe(false);
    expect(gradeQuestion(keys[1], { selected: [0, 2, 3] })).toBe(false);
    expect(gradeQuestion(keys[3], { text: '  one\ntwo  \n' })).toBe(true);
    expect(gradeQuestion(keys[3], { text: 'one two' })).toBe(false);
    expect(gradeQuestion(keys[3], { selected: [0] })).toBe(false);
  });

  it('scores a quiz, counting unanswered questions as wrong', () => {
    const g = gradeQuiz(keys, [{ selected: [1] }, undefined, { selected: [1] }, { text: 'nope' }]);
    expect(g).toEqual({ right: [true, false, true, false], score: 2, total: 4 });
    expect(scoreText(g)).toBe('Score: 2 / 4');
  });

  it('keeps the best score of the same quiz; a changed quiz starts again', () => {
    expect(bestResult(null, { score: 2, total: 8 })).toEqual({ score: 2, total: 8 });
    expect(bestResult({ score: 6, total: 8 }, { score: 3, total: 8 })).toEqual({ score: 6, total: 8 });
    expect(bestResult({ score: 6, total: 8 }, { score: 7, total: 8 })).toEqual({ score: 7, total: 8 });
    expect(bestResult({ score: 6, total: 8 }, { score: 2, total: 9 })).toEqual({ score: 2, total: 9 });
  });
});

describe('quiz: the chapters’ quizzes resolve against their CPython recordings', () => {
  const files = readdirSync(CHAPTERS_DIR).filter((f) => f.endsWith('.mdx'));
  const quizzes = files.flatMap((file) => {
    const slug = chapterSlug(file);
    return scanChapter(readFileSync(join(CHAPTERS_DIR, file), 'utf8'))
      .filter((t) => t.name === 'Quiz')
      .map((t) => ({ file, slug, tag: t }));
  });
  it.skipIf(quizzes.length === 0)('every quiz is valid and every print question has exactly one right answer', () => {
    for (const { file, slug, tag } of quizzes) {
      const id = tag.props.id;
      const qs = resolveQuiz(id, tag.props.questions, `<Quiz> in ${file}:${tag.line}`, (code, k) =>
        recordedRun(slug, code, `Quiz ${String(id)} question ${k + 1}`),
      );
      expect(qs.length, `${file}: a chapter quiz has at least 8 questions`).toBeGreaterThanOrEqual(8);
    }
  });
});
