/**
 * The builtin types' parts loaded on demand (src/engine/ondemand.ts), the way
 * the browser's worker loads them: with `runProgramLoading` (core.ts), starting
 * from no part loaded. The tests' setup loads every part
 * (tests/load-engine-parts.ts); each test here unloads them first.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runProgram, runProgramLoading } from '../../src/engine/core.js';
import { parts, partNames, partsNamedIn, loadParts, takeMissedPart, type Part } from '../../src/engine/ondemand.js';
import { loadStdlib, lazyStdlibNames, stdlibModulesNamedIn, unloadStdlib } from '../../src/engine/modules/stdlib.js';
import { listPrograms, PROGRAMS_DIR, readRecording } from '../conformance/suite.js';

/** As in a fresh worker: no part's code loaded. */
function unloadAll(): void {
  for (const n of partNames) (parts[n] as Part).impls = null;
}

const DYNAMIC = 'basics/methods_named_at_run_time.py';

describe('parts of the builtin types loaded on demand', () => {
  it('finds the parts a program names, anywhere in its text, and no others', () => {
    expect(partsNamedIn('y = 1\nprint(y + 2)\nx = [1, 2]\nx.append(3)\n')).toEqual([]);
    expect(partsNamedIn('print("ab".center(6))')).toEqual(['str']);
    expect(partsNamedIn('# a comment naming zfill\n')).toEqual(['str']);
    expect(partsNamedIn('n = 5\nprint("%d" % n)')).toEqual(['printf']);
    expect(partsNamedIn('b = bytearray(3)')).toEqual(['bytes', 'bytearray']);
    expect(partsNamedIn('print(str(b"ab", "ascii"))')).toEqual(['bytes', 'builtins']);
    expect(partsNamedIn('print(b"ab".decode())')).toEqual(['bytes']);
    expect(partsNamedIn('z = 2.5j')).toEqual(['complex']);
    expect(partsNamedIn('print((-8) ** 0.5)')).toEqual(['complex', 'numeric', 'constarith']);
    expect(partsNamedIn('x = 2\nprint(f"{x:>5}", f"{x!r}")')).toEqual(['formatspec', 'fstrings']);
    expect(partsNamedIn('x = 2\nprint(f"{x}", f"{x!r}")')).toEqual(['fstrings']);
    expect(partsNamedIn('print(eval("x"))')).toEqual(['syntaxerror', 'exec']);
    expect(partsNamedIn('print((5).to_bytes(2, "big"), int.from_bytes([1, 0]))')).toEqual(['bytes', 'intparse']);
    // a name shared by str and bytes methods loads both
    expect(partsNamedIn('"a b".split()\nprint("x".isdigit())').sort()).toEqual(['bytes', 'str']);
  });

  it('a type looks whole before its code is loaded: dir() and the type dicts are the same', async () => {
    const src = 'for t in (int, str, bytes, bytearray, complex, type(iter(bytearray()))):\n    print(t.__name__, list(t.__dict__), dir(t))\n';
    await loadParts(partNames);
    const whole = runProgram(src);
    unloadAll();
    await loadParts(['builtins', 'classes', 'traceback']); // iter() and dir() (object.__dir__); type.__dict__
    const stubs = runProgram(src.replace('type(iter(bytearray()))', 'int'));
    expect(stubs.stderr).toBe('');
    expect(whole.stdout.split('\n').slice(0, 5)).toEqual(stubs.stdout.split('\n').slice(0, 5));
  });

  it('a stub whose code is not loaded ends the run with a clear simulator error', () => {
    unloadAll();
    const r = runProgram('print("ab".center(6))\n');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe('NotSupported: not supported by the simulator: str methods (code not loaded before the run)\n');
  });

  it('methods reached by names built at run time: the program runs again with every part, as CPython prints', async () => {
    const source = readFileSync(join(PROGRAMS_DIR, DYNAMIC), 'utf8');
    expect(partsNamedIn(source)).toEqual(
      ['traceback', 'comprehensions', 'handlers', 'sorting', 'builtins', 'intparse', 'constarith', 'slices', 'syntaxwarnings'],
    );
    unloadAll();
    const first = runProgram(source, { filename: DYNAMIC });
    expect(first.stderr).toContain('not supported by the simulator');
    unloadAll();
    const r = await runProgramLoading(source, { python: '3.12', filename: DYNAMIC });
    const want = readRecording('3.12', DYNAMIC)!;
    expect({ stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }).toEqual(want);
  });

  it('modules imported by names built at run time: the program runs again with every module, as CPython prints', async () => {
    const program = 'stdlib/import_computed_name.py';
    const source = readFileSync(join(PROGRAMS_DIR, program), 'utf8');
    expect(stdlibModulesNamedIn(source)).toEqual(['time']); // 'run time' in its comment
    unloadStdlib(lazyStdlibNames);
    await loadParts(partNames);
    const first = runProgram(source, { filename: program });
    expect(first.stderr).toContain("importing the 'weakref' module here");
    unloadStdlib(lazyStdlibNames);
    const r = await runProgramLoading(source, { python: '3.12', filename: program });
    expect({ stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }).toEqual(readRecording('3.12', program));
  });

  it('every conformance program prints the same loading parts on demand as with every part loaded', async () => {
    await loadStdlib(lazyStdlibNames);
    const differ: string[] = [];
    for (const program of listPrograms()) {
      if (readRecording('3.12', program) === undefined) continue;
      const source = readFileSync(join(PROGRAMS_DIR, program), 'utf8');
      const options = { python: '3.12' as const, filename: program };
      await loadParts(partNames);
      const whole = runProgram(source, options);
      unloadAll();
      const lazy = await runProgramLoading(source, options);
      if (JSON.stringify(lazy) !== JSON.stringify(whole)) differ.push(program);
    }
    expect(differ).toEqual([]);
  });
});

