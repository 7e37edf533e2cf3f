/**
 * The built site for the browser tests and the page bench: builds `dist/` (once
 * per test run) and serves it on a free localhost port with a tiny static server.
 *
 * The server logs every path it serves (`served`), which the page bench uses to
 * count the JavaScript a page loads, including what its Web Workers load.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, extname, join, normalize, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** dist/, or $PML_E2E_DIST (build elsewhere, e.g. while another build uses dist/) */
export const DIST = process.env.PML_E2E_DIST ? resolve(process.env.PML_E2E_DIST) : join(ROOT, 'dist');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** Builds the site into dist/ with the project's build script (or `astro build`). */
export function buildSite(): void {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const out = DIST === join(ROOT, 'dist') ? [] : ['--outDir', DIST];
  const [cmd, args] = pkg.scripts?.build
    ? ['npm', ['run', '-s', 'build', ...(out.length ? ['--', ...out] : [])]]
    : ['npx', ['--no-install', 'astro', 'build', ...out]];
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) {
    throw new Error(`Building the site failed (${cmd} ${args.join(' ')}, exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  if (!existsSync(join(DIST, 'index.html'))) throw new Error(`The build finished but ${DIST}/index.html is missing.`);
  process.stdout.write(`[e2e] built the site in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
}

export interface SiteServer {
  url: string;
  server: Server;
  /** every URL path served (in order), with its status */
  served: { path: string; status: number }[];
  close(): Promise<void>;
}

function resolveFile(urlPath: string): string | undefined {
  let p: string;
  try {
    p = decodeURIComponent(urlPath.split('?')[0].split('#')[0]);
  } catch {
    return undefined;
  }
  const abs = normalize(join(DIST, p));
  if (abs !== DIST && !abs.startsWith(DIST + sep)) return undefined;
  const candidates = [abs, join(abs, 'index.html'), abs + '.html'];
  for (const c of candidates) {
    try {
      if (statSync(c).isFile()) return c;
    } catch {
      /* next */
    }
  }
  return undefined;
}

/** Serves dist/ on 127.0.0.1 at a free port. */
export async function serveSite(): Promise<SiteServer> {
  const served: SiteServer['served'] = [];
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const file = req.method === 'GET' || req.method === 'HEAD' ? resolveFile(path) : undefined;
    if (!file) {
      served.push({ path, status: 404 });
      const notFound = join(DIST, '404.html');
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(existsSync(notFound) ? readFileSync(notFound) : 'Not found');
      return;
    }
    // a directory URL without its trailing slash: redirect like a static host would
    if (file.endsWith(sep + 'index.html') && !path.endsWith('/') && !path.endsWith('.html')) {
      served.push({ path, status: 301 });
      res.writeHead(301, { location: path + '/' });
      res.end();
      return;
    }
    served.push({ path, status: 200 });
    res.writeHead(200, {
      'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : readFileSync(file));
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => ok());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    served,
    close: () => new Promise<void>((ok) => {
      server.closeAllConnections();
      server.close(() => ok());
    }),
  };
}

/** Every HTML page in dist/, as URL paths ("/", "/chapters/00-x/", "/404.html"). */
export function listPages(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name === '_astro') continue;
        walk(p);
      } else if (e.name.endsWith('.html')) {
        const rel = relative(DIST, p).split(sep).join('/');
        out.push('/' + (rel === 'index.html' ? '' : rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel));
      }
    }
  };
  walk(DIST);
  return out.sort();
}

/** The HTML source of a page path from listPages(). */
export function pageHtml(path: string): string {
  const file = resolveFile(path);
  if (!file) throw new Error(`no page ${path} in dist/`);
  return readFileSync(file, 'utf8');
}

/** Chapter pages: pages under a "chapter" path that hold at least one playground. */
export function chapterPages(): string[] {
  return listPages().filter((p) => /chapter/i.test(p) && /data-testid="?playground"?[\s>]/.test(pageHtml(p)));
}
