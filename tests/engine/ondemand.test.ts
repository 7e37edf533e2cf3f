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
import { cpython312, lastNonEmptyLine, listPrograms, programSource, PROGRAMS_DIR, readRecording } from '../conformance/suite.js';

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
    // names built at run time (getattr, exec of a built string, type() with three arguments, the
    // sets dict views make), and programs that do not parse, run again by design
    expect(twice).toEqual([
      'basics/builtin_by_built_name.py: builtin functions',
      'basics/class_made_by_type.py: making classes',
      'basics/dict_keys_difference.py: set operations',
      'basics/enumerate_by_built_name.py: enumerate, zip, map, filter and reversed',
      'basics/err_syntaxerror_fields.py: syntax-error diagnostics',
      'basics/err_syntaxerror_objects.py: syntax-error diagnostics',
      'basics/exec_built_comprehension.py: comprehensions',
      'basics/exec_built_del.py: del, global and nonlocal statements',
      'basics/exec_built_fstring.py: f-strings',
      'basics/exec_built_import.py: import statements',
      'basics/exec_built_multiply.py: constant folding of operators',
      'basics/exec_built_raise.py: raise statements',
      'basics/exec_try_except.py: try and with statements',
      'basics/int_by_type_call.py: int() of a string',
      'basics/methods_named_at_run_time.py: str methods',
      'basics/pow_by_built_name.py: powers and float rounding',
      'basics/sort_by_built_name.py: sorting, min, max and sum',
      'basics/syntax_assign_in_if.py: syntax-error diagnostics',
      'basics/syntax_assign_literal.py: syntax-error diagnostics',
      'basics/syntax_assign_to_call.py: syntax-error diagnostics',
      'basics/syntax_augassign_to_list.py: syntax-error diagnostics',
      'basics/syntax_bad_escape_positions.py: syntax-error diagnostics',
      'basics/syntax_bad_hex_escape.py: syntax-error diagnostics',
      'basics/syntax_bad_indent.py: syntax-error diagnostics',
      'basics/syntax_bytes_non_ascii.py: syntax-error diagnostics',
      'basics/syntax_indented_first_line.py: syntax-error diagnostics',
      'basics/syntax_missing_comma.py: syntax-error diagnostics',
      'basics/syntax_unclosed_paren.py: syntax-error diagnostics',
      'basics/syntax_unclosed_tuple.py: syntax-error diagnostics',
      'basics/syntax_unexpected_indent.py: syntax-error diagnostics',
      'basics/syntaxerror_by_built_name.py: SyntaxError objects',
      'gc/weakref_module_by_built_name.py: weak references',
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
    const program = 'basics/try_finally_with_exit.py';
    const src = programSource(program);
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stdout: string }).stdout).toBe(cpython312(program).stdout);
  });

  it('try and with statements met only at run time (exec of a string): the program runs again', async () => {
    const program = 'basics/exec_try_except.py';
    const src = programSource(program);
    expect(partsNamedIn(src)).toEqual(['syntaxerror', 'constarith', 'exec']);
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stdout: string }).stdout).toBe(cpython312(program).stdout);
  });

  it('a syntax error inside a deferred statement is reported as CPython reports it', async () => {
    const program = 'basics/syntax_try_without_except.py';
    const [lazy, whole] = await wholeAndLazy(programSource(program));
    expect(lazy).toEqual(whole);
    expect(lastNonEmptyLine((whole as { stderr: string }).stderr)).toBe(lastNonEmptyLine(cpython312(program).stderr));
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
    const program = 'basics/set_algebra_frozenset.py';
    const src = programSource(program);
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect(whole).toMatchObject({ stdout: cpython312(program).stdout, stderr: cpython312(program).stderr });
  });

  it('a set operation the text does not announce runs the program again', async () => {
    // no set word or display: the dict views' `-` makes a set, then `==` compares sets
    const program = 'basics/dict_keys_difference.py';
    const src = programSource(program);
    expect(partsNamedIn(src)).toEqual([]);
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stdout: string }).stdout).toBe(cpython312(program).stdout);
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
    const program = 'basics/comprehension_scopes.py';
    const src = programSource(program);
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect(whole).toMatchObject({ stdout: cpython312(program).stdout, stderr: cpython312(program).stderr });
    const bad = 'basics/syntax_comprehension_rebinds_walrus.py';
    const [lazyErr, wholeErr] = await wholeAndLazy(programSource(bad));
    expect(lazyErr).toEqual(wholeErr);
    expect(lastNonEmptyLine((wholeErr as { stderr: string }).stderr)).toBe(lastNonEmptyLine(cpython312(bad).stderr));
  });

  it('a comprehension the text does not announce (exec of a string) runs the program again', async () => {
    const program = 'basics/exec_built_comprehension.py';
    const src = programSource(program);
    expect(partsNamedIn(src)).toEqual(['syntaxerror', 'constarith', 'exec']);
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stdout: string }).stdout).toBe(cpython312(program).stdout);
  });
});

