/**
 * Prints, for every conformance program, whether the engine matches the 3.12
 * recording, and for failures the first differing line. For quick iteration:
 * `npx tsx scripts/conformance-report.ts [filter]`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listPrograms, readRecording, lastNonEmptyLine, PROGRAMS_DIR, SKIPPED_TOPICS, topicOf } from '../tests/conformance/suite.js';
import { runProgram } from '../src/engine/index.js';

const filter = process.argv[2] ?? '';
let pass = 0, fail = 0;
for (const p of listPrograms()) {
  if (!p.includes(filter) || SKIPPED_TOPICS[topicOf(p)]) continue;
  const rec = readRecording('3.12', p);
  if (!rec) continue;
  const src = readFileSync(join(PROGRAMS_DIR, p), 'utf8');
  const t0 = Date.now();
  const r = runProgram(src, { python: '3.12', filename: p, stepBudget: 5_000_000 });
  const ms = Date.now() - t0;
  const errOk = lastNonEmptyLine(r.stderr) === lastNonEmptyLine(rec.stderr);
  if (r.stdout === rec.stdout && r.exitCode === rec.exitCode && errOk) {
    pass++;
    continue;
  }
  fail++;
  const el = rec.stdout.split('\n'), gl = r.stdout.split('\n');
  let i = 0;
  while (i < el.length && el[i] === gl[i]) i++;
  console.log(`✗ ${p} (${ms} ms)`);
  if (r.stdout !== rec.stdout) console.log(`    line ${i + 1}: expected ${JSON.stringify(el[i])}\n             got      ${JSON.stringify(gl[i])}`);
  if (!errOk) console.log(`    stderr: expected ${JSON.stringify(lastNonEmptyLine(rec.stderr))}\n            got      ${JSON.stringify(lastNonEmptyLine(r.stderr))}`);
  if (r.exitCode !== rec.exitCode) console.log(`    exit: expected ${rec.exitCode} got ${r.exitCode}`);
}
console.log(`${pass} passed, ${fail} failed`);
