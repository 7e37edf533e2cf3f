/**
 * Playwright global setup: build the site once, serve dist/ on a free port for
 * the whole run, and hand the URL and the page list to the test workers through
 * the environment (Playwright passes process.env set here on to the workers).
 *
 * PML_E2E_SKIP_BUILD=1 reuses an existing dist/ (handy while writing tests).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildSite, chapterPages, DIST, listPages, serveSite } from './server';
import { findChromium } from './chromium';

export default async function globalSetup(): Promise<() => Promise<void>> {
  const found = findChromium();
  process.stdout.write(`[e2e] Chromium: ${found.executablePath ?? 'bundled'} (${found.source})\n`);
  if (!(process.env.PML_E2E_SKIP_BUILD === '1' && existsSync(join(DIST, 'index.html')))) buildSite();
  const site = await serveSite();
  const pages = listPages();
  const chapters = chapterPages();
  process.env.PML_BASE_URL = site.url;
  process.env.PML_PAGES = JSON.stringify(pages);
  process.env.PML_CHAPTERS = JSON.stringify(chapters);
  process.stdout.write(`[e2e] serving dist/ at ${site.url}: ${pages.length} pages, chapters with playgrounds: ${chapters.join(', ') || 'none'}\n`);
  return async () => {
    await site.close();
  };
}
