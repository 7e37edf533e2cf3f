/**
 * Browser tests (`npm run test:e2e`, part of `npm test`): Playwright Test drives
 * a system Chromium (tests/e2e/chromium.ts: $CHROMIUM_PATH, then chromium /
 * chromium-browser / google-chrome on PATH) against the built site served from
 * dist/ on a free localhost port (tests/e2e/global-setup.ts builds and serves).
 * Nothing here downloads a browser.
 */
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './tests/e2e/chromium';

export default defineConfig({
  testDir: './tests/e2e',
  testMatch: '*.spec.ts',
  globalSetup: './tests/e2e/global-setup.ts',
  outputDir: process.env.PML_E2E_OUTPUT ?? '/tmp/pml-e2e-results',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  forbidOnly: !!process.env.CI,
  reporter: [['list'], ['./tests/e2e/summary-reporter.ts']],
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions(),
    screenshot: 'only-on-failure',
    trace: 'off',
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    viewport: { width: 1280, height: 900 },
  },
});
