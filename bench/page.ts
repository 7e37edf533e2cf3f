/**
 * Page weight and start-up of a chapter page, measured in Chromium
 * (`npm run bench` runs it after the engine programs; `npm run bench:page` alone).
 *
 * Builds the site (unless --no-build and dist/ exists), serves dist/ on a free
 * localhost port, opens the first chapter page with a playground in a fresh
 * browser context and prints:
 *   - the JavaScript loaded before the learner touches an editor (gzipped):
 *     every script file the page requested until the network is idle, plus its
 *     inline scripts;
 *   - the CSS loaded before the learner touches an editor (stylesheets and
 *     <style> elements; Monaco's own CSS must arrive only with Monaco);
 *   - the JavaScript loaded after the first interaction (click into the editor,
 *     type, press Run, output shown): all of it, and what the interaction added;
 *   - the engine worker's size: "core" is its entry file and every chunk it
 *     imports statically, which is what runs a program that imports nothing;
 *     "lazy modules" are the chunks it loads on demand (standard-library
 *     modules a program names, see src/engine/modules/stdlib.ts) with what
 *     they import beyond the core;
 *   - the time from pressing Run to the first output line, measured in the page
 *     from the click to the DOM change that shows the output: cold (a fresh
 *     page where Run is the first interaction: the controller and the engine
 *     worker load), the first Run after the editor loaded, and warm (median of
 *     later runs).
 * Aims: < 100 KB before interaction, engine worker core < 100 KB gzipped,
 * first output < 50 ms once warm.
 *
 *   npm run bench:page                 # build, then measure
 *   npm run bench:page -- --no-build   # reuse dist/
 *   npm run bench:page -- --json       # also write bench/page-results.json
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { chromiumLaunchOptions, findChromium } from '../tests/e2e/chromium.js';
import { buildSite, chapterPages, DIST, serveSite } from '../tests/e2e/server.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const AIM_BEFORE_KB = 100;
const AIM_ENGINE_KB = 100;
const AIM_WARM_MS = 50;
const WARM_RUNS = 15;
const MARK = 'first-output-mark';

export interface PageBenchResult {
  page: string;
  chromium: string;
  before: { files: string[]; gzipBytes: number; inlineGzipBytes: number; rawBytes: number };
  /** stylesheets and <style> elements before interaction */
  cssBefore: { files: string[]; gzipBytes: number; inlineGzipBytes: number };
  after: { files: string[]; gzipBytes: number; addedGzipBytes: number; rawBytes: number };
  /** the engine worker's core (entry + static imports) */
  worker: { url: string | null; files: string[]; gzipBytes: number; rawBytes: number };
  /** chunks the engine worker loads on demand (dynamic imports and what they add) */
  workerLazy: { files: string[]; gzipBytes: number; rawBytes: number };
  runToFirstOutputMs: { cold: number | null; firstAfterEditorLoaded: number; warm: number | null; warmTimes: number[] };
  pass: { before: boolean; engine: boolean | null; warm: boolean | null };
}

const gz = (b: Buffer | string): number => gzipSync(b, { level: 9 }).length;
const isJs = (p: string): boolean => /\.(m?js)$/.test(p);
const isCss = (p: string): boolean => /\.css$/.test(p);
const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

function distFile(urlPath: string): string {
  return join(DIST, decodeURIComponent(urlPath.split('?')[0]));
}

function sizes(files: string[]): { gzipBytes: number; rawBytes: number } {
  let gzipBytes = 0, rawBytes = 0;
  for (const f of files) {
    const p = distFile(f);
    if (!existsSync(p)) continue;
    const b = readFileSync(p);
    rawBytes += b.length;
    gzipBytes += gz(b);
  }
  return { gzipBytes, rawBytes };
}

/**
 * A built module's entry file and every module it imports, as URL paths:
 * static imports only (`from "…"`, `import "…"`), or dynamic `import("…")` too.
 */
