/**
 * A chapter quiz, as data: the questions an author writes in MDX, their
 * validation (at build time, failing the build with a message that names the
 * question), the answer key the browser grades with, and the grading itself.
 *
 * Pure TypeScript with no imports: Quiz.astro uses it at build time (with
 * CPython's recordings, src/lib/recordings.ts), the <pml-quiz> element
 * (quiz/element.ts) in the browser, and tests/site/quiz.test.ts in Node.
 *
 * Question kinds (notes/CHAPTERS-CONTRACT.md, "Quiz"):
 *   single    one right choice: `answer` is its index
 *   multiple  several right choices: `answer` is the array of their indexes;
 *             the learner must choose exactly those
 *   print     "what does this print?" about `code`. No `answer`: the right
 *             answer is what CPython 3.12 printed, from the recording. With
 *             `choices`, exactly one choice must equal it; without, the
 *             learner types the output.
 * Prompts, choices and explanations are plain text where `backticks` mark
 * inline code; `{{output}}` in a print question's explanation is replaced by
 * the recorded output, so no explanation states an output by hand.
 */

/** A question as written in a chapter's `<Quiz questions={[…]} />`. */
export type QuestionSpec = SingleSpec | MultipleSpec | PrintSpec;

export interface SingleSpec {
  kind: 'single';
  prompt: string;
  choices: string[];
  /** index into `choices` */
  answer: number;
  explain: string;
}

export interface MultipleSpec {
  kind: 'multiple';
  prompt: string;
  choices: string[];
  /** indexes into `choices`: all of them, and only them, make a right answer */
  answer: number[];
  explain: string;
}

export interface PrintSpec {
  kind: 'print';
  prompt: string;
  /** the Python program the question is about (recorded by `npm run chapters:record`) */
  code: string;
  /** candidate outputs; without them the learner types the output */
  choices?: string[];
  explain: string;
}

/** What CPython printed when it ran a program (a recording, src/lib/recordings.ts). */
export interface RunOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/**
 * How the browser grades one question. It is in the page (a learner can
 * read it in the source, as in any static quiz); it holds no prose.
 */
export type AnswerKey =
  /** radio buttons: the index of the right choice */
  | { mode: 'one'; answer: number }
  /** checkboxes: the indexes of the right choices, ascending */
  | { mode: 'many'; answer: number[] }
  /** a text box: the expected output, normalized (see normalizeOutput) */
  | { mode: 'text'; expected: string };

/** A learner's answer to one question. */
export type Response = { selected: number[] } | { text: string };

/** A validated question, ready to render. */
export interface ResolvedQuestion {
  kind: QuestionSpec['kind'];
  prompt: string;
  choices: string[];
  /** print questions only */
  code?: string;
  /** print questions only: what CPython printed, as the learner is asked to give it */
  output?: string;
  explain: string;
  key: AnswerKey;
}

/** A piece of inline text: plain text, or code (from `backticks` or `{{output}}`). */
export interface Inline {
  code: boolean;
  text: string;
}

