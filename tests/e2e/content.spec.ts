/**
 * The built chapter pages run exactly the programs written in the chapters'
 * MDX source — the ones CPython was recorded running. (MDX strips two leading
 * spaces from continuation lines of attribute template literals, so a
 * component that took its code from Astro.props would silently show and run
 * re-indented Python; components read the source instead. This guards that.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHAPTERS_DIR, scanChapter } from '../../src/lib/recordings';
import { chapterSlug } from '../../src/lib/slug';
import { expect, test } from './fixtures';
import { listPages, pageHtml } from './server';

function decodeHtml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&#x27;/g, "'")
    .replace(/&amp;/g, '&');
}

test('every editor on a chapter page starts with code exactly as written in the chapter source', () => {
  const pages = listPages();
  let checked = 0;
  for (const file of readdirSync(CHAPTERS_DIR).filter((f) => f.endsWith('.mdx'))) {
    const slug = chapterSlug(file);
    const path = pages.find((p) => p === `/chapters/${slug}/`);
    if (!path) continue; // a draft
    const written = new Set<string>();
    for (const t of scanChapter(readFileSync(join(CHAPTERS_DIR, file), 'utf8'))) {
      for (const prop of ['code', 'starter']) if (typeof t.props[prop] === 'string') written.add(t.props[prop] as string);
    }
    const shown = [...pageHtml(path).matchAll(/<template class="pg-source">([\s\S]*?)<\/template>/g)].map((m) => decodeHtml(m[1]));
    expect(shown.length, `${path} has editors`).toBeGreaterThan(0);
    for (const code of shown) expect.soft(written.has(code), `${path}: an editor's code is not in the MDX source:\n${code}`).toBe(true);
    checked += shown.length;
  }
  expect(checked).toBeGreaterThan(0);
});