function importClosure(entry: string, dynamic: boolean): string[] {
  const seen = new Set<string>();
  const todo = [entry];
  const re = dynamic
    ? /(?:\bfrom\s*|\bimport\s*\(?\s*)["'`]([^"'`]+\.m?js)["'`]/g
    : /(?:\bfrom\s*|\bimport\s*)["'`]([^"'`]+\.m?js)["'`]/g;
  while (todo.length) {
    const p = todo.pop()!;
    if (seen.has(p) || !existsSync(distFile(p))) continue;
    seen.add(p);
    const src = readFileSync(distFile(p), 'utf8');
    for (let m: RegExpExecArray | null; (m = re.exec(src)); ) {
      const spec = m[1];
      if (/^[a-z]+:/i.test(spec)) continue;
      todo.push(spec.startsWith('/') ? spec : posix.normalize(posix.join(posix.dirname(p), spec)));
    }
  }
  return [...seen];
}

async function waitFor<T>(what: string, f: () => Promise<T | null | undefined | false>, ms = 30_000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await f();
    if (v) return v;
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Click Run in the first playground and time, in the page, the click → output showing `mark` (null: any output). */
async function timeRun(page: Page, mark: string | null = MARK): Promise<number> {
  await waitFor('Run to be enabled', () =>
    page.evaluate(() => {
      const run = document.querySelector('[data-testid=playground] [data-testid=run]') as HTMLButtonElement | null;
      return !!run && !run.disabled && run.getAttribute('aria-disabled') !== 'true';
    }),
  );
  return page.evaluate(
    (mark) =>
      new Promise<number>((resolve, reject) => {
        const pg = document.querySelector('[data-testid=playground]')!;
        const out = pg.querySelector('[data-testid=output]')!;
        const run = pg.querySelector('[data-testid=run]') as HTMLElement;
        let t0 = 0;
        const obs = new MutationObserver(() => {
          const text = out.textContent ?? '';
          if (mark === null ? text.trim() !== '' : text.includes(mark)) {
            const t = performance.now() - t0;
            obs.disconnect();
            clearTimeout(timer);
            resolve(t);
          }
        });
        const timer = setTimeout(() => {
          obs.disconnect();
          reject(new Error('no output within 20 s of pressing Run'));
        }, 20_000);
        obs.observe(out, { subtree: true, childList: true, characterData: true });
        t0 = performance.now();
        run.click();
      }),
    mark,
  );
}

export async function pageBench(opts: { build?: boolean } = {}): Promise<PageBenchResult> {
  if (opts.build !== false || !existsSync(join(DIST, 'index.html'))) buildSite();
  const chapters = chapterPages();
  if (!chapters.length) throw new Error('no chapter page with a [data-testid=playground] in the built site');
  const path = chapters[0];
  const found = findChromium();
  const site = await serveSite();
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const context = await browser.newContext({ baseURL: site.url, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    // the engine's worker; Monaco's own editor worker (editor.worker-*.js) is not the engine
    const workerUrls: string[] = [];
    page.on('worker', (w) => {
      workerUrls.push(w.url());
    });
    const served0 = site.served.length;
    await page.goto(path, { waitUntil: 'load' });
    await page.waitForLoadState('networkidle');
    const beforeFiles = [...new Set(site.served.slice(served0).filter((s) => s.status === 200 && isJs(s.path)).map((s) => s.path))];
    const inline = await page.evaluate(() =>
      Array.from(document.querySelectorAll("script:not([src])"))
        .filter((s) => !s.getAttribute('type') || /module|javascript/.test(s.getAttribute('type')!))
        .map((s) => s.textContent ?? ''),
    );
    const inlineGzipBytes = inline.length ? gz(inline.join('\n')) : 0;
    const before = sizes(beforeFiles);
    const cssFiles = [...new Set(site.served.slice(served0).filter((s) => s.status === 200 && isCss(s.path)).map((s) => s.path))];
    const inlineCss = await page.evaluate(() => Array.from(document.querySelectorAll('style')).map((s) => s.textContent ?? ''));
    const cssInlineGzipBytes = inlineCss.length ? gz(inlineCss.join('\n')) : 0;
    const cssBefore = { files: cssFiles, gzipBytes: sizes(cssFiles).gzipBytes + cssInlineGzipBytes, inlineGzipBytes: cssInlineGzipBytes };

    // first interaction: click into the editor, replace the code, press Run
    const pg = page.locator('[data-testid=playground]').first();
    await pg.locator('[data-testid=editor]').click();
    const box = pg.locator('[data-testid=editor]').getByRole('textbox').first();
    await box.waitFor({ state: 'attached', timeout: 30_000 });
    await box.focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText(`print("${MARK}")\n`);
    await waitFor('the edited code in the editor', () =>
      pg.locator('[data-testid=editor]').innerText().then((t) => t.includes(MARK)),
    );
    const first = await timeRun(page);
    await page.waitForLoadState('networkidle');
    const warmTimes: number[] = [];
    for (let i = 0; i < WARM_RUNS; i++) warmTimes.push(await timeRun(page));
    const afterFiles = [...new Set(site.served.slice(served0).filter((s) => s.status === 200 && isJs(s.path)).map((s) => s.path))];
    const after = sizes(afterFiles);

    const engineUrl = workerUrls.find((u) => !/editor\.worker/.test(u)) ?? null;
    const workerPath = engineUrl ? new URL(engineUrl).pathname : null;
    const workerFiles = workerPath ? importClosure(workerPath, false) : [];
    const worker = sizes(workerFiles);
    const lazyFiles = workerPath ? importClosure(workerPath, true).filter((f) => !workerFiles.includes(f)) : [];
    const workerLazy = sizes(lazyFiles);
    const sorted = [...warmTimes].sort((a, b) => a - b);
    const warm = sorted.length ? sorted[Math.floor(sorted.length / 2)] : null;
    const beforeTotal = before.gzipBytes + inlineGzipBytes;
    await context.close();

    // cold: a fresh page where pressing Run is the learner's first interaction
    // (loads the controller, starts the engine worker, runs the page's own example)
    let cold: number | null = null;
    const context2 = await browser.newContext({ baseURL: site.url, viewport: { width: 1280, height: 900 } });
    try {
      const page2 = await context2.newPage();
      await page2.goto(path, { waitUntil: 'load' });
      await page2.waitForLoadState('networkidle');
      cold = await timeRun(page2, null);
    } catch (e) {
      console.log(`cold Run measurement failed (does the page's first example print anything?): ${e instanceof Error ? e.message : e}`);
    } finally {
      await context2.close();
    }
    return {
      page: path,
      chromium: `${browser.version()} (${found.executablePath ?? 'bundled'})`,
      before: { files: beforeFiles, gzipBytes: beforeTotal, inlineGzipBytes, rawBytes: before.rawBytes },
      cssBefore,
      after: { files: afterFiles, gzipBytes: after.gzipBytes + inlineGzipBytes, addedGzipBytes: after.gzipBytes - before.gzipBytes, rawBytes: after.rawBytes },
      worker: { url: workerPath, files: workerFiles, ...worker },
      workerLazy: { files: lazyFiles, ...workerLazy },
      runToFirstOutputMs: { cold, firstAfterEditorLoaded: first, warm, warmTimes },
      pass: {
        before: beforeTotal < AIM_BEFORE_KB * 1024,
        engine: workerPath ? worker.gzipBytes < AIM_ENGINE_KB * 1024 : null,
        warm: warm === null ? null : warm < AIM_WARM_MS,
      },
    };
  } finally {
    await browser.close();
    await site.close();
  }
}

export function printPageBench(r: PageBenchResult): void {
  const ok = (b: boolean | null): string => (b === null ? 'n/a' : b ? 'pass' : 'FAIL');
  console.log(`\nPage weight and start-up: ${r.page} in Chromium ${r.chromium}; sizes gzip -9`);
  const rows: [string, string, string][] = [
    [`JS before touching an editor (${r.before.files.length} files + inline ${kb(r.before.inlineGzipBytes)})`, kb(r.before.gzipBytes), `aim < ${AIM_BEFORE_KB} KB: ${ok(r.pass.before)}`],
    [`CSS before touching an editor (${r.cssBefore.files.length} files + <style> ${kb(r.cssBefore.inlineGzipBytes)})`, kb(r.cssBefore.gzipBytes), 'no Monaco CSS until the editor loads'],
    [`JS after the first Run (${r.after.files.length} files)`, kb(r.after.gzipBytes), `+${kb(r.after.addedGzipBytes)} on interaction`],
    [`engine worker (core: ${r.worker.files.length} files, ${kb(r.worker.rawBytes)} raw)`, r.worker.url ? kb(r.worker.gzipBytes) : 'no worker seen', `aim < ${AIM_ENGINE_KB} KB: ${ok(r.pass.engine)}`],
    [`lazy modules (${r.workerLazy.files.length} files, ${kb(r.workerLazy.rawBytes)} raw)`, kb(r.workerLazy.gzipBytes), `loaded when a program names them; core + all: ${kb(r.worker.gzipBytes + r.workerLazy.gzipBytes)}`],
    ['Run → first output, cold (Run is the first interaction)', r.runToFirstOutputMs.cold === null ? 'n/a' : `${r.runToFirstOutputMs.cold.toFixed(1)} ms`, 'loads the controller and the engine worker'],
    ['Run → first output, first Run after the editor loaded', `${r.runToFirstOutputMs.firstAfterEditorLoaded.toFixed(1)} ms`, 'worker started while the editor loaded'],
    [`Run → first output, warm (median of ${r.runToFirstOutputMs.warmTimes.length})`, r.runToFirstOutputMs.warm === null ? 'n/a' : `${r.runToFirstOutputMs.warm.toFixed(1)} ms`, `aim < ${AIM_WARM_MS} ms: ${ok(r.pass.warm)}`],
  ];
  const w0 = Math.max(...rows.map((x) => x[0].length));
  const w1 = Math.max(...rows.map((x) => x[1].length));
  for (const [a, b, c] of rows) console.log(`  ${a.padEnd(w0)}  ${b.padStart(w1)}  ${c}`);
  const list = (label: string, files: string[]): void => {
    console.log(`  ${label}:`);
    for (const f of files) {
      const p = distFile(f);
      const b = existsSync(p) ? readFileSync(p) : Buffer.alloc(0);
      console.log(`    ${f.padEnd(60)} ${kb(gz(b)).padStart(9)} gz ${kb(b.length).padStart(10)} raw`);
    }
  };
  list('loaded before interaction', r.before.files);
  list('CSS loaded before interaction', r.cssBefore.files);
  list('added by the first interaction', r.after.files.filter((f) => !r.before.files.includes(f)));
  if (r.worker.url) list(`engine worker (core): ${r.worker.url} and its static imports`, r.worker.files);
  if (r.workerLazy.files.length) list('engine worker, lazy modules (dynamic imports)', r.workerLazy.files);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const argv = process.argv.slice(2);
  const r = await pageBench({ build: !argv.includes('--no-build') });
  printPageBench(r);
  if (argv.includes('--json')) {
    const out = join(HERE, 'page-results.json');
    writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), ...r }, null, 2) + '\n');
    console.log(`wrote ${out}`);
  }
}
