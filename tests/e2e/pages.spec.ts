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
        // Give late requests a moment to fail; a background prefetch may keep the network busy.
        await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
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
  // 'load', not 'networkidle': a page may prefetch the editor in the background.
  await page.waitForLoadState('load');
  expect(await seriousViolations(page)).toEqual([]);
});

test('axe: a chapter page has no serious or critical violations', async ({ page }) => {
  await page.goto(chapterPage());
  // 'load', not 'networkidle': the playground may prefetch the editor in the background.
  await page.waitForLoadState('load');
  await page.getByTestId('playground').first().waitFor();
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
