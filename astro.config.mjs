// Astro configuration for the course site (issue 3).
// The site is fully static (`dist/`), served by `npm start` (scripts/start.mjs).
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(fileURLToPath(import.meta.url));

/**
 * The engine's modules that the worker imports on demand: every module that
 * src/engine/ or src/runner/ names in an `import('./…')` call (not in a type,
 * `import('./x.js').T`). Each stays a chunk of its own; see workerChunks.
 */
function engineLazyModules() {
  const lazy = new Set();
  const walk = (dir) => {
    for (const entry of readdirSync(dir)) {
      const file = join(dir, entry);
      if (statSync(file).isDirectory()) walk(file);
      else if (file.endsWith('.ts')) {
        for (const m of readFileSync(file, 'utf8').matchAll(/\bimport\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)(?!\s*\.)/g)) {
          lazy.add(resolve(dirname(file), m[1]).replace(/\.js$/, '.ts'));
        }
      }
    }
  };
  walk(join(ROOT, 'src', 'engine'));
  walk(join(ROOT, 'src', 'runner'));
  return lazy;
}

/**
 * The engine's modules the worker imports statically: everything reachable
 * from src/runner/worker.ts through `import … from './…'` and
 * `export … from './…'` (not `import type`). A module that only lazily loaded
 * modules import (weakcontainers.ts, which only the weakref module uses) is
 * not among them.
 */
function workerStaticModules() {
  const entry = join(ROOT, 'src', 'runner', 'worker.ts');
  const seen = new Set();
  const todo = [entry];
  while (todo.length > 0) {
    const file = todo.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"](\.{1,2}\/[^'"]+)['"]/gm)) {
      todo.push(resolve(dirname(file), m[1]).replace(/\.js$/, '.ts'));
    }
  }
  return seen;
}

/**
 * The worker's core in one chunk: left to itself, the bundler splits the
 * modules the core shares with the lazily loaded ones into a few chunks by
 * which lazy chunks import them, and each is compressed on its own (≈ 2-3 KB
 * gzip more, and more requests before the first run). Only the modules the
 * worker imports statically belong to it; the others go with the lazily
 * loaded chunks that import them.
 */
function workerChunks() {
  const lazy = engineLazyModules();
  const core = workerStaticModules();
  return {
    groups: [{
      name: 'worker-core',
      test: (id) => /[\\/]src[\\/](engine|runner)[\\/]/.test(id) && !lazy.has(id) && core.has(id.split('?')[0]),
    }],
  };
}

/**
 * Monaco's modules import their own CSS (`import './hover.css'`). Astro links
 * the CSS of every chunk a page's scripts can reach, dynamic imports included,
 * so that CSS (≈ 135 KB) would be a render-blocking <link> on every page with
 * a playground before anyone touches an editor. This plugin turns each such
 * import into a few lines of JavaScript inside Monaco's own chunk that add the
 * CSS as a <style> element when Monaco is evaluated: the CSS loads with
 * Monaco, in the same order as before, and never without it.
 */
function monacoCssWithMonaco() {
  // the ids of the generated modules must not end in `.css`, or Vite would treat them as CSS
  const PREFIX = '\0pml-monaco-css:';
  const SUFFIX = '.style.js';
  return {
    name: 'pml:monaco-css-with-monaco',
    enforce: 'pre',
    async resolveId(source, importer) {
      if (!importer || !/[\\/]node_modules[\\/]monaco-editor[\\/]/.test(importer) || !source.endsWith('.css')) return null;
      const resolved = await this.resolve(source, importer, { skipSelf: true });
      return resolved ? PREFIX + resolved.id + SUFFIX : null;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const file = id.slice(PREFIX.length, -SUFFIX.length);
      return [
        `import css from ${JSON.stringify(file + '?inline')};`,
        `const style = document.createElement('style');`,
        `style.dataset.monaco = '';`,
        `style.textContent = css;`,
        `document.head.append(style);`,
      ].join('\n');
    },
  };
}

export default defineConfig({
  output: 'static',
  integrations: [mdx()],
  // Chapter URLs end in a slash: /chapters/names-and-objects/
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  server: { host: '127.0.0.1', port: 4321 },
  markdown: {
    // Code in chapter text is highlighted at build time. Both themes are
    // emitted as CSS `light-dark()` colours, so code follows the page's
    // `color-scheme` (system setting or the theme toggle) with no JavaScript.
    shikiConfig: {
      themes: { light: 'github-light', dark: 'github-dark' },
      defaultColor: 'light-dark()',
      wrap: false,
    },
  },
  vite: {
    plugins: [monacoCssWithMonaco()],
    // The simulator runs in a module Worker that imports other modules (and
    // loads standard-library modules on demand as separate chunks).
    worker: { format: 'es', rolldownOptions: { output: { codeSplitting: workerChunks() } } },
  },
});
