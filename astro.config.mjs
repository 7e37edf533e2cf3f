// Astro configuration for the course site (issue 3).
// The site is fully static (`dist/`), served by `npm start` (scripts/start.mjs).
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

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
    // The simulator runs in a module Worker that imports other modules.
    worker: { format: 'es' },
  },
});