/** A quiz the author wrote wrongly. The message lists every problem found. */
export class QuizError extends Error {
  constructor(
    readonly where: string,
    readonly problems: string[],
  ) {
    super(`${where} is not a valid quiz:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'QuizError';
  }
}

const KINDS = ['single', 'multiple', 'print'] as const;
const FIELDS: Record<QuestionSpec['kind'], { required: string[]; optional: string[] }> = {
  single: { required: ['kind', 'prompt', 'choices', 'answer', 'explain'], optional: [] },
  multiple: { required: ['kind', 'prompt', 'choices', 'answer', 'explain'], optional: [] },
  print: { required: ['kind', 'prompt', 'code', 'explain'], optional: ['choices'] },
};
export const OUTPUT_PLACEHOLDER = '{{output}}';
const ID_PATTERN = /^[A-Za-z0-9_-]+$/;

/**
 * Output as a learner would write it: line endings as `\n`, no trailing
 * spaces on a line, no blank lines or spaces around the whole. Answers are
 * compared after this, so "True\n" and " True " both match "True".
 */
export function normalizeOutput(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}

/**
 * The right answer to "what does this print?": the program's stdout, or,
 * when it raised, the last line of the traceback (`NameError: name 'x' is
 * not defined`). A program that prints and then raises has no one-line
 * answer: resolveQuiz refuses it (see `printsThenRaises`).
 */
export function expectedOutput(run: RunOutput): string {
  if (run.exitCode === 0) return normalizeOutput(run.stdout);
  const lines = normalizeOutput(run.stderr).split('\n');
  return lines[lines.length - 1] ?? '';
}

/** A run that printed something and then raised: its right answer would hide the output. */
export function printsThenRaises(run: RunOutput): boolean {
  return run.exitCode !== 0 && normalizeOutput(run.stdout) !== '';
}

/** Splits text at `backticks` into plain and code pieces (text is never HTML). */
export function inlineSegments(text: string): Inline[] {
  return text
    .split('`')
    .map((part, i) => ({ code: i % 2 === 1, text: part }))
    .filter((s) => s.text !== '');
}

/**
 * An explanation's pieces with `{{output}}` replaced by the recorded output
 * (as code; inside backticks it just becomes part of that code).
 */
export function explainSegments(explain: string, output: string | undefined): Inline[] {
  const out: Inline[] = [];
  for (const seg of inlineSegments(explain)) {
    if (output === undefined || !seg.text.includes(OUTPUT_PLACEHOLDER)) {
      out.push(seg);
    } else if (seg.code) {
      out.push({ code: true, text: seg.text.split(OUTPUT_PLACEHOLDER).join(output) });
    } else {
      seg.text.split(OUTPUT_PLACEHOLDER).forEach((plain, i) => {
        if (i > 0) out.push({ code: true, text: output });
        if (plain !== '') out.push({ code: false, text: plain });
      });
    }
  }
  return out;
}

function describe(x: unknown): string {
  if (typeof x === 'string') return JSON.stringify(x.length > 40 ? `${x.slice(0, 40)}…` : x);
  if (Array.isArray(x)) return `[${x.map(describe).join(', ')}]`;
  if (typeof x === 'object' && x !== null) return 'an object';
  return String(x);
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isIndex(x: unknown, n: number): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= 0 && x < n;
}

/** Problems with one piece of inline text (an odd number of backticks leaves code unclosed). */
function textProblems(label: string, text: unknown): string[] {
  if (typeof text !== 'string' || text.trim() === '') return [`${label} must be a non-empty string (got ${describe(text)})`];
  if ((text.match(/`/g) ?? []).length % 2 === 1) return [`${label} has an unclosed \` (inline code is written \`like this\`)`];
  return [];
}

function choicesProblems(label: string, choices: unknown, print: boolean): string[] {
  if (!Array.isArray(choices)) return [`${label} must be an array of at least 2 strings (got ${describe(choices)})`];
  if (choices.length < 2) return [`${label} needs at least 2 choices (got ${choices.length})`];
  const problems: string[] = [];
  choices.forEach((c, i) => {
    // a print question's choices are outputs, shown as they are (no inline-code markup)
    if (print) {
      if (typeof c !== 'string' || c.trim() === '') problems.push(`${label}[${i}] must be a non-empty string (got ${describe(c)})`);
    } else {
      problems.push(...textProblems(`${label}[${i}]`, c));
    }
  });
  const seen = new Map<string, number>();
  choices.forEach((c, i) => {
    if (typeof c !== 'string') return;
    const k = print ? normalizeOutput(c) : c.trim();
    if (seen.has(k)) problems.push(`${label}[${seen.get(k)}] and ${label}[${i}] are the same choice`);
    else seen.set(k, i);
  });
  return problems;
}

/**
 * Validates a quiz and resolves its answers. `where` names it in messages
 * (e.g. `<Quiz id="quiz"> in /chapters/reference-counting/`); `record`
 * returns CPython's run of a print question's code (and throws when there
 * is none). Throws a QuizError listing every problem, or returns one
 * ResolvedQuestion per question.
 */
export function resolveQuiz(
  id: unknown,
  questions: unknown,
  where: string,
  record: (code: string, question: number) => RunOutput,
): ResolvedQuestion[] {
  const problems: string[] = [];
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
    problems.push(`give it an id (letters, digits, - and _), unique on the page, e.g. id="quiz" (got ${describe(id)})`);
  }
  if (!Array.isArray(questions) || questions.length === 0) {
    problems.push(`questions must be a non-empty array of questions (got ${describe(questions)})`);
    throw new QuizError(where, problems);
  }
  const out: ResolvedQuestion[] = [];
  questions.forEach((q: unknown, i: number) => {
    const n = `question ${i + 1}`;
    if (!isRecord(q)) {
      problems.push(`${n} must be an object like { kind: 'single', prompt, choices, answer, explain } (got ${describe(q)})`);
      return;
    }
    const kind = q.kind;
    if (!KINDS.includes(kind as QuestionSpec['kind'])) {
      problems.push(`${n}: kind must be one of ${KINDS.map((k) => `'${k}'`).join(', ')} (got ${describe(kind)})`);
      return;
    }
    const k = kind as QuestionSpec['kind'];
    const mine: string[] = [];
    const fields = FIELDS[k];
    for (const f of fields.required) if (!(f in q)) mine.push(`${n} (${k}) has no ${f}`);
    for (const f of Object.keys(q)) {
      if (!fields.required.includes(f) && !fields.optional.includes(f)) {
        mine.push(
          f === 'answer' && k === 'print'
            ? `${n} (print) must not have an answer: the right answer is what CPython printed (from the recording)`
            : `${n} (${k}) has an unknown field "${f}" (allowed: ${[...fields.required, ...fields.optional].join(', ')})`,
        );
      }
    }
    if ('prompt' in q) mine.push(...textProblems(`${n} prompt`, q.prompt));
    if ('explain' in q) mine.push(...textProblems(`${n} explain`, q.explain));
    if (k !== 'print' && typeof q.explain === 'string' && q.explain.includes(OUTPUT_PLACEHOLDER)) {
      mine.push(`${n} (${k}): ${OUTPUT_PLACEHOLDER} is only for print questions (it is replaced by the recorded output of their code)`);
    }
    const hasChoices = 'choices' in q;
    if (hasChoices) mine.push(...choicesProblems(`${n} choices`, q.choices, k === 'print'));
    const nChoices = Array.isArray(q.choices) ? q.choices.length : 0;
    if (k === 'single' && 'answer' in q && !isIndex(q.answer, nChoices)) {
      mine.push(`${n} (single): answer must be the index of the right choice, 0 to ${Math.max(nChoices - 1, 0)} (got ${describe(q.answer)})`);
    }
    if (k === 'multiple' && 'answer' in q) {
      const a = q.answer;
      if (!Array.isArray(a) || a.length === 0 || !a.every((x) => isIndex(x, nChoices)) || new Set(a).size !== a.length) {
        mine.push(`${n} (multiple): answer must be a non-empty array of distinct choice indexes, each 0 to ${Math.max(nChoices - 1, 0)} (got ${describe(a)})`);
      }
    }
    if (k === 'print' && 'code' in q && (typeof q.code !== 'string' || q.code.trim() === '')) {
      mine.push(`${n} (print): code must be a non-empty string of Python (got ${describe(q.code)})`);
    }
    if (mine.length > 0) {
      problems.push(...mine);
      return;
    }

    const prompt = q.prompt as string;
    const explain = q.explain as string;
    const choices = hasChoices ? (q.choices as string[]) : [];
    if (k === 'single') {
      out.push({ kind: k, prompt, choices, explain, key: { mode: 'one', answer: q.answer as number } });
    } else if (k === 'multiple') {
      const answer = [...(q.answer as number[])].sort((a, b) => a - b);
      out.push({ kind: k, prompt, choices, explain, key: { mode: 'many', answer } });
    } else {
      const code = q.code as string;
      let run: RunOutput;
      try {
        run = record(code, i);
      } catch (e) {
        problems.push(`${n} (print): ${e instanceof Error ? e.message : String(e)}`);
        return;
      }
      if (printsThenRaises(run)) {
        problems.push(`${n} (print): in CPython 3.12 the program prints ${JSON.stringify(normalizeOutput(run.stdout))} and then raises, so "what does it print?" has no one answer; make it only print or only raise`);
        return;
      }
      const output = expectedOutput(run);
      if (!hasChoices) {
        if (output === '') {
          problems.push(`${n} (print): the program prints nothing in CPython 3.12, so there is nothing to type; give it choices or change the code`);
          return;
        }
        out.push({ kind: k, prompt, choices, code, output, explain, key: { mode: 'text', expected: output } });
        return;
      }
      const matches = choices.flatMap((c, j) => (normalizeOutput(c) === output ? [j] : []));
      if (matches.length !== 1) {
        problems.push(
          `${n} (print): exactly one choice must be what CPython 3.12 prints, ${JSON.stringify(output)}; ` +
            (matches.length === 0 ? `none of ${describe(choices)} is` : `choices ${matches.join(' and ')} both are`),
        );
        return;
      }
      out.push({ kind: k, prompt, choices, code, output, explain, key: { mode: 'one', answer: matches[0] } });
    }
  });
  if (problems.length > 0) throw new QuizError(where, problems);
  return out;
}

/** Whether one response is right. An unanswered question is wrong. */
export function gradeQuestion(key: AnswerKey, response: Response): boolean {
  if (key.mode === 'text') {
    return 'text' in response && normalizeOutput(response.text) === key.expected;
  }
  if (!('selected' in response)) return false;
  const chosen = [...new Set(response.selected)].sort((a, b) => a - b);
  const right = key.mode === 'one' ? [key.answer] : key.answer;
  return chosen.length === right.length && chosen.every((c, i) => c === right[i]);
}

export interface QuizGrade {
  /** per question, in order */
  right: boolean[];
  score: number;
  total: number;
}

/** Grades a whole quiz; a missing response counts as a wrong answer. */
export function gradeQuiz(keys: AnswerKey[], responses: (Response | undefined)[]): QuizGrade {
  const right = keys.map((key, i) => {
    const r = responses[i];
    return r !== undefined && gradeQuestion(key, r);
  });
  return { right, score: right.filter(Boolean).length, total: keys.length };
}

/** "Score: 6 / 8" */
export function scoreText(g: { score: number; total: number }): string {
  return `Score: ${g.score} / ${g.total}`;
}

/**
 * The result to keep as the learner's best: the higher score of the same
 * quiz. When the quiz has changed (another number of questions), the old
 * result was for a different quiz and the new one replaces it.
 */
export function bestResult(
  previous: { score: number; total: number } | null,
  latest: { score: number; total: number },
): { score: number; total: number } {
  if (previous && previous.total === latest.total && previous.score >= latest.score) return previous;
  return { score: latest.score, total: latest.total };
}
