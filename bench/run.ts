/**
 * `npm run bench`: times the programs in bench/programs/ through the engine
 * (tracing off, then tracing on) and through native CPython 3.12 in the same
 * run, in-process on both sides (start-up excluded), and prints each time and
 * the ratio engine/CPython against the project's aims (5× untraced, 20× traced).
 *
 *   npm run bench                      # all programs
 *   npm run bench -- --json            # also write bench/results.json
 *   npm run bench -- --runs 7          # timed runs per engine measurement (default 5)
 *   npm run bench -- --only b3_fib     # one program (comma-separated list allowed)
 *   npm run bench -- --no-trace        # skip the traced column
 *   npm run bench -- --no-page         # skip the chapter page's weight and start-up (bench/page.ts)
 *
 * CPython is found at $PYTHON312, then $(pyenv root)/versions/3.12.1/bin/python3,
 * then python3.12 on PATH. Without it the CPython column reads "n/a" and the
 * engine's output is checked against bench/programs/<name>.expected (recorded
 * from CPython 3.12).
 *
 * Tracing on is feature-detected: if `runProgram(src, { trace: true })` does not
 * return a `trace`, the traced columns read "n/a (trace not available)".
 */

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir, cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { runProgram as runProgramFromSource } from '../src/engine/index.js';

/**
 * The engine as the browser gets it: one esbuild bundle (tsx transforms file
 * by file, which is measurably slower). Falls back to the sources if bundling fails.
 */
async function loadBundledEngine(): Promise<{ runProgram: typeof runProgramFromSource; TraceReplay: unknown; bundled: boolean }> {
  const out = join(tmpdir(), `pml-bench-engine-${process.pid}.mjs`);
  const entry = join(tmpdir(), `pml-bench-entry-${process.pid}.ts`);
  try {
    const root = join(HERE, '..');
    writeFileSync(entry, `export { runProgram } from ${JSON.stringify(join(root, 'src/engine/index.ts'))};\nexport { TraceReplay } from ${JSON.stringify(join(root, 'src/engine/trace/replay.ts'))};\n`);
    execFileSync(join(root, 'node_modules/.bin/esbuild'), [entry, '--bundle', '--format=esm', '--platform=node', `--outfile=${out}`, '--log-level=error']);
    const mod = (await import(pathToFileURL(out).href)) as { runProgram: typeof runProgramFromSource; TraceReplay: unknown };
    return { runProgram: mod.runProgram, TraceReplay: mod.TraceReplay, bundled: true };
  } catch (e) {
    console.warn(`bench: bundling the engine failed (${(e as Error).message}); timing the sources instead`);
    const mod = await import('../src/engine/trace/replay.js');
    return { runProgram: runProgramFromSource, TraceReplay: mod.TraceReplay, bundled: false };
  }
}

const HERE = dirname(fileURLToPath(import.meta.url));
const engine = await loadBundledEngine();
const runProgram = engine.runProgram;
const PROGRAMS = ['b2_loop', 'b3_fib', 'b4_alloc', 'b5_objects'];
const AIM_OFF = 5;
const AIM_ON = 20;
/** per (program, mode): stop adding timed runs past this many ms once MIN_RUNS are done */
const BUDGET_MS = 10_000;
/** per (program, mode): stop warming up past this many ms */
const WARMUP_BUDGET_MS = 5_000;
/** the whole bench aims to finish within this (the per-mode budgets shrink when it runs late) */
const TOTAL_BUDGET_MS = 150_000;
const benchStart = performance.now();
let measurementsLeft = 0;
/** this measurement's share of the time left */
function share(budget: number): number {
  const left = TOTAL_BUDGET_MS - (performance.now() - benchStart);
  return Math.max(0, Math.min(budget, left / Math.max(1, measurementsLeft) / 2));
}
const MIN_RUNS = 3;
const CPYTHON_RUNS = 11;
const STEP_BUDGET = 1_000_000_000;

/** Measured elsewhere on the same kind of machine (bench/README.md), ms. */
const ELSEWHERE: Record<string, { cpython: number; pyodide: number; skulpt: number; brython: number }> = {
  b2_loop: { cpython: 79, pyodide: 132, skulpt: 334, brython: 50 },
  b3_fib: { cpython: 8, pyodide: 15, skulpt: 94, brython: 82 },
  b4_alloc: { cpython: 95, pyodide: 135, skulpt: 237, brython: 86 },
  b5_objects: { cpython: 52, pyodide: 104, skulpt: 182, brython: 155 },
};

