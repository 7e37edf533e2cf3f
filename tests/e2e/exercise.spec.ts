/**
 * Checked exercises (components/Exercise.astro): a learner solves a code
 * exercise in its editor, gets feedback for wrong code, predicts a program's
 * output, and finds exercises still solved after a reload.
 *
 * The exercises are whichever ones the built chapters hold. Nothing here
 * types an answer: the reference solution is read from the page (the
 * exercise's hidden solution, revealed by the learner's "Show solution"
 * after three failed checks), and a predict exercise's answer from the
 * page's answer, which the build took from the chapter's CPython recording.
 */
import AxeBuilder from '@axe-core/playwright';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { activateEditor, expect, setCode, sitePages, test } from './fixtures';

interface FoundExercise {
  path: string;
  id: string;
  kind: 'code' | 'predict';
}

let found: FoundExercise[] | null = null;

/** Every exercise on the built site's chapter pages, in page order. */
async function exercises(request: APIRequestContext): Promise<FoundExercise[]> {
  if (found) return found;
  const out: FoundExercise[] = [];
  for (const path of sitePages().filter((p) => /chapter/i.test(p))) {
    const html = await (await request.get(path)).text();
    for (const m of html.matchAll(/<pml-exercise\b[^>]*>/g)) {
      const id = /data-exercise-id="([^"]+)"/.exec(m[0])?.[1];
      const kind = /data-kind="([^"]+)"/.exec(m[0])?.[1];
      if (id && (kind === 'code' || kind === 'predict')) out.push({ path, id, kind });
    }
  }
  return (found = out);
}