describe('a program runs once', () => {
  it('every conformance program runs with the parts its text names (and traceback printing) and no other', async () => {
    await loadStdlib(lazyStdlibNames);
    const twice: string[] = [];
    for (const program of listPrograms()) {
      const source = readFileSync(join(PROGRAMS_DIR, program), 'utf8');
      unloadAll();
      await loadParts([...partsNamedIn(source), 'traceback']);
      takeMissedPart();
      runProgram(source, { python: '3.12', filename: program });
      const missed = takeMissedPart();
      if (missed !== null) twice.push(`${program}: ${missed}`);
    }
    // names built at run time, and programs that do not parse, run again by design
    expect(twice).toEqual([
      'basics/methods_named_at_run_time.py: str methods',
      'basics/syntax_assign_literal.py: syntax-error diagnostics',
      'basics/syntax_bad_indent.py: syntax-error diagnostics',
      'basics/syntax_unclosed_paren.py: syntax-error diagnostics',
      'basics/syntax_unexpected_indent.py: syntax-error diagnostics',
      'stdlib/import_computed_name.py: weak references',
    ]);
  });
});

/** The program's output with every part loaded, and loading parts on demand from none (`runProgramLoading`). */
async function wholeAndLazy(source: string): Promise<[unknown, unknown]> {
  await loadParts(partNames);
  const whole = runProgram(source);
  unloadAll();
  const lazy = await runProgramLoading(source);
  return [lazy, whole];
}

describe('parts of the parser and compiler loaded on demand', () => {
  it('try and with statements: a line starting with either word loads the part', async () => {
    expect(partsNamedIn('try:\n    x = 1\nexcept ValueError:\n    pass\n')).toEqual(['trywith', 'handlers']);
    expect(partsNamedIn('def f():\n    with open("x") as f:\n        pass\n')).toEqual(['trywith', 'handlers']);
    expect(partsNamedIn('# we try this\nx = 1  # with a comment\n')).toEqual([]);
    const src = 'def f(x):\n    try:\n        return 1 / x\n    except ZeroDivisionError as e:\n        print("caught", e)\n' +
      '    finally:\n        print("finally")\nclass C:\n    def __enter__(self): print("enter"); return self\n' +
      '    def __exit__(self, *a): print("exit", a[0]); return True\nf(0)\nfor i in range(2):\n    with C() as c:\n' +
      '        if i: break\n        raise KeyError(i)\n';
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stdout: string }).stdout).toContain('caught division by zero');
  });

  it('try and with statements met only at run time (exec of a string): the program runs again', async () => {
    const src = 'exec("try:\\n    1/0\\nexcept Exception as e:\\n    print(type(e).__name__)")\n';
    expect(partsNamedIn(src)).toEqual(['syntaxerror', 'constarith', 'exec']);
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stdout: string }).stdout).toBe('ZeroDivisionError\n');
  });

  it('a syntax error inside a deferred statement is reported as CPython reports it', async () => {
    const [lazy, whole] = await wholeAndLazy('x = 1\ntry:\n    pass\nprint(x)\n');
    expect(lazy).toEqual(whole);
    expect((whole as { stderr: string }).stderr).toContain("SyntaxError: expected 'except' or 'finally' block");
  });
});

describe('set operations loaded on demand', () => {
  it('the words set and frozenset, a method name, or a set display load the part', () => {
    expect(partsNamedIn('s = set()\ns.add(1)\n')).toEqual(['sets']);
    expect(partsNamedIn('a = {1, 2}\nprint(a)\n')).toEqual(['sets']);
    expect(partsNamedIn('a = {x for x in range(3)}\n')).toEqual(['comprehensions', 'handlers', 'sets']);
    expect(partsNamedIn('d = {"k": 1, "v": [1, 2]}\ne = {}\nprint(d, "{1, 2}")  # {3, 4}\n')).toEqual([]);
    expect(partsNamedIn('print(a.isdisjoint(b))\n')).toEqual(['sets']);
  });

  it('set algebra, comparisons and frozenset hashes give the same output loaded on demand', async () => {
    const src = 'a = {1, 2, 3}\nb = {2, 3, 4}\nprint(a | b, a & b, a - b, a ^ b, a <= b, a == {3, 2, 1})\n' +
      'a |= {9}\na -= {1}\nprint(a, a.union([7]), a.intersection(b), a.issubset(range(10)))\n' +
      'f = frozenset(a)\nprint(hash(f) == hash(frozenset(a)), {f: 1})\nd = {1: 2, 3: 4}\nprint(d.keys() & {1}, d.keys() == {1, 3})\n';
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stderr: string }).stderr).toBe('');
  });

  it('a set operation the text does not announce runs the program again', async () => {
    // no set word or display: the dict views' `-` makes a set, then `==` compares sets
    const src = 'd = dict(a=1, b=2)\ne = dict(b=3)\nx = d.keys() - e.keys()\ny = d.keys() - e.keys()\nprint(x == y, x)\n';
    expect(partsNamedIn(src)).toEqual([]);
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stdout: string }).stdout).toBe("True {'a'}\n");
  });
});

