/**
 * A learner on a chapter page: edit code, run it, step through its memory,
 * make mistakes (a syntax error, an infinite loop), reload, and take the code
 * to the /playground page. Driven only through data-testids and roles.
 */
import {
  activateEditor,
  chapterPage,
  expect,
  playground,
  runAndExpect,
  setCode,
  sliderValues,
  test,
} from './fixtures';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

test('open a chapter, edit code, run it and see the output', async ({ page }) => {
  await page.goto(chapterPage());
  const pg = playground(page);
  await expect(pg).toBeVisible();
  // static first: the code is there before the editor loads
  await expect(pg.getByTestId('editor')).not.toBeEmpty();
  await setCode(page, pg, 'xs = [1, 2, 3]\nprint("sum is", sum(xs) * 7)\n');
  await runAndExpect(pg, 'sum is 42');
  // program output is text: a second run replaces it
  await setCode(page, pg, 'print("<b>not bold</b>")\n');
  await runAndExpect(pg, '<b>not bold</b>');
  await expect(pg.getByTestId('output')).not.toContainText('sum is 42');
  await expect(pg.getByTestId('output').locator('b')).toHaveCount(0);
});

test('step forward and back: a refcount changes and changes back', async ({ page }) => {
  await page.goto(chapterPage());
  const pg = playground(page);
  // several lines between `b = a` and `del b` so the refcount-2 state spans several steps
  await setCode(page, pg, 'a = []\nb = a\nx = 1\ny = 2\nz = 3\ndel b\nw = 4\nprint("done")\n');
  await runAndExpect(pg, 'done');

  const slider = pg.getByTestId('step-slider');
  await expect(slider).toHaveAttribute('aria-valuemax', /^[1-9]\d*$/);
  // go to the first step
  await slider.focus();
  await page.keyboard.press('Home');
  await expect(slider).toHaveAttribute('aria-valuenow', '0');

  const list = pg.getByTestId('memory-view').locator('[data-testid=heap-object][data-type=list]');
  const refcount = async (): Promise<string | null> => ((await list.count()) === 1 ? list.getAttribute('data-refcount') : null);
  const stepOnce = async (id: 'step' | 'step-back'): Promise<void> => {
    const before = (await sliderValues(pg)).now;
    await pg.getByTestId(id).click();
    await expect(slider).toHaveAttribute('aria-valuenow', String(id === 'step' ? before + 1 : before - 1));
  };
  const { max } = await sliderValues(pg);

  // forward until the list is referenced by both names
  while ((await refcount()) !== '2') {
    expect((await sliderValues(pg)).now, 'stepping forward reaches a step where the list has refcount 2').toBeLessThan(max);
    await stepOnce('step');
  }
  await expect(list).toHaveAttribute('data-refcount', '2');
  // forward until `del b` drops it to 1
  while ((await refcount()) !== '1') {
    expect((await sliderValues(pg)).now, 'stepping forward reaches `del b` (refcount back to 1)').toBeLessThan(max);
    await stepOnce('step');
  }
  await expect(list).toHaveAttribute('data-refcount', '1');
  const afterDel = (await sliderValues(pg)).now;
  // and back: the count changes back to 2
  while ((await refcount()) !== '2') {
    expect((await sliderValues(pg)).now, 'stepping back returns to refcount 2').toBeGreaterThan(afterDel - 5);
    await stepOnce('step-back');
  }
  await expect(list).toHaveAttribute('data-refcount', '2');
  expect((await sliderValues(pg)).now).toBeLessThan(afterDel);
});

test('a syntax error shows a marker', async ({ page }) => {
  await page.goto(chapterPage());
  const pg = playground(page);
  await setCode(page, pg, 'print("fine")\ndef broken(:\n    pass\n');
  await pg.getByTestId('run').click();
  const output = pg.getByTestId('output');
  await expect(output).toContainText('SyntaxError');
  // CPython's marker: the offending line, then a caret line under it
  await expect(output).toContainText('line 2');
  await expect(output).toContainText('def broken(:');
  expect(await output.innerText()).toMatch(/\n\s*\^+\s*\n/);
  // nothing ran: the first line's output is not there
  await expect(output).not.toContainText(/^fine$/m);
  // and the editor marks the spot: hovering the offending `:` shows the error
  await pg.getByTestId('editor').getByText(':', { exact: true }).first().hover();
  await expect(page.getByRole('tooltip')).toContainText('SyntaxError: invalid syntax');
});

test('an infinite loop is stopped and the page still responds', async ({ page }) => {
  await page.goto(chapterPage());
  const pg = playground(page);
  await setCode(page, pg, 'n = 0\nwhile True:\n    n += 1\n');
  await pg.getByTestId('run').click();
  const stop = pg.getByTestId('stop');
  await expect(stop).toBeEnabled();
  // the page is not frozen while the loop runs: a frame is painted, the DOM answers
  const painted = await page.evaluate(
    () => new Promise<boolean>((ok) => requestAnimationFrame(() => ok(true))),
  );
  expect(painted).toBe(true);
  await stop.click();
  // the learner is told the program was stopped, and can run again
  await expect(pg.getByTestId('output')).toContainText(/stopped/i);
  await expect(stop).toBeDisabled();
  await expect(pg.getByTestId('run')).toBeEnabled();
  // a fresh engine runs the next program
  await setCode(page, pg, 'print("still alive", 6 * 7)\n');
  await runAndExpect(pg, 'still alive 42');
});