async function first(request: APIRequestContext, kind: FoundExercise['kind']): Promise<FoundExercise> {
  const all = await exercises(request);
  const ex = all.find((e) => e.kind === kind);
  if (!ex) throw new Error(`No chapter page of the built site has a ${kind} exercise (found: ${all.map((e) => `${e.path}#${e.id} (${e.kind})`).join(', ') || 'none'}).`);
  return ex;
}

function slugOf(path: string): string {
  return path.split('/').filter(Boolean).pop() ?? '';
}

async function open(page: Page, ex: FoundExercise): Promise<Locator> {
  await page.goto(ex.path, { waitUntil: 'load' });
  const el = page.locator(`[data-testid="exercise"][data-exercise-id="${ex.id}"]`);
  await expect(el).toHaveAttribute('data-status', 'unsolved');
  await el.scrollIntoViewIfNeeded();
  return el;
}

/** Presses Check and waits for a verdict (a code check runs in the engine's worker). */
async function check(el: Locator): Promise<string> {
  await el.getByTestId('check').click();
  const feedback = el.getByTestId('feedback');
  await expect(feedback).not.toHaveText(/^$|Checking/);
  return (await feedback.textContent()) ?? '';
}

/** The text of a code block highlighted at build time (one `.line` span per line). */
async function codeOf(block: Locator): Promise<string> {
  return block.evaluate((pre) => Array.from(pre.querySelectorAll('.line'), (l) => l.textContent ?? '').join('\n'));
}

test('solve a code exercise: feedback for wrong code, the solution after three tries, solved and saved across a reload', async ({ page, request }) => {
  const ex = await first(request, 'code');
  const el = await open(page, ex);
  const pg = el.getByTestId('playground');
  const feedback = el.getByTestId('feedback');
  await expect(feedback).toHaveAttribute('role', 'status');

  // 1. the starter code as given fails the checks (every exercise's starter must)
  const starterFeedback = await check(el);
  expect(starterFeedback.length).toBeGreaterThan(0);
  await expect(feedback).not.toContainText('Correct');
  await expect(el).toHaveAttribute('data-status', 'unsolved');
  await expect(el.getByText('Solved', { exact: true })).toBeHidden();
  await expect(el.getByRole('button', { name: 'Show solution' })).toBeHidden();

  // 2. an error in the learner's own code is reported on their line, in their terms
  await setCode(page, pg, 'total = 0\nprint(totl)\n');
  await check(el);
  await expect(feedback).toContainText('Your code raised NameError on line 2');
  await expect(feedback).toContainText('totl');

  // 3. a syntax error, likewise
  await setCode(page, pg, 'x = (1,\ny = 2 +\n');
  await check(el);
  await expect(feedback).toContainText(/syntax error on line \d|not complete/);

  // after three failed checks the solution can be revealed
  const show = el.getByRole('button', { name: 'Show solution' });
  await expect(show).toBeVisible();
  await show.click();
  const solutionBlock = el.locator('.ex-solution pre');
  await expect(solutionBlock).toBeVisible();
  const solution = await codeOf(solutionBlock);
  expect(solution.trim().length).toBeGreaterThan(0);

  // 4. the reference solution passes
  await setCode(page, pg, solution);
  await check(el);
  await expect(feedback).toContainText('Correct!');
  await expect(el).toHaveAttribute('data-status', 'solved');
  await expect(el.getByText('Solved', { exact: true })).toBeVisible();
  // the sidebar counts it at once
  await expect(page.locator(`[data-sidebar-progress="${slugOf(ex.path)}"]`)).toContainText('1 solved');

  // 5. after a reload: still solved, and the learner's code is still there
  await page.reload({ waitUntil: 'load' });
  const again = page.locator(`[data-testid="exercise"][data-exercise-id="${ex.id}"]`);
  await expect(again).toHaveAttribute('data-status', 'solved');
  await expect(again.getByText('Solved', { exact: true })).toBeVisible();
  const firstLine = solution.split('\n').find((l) => l.trim() !== '')!.trim();
  await expect(again.getByTestId('editor')).toContainText(firstLine);
});

test('predict an output: a wrong answer, then the right one opens the program to run and step', async ({ page, request }) => {
  const ex = await first(request, 'predict');
  const el = await open(page, ex);
  const answer = (await el.locator('template.ex-answer').evaluate((t) => (t as HTMLTemplateElement).content.textContent ?? '')).trim();
  expect(answer.length, 'the page holds the recorded answer').toBeGreaterThan(0);
  const input = el.getByLabel(/What does (it print|line \d+ of the output say)\?/);
  const feedback = el.getByTestId('feedback');

  // before answering: the code is shown, but not yet as a playground
  await expect(el.locator('.ex-code pre')).toBeVisible();
  await expect(el.getByTestId('playground')).toBeHidden();

  await input.fill(`${answer}${answer}x`);
  await check(el);
  await expect(el).toHaveAttribute('data-status', 'unsolved');
  await expect(feedback).not.toHaveText(/Right/);

  // a hint, one at a time
  const hint = el.getByRole('button', { name: /Show a hint/ });
  if (await hint.count()) {
    await hint.click();
    await expect(el.locator('.ex-hints li').first()).toBeVisible();
    if ((await el.locator('.ex-hints li').count()) > 1) await expect(el.locator('.ex-hints li').nth(1)).toBeHidden();
  }

  await input.fill(`  ${answer}  `);
  await input.press(answer.includes('\n') ? 'ControlOrMeta+Enter' : 'Enter');
  await expect(feedback).toContainText('Right');
  await expect(el).toHaveAttribute('data-status', 'solved');
  // now the program can be run and stepped
  const pg = el.getByTestId('playground');
  await expect(pg).toBeVisible();
  await expect(el.locator('.ex-code')).toBeHidden();
  await pg.getByTestId('run').click();
  await expect(pg.getByTestId('output')).toContainText(answer.split('\n')[0]);

  await page.reload({ waitUntil: 'load' });
  const again = page.locator(`[data-testid="exercise"][data-exercise-id="${ex.id}"]`);
  await expect(again).toHaveAttribute('data-status', 'solved');
  await expect(again.getByTestId('playground')).toBeVisible();
});

test('damaged saved progress and code never break an exercise', async ({ page, request }) => {
  const ex = await first(request, 'code');
  await page.goto('/');
  await page.evaluate(({ chapter, id }) => {
    localStorage.setItem('pml:v1:progress', '{"v":1,"chapters":{"' + chapter + '":{"solved":"not a list"}}}');
    localStorage.setItem(`pml:v1:code:${chapter}:${id}`, '{not json');
  }, { chapter: slugOf(ex.path), id: ex.id });
  const el = await open(page, ex);
  await expect(el.getByText('Solved', { exact: true })).toBeHidden();
  // the starter code is shown again, with a notice about the unreadable saved code
  await expect(el.getByTestId('playground').locator('.pg-notice')).toBeVisible();
  await check(el);
  await expect(el).toHaveAttribute('data-status', 'unsolved');
});

test('axe: an exercise with feedback, a hint and the solution open has no serious or critical violations, light and dark', async ({ page, request }) => {
  const ex = await first(request, 'code');
  const el = await open(page, ex);
  await activateEditor(el.getByTestId('playground'));
  for (let i = 0; i < 3; i++) await check(el);
  const hint = el.getByRole('button', { name: /Show a hint/ });
  if (await hint.count()) await hint.click();
  await el.getByRole('button', { name: 'Show solution' }).click();
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const results = await new AxeBuilder({ page }).include(`[data-exercise-id="${ex.id}"]`).analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact}: ${v.id} — ${v.help} (${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')})`);
    expect(serious, `${colorScheme} colour scheme`).toEqual([]);
  }
});
