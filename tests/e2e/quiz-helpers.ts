/**
 * Helpers for the quiz and progress browser tests: find the built chapter
 * page that has a quiz, and answer its questions as a learner would. The
 * right answers come from the page's answer keys (`data-key` on each
 * question), which the build resolved from CPython's recordings.
 */
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { expect, sitePages } from './fixtures';

export type AnswerKey = { mode: 'one'; answer: number } | { mode: 'many'; answer: number[] } | { mode: 'text'; expected: string };

let found: { path: string; html: string }[] | null = null;

/** The chapter pages of the built site that have a quiz, with their HTML. */
export async function quizPages(request: APIRequestContext): Promise<{ path: string; html: string }[]> {
  if (found) return found;
  const pages = sitePages().filter((p) => /chapter/i.test(p));
  const out: { path: string; html: string }[] = [];
  for (const path of pages) {
    const html = await (await request.get(path)).text();
    if (/data-testid="?quiz"?[\s>]/.test(html)) out.push({ path, html });
  }
  if (out.length === 0) {
    throw new Error(`No chapter page of the built site has a [data-testid=quiz] (looked at ${pages.join(', ') || 'no pages'}).`);
  }
  return (found = out);
}

/** The first chapter page of the built site that has a quiz. */
export async function quizPage(request: APIRequestContext): Promise<string> {
  return (await quizPages(request))[0].path;
}

/** The chapter slug of a page path: its last segment. */
export function slugOf(path: string): string {
  return path.split('/').filter(Boolean).pop() ?? '';
}

export async function keyOf(question: Locator): Promise<AnswerKey> {
  return JSON.parse((await question.getAttribute('data-key')) ?? 'null') as AnswerKey;
}

/** Answers one question as a learner would: rightly, or with a wrong (or no) answer. */
export async function answer(question: Locator, right: boolean): Promise<void> {
  const key = await keyOf(question);
  if (key.mode === 'text') {
    await question.getByRole('textbox').fill(right ? key.expected : 'not what it prints');
    return;
  }
  const inputs = question.locator('input');
  const n = await inputs.count();
  const rightOnes = key.mode === 'one' ? [key.answer] : key.answer;
  const picks = right ? rightOnes : [[...Array(n).keys()].find((k) => !rightOnes.includes(k)) ?? 0];
  for (const k of picks) await inputs.nth(k).check();
}

/** Opens the quiz page and returns the quiz and its questions. */
export async function openQuiz(
  page: Page,
  request: APIRequestContext,
  at?: string,
): Promise<{ path: string; quiz: Locator; questions: Locator; n: number }> {
  const path = at ?? (await quizPage(request));
  await page.goto(path);
  const quiz = page.getByTestId('quiz');
  const questions = quiz.getByTestId('quiz-question');
  const n = await questions.count();
  expect(n, 'a chapter quiz has questions').toBeGreaterThan(1);
  return { path, quiz, questions, n };
}

