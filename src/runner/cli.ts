/**
 * The command-line contract: `npm run -s sim -- FILE.py [--python 3.12]`
 * prints what `python3.12 FILE.py` prints, with the same exit status.
 */

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runProgram, type PythonVersion } from '../engine/index.js';

function usage(): never {
  process.stderr.write('usage: npm run -s sim -- FILE.py [--python 3.12] [--steps N]\n');
  process.exit(2);
}

const args = process.argv.slice(2);
let file: string | null = null;
let python: PythonVersion = '3.12';
let steps: number | undefined;
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--python') python = (args[++i] ?? usage()) as PythonVersion;
  else if (a === '--steps') steps = Number(args[++i] ?? usage());
  else if (a === '-h' || a === '--help') usage();
  else if (file === null) file = a;
  else usage();
}
if (file === null) usage();

let source: string;
try {
  source = readFileSync(file, 'utf8');
} catch {
  process.stderr.write(`python3: can't open file '${file}': [Errno 2] No such file or directory\n`);
  process.exit(2);
}
// CPython (3.9+) shows the main script by its absolute path in tracebacks and __file__.
const r = runProgram(source, { python, filename: resolve(file), stepBudget: steps });
process.stdout.write(r.stdout);
process.stderr.write(r.stderr);
process.exitCode = r.exitCode;
