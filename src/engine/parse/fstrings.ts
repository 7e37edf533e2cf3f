/**
 * f-strings, tokenized and parsed (an on-demand part, see ondemand.ts): the
 * tokenizer's FSTRING_START/FSTRING_MIDDLE scanning and the parser's
 * replacement fields. A string prefix with an `f` loads it. Each function is
 * a method of Tokenizer or Parser (a stub on its prototype), moved here
 * verbatim.
 */
import type * as A from './ast.js';
import type { Parser } from './parser.js';
import type { Token, Tokenizer, FStrMode } from './tokenizer.js';
import { PySyntaxError } from './errors.js';
import { StringError, decodeStr, invalidEscapes } from './strings.js';
// the modules whose prototypes hold this part's stubs, evaluated first (ondemand.ts checks every stub has its code)
import './tokenizer.js';
import './parser.js';

// ---------------------------------------------------------------- tokenizer

function unterminatedFString(this: Tokenizer, m: FStrMode): never {
  if (m.fieldDepths.length > 0) {
    this.err("f-string: expecting '}'", this.lineno, this.pos - this.lineStart + 1, this.pos - this.lineStart + 1);
  }
  const what = m.triple ? 'unterminated triple-quoted f-string literal' : 'unterminated f-string literal';
  this.err(`${what} (detected at line ${this.lines.lineOf(Math.max(0, this.src.length - 1))})`, m.startLine, m.startCol + 1, m.startCol + 1);
}

function startFString(this: Tokenizer, start: number, q: number, raw: boolean): void {
  const src = this.src;
  const quote = src[q];
  const triple = src[q + 1] === quote && src[q + 2] === quote;
  const end = q + (triple ? 3 : 1);
  this.push('FSTRING_START', start, end);
  this.modes.push({
    kind: 'fstring', quote, triple, raw, startLine: this.lineno, startCol: start - this.lineStart,
    fieldDepths: [], inSpec: [],
  });
  this.pos = end;
}

/** Scan literal text of an f-string (or of a format spec) up to `{`, `}` or the closing quote. */
function scanFStringMiddle(this: Tokenizer, m: FStrMode): void {
  const src = this.src;
  const inSpec = m.fieldDepths.length > 0;
  const start = this.pos;
  let p = start;
  const qc = m.quote.charCodeAt(0);
  for (;;) {
    if (p >= src.length) {
      this.pos = p;
      if (inSpec) {
        this.err("f-string: expecting '}'", this.lineno, p - this.lineStart + 1, p - this.lineStart + 1);
      }
      this.unterminatedFString(m);
    }
    const c = src.charCodeAt(p);
    if (c === 92 && !m.raw) {
      // \N{...} is an escape, not a field
      if (src.charCodeAt(p + 1) === 78 && src.charCodeAt(p + 2) === 123) {
        p += 3;
        while (p < src.length && src.charCodeAt(p) !== 125 && src.charCodeAt(p) !== qc && src.charCodeAt(p) !== 10) p++;
        if (src.charCodeAt(p) === 125) p++;
        continue;
      }
      if (src.charCodeAt(p + 1) === 123 || src.charCodeAt(p + 1) === 125) { p++; continue; }
      p += 2;
      if (src.charCodeAt(p - 1) === 10) { this.lineno++; this.lineStart = p; if (!m.triple) { /* continuation inside string */ } }
      continue;
    }
    if (c === 92 && m.raw) {
      const n = src.charCodeAt(p + 1);
      if (n === qc || n === 92) { p += 2; continue; }
      p++;
      continue;
    }
    if (c === 10) {
      if (!m.triple) {
        this.pos = p;
        if (inSpec) this.err("f-string: expecting '}'", this.lineno, p - this.lineStart + 1, p - this.lineStart + 1);
        this.err(`unterminated f-string literal (detected at line ${this.lineno})`, m.startLine, m.startCol + 1, m.startCol + 1);
      }
      p++;
      this.lineno++;
      this.lineStart = p;
      continue;
    }
    if (c === qc && (!m.triple || (src.charCodeAt(p + 1) === qc && src.charCodeAt(p + 2) === qc))) {
      if (inSpec) {
        this.pos = p;
        this.err("f-string: expecting '}'", this.lineno, p - this.lineStart + 1, p - this.lineStart + 1);
      }
      if (p > start) this.push('FSTRING_MIDDLE', start, p);
      const e = p + (m.triple ? 3 : 1);
      this.push('FSTRING_END', p, e);
      this.pos = e;
      this.modes.pop();
      return;
    }
    if (c === 123) {
      if (!inSpec && src.charCodeAt(p + 1) === 123) { p += 2; continue; }
      if (p > start) this.push('FSTRING_MIDDLE', start, p);
      this.push('OP', p, p + 1);
      this.parens.push({ ch: '{', lineno: this.lineno, col: p - this.lineStart });
      if (this.parens.length >= 200) {
        this.err('too many nested parentheses', this.lineno, p - this.lineStart + 1, p - this.lineStart + 1);
      }
      m.fieldDepths.push(this.parens.length);
      m.inSpec.push(false);
      this.pos = p + 1;
      return;
    }
    if (c === 125) {
      if (!inSpec) {
        if (src.charCodeAt(p + 1) === 125) { p += 2; continue; }
        const o = p - this.lineStart + 1;
        this.err("f-string: single '}' is not allowed", this.lineno, o, o);
      }
      // end of the format spec and of its field
      if (p > start) this.push('FSTRING_MIDDLE', start, p);
      this.push('OP', p, p + 1);
      m.fieldDepths.pop();
      m.inSpec.pop();
      this.parens.pop();
      this.pos = p + 1;
      return;
    }
    p++;
  }
}


