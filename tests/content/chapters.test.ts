/**
 * Every chapter against real CPython: each program a chapter contains has a
 * recording from CPython 3.12 (content/recorded/, made by
 * `npm run chapters:record`), the simulator prints exactly what CPython
 * printed, quiz answers and predict answers resolve from the recordings,
 * exercises' reference solutions pass and their starters and wrong answers
 * fail, claims point at a proof in their own section — and each chapter has
 * what the course promises (examples, exercises, a quiz).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runProgram } from '../../src/engine/index.js';
import { scanComponents, type ScannedTag } from '../../src/lib/mdxscan.js';
import {
  CHAPTERS_DIR,
  chapterPrograms,
  programKey,
  readRecordings,
  scanChapter,
  withChecks,
  type Recording,
} from '../../src/lib/recordings.js';
import { chapterSlug } from '../../src/lib/slug.js';

const STEP_BUDGET = 10_000_000;

const files = readdirSync(CHAPTERS_DIR)
  .filter((f) => f.endsWith('.mdx'))
  .sort();

function frontmatterDraft(source: string): boolean {
  const fm = /^---\n([\s\S]*?)\n---/.exec(source);
  return fm !== null && /^draft:\s*true\s*$/m.test(fm[1]);
}

/** What a learner is asked to reproduce for a program: its stdout, or the exception line when it raised. */
function expectedText(rec: Recording): string {
  if (rec.exitCode !== 0) {
    const lines = rec.stderr.trimEnd().split('\n');
    return lines[lines.length - 1];
  }
  return rec.stdout.trim();
}

function run(code: string, trace = false) {
  return runProgram(code, { stepBudget: STEP_BUDGET, trace });
}

