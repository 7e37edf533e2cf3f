/**
 * The `_lab` module (src/engine/modules/labmodule.ts): what an exercise's
 * trace checks read about the run so far. It exists only in a traced run;
 * untraced (the CLI, the conformance suite) `import _lab` fails as it does in
 * CPython, which has no such module.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { runProgram } from '../../src/engine/index.js';

/** Runs `src` traced and returns its stdout; fails the test on a traceback. */
function traced(src: string): string {
  const r = runProgram(src, { trace: true });
  expect(r.stderr, 'the program ran without an error').toBe('');
  expect(r.exitCode).toBe(0);
  return r.stdout;
}

function cpython312(): string | null {
  const roots = [process.env.PYENV_ROOT, join(homedir(), '.pyenv')].filter((r): r is string => !!r);
  for (const root of roots) {
    const p = join(root, 'versions', '3.12.1', 'bin', 'python3');
    if (existsSync(p)) return p;
  }
  const which = spawnSync('pyenv', ['root'], { encoding: 'utf8' });
  if (which.status === 0) {
    const p = join(which.stdout.trim(), 'versions', '3.12.1', 'bin', 'python3');
    if (existsSync(p)) return p;
  }
  return null;
}

describe('_lab.freed', () => {
  it('says why each object of a type went, in order: refcount or gc', () => {
    const out = traced(`import gc
class Node:
    pass
a = Node()
del a
b = Node()
b.me = b
del b
gc.collect()
c = Node()
c = None
import _lab
print(_lab.freed('Node'))
`);
    expect(out).toBe("['refcount', 'gc', 'refcount']\n");
  });

  it('counts objects made and freed within one line (which the trace leaves out)', () => {
    const out = traced(`class Node:
    pass
Node(); Node()
import _lab
print(_lab.freed('Node'), _lab.allocated('Node'))
`);
    expect(out).toBe("['refcount', 'refcount'] 2\n");
  });

  it('is empty for a type nothing of which was freed, and accepts the class itself', () => {
    const out = traced(`class Node:
    pass
keep = [Node(), Node()]
import _lab
print(_lab.freed('Node'), _lab.freed(Node), _lab.freed('NoSuchType'))
`);
    expect(out).toBe('[] [] []\n');
  });

  it('sees what the cyclic GC collected while the checks themselves run', () => {
    const out = traced(`import gc
class Node:
    def __init__(self):
        self.other = None
a, b = Node(), Node()
a.other, b.other = b, a
del a, b
import _lab
before = _lab.freed('Node')
gc.collect()
print(before, _lab.freed('Node'))
`);
    expect(out).toBe("[] ['gc', 'gc']\n");
  });
});

describe('_lab.allocated', () => {
  it('counts the lists a comprehension makes even when they die on the same line', () => {
    const out = traced(`import _lab
start = _lab.allocated('list')
total = sum([x * x for x in range(10)])
with_list = _lab.allocated('list') - start
start = _lab.allocated('list')
total = sum(x * x for x in range(10))
with_generator = _lab.allocated('list') - start
print(with_list, with_generator)
`);
    // each difference also counts nothing else: `_lab.allocated` returns an int, not a list
    expect(out).toBe('1 0\n');
  });

  it('is 0 for a type never made', () => {
    expect(traced(`import _lab\nprint(_lab.allocated('Node'))\n`)).toBe('0\n');
  });
});

describe('_lab.max_depth', () => {
  it('is 1 for a program that calls no Python function', () => {
    expect(traced(`x = len([1, 2])\nimport _lab\nprint(_lab.max_depth())\n`)).toBe('1\n');
  });

  it('counts the deepest recursion: the module frame plus one frame a call', () => {
    const out = traced(`def down(n):
    if n == 0:
        return 0
    return down(n - 1)
down(4)
import _lab
print(_lab.max_depth())
`);
    expect(out).toBe('6\n');
  });

  it('remembers the deepest point after the calls returned', () => {
    const out = traced(`def f():
    return g()
def g():
    return 1
f()
import _lab
a = _lab.max_depth()
def h():
    return 2
h()
print(a, _lab.max_depth())
`);
    expect(out).toBe('3 3\n');
  });
});

describe('_lab.output', () => {
  it('returns what was printed to stdout so far (not stderr)', () => {
    const r = runProgram(`import sys
print('one')
sys.stderr.write('not this\\n')
print(2, 3)
import _lab
seen = _lab.output()
print(repr(seen))
`, { trace: true });
    expect(r.stderr).toBe('not this\n');
    expect(r.stdout).toBe("one\n2 3\n'one\\n2 3\\n'\n");
  });
});

describe('_lab arguments', () => {
  it('raises TypeError for a type name that is not a str or a class', () => {
    const r = runProgram(`import _lab\n_lab.freed(3)\n`, { trace: true });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/TypeError: freed\(\) argument must be a type name \(str\) or a class, not int\n$/);
  });

  it('checks arity like a builtin function', () => {
    const r = runProgram(`import _lab\n_lab.max_depth(1)\n`, { trace: true });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/TypeError: max_depth\(\) takes no arguments \(1 given\)\n$/);
  });
});

describe('_lab without a trace', () => {
  const program = 'import _lab\n';

  it('cannot be imported: the same error as any module that does not exist', () => {
    const lab = runProgram(program);
    const other = runProgram('import _no_such_module\n');
    expect(lab.exitCode).toBe(1);
    expect(lab.stdout).toBe('');
    expect(lab.stderr).toBe(other.stderr.replace(/_no_such_module/g, '_lab'));
  });

  const python = cpython312();
  it.skipIf(python === null)('fails exactly as CPython 3.12 does (which has no _lab)', () => {
    const real = spawnSync(python!, ['-'], { input: program, encoding: 'utf8' });
    const sim = runProgram(program);
    expect(sim.stdout).toBe(real.stdout);
    expect(sim.stderr).toBe(real.stderr);
    expect(sim.exitCode).toBe(real.status);
  });

  it('is importable again in the next traced run after an untraced one', () => {
    runProgram(program);
    expect(traced(`import _lab\nprint(_lab.max_depth())\n`)).toBe('1\n');
  });
});