// ---------------------------------------------------------------- parser

/**
 * FSTRING_START … FSTRING_END, appending literal text and FormattedValues to `parts`. Returns the end token.
 * The literal text is decoded once the f-string ends (_PyPegen_joined_str): a bad escape in it is
 * reported at the end token, after any error in a replacement field, and its warnings come after
 * those of the fields' strings and of the tokenizer (`\{`, given as the text is read).
 */
function fstring(this: Parser, parts: (string | A.FormattedValue)[]): Token {
  const start = this.next();
  const raw = /r/i.test(start.value.slice(0, start.value.search(/['"]/)));
  this.enter();
  const texts: [number, Token][] = [];
  for (;;) {
    const t = this.tok;
    if (t.type === 'FSTRING_END') {
      this.next();
      this.depth--;
      for (const [k, m] of texts) parts[k] = this.decodePiece(m, raw, t);
      return t;
    }
    if (t.type === 'FSTRING_MIDDLE') {
      this.next();
      if (!raw && /\\[{}]/.test(t.value + this.src[t.end])) this.braceEscapeWarnings(t);
      texts.push([parts.length, t]);
      parts.push('');
      continue;
    }
    if (this.at('{')) {
      const fv = this.replacementField(raw, parts);
      parts.push(fv);
      continue;
    }
    this.invalid();
  }
}

/** Literal text `t` decoded; `end` is where its errors point and its warnings' line (the f-string's end, or `t` in a format spec). */
function decodePiece(this: Parser, t: Token, raw: boolean, end: Token = t): string {
  let text: string;
  try {
    text = decodeStr(t.value, raw, true);
  } catch (e) {
    if (e instanceof StringError) this.stringError(e, end);
    throw e;
  }
  if (invalidEscapes.length > 0) this.escapeWarnings(t, t.value, end.lineno);
  return text;
}

/** '{' expr ['='] ['!' NAME] [':' spec] '}' */
function replacementField(this: Parser, raw: boolean, parts: (string | A.FormattedValue)[]): A.FormattedValue {
  const open = this.next();
  if (this.at('}') || this.at('!') || this.at(':') || this.at('=')) {
    const what = this.tok.value;
    this.raise(`f-string: valid expression required before '${what}'`, this.tok);
  }
  const first = this.tok;
  if (this.at('lambda')) {
    // the tokenizer already took the lambda's ':' as the start of a format spec
    let j = this.i;
    while (j < this.toks.length - 1 && !(this.toks[j].type === 'OP' && (this.toks[j].value === ':' || this.toks[j].value === '}'))) j++;
    if (this.at(':', this.toks[j])) {
      this.raise('f-string: lambda expressions are not allowed without parentheses', this.tok, this.toks[j]);
    }
  }
  let value: A.Expr;
  try {
    value = this.at('yield') ? this.yieldExpr() : this.starExpressions();
  } catch (e) {
    // a field that does not start a valid expression (invalid_replacement_field)
    if (e instanceof PySyntaxError && e.msg === 'invalid syntax' && e.lineno === first.lineno && e.offset === first.col + 1) {
      this.raise("f-string: expecting a valid expression after '{'", first);
    }
    throw e;
  }
  if (!(this.at('=') || this.at('!') || this.at(':') || this.at('}'))) {
    if (this.startsExpression() && !this.at('*')) this.forgotComma(value, true);
    this.raise("f-string: expecting '=', or '!', or ':', or '}'", this.tok);
  }
  let conversion = -1;
  let format_spec: A.JoinedStr | null = null;
  if (this.at('=')) {
    const eq = this.next();
    // debug text: everything from after '{' through '=' and following whitespace
    const nt = this.tok;
    parts.push(this.src.slice(open.end, nt.type === 'OP' ? nt.start : eq.end));
    if (!this.at('!') && !this.at(':')) conversion = 114;
  }
  if (this.at('!')) {
    const bang = this.next();
    const n = this.tok;
    if (n.type !== 'NAME' || n.start !== bang.end) {
      this.raise("f-string: missing conversion character", n);
    }
    if (n.value !== 's' && n.value !== 'r' && n.value !== 'a') {
      this.raise(`f-string: invalid conversion character '${n.value}': expected 's', 'r', or 'a'`, n);
    }
    this.next();
    conversion = n.value.charCodeAt(0);
  }
  if (this.at(':')) {
    const colon = this.next();
    const specParts: (string | A.FormattedValue)[] = [];
    while (!this.at('}')) {
      const t = this.tok;
      if (t.type === 'FSTRING_MIDDLE') { this.next(); specParts.push(this.decodePiece(t, raw)); }
      else if (this.at('{')) {
        specParts.push(this.replacementField(raw, specParts));
        // CPython 3.12.1 ends a spec with an empty constant after a nested field
        if (this.at('}')) specParts.push('');
      }
      else this.raise("f-string: expecting '}'", t);
    }
    const values: A.Expr[] = [];
    for (const p of specParts) {
      if (typeof p === 'string') values.push(this.fin<A.Constant>({ kind: 'Constant', value: { type: 'str', value: p } }, colon, this.tok));
      else values.push(p);
    }
    format_spec = this.fin<A.JoinedStr>({ kind: 'JoinedStr', values }, colon, this.tok);
  }
  if (!this.at('}')) this.raise("f-string: expecting '}'", this.tok);
  const close = this.next();
  return this.fin<A.FormattedValue>({ kind: 'FormattedValue', value, conversion, format_spec }, open, close);
}


/** The implementations, by `Class.method`. */
export const fstrings = {
  'Tokenizer.unterminatedFString': unterminatedFString,
  'Tokenizer.startFString': startFString,
  'Tokenizer.scanFStringMiddle': scanFStringMiddle,
  'Parser.fstring': fstring,
  'Parser.decodePiece': decodePiece,
  'Parser.replacementField': replacementField,
};
