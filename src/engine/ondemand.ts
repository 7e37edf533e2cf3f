/**
 * Parts of the engine that most programs never use (rare str methods,
 * %-formatting, bytes and bytearray, complex, format specs, exec/eval,
 * traceback printing), kept out of the browser worker's first download and
 * loaded before a run that may need them, the way modules/stdlib.ts loads
 * standard-library modules.
 *
 * Python code must never see the difference, so only *code* is deferred,
 * never the shape of a type: every method of a type is in its dict from
 * start-up (dir(str), str.__dict__, the heap made by readying the types are
 * the same with or without the part), and a method whose code is not loaded
 * yet is a stub that forwards to it. Hosts load parts before a run:
 *   - Node (src/engine/index.ts) loads every part once, before anything runs
 *     (and so does the tests' setup, tests/load-engine-parts.ts);
 *   - the browser's worker loads the parts a program's text may use
 *     (`partsNamedIn`: a method's name anywhere in the source, strings and
 *     comments included) and, should a stub be called anyway (a name built at
 *     run time, `getattr(s, 'cen' + 'ter')`), loads every part and runs the
 *     program again from the start (`runProgramLoading` in core.ts). A run is
 *     deterministic, so the second run is the run the program would have had.
 *
 * This module imports nothing, so any object module can use it however the
 * modules' import cycles are ordered.
 */

import type { Module } from './parse/ast.js';
import type { ParseWarning } from './parse/errors.js';
import type { PyObject } from './objects/object.js';

// Stubs and implementations share one loose signature: methods are
// (self, args, kwnames), other deferred functions take one to three arguments.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Impl = (...args: any[]) => any;

export interface Part {
  readonly name: string;
  /** identifiers whose presence anywhere in a program's text loads the part */
  readonly words: Set<string>;
  /** other text that loads it (an operator, a literal) */
  readonly test: ((source: string) => boolean) | null;
  /** imports the part's module: its implementations, one for every stub */
  readonly load: () => Promise<Record<string, Impl>>;
  /** the keys stubs were made for */
  readonly keys: Set<string>;
  /** the implementations once loaded (null: the stubs end the run) */
  impls: Record<string, Impl> | null;
}

function part(
  name: string, load: () => Promise<Record<string, Impl>>, pattern: RegExp | ((source: string) => boolean) | null = null,
  words: string[] = [],
): Part {
  const test = pattern instanceof RegExp ? (source: string) => pattern.test(source) : pattern;
  return { name, words: new Set(words), test, load, keys: new Set(), impls: null };
}

/** An f-string's opening quote with its prefix. */
const FSTRING = /(?:^|[^A-Za-z0-9_])(?:[fF][rR]?|[rR][fF])['"]/;

/** An f-string whose replacement fields may have a format spec (over-approximated: a `{` followed by a `:`). */
function fstringWithSpec(source: string): boolean {
  return FSTRING.test(source) && /\{[^}]*:/.test(source);
}

/**
 * The program's code with the contents of its strings and comments blanked
 * out (a string keeps its prefix and quotes), so that a pattern can tell code
 * from prose. Kept for the last source: several parts' tests read it.
 */
function codeOnly(source: string): string {
  if (source === lastSource) return lastCode;
  const n = source.length;
  let out = '';
  for (let i = 0; i < n;) {
    const c = source[i];
    if (c === '#') {
      let end = i;
      while (end < n && source[end] !== '\n') end++;
      out += ' '.repeat(end - i);
      i = end;
    } else if (c === '"' || c === "'") {
      const q = source.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      let end = i + q.length;
      while (end < n && !source.startsWith(q, end)) {
        if (source[end] === '\\') end++;
        else if (q.length === 1 && source[end] === '\n') break;
        end++;
      }
      end = Math.min(end, n);
      const close = source.startsWith(q, end) ? q : '';
      out += q + ' '.repeat(end - i - q.length) + close;
      i = end + close.length;
    } else {
      out += c;
      i++;
    }
  }
  lastSource = source;
  lastCode = out;
  return out;
}
let lastSource = '';
let lastCode = '';

/**
 * A set display or comprehension: a `{` in the code whose braces hold
 * something and no `:` or `**` at their own level. Over-approximated (a
 * `lambda:` inside counts as a dict), which only means the part loads or,
 * missed, the program runs again.
 */
function setDisplay(source: string): boolean {
  const code = codeOnly(source);
  const n = code.length;
  const opens: { colon: boolean; empty: boolean }[] = [];
  let depth = 0; // brackets other than braces since the innermost brace
  const depths: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = code[i];
    if (c === '{') {
      opens.push({ colon: false, empty: true });
      depths.push(depth);
      depth = 0;
    } else if (c === '}') {
      const o = opens.pop();
      if (o !== undefined && !o.colon && !o.empty) return true;
      depth = depths.pop() ?? 0;
    } else if (opens.length > 0) {
      const o = opens[opens.length - 1];
      if (c === '(' || c === '[') depth++;
      else if (c === ')' || c === ']') depth--;
      else if (depth === 0 && (c === ':' || (c === '*' && code[i + 1] === '*'))) o.colon = true;
      if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') o.empty = false;
    }
  }
  return false;
}

