/**
 * Every page of the built site loads without console errors, and the home page
 * and a chapter pass an axe-core scan with no serious or critical violations.
 */
import AxeBuilder from '@axe-core/playwright';
import { chapterPage, expect, playground, runAndExpect, setCode, sitePages, test, watchConsole } from './fixtures';

test('no console errors on any page', async ({ browser, baseURL }) => {
  const pages = sitePages();
  expect(pages.length, 'the built site has pages').toBeGreaterThan(0);
  expect(pages).toContain('/');
  const context = await browser.newContext({ baseURL });
  try {
    for (const path of pages) {
      await test.step(path, async () => {
        const page = await context.newPage();
        const problems = watchConsole(page);
        const res = await page.goto(path, { waitUntil: 'load' });
        expect(res?.status(), `${path} status`).toBe(200);
        await page.waitForLoadState('networkidle');
        expect.soft(problems, `console errors, page errors or failed requests on ${path}`).toEqual([]);
        await page.close();
      });
    }
  } finally {
    await context.close();
  }
});

async function seriousViolations(page: import('@playwright/test').Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact}: ${v.id} — ${v.help} (${v.nodes.length} node(s): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')})`);
}

test('axe: the home page has no serious or critical violations', async ({ page }) => {
  await page.goto('/');
  await page.waitForLoadState('networkidle');
  expect(await seriousViolations(page)).toEqual([]);
});

test('axe: a chapter page has no serious or critical violations', async ({ page }) => {
  await page.goto(chapterPage());
  await page.waitForLoadState('networkidle');
  expect(await seriousViolations(page)).toEqual([]);
});

test('axe: a chapter page after editing and running code has no serious or critical violations', async ({ page }) => {
  await page.goto(chapterPage());
  const pg = playground(page);
  await setCode(page, pg, 'xs = [1, 2]\nys = xs\nd = {"k": xs}\nprint(len(d))\n');
  await runAndExpect(pg, '1');
  await expect(pg.getByTestId('memory-view').getByTestId('heap-object').first()).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
