/**
 * Syntax-error diagnostics (an on-demand part, see ondemand.ts): CPython's
 * messages for a program that does not parse ("invalid syntax. Perhaps you
 * forgot a comma?", "Maybe you meant '==' …", unexpected indent, the names of
 * node kinds in "cannot assign to …"). A valid program never reaches them and
 * no text announces a syntax error, so the worker loads them only when a
 * stub is reached, and parses the program again. Each function is a method
 * of Parser (a stub on its prototype), moved here verbatim from parse/parser.ts.
 */
import type * as A from './ast.js';
import type { Token } from './tokenizer.js';
import { PySyntaxError } from './errors.js';
import type { StringError } from './strings.js';
import type { Parser } from './parser.js';
// the module whose prototype holds this part's stubs, evaluated first (ondemand.ts checks every stub has its code)
import './parser.js';

/** Human names of node kinds in error messages (_PyPegen_get_expr_name). */
function exprName(e: A.Expr): string {
  switch (e.kind) {
    case 'Attribute': return 'attribute';
    case 'Subscript': return 'subscript';
    case 'Starred': return 'starred';
    case 'Name': return 'name';
    case 'List': return 'list';
    case 'Tuple': return 'tuple';
    case 'Lambda': return 'lambda';
    case 'Call': return 'function call';
    case 'BoolOp': case 'BinOp': case 'UnaryOp': return 'expression';
    case 'GeneratorExp': return 'generator expression';
    case 'Yield': case 'YieldFrom': return 'yield expression';
    case 'Await': return 'await expression';
    case 'ListComp': return 'list comprehension';
    case 'SetComp': return 'set comprehension';
    case 'DictComp': return 'dict comprehension';
    case 'Dict': return 'dict literal';
    case 'Set': return 'set display';
    case 'JoinedStr': case 'FormattedValue': return 'f-string expression';
    case 'Constant': {
      const v = e.value;
      if (v.type === 'None') return 'None';
      if (v.type === 'bool') return v.value ? 'True' : 'False';
      if (v.type === 'Ellipsis') return 'ellipsis';
      return 'literal';
    }
    case 'Compare': return 'comparison';
    case 'IfExp': return 'conditional expression';
    case 'NamedExpr': return 'named expression';
    default: return 'expression';
  }
}

/** Generic "invalid syntax" at the current token, with CPython's special cases for INDENT/DEDENT. */
function invalid(this: Parser, t: Token = this.toks[Math.max(this.i, this.furthest)]): never {
  this.quiet = true; // the error is found: what is parsed now only words its message
  // CPython reports a generic error at the furthest token its parser looked at
  if (t.type === 'ERRORTOKEN' && t.error) throw t.error;
  if (t.type === 'INDENT') {
    throw new PySyntaxError('IndentationError', 'unexpected indent', t.end_lineno, t.end_col, t.end_lineno, -1);
  }
  if (t.type === 'DEDENT') {
    throw new PySyntaxError('IndentationError', 'unexpected unindent', t.lineno, t.col + 1, t.lineno, -1);
  }
  if (t.type === 'ENDMARKER' || (t.type === 'NEWLINE' && t.start === t.end)) {
    // end of input: CPython points just past the last character of the last line
    const ln = Math.max(1, this.lines.lineOf(Math.max(0, this.src.length - 1)));
    const text = this.lines.lineText(ln).replace(/\n$/, '');
    if (t.type === 'ENDMARKER' && this.src.endsWith('\n')) {
      throw new PySyntaxError('SyntaxError', 'invalid syntax', ln, text.length + 1, ln, text.length + 2);
    }
    throw new PySyntaxError('SyntaxError', 'invalid syntax', ln, text.length + 1, ln, text.length + 2);
  }
  this.raise('invalid syntax', t);
}

/** inside brackets, `a b` → "invalid syntax. Perhaps you forgot a comma?" (invalid_expression) */
function forgotComma(this: Parser, a: A.Expr, fallThrough = false): never {
  this.quiet = true; // the error is found: what is parsed now only words its message
  const t = this.tok;
  const nameString = a.kind === 'Name' && (t.type === 'STRING' || t.type === 'FSTRING_START') && a.end === t.start - (t.start - a.end);
  if (this.startsExpression() && !this.at('*') && !nameString && !(a.kind === 'Name' && t.type === 'STRING' )) {
    const save = this.i;
    const saveFurthest = this.furthest;
    let b: A.Expr | null = null;
    try {
      b = this.expression();
    } catch (e) {
      if (!(e instanceof PySyntaxError)) throw e;
      b = null;
    }
    if (!b) {
      // CPython's expression_without_invalid: a bare disjunction is enough
      this.i = save;
      try { b = this.disjunction(); } catch (e) { if (!(e instanceof PySyntaxError)) throw e; b = null; }
    }
    if (b && this.isDisjunctionLevel(a)) this.raise('invalid syntax. Perhaps you forgot a comma?', a, b);
    this.i = save;
    if (!this.reachedEnd()) this.furthest = saveFurthest;
  }
  if (fallThrough) return undefined as never;
  this.invalid();
}

