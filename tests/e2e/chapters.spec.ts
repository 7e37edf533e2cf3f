/**
 * Every chapter, as a learner meets it in the browser: each example runs in
 * the page and prints what CPython 3.12 printed (content/recorded/), the
 * memory view keeps a bounded, stable size after a run, and at 375 px wide
 * nothing makes the page scroll sideways.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHAPTERS_DIR, playgroundCode, recordedRun, scanChapter, shownOutput } from '../../src/lib/recordings';
import { chapterSlug } from '../../src/lib/slug';
import { expect, playground, test } from './fixtures';
import { listPages } from './server';

const chapters = readdirSync(CHAPTERS_DIR)
  .filter((f) => f.endsWith('.mdx'))
  .sort()
  .map((f) => {
    const slug = chapterSlug(f);
    const ids = scanChapter(readFileSync(join(CHAPTERS_DIR, f), 'utf8'))
      .filter((t) => t.name === 'Playground')
      .map((t) => String(t.props.id));
    return { slug, path: `/chapters/${slug}/`, ids };
  });

for (const ch of chapters) {
  test(`${ch.path}: every example prints what CPython 3.12 printed`, async ({ page }) => {
    test.skip(!listPages().includes(ch.path), 'a draft chapter');
    test.setTimeout(120_000);
    await page.goto(ch.path);
    for (const id of ch.ids) {
      await test.step(id, async () => {
        const pg = page.locator(`#pg-${id}`);
        const expected = shownOutput(recordedRun(ch.slug, playgroundCode(ch.slug, id)!, id));
        await pg.scrollIntoViewIfNeeded();
        await pg.getByTestId('run').click();
        const out = pg.getByTestId('output');
        await expect(out).not.toBeEmpty();
        await expect.poll(async () => (await out.textContent())?.trimEnd()).toBe(expected.trimEnd());
      });
    }
  });

  test(`${ch.path}: the memory view keeps a bounded size after a run, and 375 px never scrolls sideways`, async ({ page }) => {
    test.skip(!listPages().includes(ch.path), 'a draft chapter');
    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(ch.path);
      const pg = playground(page, 0);
      await pg.getByTestId('run').click();
      await expect(pg.getByTestId('output')).not.toBeEmpty();
      const view = pg.getByTestId('memory-view');
      const h1 = (await view.boundingBox())!.height;
      await page.waitForTimeout(600);
      const h2 = (await view.boundingBox())!.height;
      // a fading ghost may settle by a pixel or two; a layout loop grows by thousands
      expect(h2 - h1, `at ${width} px the memory view grows by itself (${h1} → ${h2} px)`).toBeLessThan(40);
      expect(h2, `at ${width} px the memory view is ${h2} px tall`).toBeLessThan(1200);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `at ${width} px the page scrolls sideways by ${overflow} px`).toBeLessThanOrEqual(0);
    }
  });
}
