/**
 * Profiles the engine on the bench programs and prints the top functions by
 * self time (what bench/PROFILE.md was written from).
 *
 *   npx tsx bench/profile.ts                 # all programs, 3 warm runs each
 *   npx tsx bench/profile.ts b3_fib 5        # one program, 5 profiled runs
 *   npx tsx bench/profile.ts --summarize f.cpuprofile [top]
 *   PML_PROFILE_TRACE=1 npx tsx bench/profile.ts b3_fib   # traced runs
 *   npx tsx bench/profile.ts --alloc b4_alloc  # bytes allocated per run, by function
 *
 * Profiling a program: re-runs this file under `node --cpu-prof` (the node from
 * the `node` devDependency, with tsx as the loader), warms up untimed, then
 * profiles `runs` runs and summarizes the .cpuprofile written to /tmp.
 */

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const PROGRAMS = ['b2_loop', 'b3_fib', 'b4_alloc', 'b5_objects'];

interface CpuNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}
interface CpuProfile {
  nodes: CpuNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export function summarize(file: string, top = 30): string {
  const prof = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map<number, CpuNode>();
  for (const n of prof.nodes) byId.set(n.id, n);
  // self time per node from samples x timeDeltas
  const selfUs = new Map<number, number>();
  for (let i = 0; i < prof.samples.length; i++) {
    const d = prof.timeDeltas[i + 1] ?? 0;
    selfUs.set(prof.samples[i], (selfUs.get(prof.samples[i]) ?? 0) + d);
  }
  const agg = new Map<string, number>();
  let total = 0;
  for (const [id, us] of selfUs) {
    const cf = byId.get(id)!.callFrame;
    const url = cf.url.replace(/^file:\/\//, '');
    const where = url ? `${relative(ROOT, url)}:${cf.lineNumber + 1}` : '';
    const key = `${cf.functionName || '(anonymous)'}  ${where}`;
    agg.set(key, (agg.get(key) ?? 0) + us);
    total += us;
  }
  const rows = [...agg].sort((a, b) => b[1] - a[1]).slice(0, top);
  const lines = [`total ${(total / 1000).toFixed(0)} ms sampled`, '| self % | self ms | function | where |', '| ---: | ---: | --- | --- |'];
  for (const [key, us] of rows) {
    const [fn, where] = key.split('  ');
    lines.push(`| ${((100 * us) / total).toFixed(1)} | ${(us / 1000).toFixed(0)} | \`${fn}\` | ${where ?? ''} |`);
  }
  return lines.join('\n');
}

async function child(name: string, runs: number): Promise<void> {
  const { runProgram } = await import('../src/engine/index.js');
  const src = readFileSync(join(HERE, 'programs', `${name}.py`), 'utf8');
  // PML_PROFILE_TRACE=1 profiles traced runs (what the site's stepping pays for).
  const trace = process.env.PML_PROFILE_TRACE === '1';
  const opts = { python: '3.12' as const, filename: `${name}.py`, stepBudget: 1e9, trace };
  for (let i = 0; i < 2; i++) runProgram(src, opts); // warm-up (also in the profile; small next to the runs)
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) runProgram(src, opts);
  console.log(`${name}: ${runs} runs, ${((performance.now() - t0) / runs).toFixed(0)} ms/run`);
}

interface HeapNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: HeapNode[];
}

/**
 * JS bytes allocated during one warm run, by the function that allocated
 * them (with its caller): V8's sampling heap profiler, keeping the samples
 * of objects the GC has since collected, so this is allocation, not what is
 * left alive. The JS GC's share of a run's time (up to a quarter of b4) comes
 * from here.
 */
async function allocationProfile(name: string, top = 25): Promise<void> {
  const { Session } = await import('node:inspector/promises');
  const { runProgram } = await import('../src/engine/index.js');
  const src = readFileSync(join(HERE, 'programs', `${name}.py`), 'utf8');
  const opts = { python: '3.12' as const, filename: `${name}.py`, stepBudget: 1e9, trace: process.env.PML_PROFILE_TRACE === '1' };
  for (let i = 0; i < 2; i++) runProgram(src, opts);
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.enable');
  await session.post('HeapProfiler.startSampling', {
    samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true,
  });
  runProgram(src, opts);
  const { profile } = (await session.post('HeapProfiler.stopSampling')) as unknown as { profile: { head: HeapNode } };
  session.disconnect();
  const bytes = new Map<string, number>();
  let total = 0;
  const label = (n: HeapNode): string => n.callFrame.functionName || '(anonymous)';
  const walk = (n: HeapNode, caller: string): void => {
    if (n.selfSize > 0) {
      const key = `${label(n)} < ${caller}`;
      bytes.set(key, (bytes.get(key) ?? 0) + n.selfSize);
      total += n.selfSize;
    }
    for (const c of n.children) walk(c, label(n));
  };
  walk(profile.head, '');
  console.log(`## ${name}: ${(total / 1e6).toFixed(1)} MB allocated in one run (sampled)\n`);
  console.log('| % | MB | function < caller |\n| ---: | ---: | --- |');
  for (const [key, b] of [...bytes].sort((x, y) => y[1] - x[1]).slice(0, top)) {
    console.log(`| ${((100 * b) / total).toFixed(1)} | ${(b / 1e6).toFixed(1)} | \`${key}\` |`);
  }
}

const args = process.argv.slice(2);
if (args[0] === '--alloc') {
  await allocationProfile(args[1] ?? 'b4_alloc', Number(args[2] ?? 25));
} else if (args[0] === '--child') {
  await child(args[1], Number(args[2]));
} else if (args[0] === '--summarize') {
  console.log(summarize(args[1], Number(args[2] ?? 30)));
} else {
  const names = args[0] && !/^\d+$/.test(args[0]) ? [args[0]] : PROGRAMS;
  const runs = Number(args.find((a) => /^\d+$/.test(a)) ?? 3);
  const node = join(ROOT, 'node_modules', '.bin', 'node');
  for (const name of names) {
    const dir = mkdtempSync(join(tmpdir(), `pml-prof-${name}-`));
    const r = spawnSync(node, ['--cpu-prof', '--cpu-prof-dir', dir, '--import', 'tsx', fileURLToPath(import.meta.url), '--child', name, String(runs)], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    if (r.status !== 0) throw new Error(`profiling ${name} failed`);
    const f = readdirSync(dir).find((x) => x.endsWith('.cpuprofile'))!;
    console.log(`\n## ${name} (${join(dir, f)})\n`);
    console.log(summarize(join(dir, f), 25));
    console.log();
  }
}