function isDisjunctionLevel(this: Parser, e: A.Expr): boolean {
  if (this.parenthesized.has(e)) return true;
  return !(e.kind === 'IfExp' || e.kind === 'Lambda' || e.kind === 'NamedExpr' || e.kind === 'Starred');
}


/** `if x = 1:` (CPython's invalid_named_expression) */
function assignInCondition(this: Parser, a: A.Expr): never {
  this.quiet = true; // the error is found: what is parsed now only words its message
  const save = this.i;
  const saveFurthest = this.furthest;
  this.next();
  let b: A.Expr | null = null;
  try { b = this.bitOr(); } catch (e) { if (!(e instanceof PySyntaxError)) throw e; }
  if (b && !this.at('=') && !this.at(':=')) {
    if (a.kind === 'Name' && !this.parenthesized.has(a)) {
      this.raise("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", a, b);
    }
    const excluded = a.kind === 'List' || a.kind === 'Tuple' || a.kind === 'GeneratorExp'
      || (a.kind === 'Constant' && (a.value.type === 'bool' || a.value.type === 'None'));
    if (!excluded && this.isBitOrLevel(a)) {
      this.raise(`cannot assign to ${exprName(a)} here. Maybe you meant '==' instead of '='?`, a);
    }
  }
  this.i = save;
  if (!this.reachedEnd()) this.furthest = saveFurthest;
  this.invalid();
}

function forgotCommaOrInvalid(this: Parser, a: A.Expr): never {
  this.quiet = true; // the error is found: what is parsed now only words its message
  if (this.at('=') && a.kind === 'Name') {
    // `(x = 1)` / `if x = 1:` style
    const save = this.i;
    this.next();
    try {
      const b = this.bitOr();
      if (!this.at('=') && !this.at(':=')) this.raise("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", a, b);
    } catch (e) {
      if (e instanceof PySyntaxError && e.msg.startsWith('invalid syntax. Maybe')) throw e;
    }
    this.i = save;
  }
  this.forgotComma(a);
}


function stringError(this: Parser, e: StringError, t: Token): never {
  this.quiet = true;
  if (e.unsupported) {
    throw new PySyntaxError('SyntaxError', e.msg, t.lineno, t.col + 1, t.end_lineno, t.end_col + 1, false, true);
  }
  if (e.escape !== null) {
    // the UnicodeDecodeError of the 'unicodeescape' codec, wrapped (_Pypegen_raise_decode_error)
    const { body, piece, start, end } = e.escape;
    // (a span of two bytes at least: the backslash and the letter)
    const from = codecPosition(body, piece, start);
    const to = codecPosition(body, piece, end);
    this.raise(`(unicode error) 'unicodeescape' codec can't decode bytes in position ${from}-${to - 1}: ${e.msg}`, t);
  }
  this.raise(e.msg, t);
}

/**
 * Index `at` of `body` as a position in what the codec decodes: the piece that starts
 * at `from`, as string_parser.c's decode_unicode_with_escapes hands it over, with
 * every non-ASCII character spelled `\UXXXXXXXX` (10 bytes) and a backslash before
 * one (or at the end) spelled `\u005c`.
 */
function codecPosition(body: string, from: number, at: number): number {
  let n = 0;
  let k = from;
  while (k < at) {
    if (body[k] === '\\') {
      // the backslash and the character after it go together (an escaped backslash is no escape)
      n++;
      k++;
      if (k >= body.length || body.charCodeAt(k) >= 0x80) n += 5;
      if (k >= at) break;
    }
    const c = body.codePointAt(k)!;
    n += c >= 0x80 ? 10 : 1;
    k += c > 0xffff ? 2 : 1;
  }
  return n;
}

export const diagnostics = {
  exprName,
  'Parser.invalid': invalid,
  'Parser.forgotComma': forgotComma,
  'Parser.isDisjunctionLevel': isDisjunctionLevel,
  'Parser.assignInCondition': assignInCondition,
  'Parser.forgotCommaOrInvalid': forgotCommaOrInvalid,
  'Parser.stringError': stringError,
};