/**
 * A bytes literal (a string whose prefix has a `b`), or `bytes(`, in the
 * code. Over-approximated (a `bytes(` that is not a call of the builtin
 * counts too); a bytes object made some other way means a second run.
 */
function bytesInCode(source: string): boolean {
  return /(?:^|[^\w])(?:[bB][rR]?|[rR][bB])['"]|(?:^|[^\w.])bytes\s*\(/.test(codeOnly(source));
}

/**
 * A literal on both sides of a binary operator (`2 * 3`, `"-" * 20`, `(1,) + t`
 * with `t` a literal, `0xff & 1`), which the compiler folds to a constant.
 * Over-approximated: `f(x) + 1` counts too; an operand that becomes a
 * constant only in a way this misses means a second run.
 */
const CONSTANT_BINOP =
  /(?:[0-9.'")\]]|\b(?:True|False|None)|[0-9][jJ]|0[xX][0-9a-fA-F_]+)(?:\s|\\\n)*(?:\*\*|\/\/|<<|>>|[-+*/%&|^@])(?:\s|\\\n)*(?:[0-9.'"([]|[-+~]|\b(?:True|False|None)\b|[bBrRuUfF]{1,2}['"])/;

/** A line that starts with `try` or `with` (their statements begin a logical line). */
const TRY_OR_WITH = /^[ \t]*(?:async[ \t]+)?(?:try|with)\b/m;

/** A `for` that does not begin its line, or begins a line without a `:` (a comprehension's). */
const COMPREHENSION = /^[ \t]*\S.*?\bfor\b|^[ \t]*for\b[^:\n]*$/m;

/** The attributes of code objects (objects/codeobject.ts has their stubs, objects/codeattrs.ts their code). */
export const CODE_ATTRIBUTES = 'co_name co_qualname co_filename co_firstlineno co_argcount co_posonlyargcount ' +
  'co_kwonlyargcount co_flags co_stacksize co_nlocals co_names co_varnames co_cellvars co_freevars co_consts';

/** Every part, by name. The bundler makes each `import()` a separate chunk. */
export const parts = {
  /** str methods other than the everyday ones (objects/unicodemethods.ts) */
  str: part('str methods', async () => (await import('./objects/unicodemethods.js')).strMethods),
  /** printf-style formatting, `'%d' % n` (objects/printf.ts): any `%` in the text loads it */
  printf: part('%-formatting', async () => (await import('./objects/printf.js')).printf, /%/),
  /**
   * bytes methods, the bytes constructor and the codecs (objects/bytesmethods.ts),
   * and bytes literals decoded (parse/bytesliterals.ts):
   * a bytes literal or a call of `bytes` in the code (not in strings or
   * comments: this course says "28 bytes" often), or the words `bytearray` or
   * `encode`, or a method's name, loads it
   */
  bytes: part(
    'bytes methods and codecs', async () => {
      const [methods, literals] = await Promise.all([import('./objects/bytesmethods.js'), import('./parse/bytesliterals.js')]);
      return { ...methods.bytesMethods, ...literals.bytesLiterals };
    },
    bytesInCode, ['bytearray'],
  ),
  /**
   * the bytearray type's slots and methods (objects/bytearrayops.ts): a bytearray
   * exists only once the type was called, so its name loads it
   */
  bytearray: part('the bytearray type', async () => (await import('./objects/bytearrayops.js')).byteArrayOps, null, ['bytearray']),
  /**
   * the complex type's slots and methods (objects/complexops.ts): a complex number
   * comes from an imaginary literal, the type, or a power of a negative number
   */
  complex: part(
    'the complex type', async () => (await import('./objects/complexops.js')).complexOps,
    /[0-9.][jJ]|\*\*/, ['complex', 'pow', '__pow__', '__rpow__', '__ipow__'],
  ),
  /** the format-spec mini-language (objects/formatspec.ts) */
  formatspec: part(
    'format specifications', async () => (await import('./objects/formatspec.js')).formatSpec,
    fstringWithSpec, ['format', 'format_map', '__format__'],
  ),
  /**
   * printing an uncaught or unraisable exception (objects/tracebackprint.ts): no
   * program text tells whether a run will need it, so the worker fetches it
   * without waiting as soon as it starts (`prefetchParts`)
   */
  traceback: part('traceback printing', async () => (await import('./objects/tracebackprint.js')).tracebackPrint),
  /** exec() and eval() of a string (modules/execeval.ts) */
  /**
   * try and with statements (compile/trywith.ts, eval/handlers.ts): the
   * parser's, the compiler's and the interpreter's code for them. Both begin
   * a logical line, so a line that starts with either word loads the part.
   */
  trywith: part(
    'try and with statements', async () => {
      const [statements, handlers] = await Promise.all([import('./compile/trywith.js'), import('./eval/handlers.js')]);
      return { ...statements.tryWith, ...handlers.handlers };
    },
    TRY_OR_WITH,
  ),
  /**
   * set algebra, set comparisons and frozenset hashing (objects/setops.ts),
   * and the instructions that build set displays (eval/setdisplays.ts):
   * the words set and frozenset, a method's name, or a set display or
   * comprehension (`{1, 2}`, `{x for x in y}`) load it
   */
  /**
   * comprehensions and generator expressions (compile/comprehensions.ts): a
   * `for` that does not begin its line, or begins a line without a `:`
   */
  comprehensions: part(
    'comprehensions', async () => (await import('./compile/comprehensions.js')).comprehensions,
    COMPREHENSION,
  ),
  /**
   * the passes for code units with exception handlers (compile/handlerblocks.ts):
   * what try and with statements, comprehensions and generators compile to;
   * and yield parsed and compiled (compile/generators.ts), generators' send
   * and throw (objects/genmethods.ts), the instructions of `yield from`
   * (eval/yieldfrom.ts)
   */
  handlers: part(
    'exception handlers in bytecode, and generators', async () => {
      const [passes, code, methods, instructions] = await Promise.all([
        import('./compile/handlerblocks.js'), import('./compile/generators.js'), import('./objects/genmethods.js'),
        import('./eval/yieldfrom.js'),
      ]);
      return { ...passes.handlerBlocks, ...code.generators, ...methods.genMethods, ...instructions.yieldFrom };
    },
    (source) => TRY_OR_WITH.test(source) || COMPREHENSION.test(source) || /\b(?:yield|await|async)\b/.test(source),
  ),
  /** list.sort, sorted, min, max and sum (objects/sorting.ts) */
  sorting: part('sorting, min, max and sum', async () => (await import('./objects/sorting.js')).sorting, null, ['sort', 'sorted', 'min', 'max', 'sum']),
  /** f-strings (parse/fstrings.ts): a string prefix with an `f` */
  fstrings: part('f-strings', async () => (await import('./parse/fstrings.js')).fstrings, FSTRING),
  /** import statements (compile/imports.ts), and the errors for modules the simulator lacks (modules/missingmodules.ts) */
  imports: part(
    'import statements', async () => {
      const [statements, missing] = await Promise.all([import('./compile/imports.js'), import('./modules/missingmodules.js')]);
      return { ...statements.imports, ...missing.missingModules };
    },
    null, ['import'],
  ),
  /** powers, float rounding, as_integer_ratio and hex, divmod() of ints and floats (objects/numericops.ts) */
  numeric: part(
    'powers and float rounding', async () => (await import('./objects/numericops.js')).numericOps,
    /\*\*/, ['pow', '__pow__', '__rpow__', '__ipow__', 'round', '__round__', 'divmod', '__divmod__', '__rdivmod__'],
  ),
  /** dict.popitem and dict.fromkeys (objects/dictmethods.ts) */
  dictmethods: part('dict.popitem and dict.fromkeys', async () => (await import('./objects/dictmethods.js')).dictMethods),
  sets: part(
    'set operations', async () => {
      const [ops, displays] = await Promise.all([import('./objects/setops.js'), import('./eval/setdisplays.js')]);
      return { ...ops.setOps, ...displays.setDisplays };
    },
    setDisplay, ['set', 'frozenset'],
  ),
  /**
   * making classes (objects/classcreation.ts): __build_class__, type_new, the
   * deallocation of instances and classes, `__class__` assignment, super();
   * the slot functions that call a class's dunders (objects/classslots.ts);
   * property objects' code (objects/classdescriptors.ts); a class's
   * attributes other than __name__ (objects/typeattrs.ts);
   * class statements parsed and compiled (compile/classdef.ts); and the
   * instructions of class bodies and super() (eval/classbody.ts)
   */
  classes: part(
    'making classes', async () => {
      const [objects, slots, descriptors, attrs, statements, body] = await Promise.all([
        import('./objects/classcreation.js'), import('./objects/classslots.js'), import('./objects/classdescriptors.js'),
        import('./objects/typeattrs.js'), import('./compile/classdef.js'), import('./eval/classbody.js'),
      ]);
      return {
        ...objects.classCreation, ...slots.classSlots, ...descriptors.classDescriptors, ...attrs.typeAttrs,
        ...statements.classDefs, ...body.classBody,
      };
    },
    // (`type[int]`'s repr reads type's __module__ and __qualname__, typeattrs.ts)
    /\btype\s*\[/,
    ['class', '__build_class__', '__class__', 'super', 'property'],
  ),
  /** weak references and proxies made, their slots, PyObject_ClearWeakRefs (objects/weakrefops.ts) */
  weakrefs: part('weak references', async () => (await import('./objects/weakrefops.js')).weakrefOps, null, ['weakref']),
  /**
   * the builtins most programs never call (modules/bltinextra.ts), and exit, quit, copyright,
   * credits and license (modules/sitebuiltins.ts): each one's name loads it
   */
  builtins: part('builtin functions', async () => (await import('./modules/bltinextra.js')).bltinExtra),
  /**
   * syntax-error diagnostics (parse/diagnostics.ts): no text announces a
   * syntax error, so a program that has one is parsed again with every part
   */
  diagnostics: part('syntax-error diagnostics', async () => (await import('./parse/diagnostics.js')).diagnostics),
  /** SyntaxError objects' __init__, __str__, fields and location (objects/syntaxerror.ts) */
  syntaxerror: part(
    'SyntaxError objects', async () => (await import('./objects/syntaxerror.js')).syntaxErrorOps, null,
    ['SyntaxError', 'IndentationError', 'TabError', 'exec', 'eval'],
  ),
  /** raise statements (eval/raise.ts): assert raises too */
  raise: part('raise statements', async () => (await import('./eval/raise.js')).raising, null, ['raise', 'assert']),
  /** the constructors of enumerate, zip, map, filter and reversed, and their __next__ (objects/iterbuiltins.ts) */
  iterators: part(
    'enumerate, zip, map, filter and reversed', async () => (await import('./objects/iterbuiltins.js')).iterBuiltins, null,
    ['enumerate', 'zip', 'map', 'filter', 'reversed'],
  ),
  /** int(s, base) parsing a string (objects/intparse.ts) */
  intparse: part('int() of a string', async () => (await import('./objects/intparse.js')).intParse, null, ['int']),
  /** binary operations on two constants folded by the compiler (compile/constarith.ts) */
  constarith: part('constant folding of operators', async () => (await import('./compile/constarith.js')).constArith, CONSTANT_BINOP),
  /**
   * calls with `*args` or `**kwargs`, displays with a starred item, starred
   * assignment targets and `**` in dict displays, and parameter lists with
   * `/`, `*` or `**` (compile/unpacking.ts, eval/unpacking.ts): a `*` or `/`
   * after an opening bracket, a comma, `=`, `in`, `for`, `return`, `yield`
   * or `lambda`
   */
  unpacking: part(
    'star unpacking', async () => {
      const [code, instructions] = await Promise.all([import('./compile/unpacking.js'), import('./eval/unpacking.js')]);
      return { ...code.unpackingCode, ...instructions.unpacking };
    },
    /(?:^|[(\[{,=]|\b(?:in|for|return|yield|lambda))\s*[*/]/m,
  ),
  /**
   * del, global and nonlocal statements (compile/directives.ts,
   * eval/deletion.ts): their words, or an except clause with `as`, whose
   * name is deleted when the handler ends
   */
  del: part(
    'del, global and nonlocal statements', async () => {
      const [statements, instructions] = await Promise.all([import('./compile/directives.js'), import('./eval/deletion.js')]);
      return { ...statements.directives, ...instructions.deletion };
    },
    /\bexcept\b[^:\n]*\bas\b/, ['del', 'global', 'nonlocal'],
  ),
  /**
   * slices stored to or with a step, slice objects' repr, hash, comparison,
   * constructor and indices() (eval/slicing.ts): a `:` after a `[` on a line, or the word slice
   */
  slices: part(
    'slice assignment and slice objects', async () => (await import('./eval/slicing.js')).slicing, /\[[^\]\n]*:/,
    ['slice', 'indices'],
  ),
  /**
   * annotated assignments (compile/annotations.ts, eval/annotations.ts): a line that starts with a name and a
   * `:` with more after it (`x: int = 1`), or a `->`; and functions' __annotations__ (its name, or
   * the functools module, whose update_wrapper copies it: wraps, lru_cache and cache call it)
   */
  annotations: part(
    'annotations', async () => {
      const [statements, instructions] = await Promise.all([import('./compile/annotations.js'), import('./eval/annotations.js')]);
      return { ...statements.annotations, ...instructions.annotations };
    },
    /^[ \t]*[A-Za-z_][\w.]*(?:\[[^\]\n]*\])?[ \t]*:(?![ \t]*(?:#|$))|->/m, ['__annotations__', 'functools'],
  ),
  /** list, tuple and range methods most programs never call (objects/seqmethods.ts): each one's name loads it */
  seqmethods: part('list, tuple and range methods', async () => (await import('./objects/seqmethods.js')).seqMethods),
  /** the sys functions most programs never call (modules/sysextra.ts): each one's name loads it */
  sysextra: part('sys functions', async () => (await import('./modules/sysextra.js')).sysExtra),
  exec: part('exec() and eval()', async () => (await import('./modules/execeval.js')).execEval, null, ['exec', 'eval']),
  /**
   * SyntaxWarnings: the compiler's (compile/syntaxwarnings.ts), of which only `is`
   * with a literal warns, and the parser's for invalid escapes in literals
   * (parse/escapewarnings.ts): the word `is`, or a backslash before a character
   * that starts no escape (`\d`, `\{`) or before an octal escape above `\377`
   */
  syntaxwarnings: part(
    'SyntaxWarnings', async () => {
      const [compiler, parser] = await Promise.all([import('./compile/syntaxwarnings.js'), import('./parse/escapewarnings.js')]);
      return { ...compiler.syntaxWarningChecks, ...parser.escapeWarningMethods };
    },
    /\\(?:[^\n\\'"abfnrtvxNuU0-7]|[4-7][0-7][0-7])/, ['is'],
  ),
  /** code objects' attributes (objects/codeattrs.ts): their names */
  codeattrs: part(
    "code objects' attributes", async () => (await import('./objects/codeattrs.js')).codeAttrs, null, CODE_ATTRIBUTES.split(' '),
  ),
  /**
   * types.GenericAlias, what `list[int]` makes (objects/genericalias.ts): one of the
   * builtin types most often subscripted so, or the word __class_getitem__ (a rarer
   * one, `enumerate[int]`, `partial[int]`, means a second run); and types.UnionType,
   * what `int | None` makes (objects/unionobject.ts): a `|` next to None, a builtin
   * type's name or a `]` (over-approximated: `x[0] | 1` counts; a union of the
   * program's own classes, `A | B`, means a second run)
   */
  generic: part(
    'generic aliases', async () => (await import('./objects/genericalias.js')).genericAlias,
    /\b(?:list|dict|tuple|set|frozenset|type|deque|defaultdict)\s*\[|(?:\b(?:None|int|str|float|bool|bytes|list|dict|tuple|set|type)|\])\s*\||\|\s*(?:None|int|str|float|bool|bytes|list|dict|tuple|set|type)\b/,
    ['__class_getitem__'],
  ),
} as const satisfies Record<string, Part>;

/**
 * The module's compile-time SyntaxWarnings as stderr shows them
 * (pylifecycle.ts; parts.syntaxwarnings: its module has no stub of its own to import);
 * `source` null for exec and eval of a string, whose lines are not shown
 */
export const syntaxWarningsText = deferred<(mod: Module, filename: string, source: string | null) => string>(parts.syntaxwarnings, 'text');

/** The parser's SyntaxWarnings (parse/escapewarnings.ts), formatted the same way */
export const parseWarningsText = deferred<(warnings: ParseWarning[], filename: string, source: string | null) => string>(
  parts.syntaxwarnings, 'parseText',
);

/** An import of a module the simulator lacks (modules/missingmodules.ts) */
export const missingModule = deferred<(name: string) => never>(parts.imports, 'missingModule');

/** glibc's pow (modules/libm/pow.ts), for the compiler's constant folding of `**` (parts.numeric: `**` loads it) */
export const libmPow = deferred<(x: number, y: number) => number>(parts.numeric, 'libm.pow');

/**
 * `type[int]` (objects/genericalias.ts): PyObject_GetItem's case for `type`
 * itself, which has no __class_getitem__ (for objects/abstract.ts's getItem)
 */
export const typeGetItem = deferred<(type: PyObject, key: PyObject) => PyObject>(parts.generic, 'typeGetItem');

export type PartName = keyof typeof parts;
export const partNames = Object.keys(parts) as PartName[];

let missHandler: (feature: string) => never = (feature) => {
  throw new Error(`not loaded: ${feature}`);
};
let missed: Part | null = null;

/** How a stub whose code is missing ends the run (core.ts: the simulator's "not supported" error). */
export function setMissHandler(f: (feature: string) => never): void {
  missHandler = f;
}

/** A function that forwards to the part's implementation `key`. */
export function deferred<F extends Impl>(p: Part, key: string): F {
  p.keys.add(key);
  const stub = (a?: unknown, b?: unknown, c?: unknown): unknown => {
    const impls = p.impls;
    if (impls === null) {
      missed = p;
      return missHandler(`${p.name} (code not loaded before the run)`);
    }
    return impls[key](a, b, c);
  };
  return stub as F;
}

/**
 * A prototype method whose code is in the part (`Parser.prototype.x =
 * deferredMethod(p, 'x')`): the implementation is a function with a `this`
 * parameter, called with the same `this`.
 */
export function deferredMethod<F extends Impl>(p: Part, key: string): F {
  p.keys.add(key);
  const stub = function (this: unknown, ...args: unknown[]): unknown {
    const impls = p.impls;
    if (impls === null) {
      missed = p;
      return missHandler(`${p.name} (code not loaded before the run)`);
    }
    return impls[key].apply(this, args);
  };
  return stub as F;
}

/** Stubs on a class's prototype for its methods `names`, keyed `${cls}.${name}` in the part. */
export function deferPrototype(p: Part, cls: string, proto: object, names: readonly string[]): void {
  for (const n of names) (proto as Record<string, Impl>)[n] = deferredMethod(p, `${cls}.${n}`);
}

/** Stubs for methods, one per name: a program that names one of them loads the part (unless `named` is false). */
export function deferredMethods<F extends Impl>(p: Part, names: readonly string[], named = true): Record<string, F> {
  const out: Record<string, F> = {};
  for (const n of names) {
    if (named) p.words.add(n);
    out[n] = deferred<F>(p, n);
  }
  return out;
}

/**
 * Stubs for one type's methods, keyed `${cls}.${name}` in the part (several
 * types' methods of the same name in one part), each name loading it.
 */
export function deferredMethodsOf<F extends Impl>(p: Part, cls: string, names: readonly string[]): Record<string, F> {
  const out: Record<string, F> = {};
  for (const n of names) {
    p.words.add(n);
    out[n] = deferred<F>(p, `${cls}.${n}`);
  }
  return out;
}

/** Installs a part's implementations: one for every stub, no others. */
function provide(p: Part, impls: Record<string, Impl>): void {
  const missing = [...p.keys].filter((k) => typeof impls[k] !== 'function');
  const extra = Object.keys(impls).filter((k) => !p.keys.has(k));
  if (missing.length > 0 || extra.length > 0) {
    throw new Error(`${p.name}: no implementation for ${missing.join(', ') || '-'}; no stub for ${extra.join(', ') || '-'}`);
  }
  p.impls = impls;
}

/** Loads the named parts (each once). */
export async function loadParts(names: Iterable<PartName>): Promise<void> {
  await Promise.all([...new Set(names)].map(async (n) => {
    const p = parts[n];
    if (p.impls !== null) return;
    provide(p, await p.load());
  }));
}

/**
 * Starts loading the named parts without waiting for them (the worker, at
 * start-up, for parts no program text announces). A run that needs one before
 * it arrived is run again once it has; a failed load is retried then.
 */
export function prefetchParts(names: Iterable<PartName>): void {
  loadParts(names).catch(() => {});
}

/** The parts a program's text may use: a name of one of its methods anywhere (code, strings, comments), or its pattern. */
export function partsNamedIn(source: string): PartName[] {
  const words = new Set(source.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []);
  return partNames.filter((n) => {
    const p: Part = parts[n];
    if (p.test !== null && p.test(source)) return true;
    for (const w of p.words) if (words.has(w)) return true;
    return false;
  });
}

/** Did a stub without its code end the last run? (Cleared by reading it.) */
export function takeMissedPart(): string | null {
  const m = missed;
  missed = null;
  return m === null ? null : m.name;
}
