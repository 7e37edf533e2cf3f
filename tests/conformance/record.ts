/**
 * Records what real CPython prints for every conformance program.
 *
 *   npm run conformance:record                      # every program, every installed version
 *   npm run conformance:record -- gc/cycle_two.py   # only the named programs
 *
 * For each CPython among 3.11, 3.12 and 3.13 that is installed (3.12 is required), runs
 * every `programs/<topic>/<name>.py` with cwd = programs/ and the relative path as the
 * script argument (so tracebacks say `File "basics/x.py"`), and writes
 * `recorded/<version>/<topic>/<name>.json` = { stdout, stderr, exitCode }. The one
 * normalisation: CPython prints the script's absolute path in tracebacks; the programs/
 * prefix is removed so they read `File "basics/x.py"` on every machine.
 *
 * Interpreters are found as `$(pyenv root)/versions/3.12.*\/bin/python3`; override with
 * the environment variables PYTHON311, PYTHON312, PYTHON313 (path to an interpreter).
 * Recordings are outputs of real CPython only: never edit one by hand.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { actualVersion, cleanEnv, findPython, VERSIONS, type Version } from '../../scripts/cpython.js';
import { HERE, listPrograms, PROGRAMS_DIR, RECORDED_DIR, recordingPath, type Recording } from './suite.js';

const REQUIRED: Version = '3.12';
const TIMEOUT_MS = 30_000;

function runOne(exe: string, program: string): Recording {
  const res = spawnSync(exe, [program], {
    cwd: PROGRAMS_DIR,
    env: cleanEnv(),
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (res.error) throw new Error(`${program}: ${res.error.message}`);
  if (res.status === null) throw new Error(`${program}: killed by ${res.signal ?? 'a signal'} (timeout ${TIMEOUT_MS} ms?)`);
  // CPython (3.9+) makes the script path absolute in tracebacks and SyntaxError reports:
  // strip this checkout's programs/ prefix so recordings say `File "basics/x.py"` (the
  // filename the engine is given) and do not depend on where the repository lives.
  const strip = (text: string): string => text.split(PROGRAMS_DIR + sep).join('');
  // Fixed key order: stdout, stderr, exitCode.
  return { stdout: strip(res.stdout), stderr: strip(res.stderr), exitCode: res.status };
}

function main(): void {
  const all = listPrograms();
  const args = process.argv.slice(2).map((a) => a.replace(/^(\.\/)?(tests\/conformance\/)?(programs\/)?/, ''));
  for (const a of args) {
    if (!all.includes(a)) {
      console.error(`record: no such program: ${a} (expected a path like basics/int_arith.py)`);
      process.exit(2);
    }
  }
  const programs = args.length > 0 ? args : all;

  const pythons: Array<[Version, string]> = [];
  for (const v of VERSIONS) {
    const exe = findPython(v);
    if (!exe) {
      if (v === REQUIRED) {
        console.error(
          `record: CPython ${REQUIRED} not found. Install it with pyenv (pyenv install 3.12) ` +
            `or set PYTHON312=/path/to/python3.12.`,
        );
        process.exit(1);
      }
      console.warn(`record: CPython ${v} not found; skipping its recordings`);
      continue;
    }
    const actual = actualVersion(exe);
    if (!actual.startsWith(v + '.')) {
      console.error(`record: ${exe} is CPython ${actual}, not ${v}`);
      process.exit(1);
    }
    console.log(`record: CPython ${actual} at ${exe}`);
    pythons.push([v, exe]);
  }

  let failures = 0;
  for (const [v, exe] of pythons) {
    const outDir = join(RECORDED_DIR, v);
    for (const program of programs) {
      let rec: Recording;
      try {
        rec = runOne(exe, program);
      } catch (e) {
        failures++;
        console.error(`record: ${v} ${(e as Error).message}`);
        continue;
      }
      const target = recordingPath(v, program);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, JSON.stringify(rec, null, 2) + '\n');
    }
    // A full run also removes recordings whose program is gone.
    if (args.length === 0 && existsSync(outDir)) {
      const wanted = new Set(all.map((p) => p.replace(/\.py$/, '.json')));
      const walk = (d: string): void => {
        for (const entry of readdirSync(d)) {
          const full = join(d, entry);
          if (statSync(full).isDirectory()) {
            walk(full);
            if (readdirSync(full).length === 0) rmSync(full, { recursive: true });
          } else if (!wanted.has(relative(outDir, full).split(sep).join('/'))) {
            console.log(`record: removing stale ${relative(HERE, full)}`);
            rmSync(full);
          }
        }
      };
      walk(outDir);
    }
    console.log(`record: ${v}: ${programs.length} program(s) run`);
  }
  if (failures > 0) {
    console.error(`record: ${failures} run(s) failed`);
    process.exit(1);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