describe('comprehensions loaded on demand', () => {
  it('a for after something else on its line, or on a line without a colon, loads the part', () => {
    expect(partsNamedIn('for i in range(3):\n    print(i)\n')).toEqual([]);
    expect(partsNamedIn('for i in range(3): print(i)\n')).toEqual([]);
    expect(partsNamedIn('x = [i * i for i in range(3)]\n')).toEqual(['comprehensions', 'handlers']);
    expect(partsNamedIn('x = list(\n    i\n    for i in range(3)\n)\n')).toEqual(['comprehensions', 'handlers']);
  });

  it('list, set and dict comprehensions and generator expressions give the same output and errors', async () => {
    const src = 'x = [i * i for i in range(5) if i % 2]\nprint(x, sum(i for i in x), {k: v for k, v in zip("ab", x)})\n' +
      'def f():\n    y = 3\n    return [lambda: y + i for i in range(2)]\nprint([g() for g in f()])\n' +
      'class C:\n    z = 2\n    w = [z for _ in range(2)] if False else 0\nprint(C.w, [(n := i) for i in range(3)], n)\n';
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stderr: string }).stderr).toBe('');
    const [lazyErr, wholeErr] = await wholeAndLazy('print([i for i in range(3) if (j := i) for j in range(2)])\n');
    expect(lazyErr).toEqual(wholeErr);
    expect((wholeErr as { stderr: string }).stderr).toContain('SyntaxError');
  });

  it('a comprehension the text does not announce (exec of a string) runs the program again', async () => {
    const src = 'exec("print([c fo" + "r c in \'ab\'])")\n';
    expect(partsNamedIn(src)).toEqual(['syntaxerror', 'constarith', 'exec']);
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stdout: string }).stdout).toBe("['a', 'b']\n");
  });
});

describe('sorting, min, max and sum loaded on demand', () => {
  it('their names load the part', () => {
    expect(partsNamedIn('x = [3, 1]\nx.sort()\n')).toEqual(['sorting']);
    expect(partsNamedIn('print(max(1, 2))\n')).toEqual(['sorting']);
    expect(partsNamedIn('x = [3, 1]\nx.append(2)\nprint(len(x))\n')).toEqual([]);
  });

  it('gives the same output, errors included, loaded on demand', async () => {
    const src = 'x = [3, 1, 2]\nx.sort(reverse=True)\nprint(x, sorted("bca"), sorted(x, key=lambda v: -v))\n' +
      'print(min(x), max(x, key=str), min([], default=0), sum(x, 10), sum([0.1] * 3))\nprint(max())\n';
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stderr: string }).stderr).toContain('TypeError: max expected at least 1 argument, got 0');
  });

  it('a sort the text does not name runs the program again', async () => {
    const src = 'x = [3, 1, 2]\ngetattr(x, "so" + "rt")()\nprint(x)\n';
    expect(partsNamedIn(src)).toEqual(['builtins', 'constarith']);
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stdout: string }).stdout).toBe('[1, 2, 3]\n');
  });
});

describe('f-strings loaded on demand', () => {
  it('a string prefix with an f loads the part', () => {
    expect(partsNamedIn('x = 1\nprint(f"{x}")\n')).toEqual(['fstrings']);
    expect(partsNamedIn("print(rf'{1}\\\\n')\n")).toEqual(['fstrings']);
    expect(partsNamedIn('print("if", \'{x}\'.format_map({}))\n')).not.toContain('fstrings');
  });

  it('f-strings, nested and with errors, give the same output loaded on demand', async () => {
    const src = 'x, y = 3, "ab"\nprint(f"{x} {y!r} {x=} {f\'{y}\'} {{lit}}", f"""{x\n}""")\n';
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stderr: string }).stderr).toBe('');
    for (const bad of ['print(f"{x")\n', 'print(f"{}")\n', 'print(f"abc\n']) {
      const [l, w] = await wholeAndLazy(bad);
      expect(l).toEqual(w);
      expect((w as { stderr: string }).stderr).toContain('SyntaxError');
    }
  });

  it('an f-string the text does not announce (exec of a built string) runs the program again', async () => {
    const src = 'exec(chr(102) + "\'{1 + 1}\'")\nprint("ok")\n';
    expect(partsNamedIn(src)).toEqual(['builtins', 'syntaxerror', 'constarith', 'exec']);
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stdout: string }).stdout).toBe('ok\n');
  });
});

describe('import statements loaded on demand', () => {
  it('the word import loads the part; programs with imports give the same output and errors', async () => {
    expect(partsNamedIn('import sys\nprint(sys.getrefcount(1))\n')).toContain('imports');
    const src = 'import sys, gc as g\nfrom sys import getrefcount as rc, maxsize\nprint(g.isenabled(), rc(None) > 0, maxsize)\n' +
      'def f():\n    from gc import collect\n    return collect()\nprint(f())\nimport nosuchmodule\n';
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stderr: string }).stderr).toContain("ModuleNotFoundError: No module named 'nosuchmodule'");
    const [l2, w2] = await wholeAndLazy('def f():\n    from sys import *\n');
    expect(l2).toEqual(w2);
    expect((w2 as { stderr: string }).stderr).toContain('SyntaxError: import * only allowed at module level');
  });

  it('an import the text does not spell out (exec of a built string) runs the program again', async () => {
    const src = 'exec("im" + "port gc; print(gc.isenabled())")\n';
    expect(partsNamedIn(src)).toEqual(['syntaxerror', 'constarith', 'exec']);
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stdout: string }).stdout).toBe('True\n');
  });
});

