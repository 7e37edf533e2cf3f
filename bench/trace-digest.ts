/**
 * Prints a hash of the recorded trace (bytes, strings, step count, transient
 * count, truncation) of each bench program and every tests/conformance
 * program, then one hash over all of them. Used to check that a change to
 * the recorder leaves the trace byte-identical:
 *
 *   npx tsx bench/trace-digest.ts > /tmp/before.txt
 *   … change …
 *   npx tsx bench/trace-digest.ts | diff /tmp/before.txt -
 *
 * `--quick` skips the bench programs (they take a few seconds each traced).
 */

import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runProgram } from '../src/engine/index.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');

function pyFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir).sort()) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...pyFiles(p));
    else if (e.endsWith('.py')) out.push(p);
  }
  return out;
}

const quick = process.argv.includes('--quick');
const files = [
  ...(quick ? [] : ['b2_loop', 'b3_fib', 'b4_alloc', 'b5_objects'].map((n) => join(HERE, 'programs', `${n}.py`))),
  ...pyFiles(join(ROOT, 'tests', 'conformance', 'programs')),
];

const all = createHash('sha256');
for (const file of files) {
  const src = readFileSync(file, 'utf8');
  const name = relative(ROOT, file);
  const r = runProgram(src, { python: '3.12', filename: name.split('/').pop(), stepBudget: 1e9, trace: true });
  const t = r.trace!;
  const h = createHash('sha256');
  h.update(t.bytes);
  h.update('\0' + t.strings.join('\0'));
  h.update(`\0${t.stepCount}/${t.transient}/${t.truncated}`);
  h.update('\0' + r.stdout + '\0' + r.stderr);
  const d = h.digest('hex').slice(0, 16);
  all.update(d);
  console.log(`${d}  ${t.bytes.length}B ${t.stepCount} steps  ${name}`);
}
console.log(`${all.digest('hex').slice(0, 16)}  ALL`);
