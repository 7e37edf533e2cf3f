// `npm start`: build the course site and serve the built site on localhost,
// printing its URL. Stop with Ctrl+C.
//
//   PORT=4400 npm start   serves on another port (default 4321)
//   HOST=0.0.0.0 npm start listens on every interface (default 127.0.0.1)
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const astro = join(dirname(require.resolve('astro/package.json')), 'bin', 'astro.mjs');
const host = process.env.HOST || '127.0.0.1';
const port = Number(process.env.PORT || 4321);
// No telemetry, no update checks: the site and its tools talk to no other host.
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ASTRO_DISABLE_UPDATE_CHECK: 'true' };

console.log('Building the course site…');
const build = spawnSync(process.execPath, [astro, 'build', '--silent'], { cwd: root, env, stdio: 'inherit' });
if (build.status !== 0) {
  console.error('The build failed (see above).');
  process.exit(build.status ?? 1);
}

const server = spawn(process.execPath, [astro, 'preview', '--host', host, '--port', String(port)], {
  cwd: root,
  env,
  stdio: ['ignore', 'pipe', 'inherit'],
});
// Astro's own banner is replaced by one line; anything else it prints passes through.
let banner = true;
server.stdout.on('data', (chunk) => {
  if (!banner) process.stdout.write(chunk);
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code, signal) => {
  if (banner) console.error(`The server stopped before it was ready (port ${port} may be in use; try PORT=4400 npm start).`);
  process.exit(signal ? 0 : (code ?? 1));
});

const shownHost = host === '0.0.0.0' ? '127.0.0.1' : host;
const url = `http://${shownHost}:${port}/`;
for (let i = 0; i < 200 && banner; i++) {
  try {
    const res = await fetch(url);
    if (res.ok) {
      banner = false;
      console.log(`\nPython Memory Lab is running at ${url}\n(Ctrl+C to stop)`);
      break;
    }
  } catch {
    // not listening yet
  }
  await new Promise((r) => setTimeout(r, 100));
}
if (banner) {
  console.error(`No answer from ${url} after 20 s.`);
  server.kill('SIGTERM');
}
