/**
 * A/B timing of traced runs: bundles the engine of a git ref (default HEAD)
 * and of the working tree with esbuild, loads both into one process and runs
 * each bench program alternately under both, untraced and traced, reporting
 * the minimum CPU time (process.cpuUsage) of N runs each. On a shared,
 * noisy machine, interleaving in one process is what makes A/B comparable.
 *
 *   npx tsx bench/trace-ab.ts [--base REF] [--runs N] [--only b3_fib,b4_alloc] [--no-untraced]
 */

import { execSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');

const args = process.argv.slice(2);
const opt = (name: string, dflt: string): string => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const base = opt('--base', 'HEAD');
const runs = Number(opt('--runs', '5'));
const only = opt('--only', 'b2_loop,b3_fib,b4_alloc,b5_objects').split(',');
const untraced = !args.includes('--no-untraced');

const work = mkdtempSync(join(tmpdir(), 'trace-ab-'));
execSync(`git archive ${base} | tar -x -C ${work}/`, { cwd: ROOT, shell: '/bin/bash' });
const esbuild = join(ROOT, 'node_modules', '.bin', 'esbuild');
const bundle = (dir: string, out: string): void => {
  execSync(`${esbuild} ${join(dir, 'src/engine/index.ts')} --bundle --format=esm --platform=node --outfile=${out} --log-level=error`);
};
bundle(work, join(work, 'a.mjs'));
bundle(ROOT, join(work, 'b.mjs'));

type Run = (src: string, o: object) => { stdout: string; trace?: { bytes: Uint8Array } };
const A = (await import(pathToFileURL(join(work, 'a.mjs')).href)) as { runProgram: Run };
const B = (await import(pathToFileURL(join(work, 'b.mjs')).href)) as { runProgram: Run };

function cpuMs(f: () => void): number {
  const t = process.cpuUsage();
  f();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
}

console.log(`A = ${base}, B = working tree; min CPU ms of ${runs}`);
console.log('| program | A off | B off | A traced | B traced | A ratio | B ratio | B/A traced |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const name of only) {
  const src = readFileSync(join(HERE, 'programs', `${name}.py`), 'utf8');
  const off = { python: '3.12', filename: `${name}.py`, stepBudget: 1e9 };
  const on = { ...off, trace: true };
  const best = { aOff: Infinity, bOff: Infinity, aOn: Infinity, bOn: Infinity };
  for (let i = 0; i < runs; i++) {
    if (untraced) {
      best.aOff = Math.min(best.aOff, cpuMs(() => A.runProgram(src, off)));
      best.bOff = Math.min(best.bOff, cpuMs(() => B.runProgram(src, off)));
    }
    // ABBA order: neither side always runs right after the other's garbage
    if (i % 2 === 0) {
      best.aOn = Math.min(best.aOn, cpuMs(() => A.runProgram(src, on)));
      best.bOn = Math.min(best.bOn, cpuMs(() => B.runProgram(src, on)));
    } else {
      best.bOn = Math.min(best.bOn, cpuMs(() => B.runProgram(src, on)));
      best.aOn = Math.min(best.aOn, cpuMs(() => A.runProgram(src, on)));
    }
  }
  const f = (x: number): string => (Number.isFinite(x) ? x.toFixed(0) : '-');
  const r = (x: number, y: number): string => (Number.isFinite(x / y) ? (x / y).toFixed(2) : '-');
  console.log(`| ${name} | ${f(best.aOff)} | ${f(best.bOff)} | ${f(best.aOn)} | ${f(best.bOn)} | ${r(best.aOn, best.aOff)} | ${r(best.bOn, best.bOff)} | ${r(best.bOn, best.aOn)} |`);
}