describe('powers and float rounding loaded on demand', () => {
  it('** or one of the names loads the part; the output is the same loaded on demand', async () => {
    expect(partsNamedIn('print(2 ** 10)\n')).toEqual(['complex', 'numeric', 'constarith']);
    expect(partsNamedIn('print(round(2.675, 2))\n')).toEqual(['numeric', 'builtins']);
    expect(partsNamedIn('print(7 // 2, 7 % 2 == 1)\n')).not.toContain('numeric');
    const src = 'print(2 ** 100, 2 ** -1, 2.5 ** 2, pow(3, 4, 5), pow(38, -1, 97), round(2.675, 2), round(2.5), round(-0.5))\n' +
      'print((0.1).as_integer_ratio(), (1.5).hex(), 10 ** 0.5)\nprint(0.0 ** -1)\n';
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stderr: string }).stderr).toContain('ZeroDivisionError');
  });

  it('a power the text does not spell out runs the program again', async () => {
    const src = 'import operator\nprint(getattr(operator, "p" + "ow")(3, 3), getattr(2.0, "__po" + "w__")(3))\n';
    expect(partsNamedIn(src)).not.toContain('numeric');
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stdout: string }).stdout).toBe('27 8.0\n');
  });
});

describe('dict.popitem, dict.fromkeys and dict views set operations loaded on demand', () => {
  it('give the same output loaded on demand', async () => {
    expect(partsNamedIn('d = dict.fromkeys("ab")\nprint(d.popitem())\n')).toEqual(['dictmethods']);
    const src = 'd = dict.fromkeys("abc", 0)\nprint(d.popitem(), d)\nclass D(dict): pass\nprint(D.fromkeys([1]))\n' +
      'e = {"a": 1, "z": 2}\nprint(d.keys() & e.keys(), e.items() - {("a", 1)}, d.keys() | ["q"], d.keys() ^ e)\n{}.popitem()\n';
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stderr: string }).stderr).toContain("KeyError: 'popitem(): dictionary is empty'");
  });
});

describe('making classes loaded on demand', () => {
  it('the words class and super load the part; classes give the same output and errors', async () => {
    expect(partsNamedIn('class A:\n    pass\n')).toEqual(['classes']);
    expect(partsNamedIn('print(type(1), [1].__len__())\n')).toEqual([]);
    const src = 'class A:\n    __slots__ = ("x",)\n    def __init__(self): self.x = 1\n' +
      'class B:\n    def f(self): return "B"\nclass C(B):\n    def f(self): return "C" + super().f()\n' +
      'print(A().x, C().f(), C.__mro__, super(C, C()).f(), super(C, C()))\n' +
      'b = B()\nb.__class__ = C\nprint(b.f(), type("T", (B,), {"y": 2})().y)\n' +
      'class D(B, C): pass\n';
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stderr: string }).stderr).toContain('TypeError: Cannot create a consistent method resolution order');
  });

  it('a class made without the word class (type() with three arguments) runs the program again', async () => {
    const src = 'T = type("T", (), {"x": 1})\nt = T()\nprint(t.x, T.__name__, type(t) is T)\ndel t, T\nprint(type.__new__(type, "U", (int,), {})(7))\n';
    expect(partsNamedIn(src)).toEqual(['intparse', 'del', 'syntaxwarnings']);
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stdout: string }).stdout).toBe('1 T True\n7\n');
  });
});

describe('SyntaxWarnings loaded on demand', () => {
  it('the word is loads the check; the warnings are the same either way, as CPython prints them', async () => {
    const program = 'interning/is_literal_warning.py';
    const source = readFileSync(join(PROGRAMS_DIR, program), 'utf8');
    expect(partsNamedIn(source)).toContain('syntaxwarnings');
    expect(partsNamedIn('print(1 == 1)\n')).toEqual([]);
    unloadAll();
    const r = await runProgramLoading(source, { python: '3.12', filename: program });
    expect({ stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }).toEqual(readRecording('3.12', program));
    expect(r.stderr).toContain('SyntaxWarning');
  });
});

describe('weak references loaded on demand', () => {
  it('the word weakref loads the part; refs, proxies and callbacks give the same output', async () => {
    expect(partsNamedIn('import weakref\n')).toContain('weakrefs');
    const src = 'import weakref\nclass A:\n    def m(self): return 5\na = A()\nr = weakref.ref(a, lambda w: print("cb", w() is None))\n' +
      'p = weakref.proxy(a)\nprint(r() is a, p.m(), hash(weakref.ref(A)) == hash(A), weakref.getweakrefcount(a), r == weakref.ref(a))\n' +
      'print(repr(r)[:12], repr(p)[:10])\ndel a\nprint(r, weakref.getweakrefcount(A))\np.m()\n';
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stderr: string }).stderr).toContain('ReferenceError: weakly-referenced object no longer exists');
  });

  it('a weak reference made without the word (a module imported by a built name) runs the program again', async () => {
    const src = 'w = __import__("weak" + "ref")\nclass A: pass\na = A()\nr = w.ref(a)\nprint(r() is a)\ndel a\nprint(r())\n';
    expect(partsNamedIn(src)).not.toContain('weakrefs');
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stdout: string }).stdout).toBe('True\nNone\n');
  });
});

