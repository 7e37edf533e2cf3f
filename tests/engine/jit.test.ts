/**
 * The compiled tier (src/engine/jit/) must be invisible: every program gives
 * the same stdout, the same whole stderr (tracebacks line by line) and the
 * same exit status with it as with the interpreter alone, and a step budget
 * stops a run at the same instruction either way (same output so far, same
 * message). The conformance suite checks the tier against CPython; this
 * checks it against the interpreter, including where CPython has nothing to
 * say (the budget) and on programs written to cross between the two often.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { validProgram } from './safety-generators.js';
import { runProgram, type RunResult } from '../../src/engine/index.js';
import { setCompiledTier } from '../../src/engine/eval/ceval.js';
import { compiledTier, compiledSource } from '../../src/engine/jit/compile.js';
import { compile } from '../../src/engine/compile/index.js';
import { parse } from '../../src/engine/parse/index.js';
import { listPrograms, PROGRAMS_DIR } from '../conformance/suite.js';
import type { CodeObject } from '../../src/engine/bytecode/code.js';

afterAll(() => setCompiledTier(compiledTier));

/**
 * Code compiled on its first entry, so that compiled code runs everything it
 * can, or once hot (the tier as Node's entry installs it, where frames change
 * hands mid-run as code warms up).
 */
const EAGER = { ...compiledTier, hot: 1 };

function run(
  source: string, compiled: boolean, stepBudget?: number, tier = EAGER,
): Pick<RunResult, 'stdout' | 'stderr' | 'exitCode'> {
  setCompiledTier(compiled ? tier : null);
  try {
    const r = runProgram(source, { filename: 'prog.py', stepBudget });
    return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
  } finally {
    setCompiledTier(compiledTier);
  }
}

/** What a traced run records, with the program's own output: everything a learner can step through. */
function traced(source: string, compiled: boolean, stepBudget?: number, tier = EAGER): {
  bytes: string; strings: string[]; stepCount: number; transient: number; truncated: boolean; stdout: string; stderr: string;
} {
  setCompiledTier(compiled ? tier : null);
  try {
    const r = runProgram(source, { filename: 'prog.py', stepBudget, trace: true });
    const t = r.trace!;
    return {
      bytes: Buffer.from(t.bytes).toString('base64'), strings: t.strings, stepCount: t.stepCount, transient: t.transient,
      truncated: t.truncated, stdout: r.stdout, stderr: r.stderr,
    };
  } finally {
    setCompiledTier(compiledTier);
  }
}

/** The code object of the usual recursive fib (lines 1-4), as the compiler makes it. */
function fibCode(): CodeObject {
  const src = 'def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n';
  const parsed = parse(src, '<test>');
  if (!parsed.ok) throw new Error('parse');
  const compiled = compile(parsed.module, '<test>', src);
  if (!compiled.ok) throw new Error('compile');
  const fib = compiled.code.co_consts.find((c): c is { type: 'code'; code: CodeObject } =>
    typeof c === 'object' && c !== null && 'type' in c && c.type === 'code');
  return fib!.code;
}

/** Programs that cross between compiled code and the interpreter at every kind of seam. */
const SEAMS: Record<string, string> = {
  recursion: `
import sys
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print("caught", e)
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)
print(fib(15), sys.getrefcount(fib))
`,
  unwinding: `
import sys
class D:
    def __init__(self, name): self.name = name
    def __del__(self): print("del", self.name)
def boom(x):
    raise ValueError(x)
def middle():
    a = D("a")
    return [D("b"), 1 + 2, boom("mid")]
try:
    middle()
except ValueError as e:
    print("caught", e, sys.getrefcount(e))
x = 1000
def f():
    return x + None
f()
`,
  handlers_and_generators: `
def gen(n):
    for i in range(n):
        yield i * i
def total(n):
    s = 0
    for v in gen(n):
        try:
            if v % 2:
                raise KeyError(v)
            s += v
        except KeyError as k:
            s -= k.args[0]
        finally:
            s += 1
    return s
print(total(20))
print([total(i) for i in range(5)], sum(x for x in gen(4)))
`,
  calls: `
import sys
def kw(a, b=2, *args, c=3, **kw):
    return (a, b, args, c, sorted(kw))
class P:
    def __init__(self, v):
        self.v = v
    def get(self):
        return self.v
    def __repr__(self):
        return "P(%r)" % (self.v,)
class Bad:
    def __init__(self):
        return 1
def where():
    return sys._getframe(1).f_lineno
ps = [P(i) for i in range(3)]
print(kw(1), kw(1, 2, 3, c=4, d=5), [p.get() for p in ps], ps)
print(where(), max(ps, key=P.get), sorted(range(5), key=lambda v: -v))
print(list(map(P, "ab")), where())
try:
    Bad()
except TypeError as e:
    print(e)
`,
  gc_and_frames: `
import gc
class Node:
    def __init__(self, other):
        self.other = other
def cycles(n):
    made = 0
    for i in range(n):
        a = Node(None)
        b = Node(a)
        a.other = b
        made += 1
        if i % 50 == 0:
            gc.collect()
    return made
print(cycles(300), gc.collect())
def outer():
    x = [1, 2, 3]
    def inner():
        return sum(x) + len(x)
    return inner()
print(outer())
`,
  unpacking_and_formatting: `
def pairs(n):
    out = []
    for i in range(n):
        a, b = i, str(i)
        c, d = b * 2
        x, y, z = (v for v in (a, b, c))
        e, *rest = [a, b, c, d]
        out.append(f"{a}:{b!r}:{c}{d}:{x + 1:>4}|{y}{z}|{e}{rest}")
    return out
print(pairs(4))
def counter():
    n = 0
    def bump(k):
        nonlocal n
        n += k
        return not n
    return bump, lambda: -n
bump, neg = counter()
print([bump(i) for i in range(4)], neg())
try:
    p, q = [1, 2, 3]
except ValueError as e:
    print(e)
`,
  star_calls: `
import sys
def kw(a, b=2, *args, c=3, **kw):
    return (a, b, args, c, sorted(kw))
def down(n):
    return n if n == 0 else down(*(n - 1,))
class P:
    def __init__(self, v):
        self.v = v
    def get(self, k=0, **extra):
        return self.v + k + len(extra)
    def walk(self, n):
        return self.v if n == 0 else self.walk(*[n - 1], **{})
def gen(*a):
    yield from a
def boom(*a, **k):
    raise ValueError(len(a), sorted(k))
p = P(5)
print(kw(*[1, 2, 3], **{"c": 4, "d": 5}), down(*[200]), p.walk(*(300,)), p.get(*[1], **{"x": 2}))
print(list(gen(*"abc")), [p.get(*(i,)) for i in range(3)], sys.getrefcount(p))
try:
    kw(*[], **{"z": 1})
except TypeError as e:
    print(e)
try:
    boom(*[1], **{"q": 2})
except ValueError as e:
    print(e.args, sys.getrefcount(p))
def r(n):
    return r(*(n + 1,))
try:
    r(0)
except RecursionError as e:
    print("caught", e)
try:
    p.walk(*[10000])
except RecursionError as e:
    print("caught", e, sys.getrefcount(p))
`,
  module_level_loop: `
d = {}
s = 0
for i in range(2000):
    s += i
    d[str(i % 7)] = i
    if i in (5, 6):
        continue
    elif i > 1990:
        break
else:
    print("no break")
print(s, d, i)
`,
};

