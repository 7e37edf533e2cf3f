// `npm start`: until the course site exists, show how to run Python in the simulator.
import { spawnSync } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const demo = `import sys
x = [1, 2, 3]
y = x
print("refcount of x:", sys.getrefcount(x))
del y
print("after del y:", sys.getrefcount(x))
print("size of x:", sys.getsizeof(x))
`;
const dir = mkdtempSync(join(tmpdir(), 'pml-'));
const file = join(dir, 'demo.py');
writeFileSync(file, demo);
console.log('Python Memory Lab — the simulator runs Python the way CPython 3.12 does.\n');
console.log('Run a program:  npm run -s sim -- FILE.py [--python 3.12]\n');
console.log('Example (' + file + '):\n' + demo.replace(/^/gm, '    '));
const r = spawnSync('npx', ['tsx', 'src/runner/cli.ts', file], { stdio: 'inherit' });
process.exit(r.status ?? 1);
