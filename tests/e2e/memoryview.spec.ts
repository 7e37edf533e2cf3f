/**
 * The memory view in /playground: a closure's variable is drawn as a cell
 * object between the names and the value; a line that frees hundreds of
 * objects and a deep recursion stay a screenful (the rest is summed up).
 * Driven through data-testids (DESIGN.md) and roles only.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, playground, sliderValues, test } from './fixtures';

async function openWith(page: Page, code: string): Promise<Locator> {
  await page.goto(`/playground/#code=${Buffer.from(code).toString('base64url')}`);
  const pg = playground(page);
  await pg.getByTestId('run').click();
  await expect(pg.getByTestId('step-slider')).toHaveAttribute('aria-valuemax', /^[1-9]\d*$/);
  return pg;
}

/** Moves the slider to step `k` as a learner dragging it would, and waits for the view to show that step. */
async function goToStep(pg: Locator, k: number): Promise<void> {
  const slider = pg.getByTestId('step-slider');
  await slider.fill(String(k));
  await expect(slider).toHaveAttribute('aria-valuenow', String(k));
}

test('a closure variable is a cell object, held by the frame and by the inner function', async ({ page }) => {
  const pg = await openWith(page, [
    'def make_counter():',
    '    count = 0',
    '    def tick():',
    '        nonlocal count',
    '        count += 1',
    '        return count',
    '    return tick',
    '',
    't = make_counter()',
    't()',
    'print(t())',
    '',
  ].join('\n'));
  await expect(pg.getByTestId('output')).toContainText('2');
  const view = pg.getByTestId('memory-view');
  const { max } = await sliderValues(pg);
  // step until tick's frame is on show
  let k = 0;
  for (; k <= max; k++) {
    await goToStep(pg, k);
    if ((await view.locator('[data-testid=frame][data-name=tick]').count()) > 0) break;
  }
  expect(k, 'some step runs inside tick').toBeLessThanOrEqual(max);
  const cell = view.locator('[data-testid=heap-object][data-type=cell]');
  await expect(cell).toHaveCount(1);
  // held by tick's frame (its free variable) and by t's __closure__
  await expect(cell).toHaveAttribute('data-refcount', '2');
  await expect(cell).toContainText('cell_contents');
  await expect(view.locator('[data-testid=heap-object][data-type=function]').filter({ hasText: '__closure__[0]' })).toHaveCount(1);
});

test('a line that frees hundreds of objects shows a dozen and sums up the rest by type', async ({ page }) => {
  const pg = await openWith(page, 'big = [i * 1000 for i in range(1, 751)]\ndel big\n');
  const view = pg.getByTestId('memory-view');
  const freed = view.getByTestId('freed');
  await expect(freed).toHaveAttribute('data-count', '751');
  const boxes = await freed.getByTestId('freed-object').count();
  expect(boxes).toBeGreaterThan(0);
  expect(boxes).toBeLessThanOrEqual(12);
  // the list itself is among the boxes drawn, not hidden behind its ints
  await expect(freed.locator('[data-testid=freed-object][data-type=list]')).toHaveCount(1);
  const more = freed.getByTestId('freed-more');
  await expect(more).toHaveAttribute('data-count', String(751 - boxes));
  await expect(more).toContainText(`${751 - boxes} more (${751 - boxes} int)`);
  // the page stays about a screen tall
  expect(await view.evaluate((el) => el.scrollHeight)).toBeLessThan(1500);
});

test('a small mass free can be shown in full', async ({ page }) => {
  const pg = await openWith(page, 'big = [i * 1000 for i in range(1, 41)]\ndel big\n');
  const freed = pg.getByTestId('memory-view').getByTestId('freed');
  await expect(freed).toHaveAttribute('data-count', '41');
  await expect(freed.getByTestId('freed-object')).toHaveCount(12);
  await freed.getByRole('button', { name: 'show all 41' }).click();
  await expect(freed.getByTestId('freed-object')).toHaveCount(41);
  await freed.getByRole('button', { name: 'show fewer' }).click();
  await expect(freed.getByTestId('freed-object')).toHaveCount(12);
});

test('a deep recursion draws the outer and the innermost frames and counts the rest', async ({ page }) => {
  const pg = await openWith(page, 'def down(n):\n    if n == 0:\n        return 0\n    return down(n - 1) + 1\n\nprint(down(300))\n');
  await expect(pg.getByTestId('output')).toContainText('300');
  const view = pg.getByTestId('memory-view');
  const { max } = await sliderValues(pg);
  // halfway through the run the stack is well over a hundred calls deep
  await goToStep(pg, Math.floor(max / 2));
  const frames = view.getByTestId('frame');
  const shown = await frames.count();
  expect(shown).toBeLessThanOrEqual(12);
  const elided = view.getByTestId('frames-elided');
  await expect(elided).toContainText('more frames of down');
  const hidden = Number(await elided.getAttribute('data-count'));
  expect(shown + hidden).toBeGreaterThan(100);
  await expect(frames.first()).toHaveAttribute('data-name', '<module>');
  await expect(frames.last()).toHaveAttribute('data-name', 'down');
});
