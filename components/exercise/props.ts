/**
 * The props of `<Exercise>` (notes/CHAPTERS-CONTRACT.md, "Exercises"),
 * checked at build time: a malformed exercise fails the build with a message
 * naming the page and the exercise, never a half-working exercise on the site.
 *
 *   kind="code" (default): starter, solution, checks, wrong (≥ 1); optional
 *     traceChecks (Python using `_lab`), hints, explain
 *   kind="predict": code; optional line (1-based stdout line), wrong, hints, explain
 */

export interface ExerciseProps {
  id?: unknown;
  title?: unknown;
  kind?: unknown;
  starter?: unknown;
  solution?: unknown;
  checks?: unknown;
  traceChecks?: unknown;
  wrong?: unknown;
  hints?: unknown;
  code?: unknown;
  line?: unknown;
  explain?: unknown;
}

interface Common {
  id: string;
  title: string;
  hints: string[];
  /** what the learner has learned, shown once the exercise is solved ('' for none) */
  explain: string;
}

export interface CodeExercise extends Common {
  kind: 'code';
  starter: string;
  solution: string;
  checks: string;
  traceChecks: string;
  wrong: string[];
}

export interface PredictExercise extends Common {
  kind: 'predict';
  code: string;
  line: number | undefined;
  wrong: string[];
}

export type Exercise = CodeExercise | PredictExercise;

const ID = /^[A-Za-z0-9_-]+$/;

const CODE_PROPS = new Set(['id', 'title', 'kind', 'starter', 'solution', 'checks', 'traceChecks', 'wrong', 'hints', 'explain']);
const PREDICT_PROPS = new Set(['id', 'title', 'kind', 'code', 'line', 'wrong', 'hints', 'explain']);

/** Validates the props; `where` names the page for messages. Throws (failing the build) on a problem. */
export function resolveExercise(props: ExerciseProps & Record<string, unknown>, where: string): Exercise {
  const { id } = props;
  if (typeof id !== 'string' || !ID.test(id)) {
    throw new Error(`<Exercise> in ${where}: give it an id (letters, digits, - and _), unique on the page, e.g. id="ex-alias".`);
  }
  const at = `<Exercise id="${id}"> in ${where}`;
  const kind = props.kind ?? 'code';
  if (kind !== 'code' && kind !== 'predict') {
    throw new Error(`${at}: kind must be "code" or "predict", not ${JSON.stringify(kind)}.`);
  }
  const known = kind === 'code' ? CODE_PROPS : PREDICT_PROPS;
  for (const name of Object.keys(props)) {
    if (!known.has(name)) {
      throw new Error(`${at}: unknown prop "${name}" for kind="${kind}" (allowed: ${[...known].join(', ')}).`);
    }
  }
  const text = (name: string, required: boolean): string => {
    const v = props[name];
    if (v === undefined && !required) return '';
    if (typeof v !== 'string' || (required && v.trim() === '')) {
      throw new Error(`${at}: the ${name} prop must be a non-empty string${kind === 'code' && required ? ' (a code exercise needs starter, solution, checks and wrong)' : ''}.`);
    }
    return v;
  };
  const strings = (name: string, required: boolean): string[] => {
    const v = props[name];
    if (v === undefined && !required) return [];
    if (!Array.isArray(v) || v.some((s) => typeof s !== 'string' || s.trim() === '') || (required && v.length === 0)) {
      throw new Error(`${at}: ${name} must be ${required ? 'a non-empty' : 'an'} array of non-empty strings, e.g. ${name}={[\`…\`]}.`);
    }
    return v as string[];
  };
  const title = text('title', false);
  const hints = strings('hints', false);
  const explain = text('explain', false);
  if (kind === 'code') {
    const ex: CodeExercise = {
      kind, id, title, hints, explain,
      starter: text('starter', true),
      solution: text('solution', true),
      checks: text('checks', true),
      traceChecks: text('traceChecks', false),
      wrong: strings('wrong', true),
    };
    if (ex.solution === ex.starter) throw new Error(`${at}: the solution is the same as the starter code.`);
    return ex;
  }
  const code = text('code', true);
  let line: number | undefined;
  if (props.line !== undefined) {
    if (typeof props.line !== 'number' || !Number.isInteger(props.line) || props.line < 1) {
      throw new Error(`${at}: line must be a whole number ≥ 1 (a line of the program's output), e.g. line={1}.`);
    }
    line = props.line;
  }
  return { kind, id, title, hints, explain, code, line, wrong: strings('wrong', false) };
}

/**
 * Exercise ids already used on the page being rendered, per render (Astro
 * gives every page render its own `locals` object, shared by all its
 * components). A repeated id would share saved code and progress.
 */
const usedIds = new WeakMap<object, Set<string>>();

export function claimId(locals: object, id: string, where: string): void {
  let ids = usedIds.get(locals);
  if (ids === undefined) {
    ids = new Set();
    usedIds.set(locals, ids);
  }
  if (ids.has(id)) {
    throw new Error(`<Exercise id="${id}"> in ${where}: another exercise on this page has the same id; each needs its own (it names the learner's saved code and progress).`);
  }
  ids.add(id);
}

/** Text with `inline code` in backticks, split for rendering (no other markup). */
export interface Inline {
  text: string;
  code: boolean;
}

export function inlineCode(text: string): Inline[] {
  const out: Inline[] = [];
  const parts = text.split('`');
  // an unmatched backtick is shown as written
  if (parts.length % 2 === 0) return [{ text, code: false }];
  parts.forEach((p, i) => {
    if (p !== '') out.push({ text: p, code: i % 2 === 1 });
  });
  return out;
}