// ---------------------------------------------------------------- arguments

const argv = process.argv.slice(2);
const flag = (name: string): boolean => argv.includes(name);
const option = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const RUNS = Math.max(1, Number(option('--runs') ?? 5));
const ONLY = option('--only')?.split(',');
const WANT_JSON = flag('--json');
const WANT_TRACE = !flag('--no-trace');

// ---------------------------------------------------------------- helpers

/** A real `gc()` even without --expose-gc, so each timed run starts from a collected JS heap. */
setFlagsFromString('--expose-gc');
const jsGC = runInNewContext('gc') as () => void;
function fullGC(): void {
  jsGC();
  jsGC();
}
function jsHeapBytes(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function fmtMs(ms: number | null): string {
  if (ms === null) return 'n/a';
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);
}
function fmtBytes(b: number | null): string {
  if (b === null) return 'n/a';
  if (b >= 1 << 20) return `${(b / (1 << 20)).toFixed(1)} MB`;
  if (b >= 1 << 10) return `${(b / (1 << 10)).toFixed(1)} KB`;
  return `${b} B`;
}
function fmtRatio(r: number | null, aim: number): string {
  if (r === null) return 'n/a';
  return `${r < 10 ? r.toFixed(2) : r.toFixed(1)}× ${r <= aim ? 'PASS' : 'MISS'}`;
}

// ---------------------------------------------------------------- CPython

interface CPython {
  exe: string;
  version: string;
}

