/**
 * The compiler against real CPython 3.12: every snippet in compile-corpus/ is
 * compiled and compared, code object by code object, with what
 * tests/engine/record-dis.py recorded from CPython (recorded.json). The AST
 * comes from CPython's own ast.parse (ast.json, written by compile-ast-dump.py)
 * so a parser bug cannot hide or fake a compiler result.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from '../../src/engine/compile/index.js';
import { OPNAMES } from '../../src/engine/bytecode/opcodes.js';
import { codeNames, constRepr, dis } from '../../src/engine/bytecode/dis.js';
import type { CodeObject, ConstSpec } from '../../src/engine/bytecode/code.js';
import type { Module } from '../../src/engine/parse/ast.js';
import { parse } from '../../src/engine/parse/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const corpus = join(here, 'compile-corpus');

interface Recorded {
  name: string; qualname: string; firstlineno: number; argcount: number; posonlyargcount: number;
  kwonlyargcount: number; flags: number; stacksize: number; names: string[]; varnames: string[];
  cellvars: string[]; freevars: string[]; localsplus: string[]; consts: string[];
  instructions: [string, number, number][]; positions: [number, number, number, number][]; exceptiontable: [number, number, number, number, boolean][];
  children: Recorded[];
}
const recorded = JSON.parse(readFileSync(join(corpus, 'recorded.json'), 'utf8')) as {
  snippets: Record<string, Recorded>;
  errors: Record<string, { msg: string; lineno: number; offset: number; end_lineno: number; end_offset: number }>;
};
const asts = JSON.parse(readFileSync(join(corpus, 'ast.json'), 'utf8'), (key, value) => {
  if (value && typeof value === 'object' && typeof value.type === 'string' && !('kind' in value)) {
    switch (value.type) {
      case 'int': return { type: 'int', value: BigInt(value.value) };
      case 'float': return { type: 'float', value: Number(value.value) };
      case 'complex': return { type: 'complex', imag: Number(value.imag) };
      case 'bytes': return { type: 'bytes', value: new Uint8Array(value.value) };
    }
  }
  return value;
}) as Record<string, Module>;

/** repr for comparison with CPython: frozenset items sorted, as the recorder does */
function cmpRepr(c: ConstSpec): string {
  if (typeof c === 'object' && c.type === 'code') return `<code ${c.code.co_qualname}>`;
  if (typeof c === 'object' && c.type === 'tuple') {
    return '(' + c.items.map(cmpRepr).join(', ') + (c.items.length === 1 ? ',)' : ')');
  }
  if (typeof c === 'object' && c.type === 'frozenset') return 'frozenset({' + c.items.map(cmpRepr).sort().join(', ') + '})';
  return constRepr(c);
}

function record(co: CodeObject): Recorded {
  const n = co.code.length >> 1;
  const instructions: [string, number, number][] = [];
  const positions: [number, number, number, number][] = [];
  for (let i = 0; i < n; i++) {
    instructions.push([OPNAMES[co.code[2 * i]], co.code[2 * i + 1], co.positions[4 * i]]);
    positions.push([co.positions[4 * i], co.positions[4 * i + 1], co.positions[4 * i + 2], co.positions[4 * i + 3]]);
  }
  const { varnames, cellvars, freevars } = codeNames(co);
  return {
    name: co.co_name, qualname: co.co_qualname, firstlineno: co.co_firstlineno, argcount: co.co_argcount,
    posonlyargcount: co.co_posonlyargcount, kwonlyargcount: co.co_kwonlyargcount, flags: co.co_flags,
    stacksize: co.co_stacksize, names: co.co_names, varnames, cellvars, freevars,
    localsplus: co.co_localsplusnames, consts: co.co_consts.map(cmpRepr), instructions, positions,
    exceptiontable: co.exceptiontable.map((e) => [e.start, e.end, e.target, e.depth, e.lasti]),
    children: co.co_consts.filter((c): c is { type: 'code'; code: CodeObject } => typeof c === 'object' && c.type === 'code').map((c) => record(c.code)),
  };
}

function compileSnippet(name: string) {
  const src = readFileSync(join(corpus, name), 'utf8');
  return compile(asts[name], name, src);
}

const names = Object.keys(recorded.snippets);

describe('compiler matches CPython 3.12 on the corpus', () => {
  it('has at least 120 snippets', () => {
    expect(names.length).toBeGreaterThanOrEqual(120);
  });
  for (const name of names) {
    it(name, () => {
      const r = compileSnippet(name);
      if (!r.ok) throw new Error(`${name}: ${r.error.msg} (line ${r.error.lineno})`);
      const got = record(r.code);
      expect(got, dis(r.code)).toEqual(recorded.snippets[name]);
    });
  }
});

/**
 * Known parser deviations (the compiler is exact on CPython's own AST above):
 * the parser gives the literal pieces of an f-string the whole f-string's
 * position, where CPython 3.12 gives each piece its own columns. These tests
 * are expected to fail until the parser is fixed, and will flag when it is.
 */
const KNOWN_PARSER_DEVIATIONS = new Set(['fstring.py', 'fstring_nested.py', 'assert_func.py', 'x_format_spec_nested.py']);

describe('parser + compiler match CPython 3.12 on the corpus', () => {
  for (const name of names) {
    const test = KNOWN_PARSER_DEVIATIONS.has(name) ? it.fails : it;
    test(name, () => {
      const src = readFileSync(join(corpus, name), 'utf8');
      const p = parse(src, name);
      if (!p.ok) throw new Error(`parser: ${p.error.msg} (line ${p.error.lineno})`);
      const r = compile(p.module, name, src);
      if (!r.ok) throw new Error(`${name}: ${r.error.msg} (line ${r.error.lineno})`);
      expect(record(r.code), dis(r.code)).toEqual(recorded.snippets[name]);
    });
  }
});

describe('compile-time errors match CPython 3.12', () => {
  for (const [name, want] of Object.entries(recorded.errors)) {
    const key = 'errors/' + name;
    if (!asts[key]) continue; // CPython's parser rejects it: the parser's job, not ours
    it(name, () => {
      const src = readFileSync(join(corpus, key), 'utf8');
      const r = compile(asts[key], name, src);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect({ msg: r.error.msg, lineno: r.error.lineno, offset: r.error.offset, end_lineno: r.error.end_lineno, end_offset: r.error.end_offset }).toEqual(want);
    });
  }
});

describe('unsupported features report a clear error', () => {
  const cases: [string, string][] = [
    ['async def f():\n    pass\n', 'not supported by the simulator: async functions'],
    ['match x:\n    case 1:\n        pass\n', 'not supported by the simulator: the match statement'],
  ];
  for (const [src, msg] of cases) {
    it(msg, () => {
      const p = parse(src, '<test>');
      // the parser may reject it first; either way the learner sees a clear message
      const r = p.ok ? compile(p.module, '<test>', src) : p;
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.msg).toMatch(/^not supported by the simulator: /);
        if (p.ok) expect(r.error.msg).toBe(msg);
      }
    });
  }
});
