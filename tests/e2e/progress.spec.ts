/**
 * Progress on the home page (components/ProgressPanel.astro): export to a
 * file, import it into a fresh browser, a corrupt file refused with a notice,
 * reset after a confirmation; and a corrupt saved state never breaks a page.
 * Progress is made as a learner makes it: taking the quiz, editing code.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect, playground, setCode, test, watchConsole } from './fixtures';
import { answer, openQuiz, slugOf } from './quiz-helpers';

const FILE_NAME = 'python-memory-lab-progress.json';

/** Every `pml:v1:*` localStorage entry of the page's origin. */
async function savedState(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (let i = 0; i < localStorage.length; i++) {
      const k = localStorage.key(i)!;
      if (k.startsWith('pml:v1:')) out[k] = localStorage.getItem(k)!;
    }
    return out;
  });
}

/** The text of every chapter's badge on the home page ('' where none shows). */
async function badges(page: Page): Promise<Record<string, string>> {
  const cards = page.locator('[data-chapter-card]');
  const out: Record<string, string> = {};
  for (let i = 0; i < (await cards.count()); i++) {
    const card = cards.nth(i);
    const badge = card.locator('[data-progress-badge]');
    out[(await card.getAttribute('data-chapter-card'))!] = (await badge.isVisible()) ? ((await badge.textContent()) ?? '').trim() : '';
  }
  return out;
}

/** Takes the quiz with the first `right` questions answered rightly; returns the chapter slug and the number of questions. */
async function takeQuiz(page: Page, request: import('@playwright/test').APIRequestContext, right: number): Promise<{ slug: string; n: number }> {
  const { path, quiz, questions, n } = await openQuiz(page, request);
  for (let i = 0; i < Math.min(right, n); i++) await answer(questions.nth(i), true);
  await quiz.getByTestId('quiz-submit').click();
  await expect(quiz.getByTestId('quiz-score')).toHaveText(`Score: ${Math.min(right, n)} / ${n}`);
  return { slug: slugOf(path), n };
}

async function freshPage(browser: Browser, baseURL: string | undefined): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL });
  return { context, page: await context.newPage() };
}

test('export progress to a file, then import it into a fresh browser: same badges, same edited code', async ({ page, request, browser, baseURL }, testInfo) => {
  // progress made as a learner: a quiz result, and an edited example on the quiz's chapter
  const { slug, n } = await takeQuiz(page, request, 2);
  const pg = playground(page);
  const marker = `moved_${Date.now().toString(36)}`;
  await setCode(page, pg, `${marker} = [1, 2]\nprint(len(${marker}))\n`);
  await page.goto('/');
  await expect(page.locator(`[data-chapter-card="${slug}"] [data-progress-badge]`)).toContainText(`quiz 2/${n}`);
  const before = await badges(page);
  const stored = await savedState(page);
  expect(Object.keys(stored).some((k) => k.startsWith(`pml:v1:code:${slug}:`)), 'the edited code is saved').toBe(true);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('progress-export').click()]);
  expect(download.suggestedFilename()).toBe(FILE_NAME);
  const file = testInfo.outputPath(FILE_NAME);
  await download.saveAs(file);
  const doc = JSON.parse(readFileSync(file, 'utf8'));
  expect(doc.format).toBe('python-memory-lab-progress');
  expect(doc.version).toBe(1);
  expect(Object.keys(doc.storage).sort()).toEqual(Object.keys(stored).filter((k) => k !== 'pml:v1:theme').sort());
  await expect(page.getByTestId('progress-notice')).toContainText(FILE_NAME);

  // a fresh browser has none of it, until the file is imported
  const fresh = await freshPage(browser, baseURL);
  const problems = watchConsole(fresh.page);
  try {
    await fresh.page.goto('/');
    expect(Object.values(await badges(fresh.page)).filter(Boolean)).toEqual([]);
    await fresh.page.getByTestId('progress-import').setInputFiles(file);
    await expect(fresh.page.getByTestId('progress-notice')).toContainText('Imported progress');
    await expect(fresh.page.locator(`[data-chapter-card="${slug}"] [data-progress-badge]`)).toContainText(`quiz 2/${n}`);
    expect(await badges(fresh.page)).toEqual(before);
    // and it lasts: after a reload, and on the chapter page (sidebar, quiz best, the edited code)
    await fresh.page.reload();
    expect(await badges(fresh.page)).toEqual(before);
    await fresh.page.goto(`/chapters/${slug}/`);
    await expect(fresh.page.locator(`[data-sidebar-progress="${slug}"]`)).toContainText(`quiz 2/${n}`);
    await expect(fresh.page.getByTestId('quiz')).toContainText(`Your best so far: 2 / ${n}`);
    await expect(playground(fresh.page).getByTestId('editor')).toContainText(marker);
    expect(problems).toEqual([]);
  } finally {
    await fresh.context.close();
  }
});

