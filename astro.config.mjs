// Astro configuration for the course site (issue 3).
// The site is fully static (`dist/`), served by `npm start` (scripts/start.mjs).
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

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
    worker: { format: 'es' },
  },
});