describe('the builtins most programs never call, loaded on demand', () => {
  it('each name loads the part; the output, errors included, is the same', async () => {
    expect(partsNamedIn('print(ord("a"))\n')).toEqual(['builtins']);
    expect(partsNamedIn('print(len([1]), id(None) > 0, isinstance([], list))\n')).toEqual([]);
    const src = 'class A:\n    x = 1\na = A()\nsetattr(a, "y", 2)\nprint(getattr(a, "y"), hasattr(a, "z"), getattr(a, "z", 0))\n' +
      'delattr(a, "y")\nprint(vars(a), "x" in dir(a), callable(A), issubclass(bool, (str, int)))\n' +
      'print(hex(255), oct(8), bin(-5), ord("é"), chr(9731), ascii("é"), format(3.5, ""), divmod(7, -2), divmod(7.5, 2))\n' +
      'it = iter([1, 2])\nprint(next(it), next(it), next(it, "done"), any([0, 1]), all([]), pow(2, 5, 7), round(2.5))\n' +
      'print(sorted(globals())[:3])\nnext(iter(int, 1))\n';
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stderr: string }).stderr).toBe('');
    const [l2, w2] = await wholeAndLazy('print(chr(-1))\n');
    expect(l2).toEqual(w2);
    expect((w2 as { stderr: string }).stderr).toContain('ValueError: chr() arg not in range(0x110000)');
  });

  it('a builtin reached by a name built at run time runs the program again', async () => {
    const src = 'import builtins\nprint(getattr(builtins, "h" + "ex")(255))\n';
    expect(partsNamedIn(src)).toContain('builtins');
    const src2 = 'b = __builtins__.__dict__["o" + "rd"]\nprint(b("a"))\n';
    expect(partsNamedIn(src2)).not.toContain('builtins');
    const [lazy, whole] = await wholeAndLazy(src2);
    expect(lazy).toEqual(whole);
    expect((whole as { stdout: string }).stdout).toBe('97\n');
  });
});

describe('syntax-error diagnostics loaded on demand', () => {
  it('a program that does not parse is parsed again with every part, and reports as CPython does', async () => {
    expect(partsNamedIn('print(1 2)\n')).toEqual([]);
    for (const src of ['print(1 2)\n', 'if x = 1:\n    pass\n', '  x = 1\n', 'x = (1,\n', 'f() = 3\n', '[a, b] += 1\n', 'print "x"\n', 'x = "\\xZZ"\n']) {
      const [lazy, whole] = await wholeAndLazy(src);
      expect(lazy).toEqual(whole);
      expect((whole as { stderr: string }).stderr).toMatch(/Error/);
    }
  });
});

describe('SyntaxError objects loaded on demand', () => {
  it('the name SyntaxError, exec or eval loads the part; the output is the same', async () => {
    expect(partsNamedIn('try:\n    pass\nexcept SyntaxError as e:\n    pass\n')).toContain('syntaxerror');
    const src = 'e = SyntaxError("bad", ("f.py", 3, 4, "x y", 3, 5))\nprint(e, e.msg, e.lineno, e.text, e.end_offset, e.args)\n' +
      'e.lineno = None\nprint(str(e), IndentationError("m"), TabError("t", ("a/b.py", 1, 1, "", 1, 1)))\n' +
      'try:\n    exec("x = (1,")\nexcept SyntaxError as e:\n    print(repr(e), e.filename, e.offset, e.args)\n' +
      'f = SyntaxError("z")\ndel f.msg\nprint(f.msg)\nraise SyntaxError("top", ("m.py", 2, 1, "a b\\n", 2, 2))\n';
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stderr: string }).stderr).toContain('SyntaxError: top');
  });

  it('a SyntaxError made by a name built at run time runs the program again', async () => {
    const src = 'import builtins\nE = getattr(builtins, "Syntax" + "Error")\nprint(str(E("m", ("f.py", 1, 2, "t", 1, 3))))\n';
    expect(partsNamedIn(src)).not.toContain('syntaxerror');
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stdout: string }).stdout).toBe('m (f.py, line 1)\n');
  });
});

describe('bytes literals loaded on demand', () => {
  it('a bytes literal loads the bytes part, which decodes it; errors are the same', async () => {
    expect(partsNamedIn('x = b"a\\x00"\n')).toEqual(['bytes']);
    const [lazy, whole] = await wholeAndLazy('print(b"a\\x00\\n\\\\", rb"\\d", B\'\\101\\q\', len(b""))\n');
    expect(lazy).toEqual(whole);
    expect((whole as { stdout: string }).stdout).toBe("b'a\\x00\\n\\\\' b'\\\\d' b'A\\\\q' 0\n");
    const [l2, w2] = await wholeAndLazy('x = b"é"\n');
    expect(l2).toEqual(w2);
    expect((w2 as { stderr: string }).stderr).toContain('SyntaxError: bytes can only contain ASCII literal characters');
  });
});