describe('sorting, min, max and sum loaded on demand', () => {
  it('their names load the part', () => {
    expect(partsNamedIn('x = [3, 1]\nx.sort()\n')).toEqual(['sorting']);
    expect(partsNamedIn('print(max(1, 2))\n')).toEqual(['sorting']);
    expect(partsNamedIn('x = [3, 1]\nx.append(2)\nprint(len(x))\n')).toEqual([]);
  });

  it('gives the same output, errors included, loaded on demand', async () => {
    const program = 'basics/err_max_no_arguments.py';
    const src = programSource(program);
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect(lastNonEmptyLine((whole as { stderr: string }).stderr)).toBe(lastNonEmptyLine(cpython312(program).stderr));
  });

  it('a sort the text does not name runs the program again', async () => {
    const program = 'basics/sort_by_built_name.py';
    const src = programSource(program);
    expect(partsNamedIn(src)).toEqual(['builtins', 'constarith']);
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stdout: string }).stdout).toBe(cpython312(program).stdout);
  });
});

describe('f-strings loaded on demand', () => {
  it('a string prefix with an f loads the part', () => {
    expect(partsNamedIn('x = 1\nprint(f"{x}")\n')).toEqual(['fstrings']);
    expect(partsNamedIn("print(rf'{1}\\\\n')\n")).toEqual(['fstrings']);
    expect(partsNamedIn('print("if", \'{x}\'.format_map({}))\n')).not.toContain('fstrings');
  });

  it('f-strings, nested and with errors, give the same output loaded on demand', async () => {
    const program = 'basics/fstrings_nested.py';
    const src = programSource(program);
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect(whole).toMatchObject({ stdout: cpython312(program).stdout, stderr: cpython312(program).stderr });
    for (const bad of ['basics/syntax_fstring_unclosed_brace.py', 'basics/syntax_fstring_empty_expression.py', 'basics/syntax_fstring_unterminated.py']) {
      const [l, w] = await wholeAndLazy(programSource(bad));
      expect(l).toEqual(w);
      expect(lastNonEmptyLine((w as { stderr: string }).stderr), bad).toBe(lastNonEmptyLine(cpython312(bad).stderr));
    }
  });

  it('an f-string the text does not announce (exec of a built string) runs the program again', async () => {
    const program = 'basics/exec_built_fstring.py';
    const src = programSource(program);
    expect(partsNamedIn(src)).toEqual(['builtins', 'syntaxerror', 'constarith', 'exec']);
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stdout: string }).stdout).toBe(cpython312(program).stdout);
  });
});

describe('import statements loaded on demand', () => {
  it('the word import loads the part; programs with imports give the same output and errors', async () => {
    expect(partsNamedIn('import sys\nprint(sys.getrefcount(1))\n')).toContain('imports');
    const program = 'basics/err_import_missing_module.py';
    const src = programSource(program);
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect(lastNonEmptyLine((whole as { stderr: string }).stderr)).toBe(lastNonEmptyLine(cpython312(program).stderr));
    const star = 'basics/syntax_import_star_in_function.py';
    const [l2, w2] = await wholeAndLazy(programSource(star));
    expect(l2).toEqual(w2);
    expect(lastNonEmptyLine((w2 as { stderr: string }).stderr)).toBe(lastNonEmptyLine(cpython312(star).stderr));
  });

  it('an import the text does not spell out (exec of a built string) runs the program again', async () => {
    const program = 'basics/exec_built_import.py';
    const src = programSource(program);
    expect(partsNamedIn(src)).toEqual(['syntaxerror', 'constarith', 'exec']);
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stdout: string }).stdout).toBe(cpython312(program).stdout);
  });
});

