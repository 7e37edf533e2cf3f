import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    // the builtin types' on-demand parts (src/engine/ondemand.ts) are loaded, as in Node's entry
    setupFiles: ['./tests/load-engine-parts.ts'],
    reporters: ['default', './tests/summary-reporter.ts'],
  },
});