function findCPython(): CPython | null {
  const candidates: string[] = [];
  if (process.env.PYTHON312) candidates.push(process.env.PYTHON312);
  try {
    const root = execFileSync('pyenv', ['root'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (root) candidates.push(join(root, 'versions', '3.12.1', 'bin', 'python3'));
  } catch {
    /* no pyenv */
  }
  candidates.push('python3.12');
  for (const exe of candidates) {
    if (exe.includes('/') && !existsSync(exe)) continue;
    const r = spawnSync(exe, ['-c', 'import sys; print(sys.version.split()[0]); assert sys.version_info[:2] == (3, 12)'], {
      encoding: 'utf8',
    });
    if (r.status === 0) return { exe, version: r.stdout.trim() };
  }
  return null;
}

/**
 * Runs inside CPython: execs the program's source `n` times (after `warm`
 * untimed runs) in a fresh __main__-like namespace, stdout captured, and
 * times each exec with perf_counter. Start-up is excluded, as on the engine
 * side (whose runProgram parses and compiles too, so compile is inside the
 * timed region here as well). The previous run's garbage is collected before
 * each run so b5's gc.collect() count is the program's own.
 */
const CPYTHON_DRIVER = String.raw`
import sys, io, gc, json, time, builtins, contextlib
path, n, warm = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
with open(path) as f:
    src = f.read()
def once():
    g = {'__name__': '__main__', '__builtins__': builtins, '__file__': path}
    buf = io.StringIO()
    gc.collect()
    with contextlib.redirect_stdout(buf):
        t0 = time.perf_counter()
        exec(compile(src, path, 'exec'), g)
        t1 = time.perf_counter()
    g.clear()
    gc.collect()
    return (t1 - t0) * 1000.0, buf.getvalue()
out = None
for _ in range(warm):
    once()
times = []
for _ in range(n):
    ms, o = once()
    times.append(ms)
    if out is None:
        out = o
    elif o != out:
        out = out + "\n<<output differs between runs>>\n" + o
times.sort()
print(json.dumps({"median": times[len(times) // 2], "times": times, "stdout": out}))
`;

interface CPythonResult {
  median: number;
  times: number[];
  stdout: string;
}

function timeCPython(py: CPython, file: string): CPythonResult | { error: string } {
  const dir = mkdtempSync(join(tmpdir(), 'pml-bench-'));
  const driver = join(dir, 'driver.py');
  writeFileSync(driver, CPYTHON_DRIVER);
  const r = spawnSync(py.exe, [driver, file, String(CPYTHON_RUNS), '2'], { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) return { error: (r.stderr || r.error?.message || 'failed').trim() };
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as CPythonResult;
}

// ---------------------------------------------------------------- engine

type AnyRunResult = { stdout: string; stderr: string; exitCode: number; trace?: unknown };

function runEngine(source: string, name: string, trace: boolean): AnyRunResult {
  const opts: Record<string, unknown> = { python: '3.12', filename: `${name}.py`, stepBudget: STEP_BUDGET };
  if (trace) opts.trace = true;
  return runProgram(source, opts as Parameters<typeof runProgram>[1]) as AnyRunResult;
}

interface Timing {
  median: number;
  times: number[];
  warmup: number[];
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** Warm up (until two runs are within 15% of each other, at most 4), then time runs; median. */
function timeEngine(source: string, name: string, trace: boolean): Timing {
  const warmup: number[] = [];
  const warmBudget = share(WARMUP_BUDGET_MS);
  const runBudget = share(BUDGET_MS);
  measurementsLeft--;
  let last: AnyRunResult | null = null;
  for (let i = 0; i < 4; i++) {
    fullGC();
    const t0 = performance.now();
    last = runEngine(source, name, trace);
    warmup.push(performance.now() - t0);
    last.trace = undefined;
    if (i >= 1 && warmup.reduce((a, b) => a + b, 0) > warmBudget / 2) break;
    if (i >= 1 && Math.abs(warmup[i] - warmup[i - 1]) <= 0.15 * warmup[i - 1]) break;
    if (warmup.reduce((a, b) => a + b, 0) > warmBudget) break;
  }
  const times: number[] = [];
  const start = performance.now();
  // when even MIN_RUNS runs would not fit this measurement's share of the time (a slow or loaded machine), time fewer
  const minRuns = warmup[warmup.length - 1] * MIN_RUNS > runBudget ? 1 : MIN_RUNS;
  for (let i = 0; i < RUNS; i++) {
    if (i >= minRuns && performance.now() - start > runBudget) break;
    fullGC();
    const t0 = performance.now();
    last = runEngine(source, name, trace);
    times.push(performance.now() - t0);
    last.trace = undefined;
  }
  return { median: median(times), times, warmup, stdout: last!.stdout, stderr: last!.stderr, exitCode: last!.exitCode };
}

// ---------------------------------------------------------------- tracing (feature-detected)

interface ReplayLike {
  stepCount: number;
  stateAt(k: number): unknown;
}
type ReplayCtor = new (trace: unknown) => ReplayLike;

interface TraceSupport {
  available: boolean;
  reason: string;
  Replay: ReplayCtor | null;
}

async function detectTrace(): Promise<TraceSupport> {
  // The replay of the same engine build that records the trace.
  let Replay: ReplayCtor | null = typeof engine.TraceReplay === 'function' ? (engine.TraceReplay as ReplayCtor) : null;
  // a variable specifier, so the type checker does not require the module to exist yet
  for (const rel of Replay !== null ? [] : ['../src/engine/trace/replay.ts', '../src/engine/trace/replay.js']) {
    const file = join(HERE, rel);
    if (!existsSync(file)) continue;
    try {
      const mod = (await import(pathToFileURL(file).href)) as { TraceReplay?: ReplayCtor };
      if (typeof mod.TraceReplay === 'function') Replay = mod.TraceReplay;
    } catch (e) {
      console.warn(`bench: could not load ${rel}: ${(e as Error).message}`);
    }
    break;
  }
  let probe: AnyRunResult;
  try {
    probe = runEngine('x = 1\nprint(x)\n', 'probe', true);
  } catch (e) {
    return { available: false, reason: `runProgram({ trace: true }) threw: ${(e as Error).message}`, Replay };
  }
  if (probe.trace === undefined || probe.trace === null) {
    return { available: false, reason: 'trace not available', Replay };
  }
  return { available: true, reason: Replay ? '' : 'TraceReplay not found', Replay };
}

interface TraceStats {
  /** JS heap retained by the trace and its replay (heapUsed + external), bytes */
  bytes: number | null;
  /** how `bytes` was measured */
  bytesMethod: string;
  /** a size the trace reports about itself, if it has one */
  selfReportedBytes: number | null;
  stepCount: number | null;
  replayBuildMs: number | null;
  /** first stateAt(stepCount/2) on a fresh replay */
  stateAtMidMs: number | null;
  /** median of stateAt at 7 distinct steps around the middle (after the first) */
  stateAtNearMidMs: number | null;
  error?: string;
}

function selfReportedSize(trace: unknown): number | null {
  if (typeof trace !== 'object' || trace === null) return null;
  const t = trace as Record<string, unknown>;
  for (const k of ['byteLength', 'sizeBytes', 'bytes', 'byteSize']) {
    const v = t[k];
    if (typeof v === 'number') return v;
    if (typeof v === 'function') {
      try {
        const r = (v as () => unknown).call(trace);
        if (typeof r === 'number') return r;
      } catch {
        /* ignore */
      }
    }
  }
  return null;
}

function traceStats(source: string, name: string, Replay: ReplayCtor | null): TraceStats {
  fullGC();
  const h0 = jsHeapBytes();
  let r: AnyRunResult | null = runEngine(source, name, true);
  let trace: unknown = r.trace;
  r = null;
  const selfReportedBytes = selfReportedSize(trace);
  const stats: TraceStats = {
    bytes: null,
    bytesMethod: '',
    selfReportedBytes,
    stepCount: null,
    replayBuildMs: null,
    stateAtMidMs: null,
    stateAtNearMidMs: null,
  };
  let replay: ReplayLike | null = null;
  let keep: unknown = null;
  if (Replay) {
    try {
      let t0 = performance.now();
      replay = new Replay(trace);
      stats.replayBuildMs = performance.now() - t0;
      const n = replay.stepCount;
      stats.stepCount = n;
      const mid = Math.floor(n / 2);
      t0 = performance.now();
      keep = replay.stateAt(mid);
      stats.stateAtMidMs = performance.now() - t0;
      const near: number[] = [];
      for (let i = 1; i <= 7; i++) {
        const k = Math.min(n - 1, Math.max(0, mid + Math.round(((i % 2 ? 1 : -1) * i * n) / 101)));
        t0 = performance.now();
        keep = replay.stateAt(k);
        near.push(performance.now() - t0);
      }
      stats.stateAtNearMidMs = median(near);
    } catch (e) {
      stats.error = `TraceReplay: ${(e as Error).message}`;
    }
  }
  fullGC();
  const h1 = jsHeapBytes();
  // drop the trace (and replay), collect, and see what was freed
  trace = null;
  replay = null;
  keep = null;
  void keep;
  fullGC();
  const h2 = jsHeapBytes();
  if (h1 - h2 > 1024) {
    stats.bytes = h1 - h2;
    stats.bytesMethod = 'JS heap freed when the trace and replay are dropped';
  } else {
    stats.bytes = Math.max(0, h1 - h0);
    stats.bytesMethod = 'JS heap growth across the traced run (the trace seems to be retained elsewhere)';
  }
  return stats;
}

// ---------------------------------------------------------------- main

interface ProgramResult {
  program: string;
  expected: string;
  cpython: CPythonResult | { error: string } | null;
  engine: Timing;
  engineOk: boolean;
  traced: Timing | null;
  tracedOk: boolean | null;
  trace: TraceStats | null;
  ratioOff: number | null;
  ratioOn: number | null;
}

async function main(): Promise<void> {
  const t0 = performance.now();
  const py = findCPython();
  const tsup = WANT_TRACE ? await detectTrace() : { available: false, reason: 'skipped (--no-trace)', Replay: null };
  console.log(`Python Memory Lab benchmark — node ${process.version}, ${cpus()[0]?.model ?? 'unknown cpu'}`);
  console.log(engine.bundled ? 'Engine: one esbuild bundle, as the browser runs it' : 'Engine: from the sources (bundling failed)');
  console.log(`CPython: ${py ? `${py.version} (${py.exe})` : 'not found (set PYTHON312) — ratios n/a'}`);
  console.log(`Tracing: ${tsup.available ? `on${tsup.reason ? ` (${tsup.reason})` : ''}` : `n/a (${tsup.reason})`}`);
  const load0 = loadavg()[0];
  if (load0 > cpus().length * 0.75) {
    console.log(`WARNING: load average ${load0.toFixed(1)} on ${cpus().length} CPUs — other processes compete for the CPU; times will be noisy`);
  }
  console.log(`Engine: median of up to ${RUNS} timed runs after warm-up, in-process; CPython: median of ${CPYTHON_RUNS} exec() runs in-process.\n`);

  const results: ProgramResult[] = [];
  const mismatches: string[] = [];
  const selected = PROGRAMS.filter((p) => !ONLY || ONLY.includes(p));
  measurementsLeft = selected.length * (tsup.available ? 2 : 1);
  for (const name of selected) {
    const file = join(HERE, 'programs', `${name}.py`);
    const source = readFileSync(file, 'utf8');
    const expectedFile = join(HERE, 'programs', `${name}.expected`);
    let expected = existsSync(expectedFile) ? readFileSync(expectedFile, 'utf8') : '';

    process.stdout.write(`${name}: CPython…`);
    const cp = py ? timeCPython(py, file) : null;
    if (cp && 'stdout' in cp) expected = cp.stdout;
    if (cp && 'error' in cp) mismatches.push(`${name}: CPython failed: ${cp.error}`);

    process.stdout.write(' engine…');
    const engine = timeEngine(source, name, false);
    const engineOk = engine.stdout === expected && engine.exitCode === 0;
    if (!engineOk) {
      mismatches.push(
        `${name}: engine output differs from ${cp && 'stdout' in cp ? 'CPython' : `${name}.expected`}:\n` +
          `    expected ${JSON.stringify(expected)}\n    engine   ${JSON.stringify(engine.stdout)}` +
          (engine.stderr ? `\n    stderr   ${JSON.stringify(engine.stderr.slice(0, 500))}` : ''),
      );
    }

    let traced: Timing | null = null;
    let tracedOk: boolean | null = null;
    let trace: TraceStats | null = null;
    if (tsup.available) {
      process.stdout.write(' traced…');
      traced = timeEngine(source, name, true);
      tracedOk = traced.stdout === expected && traced.exitCode === 0;
      if (!tracedOk) {
        mismatches.push(
          `${name}: traced engine output differs:\n    expected ${JSON.stringify(expected)}\n    traced   ${JSON.stringify(traced.stdout)}` +
            (traced.stderr ? `\n    stderr   ${JSON.stringify(traced.stderr.slice(0, 500))}` : ''),
        );
      }
      process.stdout.write(' trace size/stateAt…');
      trace = traceStats(source, name, tsup.Replay);
      if (trace.error) mismatches.push(`${name}: ${trace.error}`);
    }
    const cpMs = cp && 'median' in cp ? cp.median : null;
    const r: ProgramResult = {
      program: name,
      expected,
      cpython: cp,
      engine,
      engineOk,
      traced,
      tracedOk,
      trace,
      ratioOff: cpMs ? engine.median / cpMs : null,
      ratioOn: cpMs && traced ? traced.median / cpMs : null,
    };
    results.push(r);
    process.stdout.write(' done\n');
  }

  // ---- table
  const na = tsup.available ? 'n/a' : 'n/a (trace not available)';
  const header = ['program', 'CPython ms', 'engine ms', `ratio (aim ≤${AIM_OFF}×)`, 'traced ms', `ratio (aim ≤${AIM_ON}×)`, 'trace bytes', 'stateAt ms', 'output'];
  const rows = results.map((r) => [
    r.program,
    fmtMs(r.cpython && 'median' in r.cpython ? r.cpython.median : null),
    fmtMs(r.engine.median),
    fmtRatio(r.ratioOff, AIM_OFF),
    r.traced ? fmtMs(r.traced.median) : na,
    r.traced ? fmtRatio(r.ratioOn, AIM_ON) : na,
    r.trace ? fmtBytes(r.trace.bytes) : na,
    r.trace ? fmtMs(r.trace.stateAtMidMs) : na,
    r.engineOk && r.tracedOk !== false ? 'ok' : 'MISMATCH',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
  const line = (cells: string[]): string => '| ' + cells.map((c, i) => c.padEnd(widths[i])).join(' | ') + ' |';
  console.log('\n' + line(header));
  console.log('| ' + widths.map((w) => '-'.repeat(w)).join(' | ') + ' |');
  for (const row of rows) console.log(line(row));

  const off = results.filter((r) => r.ratioOff !== null);
  const on = results.filter((r) => r.ratioOn !== null);
  console.log(
    `\nAims: tracing off ≤${AIM_OFF}× CPython on every program: ` +
      (off.length ? `${off.filter((r) => r.ratioOff! <= AIM_OFF).length}/${off.length} pass` : 'n/a') +
      `; tracing on ≤${AIM_ON}×: ` +
      (on.length ? `${on.filter((r) => r.ratioOn! <= AIM_ON).length}/${on.length} pass` : na),
  );
  const b2 = results.find((r) => r.program === 'b2_loop');
  if (b2?.trace) {
    const t = b2.trace;
    console.log(
      `b2_loop trace: ${t.stepCount?.toLocaleString('en-US') ?? '?'} steps, ${fmtBytes(t.bytes)} retained` +
        (t.selfReportedBytes !== null ? ` (self-reported ${fmtBytes(t.selfReportedBytes)})` : '') +
        `, replay built in ${fmtMs(t.replayBuildMs)} ms, stateAt(stepCount/2) ${fmtMs(t.stateAtMidMs)} ms` +
        ` (near the middle, median of 7: ${fmtMs(t.stateAtNearMidMs)} ms)`,
    );
  }

  // context: what other runtimes reach, measured elsewhere (bench/README.md)
  console.log('\nFor context, measured elsewhere (bench/README.md), ratio to their CPython 3.12: ');
  for (const r of results) {
    const e = ELSEWHERE[r.program];
    const f = (x: number): string => `${(x / e.cpython).toFixed(1)}×`;
    console.log(`  ${r.program.padEnd(10)} Pyodide ${f(e.pyodide)}, Skulpt ${f(e.skulpt)}, Brython ${f(e.brython)}`);
  }

  if (mismatches.length) {
    console.log('\n!!!!!!!! OUTPUT MISMATCH !!!!!!!!');
    for (const m of mismatches) console.log('  ' + m);
    process.exitCode = 1;
  }
  const total = (performance.now() - t0) / 1000;
  console.log(`\nbench took ${total.toFixed(1)} s (load average ${load0.toFixed(1)} at start, ${loadavg()[0].toFixed(1)} at end, ${cpus().length} CPUs)`);

  if (WANT_JSON) {
    const out = join(HERE, 'results.json');
    writeFileSync(
      out,
      JSON.stringify(
        {
          date: new Date().toISOString(),
          node: process.version,
          cpu: cpus()[0]?.model ?? null,
          cpus: cpus().length,
          loadAverageAtStart: load0,
          loadAverageAtEnd: loadavg()[0],
          cpython: py,
          tracing: { available: tsup.available, note: tsup.reason },
          aims: { off: AIM_OFF, on: AIM_ON },
          results: results.map((r) => ({
            program: r.program,
            cpythonMs: r.cpython && 'median' in r.cpython ? r.cpython.median : null,
            cpythonTimesMs: r.cpython && 'times' in r.cpython ? r.cpython.times : null,
            engineMs: r.engine.median,
            engineTimesMs: r.engine.times,
            engineWarmupMs: r.engine.warmup,
            ratioOff: r.ratioOff,
            passOff: r.ratioOff === null ? null : r.ratioOff <= AIM_OFF,
            tracedMs: r.traced?.median ?? null,
            tracedTimesMs: r.traced?.times ?? null,
            ratioOn: r.ratioOn,
            passOn: r.ratioOn === null ? null : r.ratioOn <= AIM_ON,
            trace: r.trace,
            outputOk: r.engineOk && r.tracedOk !== false,
            stdout: r.engine.stdout,
          })),
          mismatches,
          totalSeconds: total,
        },
        null,
        2,
      ) + '\n',
    );
    console.log(`wrote ${out}`);
  }
}

await main();

// ---------------------------------------------------------------- the course site in Chromium

// Page weight and start-up of a chapter page (bench/page.ts): builds the site,
// serves it locally and measures in a system Chromium. --no-page skips it.
if (!flag('--no-page')) {
  const { pageBench, printPageBench } = await import('./page.js');
  try {
    const r = await pageBench({ build: true });
    printPageBench(r);
    if (WANT_JSON) {
      const out = join(HERE, 'page-results.json');
      writeFileSync(out, JSON.stringify({ date: new Date().toISOString(), ...r }, null, 2) + '\n');
      console.log(`wrote ${out}`);
    }
  } catch (e) {
    console.log(`\npage bench failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  }
}