describe('powers and float rounding loaded on demand', () => {
  it('** or one of the names loads the part; the output is the same loaded on demand', async () => {
    expect(partsNamedIn('print(2 ** 10)\n')).toEqual(['complex', 'numeric', 'constarith']);
    expect(partsNamedIn('print(round(2.675, 2))\n')).toEqual(['numeric', 'builtins']);
    expect(partsNamedIn('print(7 // 2, 7 % 2 == 1)\n')).not.toContain('numeric');
    const program = 'basics/err_power_zero_negative.py';
    const src = programSource(program);
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect(lastNonEmptyLine((whole as { stderr: string }).stderr)).toBe(lastNonEmptyLine(cpython312(program).stderr));
  });

  it('a power the text does not spell out runs the program again', async () => {
    const program = 'basics/pow_by_built_name.py';
    const src = programSource(program);
    expect(partsNamedIn(src)).not.toContain('numeric');
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stdout: string }).stdout).toBe(cpython312(program).stdout);
  });
});

describe('dict.popitem, dict.fromkeys and dict views set operations loaded on demand', () => {
  it('give the same output loaded on demand', async () => {
    expect(partsNamedIn('d = dict.fromkeys("ab")\nprint(d.popitem())\n')).toEqual(['dictmethods']);
    const program = 'basics/err_popitem_empty_dict.py';
    const src = programSource(program);
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect(lastNonEmptyLine((whole as { stderr: string }).stderr)).toBe(lastNonEmptyLine(cpython312(program).stderr));
  });
});

describe('making classes loaded on demand', () => {
  it('the words class and super load the part; classes give the same output and errors', async () => {
    expect(partsNamedIn('class A:\n    pass\n')).toEqual(['classes']);
    expect(partsNamedIn('print(type(1), [1].__len__())\n')).toEqual([]);
    const program = 'basics/err_class_mro_conflict.py';
    const [lazy, whole] = await wholeAndLazy(programSource(program));
    expect(lazy).toEqual(whole);
    expect((whole as { stdout: string }).stdout).toBe(cpython312(program).stdout);
    expect(lastNonEmptyLine((whole as { stderr: string }).stderr)).toBe(lastNonEmptyLine(cpython312(program).stderr));
  });

  it('a class made without the word class (type() with three arguments) runs the program again', async () => {
    const program = 'basics/class_made_by_type.py';
    const src = programSource(program);
    expect(partsNamedIn(src)).toEqual(['intparse', 'del', 'syntaxwarnings']);
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stdout: string }).stdout).toBe(cpython312(program).stdout);
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

  it('an invalid escape loads the part; every warning is printed as CPython prints it, in its order', async () => {
    const program = 'basics/syntax_warning_escapes.py';
    expect(partsNamedIn('x = "\\d"\n')).toEqual(['syntaxwarnings']);
    expect(partsNamedIn('x = f"\\{y}"\n')).toContain('syntaxwarnings');
    expect(partsNamedIn('x = "\\400"\n')).toEqual(['syntaxwarnings']);
    expect(partsNamedIn('x = "\\n\\t\\\\\\x41\\u0041\\101"\n')).toEqual([]);
    for (const p of [program, 'basics/err_escape_warning_traceback.py']) {
      unloadAll();
      const r = await runProgramLoading(programSource(p), { python: '3.12', filename: p });
      expect({ stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }).toEqual(cpython312(p));
    }
    // an escape the trigger misses (\N is an escape in a str, not in bytes): the program runs again
    const [lazy, whole] = await wholeAndLazy('print(b"\\N")\n');
    expect(lazy).toEqual(whole);
    expect((whole as { stderr: string }).stderr).toContain("SyntaxWarning: invalid escape sequence '\\N'");
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
    const program = 'gc/weakref_module_by_built_name.py';
    const src = programSource(program);
    expect(partsNamedIn(src)).not.toContain('weakrefs');
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stdout: string }).stdout).toBe(cpython312(program).stdout);
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
    const program = 'basics/builtin_by_built_name.py';
    const src2 = programSource(program);
    expect(partsNamedIn(src2)).not.toContain('builtins');
    const [lazy, whole] = await wholeAndLazy(src2);
    expect(lazy).toEqual(whole);
    expect((whole as { stdout: string }).stdout).toBe(cpython312(program).stdout);
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
    const program = 'basics/syntaxerror_by_built_name.py';
    const src = programSource(program);
    expect(partsNamedIn(src)).not.toContain('syntaxerror');
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stdout: string }).stdout).toBe(cpython312(program).stdout);
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
    const program = 'basics/err_except_non_exception_class.py';
    const src = programSource(program);
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect(lastNonEmptyLine((whole as { stderr: string }).stderr)).toBe(lastNonEmptyLine(cpython312(program).stderr));
    const assertion = 'basics/err_assert_message.py';
    const [l2, w2] = await wholeAndLazy(programSource(assertion));
    expect(l2).toEqual(w2);
    expect(lastNonEmptyLine((w2 as { stderr: string }).stderr)).toBe(lastNonEmptyLine(cpython312(assertion).stderr));
  });

  it('a raise the text does not spell out (exec of a built string) runs the program again', async () => {
    const program = 'basics/exec_built_raise.py';
    const src = programSource(program);
    expect(partsNamedIn(src)).not.toContain('raise');
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stdout: string }).stdout).toBe(cpython312(program).stdout);
  });
});