describe('raise statements and the interpreter side of with/except, loaded on demand', () => {
  it('raise and assert load the raise part; with and try load the handlers; the output is the same', async () => {
    expect(partsNamedIn('raise ValueError("x")\n')).toEqual(['raise']);
    expect(partsNamedIn('assert 1 == 2\n')).toEqual(['raise']);
    const src = 'class CM:\n    def __enter__(self): print("in"); return 1\n    def __exit__(self, *a): print("out", a[0]); return True\n' +
      'with CM() as x:\n    print(x)\n    raise KeyError(1) from None\ntry:\n    try:\n        raise ValueError\n    except (TypeError, ValueError) as e:\n        raise\n' +
      'except ValueError as e:\n    print(repr(e), e.__cause__)\ntry:\n    raise TypeError("t") from ValueError("v")\nexcept TypeError as e:\n    print(repr(e.__cause__))\n' +
      'try:\n    pass\nexcept 3:\n    pass\nelse:\n    print("no match needed")\ntry:\n    1 / 0\nexcept 3:\n    pass\n';
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stderr: string }).stderr).toContain('TypeError: catching classes that do not inherit from BaseException is not allowed');
    const [l2, w2] = await wholeAndLazy('assert 1 == 2, "no"\n');
    expect(l2).toEqual(w2);
    expect((w2 as { stderr: string }).stderr).toContain('AssertionError: no');
  });

  it('a raise the text does not spell out (exec of a built string) runs the program again', async () => {
    const src = 'try:\n    exec("ra" + "ise KeyError(5)")\nexcept KeyError as e:\n    print("caught", e)\n';
    expect(partsNamedIn(src)).not.toContain('raise');
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stdout: string }).stdout).toBe('caught 5\n');
  });
});

describe('enumerate, zip, map, filter and reversed loaded on demand', () => {
  it('each name loads the part; the output, errors included, is the same', async () => {
    expect(partsNamedIn('for i, x in enumerate("ab"):\n    print(i, x)\n')).toEqual(['iterators']);
    const src = 'print(list(enumerate("ab", 5)), list(zip([1, 2], "xyz")), list(map(abs, [-1, 2])), list(filter(None, [0, 1, 2])))\n' +
      'print(list(reversed([1, 2, 3])), list(reversed(range(3))), list(map(pow, [2, 3], [2, 2])), list(zip()))\n' +
      'class Z(zip): pass\nprint(type(Z([1])).__name__, list(Z([1], [2])))\nprint(list(zip([1], [2, 3], strict=True)))\n';
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stderr: string }).stderr).toContain('ValueError: zip() argument 2 is longer than argument 1');
    const [l2, w2] = await wholeAndLazy('reversed(5)\n');
    expect(l2).toEqual(w2);
    expect((w2 as { stderr: string }).stderr).toContain("TypeError: 'int' object is not reversible");
  });

  it('a constructor reached by a name built at run time runs the program again', async () => {
    const src = 'import builtins\nprint(list(getattr(builtins, "en" + "umerate")("ab")))\n';
    expect(partsNamedIn(src)).not.toContain('iterators');
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stdout: string }).stdout).toBe("[(0, 'a'), (1, 'b')]\n");
  });
});

describe('the gc module loaded on demand', () => {
  it('the word gc loads it; the output is the same', async () => {
    expect(stdlibModulesNamedIn('import gc\nprint(gc.is_tracked([]))\n')).toEqual(['gc']);
    const src = 'import gc\nx = [1]\ny = [x]\nprint(gc.is_tracked(x), gc.is_tracked(1), gc.is_finalized(x), y in gc.get_referrers(x))\n' +
      'print(gc.get_referents(y) == [x], len(gc.get_count()), gc.get_threshold(), gc.get_debug(), len(gc.get_stats()))\n' +
      'gc.set_threshold(700, 10)\ngc.freeze()\nprint(gc.get_freeze_count() > 0)\ngc.unfreeze()\nprint(gc.get_freeze_count(), x in gc.get_objects())\n' +
      'gc.get_objects(5)\n';
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stderr: string }).stderr).toContain('ValueError: generation parameter must be less than the number of available generations (3)');
  });
});

describe('int() of a string loaded on demand', () => {
  it('the word int loads the part; parsing and its errors are the same', async () => {
    expect(partsNamedIn('print(int("12"))\n')).toEqual(['intparse']);
    const src = 'print(int("12"), int(" -0x_ff ", 0), int("١٢"), int("z", 36), int(b"7"), int("1_000"), int(3.9))\nint("08", 0)\n';
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stderr: string }).stderr).toContain("ValueError: invalid literal for int() with base 0: '08'");
  });

  it('a string parsed by int without the word runs the program again', async () => {
    const src = 'print(type(1)("42") + 1)\n';
    expect(partsNamedIn(src)).toEqual(['constarith']);
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stdout: string }).stdout).toBe('43\n');
  });
});

describe('the operations on bytes objects loaded on demand', () => {
  it('hash, comparison, subscripts, in, +, * and iteration give the same output', async () => {
    const src = 'b = b"abc"\nprint(hash(b) == hash(b"abc"), b < b"abd", b == b"abc", b[1], b[::-1], b"b" in b, 98 in b, b + b"d", b * 2, 2 * b, list(b))\n' +
      'd = {b: 1}\nprint(d[b"abc"], b[5:], b[-1])\nb + "s"\n';
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stderr: string }).stderr).toContain("TypeError: can't concat str to bytes");
  });
});

