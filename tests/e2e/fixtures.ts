/**
 * Shared fixtures and helpers for the browser tests. Pages are driven only
 * through the data-testids of the testing contract (DESIGN.md) and ARIA roles.
 */
import { test as base, expect, type Locator, type Page } from '@playwright/test';

export { expect };

export interface ConsoleProblem {
  kind: 'console.error' | 'pageerror' | 'requestfailed' | 'http';
  text: string;
}

/** Records console errors, uncaught page errors, failed requests and HTTP errors on a page. */
export function watchConsole(page: Page): ConsoleProblem[] {
  const problems: ConsoleProblem[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push({ kind: 'console.error', text: `${m.text()} (${m.location().url}:${m.location().lineNumber})` });
  });
  page.on('pageerror', (e) => problems.push({ kind: 'pageerror', text: String(e.stack ?? e) }));
  page.on('requestfailed', (r) => {
    // a navigation away from a page cancels its pending requests: not an error
    if (r.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.push({ kind: 'requestfailed', text: `${r.url()}: ${r.failure()?.errorText}` });
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push({ kind: 'http', text: `${r.status()} ${r.url()}` });
  });
  return problems;
}

export function sitePages(): string[] {
  return JSON.parse(process.env.PML_PAGES ?? '[]') as string[];
}

export function chapterPage(): string {
  const chapters = JSON.parse(process.env.PML_CHAPTERS ?? '[]') as string[];
  if (!chapters.length) throw new Error('The built site has no chapter page with a [data-testid=playground] (looked for .html pages under a path containing "chapter").');
  return chapters[0];
}

export const test = base.extend<{ consoleProblems: ConsoleProblem[] }>({
  baseURL: async ({}, use) => {
    const url = process.env.PML_BASE_URL;
    if (!url) throw new Error('PML_BASE_URL is not set: run the browser tests through playwright.config.ts (npm run test:e2e)');
    await use(url);
  },
  /** every test that uses the page also checks that nothing was logged as an error */
  consoleProblems: [
    async ({ page }, use) => {
      const problems = watchConsole(page);
      await use(problems);
      expect(problems, 'console errors, page errors or failed requests during the test').toEqual([]);
    },
    { auto: true },
  ],
});

/** The n-th playground on the page. */
export function playground(page: Page, n = 0): Locator {
  return page.getByTestId('playground').nth(n);
}

/** The editable text box inside a playground's editor, once the editor has loaded (first interaction). */
export async function activateEditor(pg: Locator): Promise<Locator> {
  const editor = pg.getByTestId('editor');
  await editor.click();
  const box = editor.getByRole('textbox').first();
  await expect(box, 'the editor becomes editable after the first click').toBeAttached();
  return box;
}

/** Replaces a playground's code as a learner would: click the editor, select all, type. */
export async function setCode(page: Page, pg: Locator, code: string): Promise<void> {
  const box = await activateEditor(pg);
  await box.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
  const editor = pg.getByTestId('editor');
  for (const line of code.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 3)) {
    await expect(editor).toContainText(line);
  }
}

/** Presses Run and waits for the output to contain `expected`. */
export async function runAndExpect(pg: Locator, expected: string | RegExp): Promise<void> {
  await pg.getByTestId('run').click();
  await expect(pg.getByTestId('output')).toContainText(expected);
}

/** A step-slider's current step and last step. */
export async function sliderValues(pg: Locator): Promise<{ now: number; max: number }> {
  const s = pg.getByTestId('step-slider');
  return {
    now: Number(await s.getAttribute('aria-valuenow')),
    max: Number(await s.getAttribute('aria-valuemax')),
  };
}