test('edited code survives a reload', async ({ page }) => {
  await page.goto(chapterPage());
  const pg = playground(page);
  const marker = `kept_${Date.now().toString(36)}`;
  await setCode(page, pg, `${marker} = "survived"\nprint(${marker})\n`);
  // saved under the contract's key (pml:v1:code:<chapter>:<playground id>)
  await expect
    .poll(() =>
      page.evaluate((m) => {
        for (let i = 0; i < localStorage.length; i++) {
          const k = localStorage.key(i)!;
          if (k.startsWith('pml:v1:code:') && (localStorage.getItem(k) ?? '').includes(m)) return k;
        }
        return null;
      }, marker),
    )
    .toMatch(/^pml:v1:code:.+:.+$/);
  await page.reload();
  const again = playground(page);
  await expect(again.getByTestId('editor')).toContainText(marker);
  await again.getByTestId('run').click();
  await expect(again.getByTestId('output')).toContainText('survived');
});

test('the /playground link round-trips the code', async ({ page }) => {
  await page.goto(chapterPage());
  const pg = playground(page);
  const marker = `trip_${Date.now().toString(36)}`;
  await setCode(page, pg, `${marker} = [1, 2]\nprint("${marker}", len(${marker}))\n`);
  await pg.getByRole('link', { name: /playground/i }).click();
  await expect(page).toHaveURL(/\/playground\/?(?:[?#].*)?$/);
  const there = playground(page);
  await expect(there.getByTestId('editor')).toContainText(marker);
  await runAndExpect(there, `${marker} 2`);
  // the URL carries the code: reloading it shows the same code
  await page.reload();
  await expect(playground(page).getByTestId('editor')).toContainText(marker);
});

test('the editor loads only on first interaction', async ({ page }) => {
  await page.goto(chapterPage());
  const pg = playground(page);
  const editor = pg.getByTestId('editor');
  await expect(editor).toContainText(/\S/);
  await expect(editor.getByRole('textbox')).toHaveCount(0);
  await activateEditor(pg);
});

test('Run works as the first interaction, before the editor has loaded', async ({ page }) => {
  await page.goto(chapterPage());
  const pg = playground(page);
  await expect(pg.getByTestId('output')).toBeEmpty();
  await pg.getByTestId('run').click();
  await expect(pg.getByTestId('output')).not.toBeEmpty();
  await expect(pg.getByTestId('step-slider')).toHaveAttribute('aria-valuemax', /^[1-9]\d*$/);
  await expect(pg.getByTestId('memory-view').getByTestId('frame').first()).toBeVisible();
});

test('programs that import standard-library modules run in /playground', async ({ page }) => {
  // The browser's engine loads these modules only when a program names them
  // (src/engine/modules/stdlib.ts); the first run here starts the engine
  // without them, so the second one loads them into a running engine.
  await page.goto('/playground/');
  const pg = playground(page);
  await setCode(page, pg, 'print("plain", 6 * 7)\n');
  await runAndExpect(pg, 'plain 42');
  await setCode(
    page,
    pg,
    'import itertools, functools, operator, math, random, copy, contextlib, inspect\n' +
      'from collections import deque, Counter\n' +
      'r = random.Random(5)\n' +
      'ok = [list(itertools.accumulate([1, 2, 3])) == [1, 3, 6], functools.reduce(operator.add, [1, 2, 3]) == 6, ' +
      'math.isqrt(17) == 4, copy.deepcopy([[1]]) == [[1]], Counter("aab")["a"] == 2, deque([1, 2]).pop() == 2, ' +
      'callable(contextlib.suppress), inspect.isfunction(len) is False, 0 <= r.random() < 1]\n' +
      'print("all stdlib checks pass" if all(ok) else ok)\n',
  );
  await runAndExpect(pg, 'all stdlib checks pass');
  await expect(pg.getByTestId('output')).not.toContainText('Error');
  // the memory view (at the run's last step) shows the imported module like any other object
  await expect(pg.getByTestId('memory-view').getByTestId('heap-object').filter({ hasText: 'itertools' }).first()).toBeVisible();
});

/** A conformance program's source and what CPython 3.12 printed for it (tests/conformance/). */
function conformanceProgram(program: string): { source: string; stdout: string } {
  const conformance = join(dirname(fileURLToPath(import.meta.url)), '..', 'conformance');
  const source = readFileSync(join(conformance, 'programs', program), 'utf8');
  const want = JSON.parse(readFileSync(join(conformance, 'recorded', '3.12', program.replace(/\.py$/, '.json')), 'utf8'));
  return { source, stdout: want.stdout as string };
}

/** Runs a conformance program in /playground's editor and checks every line CPython printed. */
async function runConformanceProgram(page: Page, program: string): Promise<void> {
  const { source, stdout } = conformanceProgram(program);
  const pg = playground(page);
  await setCode(page, pg, source);
  const lines = stdout.trimEnd().split('\n');
  await runAndExpect(pg, lines[lines.length - 1]);
  for (const line of lines) await expect(pg.getByTestId('output')).toContainText(line);
  await expect(pg.getByTestId('output')).not.toContainText('not supported');
}

test('methods reached by names built at run time print what CPython prints in /playground', async ({ page }) => {
  // The browser's engine loads the rarely used parts of the builtin types (str
  // methods, %-formatting, bytes, bytearray, complex, format specs) only when a
  // program names them (src/engine/ondemand.ts). This program names none: its
  // first run reaches a part that is not loaded, so the worker loads every part
  // and runs it again. Its expected output is the conformance suite's recording.
  await page.goto('/playground/');
  const pg = playground(page);
  await setCode(page, pg, 'print("plain", 6 * 7)\n');
  await runAndExpect(pg, 'plain 42');
  await runConformanceProgram(page, 'basics/methods_named_at_run_time.py');
});

test("floats to glibc's last bit and generic aliases in /playground: the chunks load, CPython's digits print", async ({ page }) => {
  // math (with glibc's tables), complex ** and abs (libm ports), and list[int]
  // (the generic-alias part) are chunks the worker loads when a program names them
  await page.goto('/playground/');
  await runConformanceProgram(page, 'basics/complex_pow_abs_last_bit.py');
  await runConformanceProgram(page, 'stdlib/math_basics.py');
  await runConformanceProgram(page, 'basics/generic_alias_builtin_types.py');
});

test("Monaco's stylesheet arrives with the editor, not before", async ({ page }) => {
  await page.goto(chapterPage());
  const pg = playground(page);
  // any stylesheet with Monaco's own rules (its root is `.monaco-editor`)
  const hasMonacoCss = (): Promise<boolean> =>
    page.evaluate(() =>
      Array.from(document.styleSheets).some((s) => {
        try {
          return Array.from(s.cssRules).some((r) => r instanceof CSSStyleRule && r.selectorText === '.monaco-editor');
        } catch {
          return false;
        }
      }),
    );
  await page.waitForLoadState('networkidle');
  expect(await hasMonacoCss()).toBe(false);
  await activateEditor(pg);
  await expect.poll(hasMonacoCss).toBe(true);
});

test('at 375 px the memory view never makes the page scroll sideways', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 800 });
  // a wide picture: nested containers, instances, two frames' worth of names
  const code = [
    'class Node:',
    '    def __init__(self, name, children=()):',
    '        self.name = name',
    '        self.children = list(children)',
    'leaf = Node("leaf")',
    'tree = Node("root", [Node("a", [leaf]), Node("b", [leaf, Node("c")])])',
    'table = {"alpha": [1, 2, 3], "beta": (4, 5), "gamma": {"x": "a fairly long string value here"}}',
    'print(len(table), tree.children[1].children[0] is leaf)',
    '',
  ].join('\n');
  await page.goto(`/playground/#code=${Buffer.from(code).toString('base64url')}`);
  const pg = playground(page);
  await runAndExpect(pg, '3 True');
  const mv = pg.getByTestId('memory-view');
  await expect(mv.getByTestId('heap-object').first()).toBeVisible();
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    viewport: document.documentElement.clientWidth,
    view: document.querySelector('[data-testid=memory-view]')!.getBoundingClientRect().right,
  }));
  expect(widths.page).toBeLessThanOrEqual(widths.viewport);
  expect(widths.view).toBeLessThanOrEqual(widths.viewport);
});

test('a hot function runs compiled in the worker: the right output, every step recorded', async ({ page, context }) => {
  // the compiled tier (src/engine/jit/) is a chunk the worker fetches after it starts
  const chunks: string[] = [];
  context.on('request', (r) => chunks.push(r.url()));
  await page.goto(chapterPage());
  const pg = playground(page);
  await setCode(page, pg, 'def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\nprint("fib", fib(16))\n');
  await runAndExpect(pg, 'fib 987');
  await expect.poll(() => chunks.some((u) => /\/compile-[\w-]+\.js$/.test(u)), { message: 'the worker loads the compiled tier' }).toBe(true);
  // run again, now with the tier loaded: the same output and the same trace (3 steps a call, 3,193 calls)
  const { max } = await sliderValues(pg);
  await pg.getByTestId('run').click();
  await expect(pg.getByTestId('output')).toContainText('fib 987');
  await expect(pg.getByTestId('step-slider')).toHaveAttribute('aria-valuemax', String(max));
  expect(max).toBeGreaterThan(3 * 3193);
});