describe('enumerate, zip, map, filter and reversed loaded on demand', () => {
  it('each name loads the part; the output, errors included, is the same', async () => {
    expect(partsNamedIn('for i, x in enumerate("ab"):\n    print(i, x)\n')).toEqual(['iterators']);
    const program = 'basics/err_zip_strict_longer.py';
    const src = programSource(program);
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect(lastNonEmptyLine((whole as { stderr: string }).stderr)).toBe(lastNonEmptyLine(cpython312(program).stderr));
    const notReversible = 'basics/err_reversed_int.py';
    const [l2, w2] = await wholeAndLazy(programSource(notReversible));
    expect(l2).toEqual(w2);
    expect(lastNonEmptyLine((w2 as { stderr: string }).stderr)).toBe(lastNonEmptyLine(cpython312(notReversible).stderr));
  });

  it('a constructor reached by a name built at run time runs the program again', async () => {
    const program = 'basics/enumerate_by_built_name.py';
    const src = programSource(program);
    expect(partsNamedIn(src)).not.toContain('iterators');
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stdout: string }).stdout).toBe(cpython312(program).stdout);
  });
});

describe('the gc module loaded on demand', () => {
  it('the word gc loads it; the output is the same', async () => {
    expect(stdlibModulesNamedIn('import gc\nprint(gc.is_tracked([]))\n')).toEqual(['gc']);
    const program = 'gc/gc_module_functions.py';
    const src = programSource(program);
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect(lastNonEmptyLine((whole as { stderr: string }).stderr)).toBe(lastNonEmptyLine(cpython312(program).stderr));
  });
});

describe('int() of a string loaded on demand', () => {
  it('the word int loads the part; parsing and its errors are the same', async () => {
    expect(partsNamedIn('print(int("12"))\n')).toEqual(['intparse']);
    const program = 'basics/err_int_parse_base0_leading_zero.py';
    const src = programSource(program);
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect(lastNonEmptyLine((whole as { stderr: string }).stderr)).toBe(lastNonEmptyLine(cpython312(program).stderr));
  });

  it('a string parsed by int without the word runs the program again', async () => {
    const program = 'basics/int_by_type_call.py';
    const src = programSource(program);
    expect(partsNamedIn(src)).toEqual(['constarith']);
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stdout: string }).stdout).toBe(cpython312(program).stdout);
  });
});

describe('the operations on bytes objects loaded on demand', () => {
  it('hash, comparison, subscripts, in, +, * and iteration give the same output', async () => {
    const program = 'basics/err_bytes_concat_str.py';
    const src = programSource(program);
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect(lastNonEmptyLine((whole as { stderr: string }).stderr)).toBe(lastNonEmptyLine(cpython312(program).stderr));
  });
});

describe('constant folding of operators loaded on demand', () => {
  it('a literal on both sides of an operator loads the part; folded programs give the same output and traces', async () => {
    expect(partsNamedIn('print("-" * 20)\n')).toEqual(['constarith']);
    expect(partsNamedIn('x = 1\nprint(x + 1)\n')).toEqual([]);
    const program = 'basics/err_constant_folding.py';
    const src = programSource(program);
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect(lastNonEmptyLine((whole as { stderr: string }).stderr)).toBe(lastNonEmptyLine(cpython312(program).stderr));
  });

  it('constants the text does not show side by side (exec of a built string) run the program again', async () => {
    const program = 'basics/exec_built_multiply.py';
    const src = programSource(program);
    expect(partsNamedIn(src)).not.toContain('constarith');
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stdout: string }).stdout).toBe(cpython312(program).stdout);
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
    const program = 'basics/err_rare_instructions.py';
    const src = programSource(program);
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect(lastNonEmptyLine((whole as { stderr: string }).stderr)).toBe(lastNonEmptyLine(cpython312(program).stderr));
    expect((whole as { stdout: string }).stdout).toBe(cpython312(program).stdout);
  });

  it('a rare instruction the text does not announce (exec of a built string) runs the program again', async () => {
    const program = 'basics/exec_built_del.py';
    const src = programSource(program);
    expect(partsNamedIn(src)).toEqual(['builtins', 'syntaxerror', 'constarith', 'exec']);
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stdout: string }).stdout).toBe(cpython312(program).stdout);
  });
});