describe('constant folding of operators loaded on demand', () => {
  it('a literal on both sides of an operator loads the part; folded programs give the same output and traces', async () => {
    expect(partsNamedIn('print("-" * 20)\n')).toEqual(['constarith']);
    expect(partsNamedIn('x = 1\nprint(x + 1)\n')).toEqual([]);
    const src = 'print("-" * 5, 2 ** 10, 7 // -2, -7 % 3, 1 / 4, 2 ** -1, 1 << 70, (1, 2) * 2, b"a" + b"b", True + True, 0xff & 0b1010)\n' +
      'print(2.5 * 2, 10 % 3.5, 1e308 * 10, "%s" % "x", 3 * "ab", (1,) + (2,), 2 ** 200, "a" * 5000 == "a" * 5000)\nprint(1 / 0)\n';
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stderr: string }).stderr).toContain('ZeroDivisionError: division by zero');
  });

  it('constants the text does not show side by side (exec of a built string) run the program again', async () => {
    const src = 'exec("print(6 {} 7)".format(chr(42)))\n';
    expect(partsNamedIn(src)).not.toContain('constarith');
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stdout: string }).stdout).toBe('42\n');
  });
});

describe('rare instructions loaded on demand (the loop runs them from their parts: rareOps in eval/ceval.ts)', () => {
  it('the text that compiles to them loads their parts', () => {
    expect(partsNamedIn('x = 1\ndel x\n')).toEqual(['del']);
    expect(partsNamedIn('try:\n    pass\nexcept ValueError as e:\n    pass\n')).toEqual(['trywith', 'handlers', 'del']);
    expect(partsNamedIn('f(*args, **kw)\na, *b = [1, 2]\nd = {**e}\n')).toEqual(['complex', 'numeric', 'unpacking']); // `**` loads those too
    expect(partsNamedIn('print(2 * 3, x * y)\n')).toEqual(['constarith']);
    expect(partsNamedIn('def g():\n    yield from range(3)\n')).toEqual(['handlers']);
    expect(partsNamedIn('x[1:2] = []\nprint(x[::2])\n')).toEqual(['slices']);
    expect(partsNamedIn('x: float = 1\ndef f(a: str) -> str: pass\n')).toEqual(['annotations']);
    expect(partsNamedIn('if x:\n    pass\nelse:\n    pass\n')).toEqual([]);
  });

  it('give the same output and errors loaded on demand', async () => {
    const src = 'x = [1, 2, 3, 4]\nx[1:3] = "ab"\nprint(x, x[::-1], x[1:2, ] if False else 0)\ndel x[0], x[-1:]\nprint(x)\n' +
      'def f(*a, **k): return a, k\nargs = (1, 2)\nprint(f(*args, **{"z": 3}), {**{"a": 1}, "b": 2})\nh, *t = "abc"\nprint(h, t)\n' +
      'def g():\n    r = yield from range(2)\n    return r\nprint(list(g()))\nq: int = 5\nprint(__annotations__)\n' +
      'def d():\n    v = 1\n    del v\n    return v\ntry:\n    d()\nexcept UnboundLocalError as e:\n    print(e)\n' +
      'class K:\n    def __init__(self): super().__init__()\nprint({1, 2} | {3}, type(K()).__name__)\nprint(f(*1))\n';
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stderr: string }).stderr).toContain('TypeError');
    expect((whole as { stdout: string }).stdout).toContain("cannot access local variable 'v'");
  });

  it('a rare instruction the text does not announce (exec of a built string) runs the program again', async () => {
    const src = 'x = [1]\nexec("d" + "el x")\nprint("x" in globals())\n';
    expect(partsNamedIn(src)).toEqual(['builtins', 'syntaxerror', 'constarith', 'exec']);
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stdout: string }).stdout).toBe('False\n');
  });
});

describe('list, tuple and range methods loaded on demand', () => {
  it('their names load the part; the output and errors are the same loaded on demand', async () => {
    expect(partsNamedIn('x = [3, 1]\nx.reverse()\n')).toEqual(['seqmethods']);
    const src = 'x = [3, 1, 2, 1]\nx.insert(0, 9)\nx.remove(1)\nprint(x, x.index(1), x.count(1), x.copy())\nx.reverse()\nprint(x)\n' +
      'x.clear()\nt = (1, 2, 1)\nr = range(0, 10, 2)\nprint(x, t.count(1), t.index(2), r.count(4), r.index(6), r.index(False))\nprint(t.index(5))\n';
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stderr: string }).stderr).toContain('ValueError: tuple.index(x): x not in tuple');
  });
});

describe('property objects loaded on demand (with the classes part)', () => {
  it('the word property loads the part; the output and errors are the same loaded on demand', async () => {
    expect(partsNamedIn('p = property(lambda s: 1)\n')).toEqual(['classes']);
    const src = 'class C:\n    def __init__(self): self._x = 1\n    @property\n    def x(self): return self._x\n' +
      '    @x.setter\n    def x(self, v): self._x = v\nc = C()\nc.x = 5\nprint(c.x, type(C.x).__name__, C.x.fget.__name__)\n' +
      'p = property()\nprint(p.fget, p.getter(len).fget)\nc2 = C()\ndel c2.x\n';
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stderr: string }).stderr).toContain("AttributeError: property 'x' of 'C' object has no deleter");
  });
});

