/**
 * Records what real CPython 3.12 prints for every program in the chapters.
 *
 *   npm run chapters:record                                        # every chapter
 *   npm run chapters:record -- content/chapters/01-reference-counting.mdx
 *
 * A chapter's programs are its Playgrounds' code, its exercises' solutions,
 * starters and wrong answers joined with their checks, its predict exercises'
 * code and its quiz questions' code (src/lib/recordings.ts `chapterPrograms`).
 * Each runs as `python3 -` with the program on stdin — so tracebacks say
 * `File "<stdin>"`, as in the lab's editor — twice: a program whose two runs
 * differ is rejected as nondeterministic (it would make a flaky chapter).
 * The results replace `content/recorded/<slug>.json`. Never edit that file by hand.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { actualVersion, cleanEnv, findPython } from './cpython.js';
import {
  CHAPTERS_DIR,
  chapterPrograms,
  programKey,
  RECORDED_DIR,
  type Recording,
  type RecordingFile,
} from '../src/lib/recordings.js';
import { chapterSlug } from '../src/lib/slug.js';

const TIMEOUT_MS = 30_000;

function runOnStdin(exe: string, code: string): Omit<Recording, 'code'> {
  const res = spawnSync(exe, ['-'], {
    input: code,
    cwd: RECORDED_DIR,
    env: cleanEnv(),
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
    maxBuffer: 16 * 1024 * 1024,
  });
  if (res.error) throw new Error(res.error.message);
  if (res.status === null) throw new Error(`killed by ${res.signal ?? 'a signal'} (timeout ${TIMEOUT_MS} ms?)`);
  return { stdout: res.stdout, stderr: res.stderr, exitCode: res.status };
}

function main(): void {
  const args = process.argv.slice(2);
  const files = args.length > 0 ? args : readdirSync(CHAPTERS_DIR).filter((f) => f.endsWith('.mdx')).map((f) => join(CHAPTERS_DIR, f));
  const exe = findPython('3.12');
  if (!exe) {
    console.error('chapters:record: CPython 3.12 not found. Install it with pyenv (pyenv install 3.12) or set PYTHON312=/path/to/python3.12.');
    process.exit(1);
  }
  const version = actualVersion(exe);
  console.log(`chapters:record: CPython ${version} at ${exe}`);
  mkdirSync(RECORDED_DIR, { recursive: true });
  let failures = 0;
  for (const file of files) {
    const slug = chapterSlug(basename(file));
    const programs = chapterPrograms(readFileSync(file, 'utf8'));
    const out: RecordingFile = { python: version, programs: {} };
    for (const p of programs) {
      const key = programKey(p.code);
      if (out.programs[key]) continue; // the same program twice in one chapter
      const first = runOnStdin(exe, p.code);
      const second = runOnStdin(exe, p.code);
      if (JSON.stringify(first) !== JSON.stringify(second)) {
        failures++;
        console.error(`chapters:record: ${basename(file)}:${p.line} ${p.where} prints different things on two runs (an id, a time, a set's order?): make it deterministic.`);
        continue;
      }
      out.programs[key] = { code: p.code, ...first };
    }
    writeFileSync(join(RECORDED_DIR, `${slug}.json`), JSON.stringify(out, null, 2) + '\n');
    console.log(`chapters:record: ${slug}: ${Object.keys(out.programs).length} program(s)`);
  }
  if (failures > 0) process.exit(1);
}

main();
