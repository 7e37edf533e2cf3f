// `npm start`: build the course site and serve the built site on localhost,
// printing its URL. Stop with Ctrl+C.
//
//   PORT=4400 npm start     serves on another port (default 4321)
//   HOST=0.0.0.0 npm start  listens on every interface (default 127.0.0.1)
//
// The server is `astro preview --ignore-lock`: Astro 7 otherwise allows one
// preview server per project, and a test run's server must not stop this one
// (or the other way round).
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const astro = join(dirname(require.resolve('astro/package.json')), 'bin', 'astro.mjs');
const host = process.env.HOST || '127.0.0.1';
const port = Number(process.env.PORT || 4321);
const shownHost = host === '0.0.0.0' ? '127.0.0.1' : host;
const url = `http://${shownHost}:${port}/`;
// No telemetry, no update checks: the site and its tools talk to no other host.
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ASTRO_DISABLE_UPDATE_CHECK: 'true' };

async function answers(address) {
  try {
    await fetch(address, { signal: AbortSignal.timeout(1000) });
    return true;
  } catch {
    return false;
  }
}

if (await answers(url)) {
  console.error(`Something is already serving ${url} (an earlier npm start?). Stop it, or use another port: PORT=4400 npm start`);
  process.exit(1);
}

console.log('Building the course site…');
const build = spawnSync(process.execPath, [astro, 'build', '--silent'], { cwd: root, env, stdio: 'inherit' });
if (build.status !== 0) {
  console.error('The build failed (see above).');
  process.exit(build.status ?? 1);
}

const server = spawn(
  process.execPath,
  [astro, 'preview', '--ignore-lock', '--host', host, '--port', String(port)],
  { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'] },
);
let ready = false;
let printed = '';
server.stdout.setEncoding('utf8');
server.stdout.on('data', (chunk) => {
  if (ready) {
    process.stdout.write(chunk);
    return;
  }
  // Astro's banner is replaced by one line once the server answers.
  printed += chunk;
  const local = /Local\s+(http:\/\/\S+)/.exec(printed);
  if (local) void announce(local[1].replace(/\/?$/, '/'));
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code, signal) => {
  if (!ready) {
    process.stderr.write(printed);
    console.error('The server stopped before it was ready.');
  }
  process.exit(signal ? 0 : (code ?? 1));
});

async function announce(localUrl) {
  const shown = localUrl.replace('://0.0.0.0', '://127.0.0.1');
  for (let i = 0; i < 100; i++) {
    if (await answers(shown)) {
      ready = true;
      if (shown !== url) console.log(`(port ${port} was taken)`);
      console.log(`\nPython Memory Lab is running at ${shown}\n(Ctrl+C to stop)`);
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  console.error(`No answer from ${shown} after 10 s.`);
  server.kill('SIGTERM');
}