describe('the passes for exception handlers loaded on demand', () => {
  it('try, with, comprehensions and generators load them; a program without handlers skips them', async () => {
    expect(partsNamedIn('def g():\n    yield 1\n')).toEqual(['handlers']);
    expect(partsNamedIn('def f(x):\n    return x + 1\nprint(f(2))\n')).toEqual([]);
    const src = 'def g(n):\n    for i in range(n):\n        yield i\nprint(list(g(3)), sum(x * x for x in g(4)))\n' +
      'def h():\n    try:\n        return [y for y in g(2)]\n    finally:\n        print("finally")\nprint(h())\n';
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stdout: string }).stdout).toBe('[0, 1, 2] 14\nfinally\n[0, 1]\n');
  });

  it('yield, yield from, send and throw give the same output and errors loaded on demand', async () => {
    const src = 'def echo():\n    got = yield "ready"\n    while True:\n        got = yield got * 2\n' +
      'e = echo()\nprint(next(e), e.send(3), e.send(5))\ndef outer():\n    r = yield from echo()\n    return r\n' +
      'o = outer()\nprint(next(o), o.send(1))\ntry:\n    o.throw(ValueError("boom"))\nexcept ValueError as err:\n    print("caught", err)\n' +
      'print(e.throw(KeyError, "k"))\n';
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stderr: string }).stderr).toContain("KeyError: 'k'");
  });
});

describe('sys functions loaded on demand', () => {
  it('each name loads the part; the output and errors are the same loaded on demand', async () => {
    expect(partsNamedIn('import sys\nprint(sys.getrefcount(1), sys.getsizeof([]))\n')).toEqual(['imports']);
    const src = 'import sys\nprint(sys.getrecursionlimit(), sys.intern("ab") is sys.intern("a" + "b"), sys.exc_info())\n' +
      'try:\n    1 / 0\nexcept ZeroDivisionError:\n    print(sys.exc_info()[0].__name__, type(sys.exception()).__name__)\n' +
      'print(sys._getframe().f_lineno > 0)\nsys.setrecursionlimit(0)\n';
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stderr: string }).stderr).toContain('ValueError: recursion limit must be greater or equal than 1');
  });
});

describe('the bytes part\'s trigger', () => {
  it('a bytes literal or a call of bytes loads it; the word bytes in prose, or the string \'b\', does not', () => {
    expect(partsNamedIn('print("a float takes 24 bytes")  # 24 bytes\n')).toEqual([]);
    expect(partsNamedIn("a = Node('b')\nprint('del b')\n")).toEqual(['del']);
    expect(partsNamedIn('x = bytes(3)\n')).toEqual(['bytes']);
    expect(partsNamedIn("x = b'ab'\ny = [rb\"c\"]\n")).toEqual(['bytes']);
  });
});

describe('parameter lists with /, * or ** loaded on demand (the unpacking part)', () => {
  it('the text loads the part; the output and syntax errors are the same loaded on demand', async () => {
    expect(partsNamedIn('def f(a, /, b):\n    pass\n')).toEqual(['unpacking']);
    expect(partsNamedIn('g = lambda *a: a\n')).toEqual(['unpacking']);
    const src = 'def f(a, /, b, *args, c=3, **kw):\n    return a, b, args, c, kw\nprint(f(1, 2, 3, d=4))\n' +
      'def k(*, x):\n    return x\nprint(k(x=1), (lambda *a, **k: (a, k))(1, y=2))\n';
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stdout: string }).stdout).toBe("(1, 2, (3,), 3, {'d': 4})\n1 ((1,), {'y': 2})\n");
    const [l2, w2] = await wholeAndLazy('def f(a, **k, b):\n    pass\n');
    expect(l2).toEqual(w2);
    expect((w2 as { stderr: string }).stderr).toContain('SyntaxError: arguments cannot follow var-keyword argument');
  });
});

describe('the exception chain\'s attributes loaded on demand (the raise part)', () => {
  it('their names load the part; the output is the same loaded on demand', async () => {
    expect(partsNamedIn('e = ValueError(1)\nprint(e.__cause__)\n')).toEqual(['raise']);
    const src = 'try:\n    try:\n        1 / 0\n    except ZeroDivisionError as z:\n        raise KeyError("k") from z\n' +
      'except KeyError as e:\n    print(type(e.__cause__).__name__, type(e.__context__).__name__, e.__suppress_context__)\n' +
      '    e.add_note("a note")\n    print(e.with_traceback(None) is e, e.__traceback__)\n    e.__cause__ = None\n    print(e.__suppress_context__)\n';
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stdout: string }).stdout).toBe('ZeroDivisionError ZeroDivisionError True\nTrue None\nTrue\n');
  });
});

describe('calls with * and ** that fail', () => {
  it('name the function as CPython does (DICT_MERGE reads the callable, not the NULL below it)', async () => {
    const program = 'basics/call_star_errors.py';
    const src = readFileSync(join(PROGRAMS_DIR, program), 'utf8');
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stdout: string }).stdout).toBe(readRecording('3.12', program).stdout);
  });
});