test('a corrupt or foreign import file shows a notice and changes nothing', async ({ page, request }) => {
  await takeQuiz(page, request, 1);
  await page.goto('/');
  const before = await savedState(page);
  const beforeBadges = await badges(page);
  expect(Object.values(beforeBadges).some(Boolean)).toBe(true);
  const files = [
    { name: 'truncated.json', buffer: Buffer.from('{"format": "python-memory-lab-progress", "version": 1, "storage": {"pml:v1:prog') },
    { name: 'other.json', buffer: Buffer.from(JSON.stringify({ hello: 'world' })) },
    { name: 'future.json', buffer: Buffer.from(JSON.stringify({ format: 'python-memory-lab-progress', version: 99, storage: {} })) },
    {
      name: 'damaged.json',
      buffer: Buffer.from(JSON.stringify({ format: 'python-memory-lab-progress', version: 1, storage: { 'pml:v1:progress': { v: 1, chapters: [] } } })),
    },
    { name: 'photo.png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  ];
  for (const f of files) {
    await page.getByTestId('progress-import').setInputFiles({ name: f.name, mimeType: 'application/json', buffer: f.buffer });
    const notice = page.getByTestId('progress-notice');
    await expect(notice).toContainText(`“${f.name}” could not be imported`);
    await expect(notice).toContainText('Nothing was changed');
    expect(await savedState(page), f.name).toEqual(before);
    expect(await badges(page), f.name).toEqual(beforeBadges);
  }
});

test('reset asks first; keeping changes nothing, confirming clears progress and code but not the theme', async ({ page, request }) => {
  const { slug } = await takeQuiz(page, request, 1);
  await setCode(page, playground(page), 'reset_me = 1\n');
  await page.goto('/');
  // a theme chosen with the toggle is a setting, not progress
  await page.evaluate(() => localStorage.setItem('pml:v1:theme', 'dark'));
  const before = await savedState(page);
  const badge = page.locator(`[data-chapter-card="${slug}"] [data-progress-badge]`);
  await expect(badge).toBeVisible();

  await page.getByTestId('progress-reset').click();
  const keep = page.getByRole('button', { name: 'Keep it' });
  await expect(keep).toBeFocused();
  await keep.click();
  expect(await savedState(page)).toEqual(before);
  await expect(badge).toBeVisible();

  await page.getByTestId('progress-reset').click();
  await page.getByRole('button', { name: 'Remove everything' }).click();
  await expect(page.getByTestId('progress-notice')).toContainText('removed');
  await expect(badge).toBeHidden();
  expect(await savedState(page)).toEqual({ 'pml:v1:theme': 'dark' });
  await page.reload();
  expect(Object.values(await badges(page)).filter(Boolean)).toEqual([]);
});

test('a corrupt or old saved state never breaks a page', async ({ page, request }) => {
  // what an older or damaged version of the site might have left behind
  await page.addInitScript(() => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem('pml:v1:progress', '{"v":1,"chapters":{"x":');
  });
  await page.goto('/');
  expect(Object.values(await badges(page)).filter(Boolean)).toEqual([]);
  // the quiz still grades and saves over the damaged value
  const { slug, n } = await takeQuiz(page, request, 1);
  await page.goto('/');
  await expect(page.locator(`[data-chapter-card="${slug}"] [data-progress-badge]`)).toContainText(`quiz 1/${n}`);

  // a value from an older schema, and a wrong-shaped one: no badge, no error, and Export still works
  for (const value of ['{"v":0,"chapters":{}}', JSON.stringify({ v: 1, chapters: { [slug]: { quiz: { score: 'all', total: -1 }, solved: 'ex1' } } })]) {
    await page.evaluate((v) => localStorage.setItem('pml:v1:progress', v), value);
    await page.reload();
    await expect(page.locator(`[data-chapter-card="${slug}"] [data-progress-badge]`)).toBeHidden();
    await page.goto(`/chapters/${slug}/`);
    await expect(page.getByTestId('quiz')).toBeVisible();
    await expect(page.locator(`[data-sidebar-progress="${slug}"]`)).toBeHidden();
    await page.goto('/');
  }
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('progress-export').click()]);
  expect(download.suggestedFilename()).toBe(FILE_NAME);
});

test('axe: the progress panel, with a notice and the reset confirmation showing, has no serious or critical violations, light and dark', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('progress-import').setInputFiles({ name: 'other.json', mimeType: 'application/json', buffer: Buffer.from('{}') });
  await expect(page.getByTestId('progress-notice')).toContainText('could not be imported');
  await page.getByTestId('progress-reset').click();
  await expect(page.getByRole('button', { name: 'Remove everything' })).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact}: ${v.id} — ${v.help} (${v.nodes.slice(0, 3).map((x) => x.target.join(' ')).join(' | ')})`);
    expect(serious, scheme).toEqual([]);
  }
});