describe('compiled tier: the same run as the interpreter', () => {
  for (const [name, source] of Object.entries(SEAMS)) {
    test(name, () => {
      const interpreted = run(source, false);
      expect(interpreted.stderr.includes('internal') || interpreted.stderr.includes('not supported')).toBe(false);
      expect(run(source, true)).toEqual(interpreted);
      expect(run(source, true, undefined, compiledTier)).toEqual(interpreted);
    });
  }

  test('a step budget stops both at the same instruction', () => {
    for (const source of Object.values(SEAMS)) {
      for (const budget of [1, 2, 7, 40, 333, 2500]) {
        expect(run(source, true, budget), `budget ${budget}`).toEqual(run(source, false, budget));
        expect(run(source, true, budget, compiledTier), `budget ${budget}, warming up`).toEqual(run(source, false, budget));
      }
    }
  });

  test('random generated programs (the safety test\'s generator)', () => {
    fc.assert(
      fc.property(validProgram, (source) => {
        expect(run(source, true, 20_000)).toEqual(run(source, false, 20_000));
      }),
      { seed: 20261123, numRuns: 300 },
    );
  });

  test("fib's code compiles whole: no instruction is left to the interpreter", () => {
    const js = compiledSource(fibCode());
    expect(js).not.toBeNull();
    expect(js?.match(/return undefined/g)?.length).toBe(1); // the default case only
  });
});

describe('compiled tier: every conformance program, whole and cut short', () => {
  const programs = listPrograms();
  for (const program of programs) {
    test(program, () => {
      const source = readFileSync(join(PROGRAMS_DIR, program), 'utf8');
      expect(run(source, true)).toEqual(run(source, false));
      for (const budget of [30, 600]) expect(run(source, true, budget), `budget ${budget}`).toEqual(run(source, false, budget));
    });
  }
});

/**
 * Traced runs use compiled code too (with the trace's hooks): the trace must
 * be the one the interpreter records, byte for byte, wherever a run stops.
 */
describe('compiled tier, traced: the same trace as the interpreter', () => {
  test('the seam programs, whole and cut short', () => {
    for (const [name, source] of Object.entries(SEAMS)) {
      for (const budget of [undefined, 7, 333, 2500]) {
        const interpreted = traced(source, false, budget);
        expect(interpreted.stepCount, name).toBeGreaterThan(1);
        expect(traced(source, true, budget), `${name}, budget ${budget}`).toEqual(interpreted);
        expect(traced(source, true, budget, compiledTier), `${name}, budget ${budget}, warming up`).toEqual(interpreted);
      }
    }
  });

  test('every conformance program, whole and cut short', () => {
    for (const program of listPrograms()) {
      const source = readFileSync(join(PROGRAMS_DIR, program), 'utf8');
      for (const budget of [undefined, 30, 600]) {
        expect(traced(source, true, budget), `${program}, budget ${budget}`).toEqual(traced(source, false, budget));
      }
    }
  }, 120_000);

  test('random generated programs', () => {
    fc.assert(
      fc.property(validProgram, (source) => {
        expect(traced(source, true, 20_000)).toEqual(traced(source, false, 20_000));
      }),
      { seed: 20261124, numRuns: 150 },
    );
  });

  test("fib's traced code compiles whole, with a line event on each of its lines", () => {
    const js = compiledSource(fibCode(), true)!;
    expect(js.match(/return undefined/g)?.length).toBe(1);
    const lines = [...js.matchAll(/obs\.line\(f, (\d+)\)/g)].map((m) => Number(m[1]));
    expect(new Set(lines)).toEqual(new Set([1, 2, 3, 4]));
  });
});