for (const file of files) {
  const source = readFileSync(join(CHAPTERS_DIR, file), 'utf8');
  const slug = chapterSlug(file);
  const tags = scanChapter(source);
  const byName = (name: string): ScannedTag[] => tags.filter((t) => t.name === name);
  const playgrounds = byName('Playground');
  const exercises = byName('Exercise');
  const quizzes = byName('Quiz');
  const recordings = readRecordings(slug);
  const recorded = (code: string): Recording | undefined => {
    const r = recordings?.programs[programKey(code)];
    return r && r.code === code ? r : undefined;
  };

  describe(`chapter ${file}`, () => {
    it('has a CPython recording of every program it contains (npm run chapters:record)', () => {
      const missing = chapterPrograms(source)
        .filter((p) => !recorded(p.code))
        .map((p) => `${p.where} (line ${p.line})`);
      expect(missing).toEqual([]);
    });

    describe('the simulator prints what CPython 3.12 printed', () => {
      for (const p of chapterPrograms(source)) {
        it(`${p.where} (line ${p.line})`, () => {
          const rec = recorded(p.code);
          if (!rec) throw new Error('no recording: run npm run chapters:record');
          const r = run(p.code);
          expect({ stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }).toEqual({
            stdout: rec.stdout,
            stderr: rec.stderr,
            exitCode: rec.exitCode,
          });
        });
      }
    });

    it('gives every Playground and Exercise an id unique on the page', () => {
      const ids = [...playgrounds, ...exercises].map((t) => String(t.props.id));
      expect(ids.filter((id, k) => ids.indexOf(id) !== k)).toEqual([]);
      for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    });

    if (!frontmatterDraft(source) && /^order:\s*[0-2]\s*$/m.test(source)) {
      it('has what every chapter promises: 5+ examples, 3+ exercises (code and predict), a quiz of 8+ questions', () => {
        expect(playgrounds.length).toBeGreaterThanOrEqual(5);
        expect(exercises.length).toBeGreaterThanOrEqual(3);
        expect(exercises.some((e) => e.props.kind === 'predict')).toBe(true);
        expect(exercises.some((e) => (e.props.kind ?? 'code') === 'code')).toBe(true);
        expect(quizzes).toHaveLength(1);
        expect((quizzes[0].props.questions as unknown[]).length).toBeGreaterThanOrEqual(8);
      });
    }

    it('follows each misconception callout with a runnable demonstration in the same section', () => {
      const scanned = scanComponents(source, ['Callout', 'Playground']);
      for (const callout of scanned.filter((t) => t.name === 'Callout' && t.props.kind === 'misconception')) {
        const demo = scanned.find((t) => t.name === 'Playground' && t.line >= callout.line);
        expect(demo, `the misconception callout at line ${callout.line} has no Playground after it`).toBeDefined();
        expect(demo!.section, `the Playground after the misconception callout at line ${callout.line} is in a later section`).toBe(callout.section);
      }
    });

    if (tags.some((t) => t.name === 'Claim' || t.name === 'Output')) describe('claims', () => {
      for (const claim of byName('Claim')) {
        it(`line ${claim.line}: proof ${String(claim.props.proof)} is a recorded Playground in the claim's section`, () => {
          const proof = playgrounds.find((p) => p.props.id === claim.props.proof);
          expect(proof, `no <Playground id="${String(claim.props.proof)}">`).toBeDefined();
          expect(proof!.section, `the proof is not in the section "${claim.heading}"`).toBe(claim.section);
          const rec = recorded(proof!.props.code as string);
          expect(rec).toBeDefined();
          if (typeof claim.props.shows === 'string') expect(rec!.stdout.split('\n')).toContain(claim.props.shows);
        });
      }
      for (const out of byName('Output')) {
        it(`line ${out.line}: <Output of="${String(out.props.of)}"> names a Playground of this chapter`, () => {
          expect(playgrounds.map((p) => p.props.id)).toContain(out.props.of);
        });
      }
    });

    if (exercises.length > 0) describe('exercises', () => {
      for (const ex of exercises) {
        const p = ex.props;
        const id = String(p.id);
        if (p.kind === 'predict') {
          it(`${id}: the answer comes from CPython's output and the wrong answers differ from it`, () => {
            expect(typeof p.code).toBe('string');
            const rec = recorded(p.code as string);
            expect(rec, 'no recording').toBeDefined();
            const lines = rec!.stdout.replace(/\n$/, '').split('\n');
            const answer = typeof p.line === 'number' ? lines[p.line - 1] : rec!.stdout;
            expect(answer, `stdout has no line ${String(p.line)}`).toBeDefined();
            expect(answer.trim()).not.toBe('');
            const wrong = Array.isArray(p.wrong) ? (p.wrong as string[]) : [];
            expect(wrong.length, 'give at least one plausible wrong answer').toBeGreaterThan(0);
            for (const w of wrong) expect(w.trim()).not.toBe(answer.trim());
          });
          continue;
        }
        const checks = p.checks as string | undefined;
        const traceChecks = p.traceChecks as string | undefined;
        it(`${id}: the reference solution passes, in CPython and in the simulator with the trace checks`, () => {
          expect(typeof p.solution).toBe('string');
          expect(typeof checks === 'string' && checks.trim() !== '', 'an exercise needs checks').toBe(true);
          const rec = recorded(withChecks(p.solution as string, checks));
          expect(rec?.exitCode, rec?.stderr).toBe(0);
          const r = run(withChecks(p.solution as string, checks, traceChecks), true);
          expect(r.exitCode, r.stderr).toBe(0);
        });
        const failing: [string, string][] = [['the starter code', p.starter as string]];
        (Array.isArray(p.wrong) ? (p.wrong as string[]) : []).forEach((w, k) => failing.push([`wrong answer ${k + 1}`, w]));
        it(`${id}: has at least one plausible wrong answer`, () => {
          expect(failing.length).toBeGreaterThan(1);
        });
        for (const [what, code] of failing) {
          it(`${id}: ${what} fails the checks with a message`, () => {
            expect(typeof code).toBe('string');
            const r = run(withChecks(code, checks, traceChecks), true);
            expect(r.exitCode, `${what} passes`).not.toBe(0);
          });
        }
      }
    });

    if (quizzes.length > 0) describe('quiz', () => {
      for (const quiz of quizzes) {
        const questions = (quiz.props.questions ?? []) as Record<string, unknown>[];
        questions.forEach((q, k) => {
          it(`question ${k + 1} (${String(q.kind)}) has a well-formed answer`, () => {
            expect(typeof q.prompt).toBe('string');
            expect(typeof q.explain === 'string' && q.explain !== '', 'every question explains its answer').toBe(true);
            const choices = q.choices as string[] | undefined;
            if (q.kind === 'single') {
              expect(Number.isInteger(q.answer) && (q.answer as number) >= 0 && (q.answer as number) < choices!.length).toBe(true);
            } else if (q.kind === 'multiple') {
              const a = q.answer as number[];
              expect(Array.isArray(a) && a.length > 0 && a.every((i) => i >= 0 && i < choices!.length)).toBe(true);
            } else if (q.kind === 'print') {
              expect(q.answer, 'a print question takes its answer from CPython, not from `answer`').toBeUndefined();
              const rec = recorded(q.code as string);
              expect(rec, 'no recording').toBeDefined();
              if (choices) {
                const right = choices.filter((c) => c.trim() === expectedText(rec!));
                expect(right, `exactly one choice must equal CPython's output ${JSON.stringify(expectedText(rec!))}`).toHaveLength(1);
              }
            } else {
              throw new Error(`unknown kind ${String(q.kind)}`);
            }
          });
        });
      }
    });
  });
}