describe('list, tuple and range methods loaded on demand', () => {
  it('their names load the part; the output and errors are the same loaded on demand', async () => {
    expect(partsNamedIn('x = [3, 1]\nx.reverse()\n')).toEqual(['seqmethods']);
    const program = 'basics/err_tuple_index_missing.py';
    const src = programSource(program);
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect(lastNonEmptyLine((whole as { stderr: string }).stderr)).toBe(lastNonEmptyLine(cpython312(program).stderr));
  });
});

describe('property objects loaded on demand (with the classes part)', () => {
  it('the word property loads the part; the output and errors are the same loaded on demand', async () => {
    expect(partsNamedIn('p = property(lambda s: 1)\n')).toEqual(['classes']);
    const program = 'basics/err_property_no_deleter.py';
    const src = programSource(program);
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect(lastNonEmptyLine((whole as { stderr: string }).stderr)).toBe(lastNonEmptyLine(cpython312(program).stderr));
  });
});

describe('the passes for exception handlers loaded on demand', () => {
  it('try, with, comprehensions and generators load them; a program without handlers skips them', async () => {
    expect(partsNamedIn('def g():\n    yield 1\n')).toEqual(['handlers']);
    expect(partsNamedIn('def f(x):\n    return x + 1\nprint(f(2))\n')).toEqual([]);
    const program = 'basics/generators_try_finally.py';
    const src = programSource(program);
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stdout: string }).stdout).toBe(cpython312(program).stdout);
  });

  it('yield, yield from, send and throw give the same output and errors loaded on demand', async () => {
    const program = 'basics/err_generator_send_throw.py';
    const src = programSource(program);
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect(lastNonEmptyLine((whole as { stderr: string }).stderr)).toBe(lastNonEmptyLine(cpython312(program).stderr));
  });
});

describe('sys functions loaded on demand', () => {
  it('each name loads the part; the output and errors are the same loaded on demand', async () => {
    expect(partsNamedIn('import sys\nprint(sys.getrefcount(1), sys.getsizeof([]))\n')).toEqual(['imports']);
    const program = 'stdlib/sys_functions.py';
    const src = programSource(program);
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect(lastNonEmptyLine((whole as { stderr: string }).stderr)).toBe(lastNonEmptyLine(cpython312(program).stderr));
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
    const program = 'basics/parameter_kinds.py';
    const src = programSource(program);
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stdout: string }).stdout).toBe(cpython312(program).stdout);
    const bad = 'basics/syntax_param_after_kwargs.py';
    const [l2, w2] = await wholeAndLazy(programSource(bad));
    expect(l2).toEqual(w2);
    expect(lastNonEmptyLine((w2 as { stderr: string }).stderr)).toBe(lastNonEmptyLine(cpython312(bad).stderr));
  });
});

describe('the exception chain\'s attributes loaded on demand (the raise part)', () => {
  it('their names load the part; the output is the same loaded on demand', async () => {
    expect(partsNamedIn('e = ValueError(1)\nprint(e.__cause__)\n')).toEqual(['raise']);
    const program = 'basics/exception_chain_attributes.py';
    const src = programSource(program);
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stdout: string }).stdout).toBe(cpython312(program).stdout);
  });
});

describe('calls with * and ** that fail', () => {
  it('name the function as CPython does (DICT_MERGE reads the callable, not the NULL below it)', async () => {
    const program = 'basics/call_star_errors.py';
    const src = programSource(program);
    const [lazy, whole] = await wholeAndLazy(src);
    expect(lazy).toEqual(whole);
    expect((whole as { stdout: string }).stdout).toBe(cpython312(program).stdout);
  });
});
