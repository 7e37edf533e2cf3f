/**
 * The command-line contract: `npm run -s sim -- FILE.py` prints what
 * `python3.12 FILE.py` prints (stdout, the traceback on stderr) with the same
 * exit status. Checked against conformance recordings made with CPython.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readRecording, lastNonEmptyLine, PROGRAMS_DIR } from '../conformance/suite.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const CLI = join(ROOT, 'src/runner/cli.ts');

function sim(args: string[]): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(TSX, [CLI, ...args], { encoding: 'utf8', cwd: PROGRAMS_DIR });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

describe('npm run sim', () => {
  for (const program of ['basics/err_name.py', 'refcount/del_rebind.py', 'gc/cycle_with_del.py']) {
    it(`${program}: same stdout, exit status and last stderr line as CPython 3.12`, () => {
      const rec = readRecording('3.12', program);
      expect(rec, 'recorded').toBeDefined();
      if (rec === undefined) return;
      const r = sim([program]);
      expect(r.stdout).toBe(rec.stdout);
      expect(r.status).toBe(rec.exitCode);
      expect(lastNonEmptyLine(r.stderr)).toBe(lastNonEmptyLine(rec.stderr));
    });
  }

  it('names the script by its absolute path in tracebacks, as CPython does', () => {
    const r = sim(['basics/err_name.py']);
    expect(r.stderr).toContain(`File "${join(PROGRAMS_DIR, 'basics/err_name.py')}", line`);
  });

  it('refuses an unknown Python version with a clear message and status 1', () => {
    const r = sim(['basics/err_name.py', '--python', '2.7']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/not supported by the simulator: Python 2\.7/);
  });

  it('reports a missing file like python3 does, with status 2', () => {
    const r = sim(['no/such/file.py']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/can't open file 'no\/such\/file\.py': \[Errno 2\] No such file or directory/);
  });
});
