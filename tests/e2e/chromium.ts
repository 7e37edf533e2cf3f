/**
 * Finds a Chromium for the browser tests and the page bench.
 *
 * Order: $CHROMIUM_PATH, then `chromium`, `chromium-browser`, `google-chrome`,
 * `google-chrome-stable` on PATH (Debian's `chromium` package is the one these
 * machines use: `apt-get install -y chromium`), then Playwright's own bundled
 * browser only if it happens to be installed. Playwright's browser download does
 * not work here, so nothing in this project runs `playwright install`.
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium } from 'playwright-core';

/** Flags every launch uses (no sandbox inside containers, no GPU, no network chatter). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

function isExecutable(p: string): boolean {
  try {
    if (!statSync(p).isFile()) return false;
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const p = join(dir, name);
    if (isExecutable(p)) return p;
  }
  return undefined;
}

export interface FoundChromium {
  /** undefined means "Playwright's own bundled browser" */
  executablePath: string | undefined;
  source: string;
}

export function findChromium(): FoundChromium {
  const env = process.env.CHROMIUM_PATH;
  if (env) {
    if (!isExecutable(env)) {
      throw new Error(`CHROMIUM_PATH is set to ${env}, which is not an executable file.`);
    }
    return { executablePath: env, source: '$CHROMIUM_PATH' };
  }
  for (const name of NAMES) {
    const p = onPath(name);
    if (p) return { executablePath: p, source: `${name} on PATH` };
  }
  let bundled: string | undefined;
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = undefined;
  }
  if (bundled && existsSync(bundled)) return { executablePath: undefined, source: `Playwright's bundled Chromium (${bundled})` };
  throw new Error(
    'No Chromium found for the browser tests. Install Debian\'s package (apt-get install -y chromium), ' +
      'or put chromium / chromium-browser / google-chrome on PATH, or set CHROMIUM_PATH to a Chromium executable.',
  );
}

/** Options for playwright's chromium.launch() (and Playwright Test's launchOptions). */
export function chromiumLaunchOptions(): { executablePath?: string; args: string[]; headless: boolean } {
  const found = findChromium();
  return {
    ...(found.executablePath ? { executablePath: found.executablePath } : {}),
    args: CHROMIUM_ARGS,
    headless: true,
  };
}
