/**
 * The tokenizer: the counterpart of CPython's Parser/tokenizer.c (3.12).
 *
 * It turns source text into an array of tokens in one pass. Like CPython 3.12
 * (PEP 701) f-strings are tokenized as FSTRING_START, FSTRING_MIDDLE, the
 * tokens of each replacement field, and FSTRING_END, so the parser sees the
 * expressions inside `{}` as ordinary tokens with their real positions.
 */
import { PySyntaxError } from './errors.js';
import { parts, deferPrototype } from '../ondemand.js';

export type TokType =
  | 'NAME' | 'NUMBER' | 'STRING' | 'OP' | 'NEWLINE' | 'INDENT' | 'DEDENT' | 'ENDMARKER'
  | 'FSTRING_START' | 'FSTRING_MIDDLE' | 'FSTRING_END'
  /** where tokenizing stopped on an error CPython only reports if the parser gets there */
  | 'ERRORTOKEN';

export interface Token {
  type: TokType;
  /** the token's source text (for FSTRING_MIDDLE: the raw text, `{{` still doubled) */
  value: string;
  /** absolute offsets into the (newline-normalised) source */
  start: number;
  end: number;
  lineno: number;
  /** 0-based UTF-16 column */
  col: number;
  end_lineno: number;
  end_col: number;
  /** for ERRORTOKEN: the error the parser raises on reaching it */
  error?: PySyntaxError;
}

/** Unwinds the tokenizer after a deferred error (see `deferred`). */
class StopTokenizing {}

/** An opening bracket still waiting for its partner (tok->parenstack in CPython). */
interface OpenParen { ch: string; lineno: number; col: number; }

/** One level of f-string state (CPython's tok_mode_stack). */
export interface FStrMode {
  kind: 'fstring';
  quote: string; // ' or "
  triple: boolean;
  raw: boolean;
  /** line of the FSTRING_START, for "unterminated f-string" messages */
  startLine: number;
  startCol: number;
  /** bracket depth just inside the innermost open replacement field, or -1 */
  fieldDepths: number[];
  /** per open field: true once its format spec (after ':') began */
  inSpec: boolean[];
}

export interface TokenizeResult {
  tokens: Token[];
  /** brackets still open at end of input (innermost last) */
  unclosed: OpenParen[];
}

const OPERATORS3 = new Set(['**=', '//=', '>>=', '<<=', '...', '!=']);
const OPERATORS2 = new Set([
  '!=', '%=', '&=', '**', '*=', '+=', '-=', '->', '//', '/=', ':=', '<<', '<=', '==', '>=', '>>',
  '@=', '^=', '|=',
]);
const OPERATORS1 = new Set('%&()*+,-./:;<=>@[]^{|}~'.split(''));
const CLOSER_FOR: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
/** Keywords that may directly follow a number without a space (`1if x else y`). */
const NUMBER_SUFFIX_KEYWORDS = ['and', 'else', 'for', 'if', 'in', 'is', 'not', 'or'];

const ID_START_RE = /[\p{XID_Start}_]/u;
const ID_CONT_RE = /[\p{XID_Continue}]/u;
const NONPRINTABLE_RE = /^[\p{C}\p{Z}]$/u;

function isAsciiIdStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}
function isDigit(c: number): boolean { return c >= 48 && c <= 57; }
function isHex(c: number): boolean {
  return isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);
}

/** Position bookkeeping shared by the tokenizer and the parser. */
export class LineMap {
  readonly lineStarts: number[] = [0];
  constructor(readonly src: string) {
    for (let i = 0; i < src.length; i++) if (src.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }
  /** 1-based line of an absolute offset */
  lineOf(pos: number): number {
    let lo = 0, hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= pos) lo = mid; else hi = mid - 1;
    }
    return lo + 1;
  }
  colOf(pos: number): number { return pos - this.lineStarts[this.lineOf(pos) - 1]; }
  /** text of a 1-based line including its trailing newline if any */
  lineText(lineno: number): string {
    const s = this.lineStarts[lineno - 1];
    if (s === undefined) return '';
    const e = lineno < this.lineStarts.length ? this.lineStarts[lineno] : this.src.length;
    return this.src.slice(s, e);
  }
}

export function tokenize(src: string, lines: LineMap = new LineMap(src)): TokenizeResult {
  return new Tokenizer(src, lines).run();
}

export class Tokenizer {
  pos = 0;
  lineno = 1;
  lineStart = 0;
  readonly tokens: Token[] = [];
  readonly parens: OpenParen[] = [];
  /** indentation columns (tabs to multiples of 8) and "alt" columns (tabs = 1) */
  readonly indents: number[] = [0];
  readonly altIndents: number[] = [0];
  atLineStart = true;
  readonly modes: FStrMode[] = [];

  constructor(readonly src: string, readonly lines: LineMap) {}

  run(): TokenizeResult {
    try {
      return this.loop();
    } catch (e) {
      if (e instanceof StopTokenizing) return { tokens: this.tokens, unclosed: this.parens };
      throw e;
    }
  }

  /**
   * Errors CPython's tokenizer signals through tok->done rather than by raising
   * (bad dedent, TabError, line continuation): they only surface if the parser
   * reads that far, and they hide later tokenizer errors.
   */
  deferred(e: PySyntaxError): never {
    const p = this.pos;
    const lineno = this.lines.lineOf(Math.min(p, Math.max(0, this.src.length - 1)));
    const col = p - this.lines.lineStarts[lineno - 1];
    this.tokens.push({ type: 'ERRORTOKEN', value: '', start: p, end: p, lineno, col, end_lineno: lineno, end_col: col, error: e });
    throw new StopTokenizing();
  }

  loop(): TokenizeResult {
    const src = this.src;
    for (;;) {
      const mode = this.modes[this.modes.length - 1];
      if (mode && this.inLiteralPart(mode)) {
        this.scanFStringMiddle(mode);
        continue;
      }
      if (this.atLineStart && this.parens.length === 0 && !mode) {
        if (this.handleIndentation()) continue;
      }
      this.atLineStart = false;
      // skip whitespace, comments and backslash continuations
      let c = src.charCodeAt(this.pos);
      while (c === 32 || c === 9 || c === 12 || c === 92 || c === 35) {
        if (c === 35) {
          if (mode && !mode.triple) {
            // CPython 3.12: a comment inside a single-quoted f-string's field swallows the quote
            this.err("f-string expression part cannot include '#'", this.lineno, this.pos - this.lineStart + 1, this.pos - this.lineStart + 1);
          }
          while (this.pos < src.length && src.charCodeAt(this.pos) !== 10) this.pos++;
        } else if (c === 92) {
          const n = src.charCodeAt(this.pos + 1);
          if (n === 10) {
            const bsCol = this.pos - this.lineStart;
            const bsLine = this.lineno;
            this.pos += 2; this.newLine();
            if (this.pos >= src.length) {
              this.deferred(new PySyntaxError('SyntaxError', 'unexpected EOF while parsing', bsLine, bsCol + 2, bsLine, -1, true));
            }
          } else if (this.pos + 1 >= src.length) {
            const o = this.pos - this.lineStart + 2;
            this.deferred(new PySyntaxError('SyntaxError', 'unexpected EOF while parsing', this.lineno, o, this.lineno, -1, true));
          } else {
            const o = this.pos - this.lineStart + 2;
            this.deferred(new PySyntaxError('SyntaxError', 'unexpected character after line continuation character', this.lineno, o, this.lineno, 0, true));
          }
        } else this.pos++;
        c = src.charCodeAt(this.pos);
      }
      if (this.pos >= src.length) {
        this.finish();
        return { tokens: this.tokens, unclosed: this.parens };
      }
      if (c === 10) {
        const start = this.pos;
        this.pos++;
        if (this.parens.length === 0 && !this.lastIsNewlineOrStart()) {
          this.push('NEWLINE', start, this.pos, '\n');
        } else if (this.parens.length === 0 && this.tokens.length > 0 && !this.lastIsNewlineOrStart()) {
          this.push('NEWLINE', start, this.pos, '\n');
        }
        this.newLine();
        this.atLineStart = true;
        continue;
      }
      this.scanToken(c, mode);
    }
  }

  lastIsNewlineOrStart(): boolean {
    const t = this.tokens[this.tokens.length - 1];
    return !t || t.type === 'NEWLINE' || t.type === 'INDENT' || t.type === 'DEDENT';
  }

  newLine(): void {
    this.lineno++;
    this.lineStart = this.pos;
  }

  err(msg: string, lineno: number, offset: number, endOffset: number, endLineno = lineno, type: 'SyntaxError' | 'IndentationError' | 'TabError' = 'SyntaxError'): never {
    throw new PySyntaxError(type, msg, lineno, offset, endLineno, endOffset, true);
  }

  push(type: TokType, start: number, end: number, value = this.src.slice(start, end)): Token {
    const lineno = this.lines.lineOf(start);
    const col = start - this.lines.lineStarts[lineno - 1];
    let end_lineno = lineno;
    // tokens rarely span lines; only look up when they might
    if (type === 'STRING' || type === 'FSTRING_MIDDLE' || type === 'NEWLINE') end_lineno = this.lines.lineOf(Math.max(start, end - 1));
    if (type === 'NEWLINE') end_lineno = lineno;
    const end_col = end - this.lines.lineStarts[end_lineno - 1];
    const t: Token = { type, value, start, end, lineno, col, end_lineno, end_col };
    this.tokens.push(t);
    return t;
  }

  /** At the start of a logical line: measure indentation, emit INDENT/DEDENT. Returns true if the line was blank. */
  handleIndentation(): boolean {
    const src = this.src;
    let col = 0, alt = 0;
    let p = this.pos;
    for (;;) {
      const c = src.charCodeAt(p);
      if (c === 32) { col++; alt++; }
      else if (c === 9) { col = (Math.floor(col / 8) + 1) * 8; alt++; }
      else if (c === 12) { col = 0; alt = 0; }
      else break;
      p++;
    }
    const c = src.charCodeAt(p);
    // blank lines, comment-only lines and a backslash at line start do not count
    if (p >= src.length || c === 10 || c === 35) {
      if (c === 35) while (p < src.length && src.charCodeAt(p) !== 10) p++;
      if (p >= src.length) { this.pos = p; this.atLineStart = false; return false; }
      this.pos = p + 1;
      this.newLine();
      return true;
    }
    this.atLineStart = false;
    this.pos = p;
    const top = this.indents[this.indents.length - 1];
    const altTop = this.altIndents[this.altIndents.length - 1];
    if (col === top) {
      if (alt !== altTop) this.tabError();
    } else if (col > top) {
      if (alt <= altTop) this.tabError();
      this.indents.push(col);
      this.altIndents.push(alt);
      this.push('INDENT', this.lineStart, p);
    } else {
      while (this.indents.length > 1 && col < this.indents[this.indents.length - 1]) {
        this.indents.pop();
        this.altIndents.pop();
        this.push('DEDENT', p, p, '');
      }
      if (col !== this.indents[this.indents.length - 1]) {
        let eol = p;
        while (eol < src.length && src.charCodeAt(eol) !== 10) eol++;
        this.deferred(new PySyntaxError('IndentationError', 'unindent does not match any outer indentation level', this.lineno, eol - this.lineStart + 1, this.lineno, -1, true));
      }
      if (alt !== this.altIndents[this.altIndents.length - 1]) this.tabError();
    }
    return false;
  }

  tabError(): never {
    this.deferred(new PySyntaxError('TabError', 'inconsistent use of tabs and spaces in indentation', this.lineno, 1, this.lineno, 0, true));
  }

  finish(): void {
    const end = this.src.length;
    if (this.modes.length > 0) {
      const m = this.modes[this.modes.length - 1];
      this.unterminatedFString(m);
    }
    if (!this.lastIsNewlineOrStart() && this.parens.length === 0) this.push('NEWLINE', end, end, '');
    while (this.indents.length > 1) {
      this.indents.pop();
      this.push('DEDENT', end, end, '');
    }
    this.push('ENDMARKER', end, end, '');
  }


  inLiteralPart(m: FStrMode): boolean {
    const n = m.fieldDepths.length;
    return n === 0 || m.inSpec[n - 1];
  }

  // ---- ordinary tokens ----

  scanToken(c: number, mode: FStrMode | undefined): void {
    const src = this.src;
    const start = this.pos;
    // identifiers, keywords and string prefixes
    if (isAsciiIdStart(c) || (c >= 128 && this.isIdStartAt(start))) {
      let p = start + 1;
      for (;;) {
        const d = src.charCodeAt(p);
        if (isAsciiIdStart(d) || isDigit(d)) p++;
        else if (d >= 128 && this.isIdContAt(p)) p += this.charLen(p);
        else break;
      }
      if (c >= 128) p = Math.max(p, start + this.charLen(start));
      const q = src.charCodeAt(p);
      if ((q === 34 || q === 39) && p - start <= 2) {
        const prefix = src.slice(start, p).toLowerCase();
        if (isStringPrefix(prefix)) {
          if (prefix.includes('f')) this.startFString(start, p, prefix.includes('r'));
          else this.scanString(start, p);
          return;
        }
      }
      // a non-identifier, non-ASCII char right after the name
      const after = src.charCodeAt(p);
      if (after >= 128 && !this.isIdContAt(p)) this.invalidChar(p);
      let name = src.slice(start, p);
      if (/[^\x00-\x7f]/.test(name)) name = name.normalize('NFKC');
      this.pos = p;
      this.push('NAME', start, p, name);
      return;
    }
    if (isDigit(c) || (c === 46 && isDigit(src.charCodeAt(start + 1)))) {
      this.scanNumber(start);
      return;
    }
    if (c === 34 || c === 39) { this.scanString(start, start); return; }
    // operators
    const three = src.substr(start, 3);
    let op: string | null = null;
    if (OPERATORS3.has(three)) op = three;
    else if (OPERATORS2.has(three.slice(0, 2))) op = three.slice(0, 2);
    else if (OPERATORS1.has(three[0])) op = three[0];
    else if (c === 33) op = '!';
    if (op !== null) {
      // inside an f-string replacement field, `!` `:` `=` `}` at the field's own depth are special
      const depth = mode && mode.fieldDepths.length > 0 ? mode.fieldDepths[mode.fieldDepths.length - 1] : -1;
      if (mode && this.parens.length === depth) {
        if (op === '!=' ) { /* a real operator */ }
        else if (op[0] === '!') op = '!';
        else if (op[0] === ':' && op !== ':') op = ':';
        else if (op[0] === '=' && op !== '==') op = '=';
        else if (op[0] === '}') op = '}';
        if (op === ':') {
          this.push('OP', start, start + 1);
          this.pos = start + 1;
          mode.inSpec[mode.inSpec.length - 1] = true;
          return;
        }
        if (op === '}') {
          this.push('OP', start, start + 1);
          this.pos = start + 1;
          mode.fieldDepths.pop();
          mode.inSpec.pop();
          this.parens.pop();
          return;
        }
      }
      if (op === '!') {
        if (!mode) this.invalidSyntaxAt(start);
      }
      this.pos = start + op.length;
      if (op === '(' || op === '[' || op === '{') {
        if (this.parens.length >= 200) {
          this.err('too many nested parentheses', this.lineno, start - this.lineStart + 1, start - this.lineStart + 1);
        }
        this.parens.push({ ch: op, lineno: this.lineno, col: start - this.lineStart });
      } else if (op === ')' || op === ']' || op === '}') {
        const open = this.parens[this.parens.length - 1];
        const col = start - this.lineStart;
        if (!open || (mode && mode.fieldDepths.length > 0 && this.parens.length === mode.fieldDepths[mode.fieldDepths.length - 1])) {
          if (mode) this.err(`f-string: unmatched '${op}'`, this.lineno, col + 1, col + 1);
          this.err(`unmatched '${op}'`, this.lineno, col + 1, col + 1);
        }
        if (open.ch !== CLOSER_FOR[op]) {
          if (open.lineno !== this.lineno) {
            this.err(`closing parenthesis '${op}' does not match opening parenthesis '${open.ch}' on line ${open.lineno}`, this.lineno, col + 1, col + 1);
          }
          this.err(`closing parenthesis '${op}' does not match opening parenthesis '${open.ch}'`, this.lineno, col + 1, col + 1);
        }
        this.parens.pop();
      }
      this.push('OP', start, this.pos);
      return;
    }
    if (c === 36 || c === 63 || c === 96) {
      // $ ? ` are ERRORTOKENs that the parser reports as invalid syntax
      this.invalidSyntaxAt(start);
    }
    this.invalidChar(start);
  }

  /** `$`, `?`, a lone `!`: CPython's parser says "invalid syntax" at that token. */
  invalidSyntaxAt(start: number): never {
    const col = start - this.lineStart;
    throw new PySyntaxError('SyntaxError', 'invalid syntax', this.lineno, col + 1, this.lineno, col + 2, false);
  }

  invalidChar(p: number): never {
    const cp = this.src.codePointAt(p) ?? 0;
    const ch = String.fromCodePoint(cp);
    const hex = cp.toString(16).toUpperCase().padStart(4, '0');
    const col = p - this.lineStart + 1;
    if (NONPRINTABLE_RE.test(ch)) this.err(`invalid non-printable character U+${hex}`, this.lineno, col, col);
    this.err(`invalid character '${ch}' (U+${hex})`, this.lineno, col, col);
  }

  charLen(p: number): number {
    const c = this.src.charCodeAt(p);
    return c >= 0xd800 && c <= 0xdbff ? 2 : 1;
  }
  isIdStartAt(p: number): boolean {
    const cp = this.src.codePointAt(p);
    return cp !== undefined && ID_START_RE.test(String.fromCodePoint(cp));
  }
  isIdContAt(p: number): boolean {
    const cp = this.src.codePointAt(p);
    return cp !== undefined && ID_CONT_RE.test(String.fromCodePoint(cp));
  }

  // ---- numbers ----

  numErr(msg: string, at: number, plusOne = false): never {
    const o = at - this.lineStart + (plusOne ? 1 : 0);
    return this.err(msg, this.lineno, o, o);
  }

  /** digits of one radix with single underscores between them; returns the new position */
  digits(p: number, radix: Radix): number {
    const src = this.src;
    for (;;) {
      while (isRadixDigit(src.charCodeAt(p), radix)) p++;
      if (src.charCodeAt(p) !== 95) return p;
      p++;
      if (!isRadixDigit(src.charCodeAt(p), radix)) this.numErr(`invalid ${RADIX_NAME[radix]} literal`, p);
    }
  }

  scanNumber(start: number): void {
    const src = this.src;
    let p = start;
    const col0 = start - this.lineStart;
    const c0 = src.charCodeAt(p);
    const c1 = src.charCodeAt(p + 1) | 32;
    if (c0 === 48 && (c1 === 120 || c1 === 111 || c1 === 98)) {
      const radix: Radix = c1 === 120 ? 16 : c1 === 111 ? 8 : 2;
      const kind = RADIX_NAME[radix];
      p += 2;
      if (src.charCodeAt(p) === 95) p++;
      if (!isRadixDigit(src.charCodeAt(p), radix)) {
        if (isDigit(src.charCodeAt(p))) this.numErr(`invalid digit '${src[p]}' in ${kind} literal`, p, true);
        this.numErr(`invalid ${kind} literal`, p);
      }
      p = this.digits(p, radix);
      if (isDigit(src.charCodeAt(p))) this.numErr(`invalid digit '${src[p]}' in ${kind} literal`, p, true);
      this.endOfNumber(p, kind);
      this.pos = p;
      this.push('NUMBER', start, p);
      return;
    }
    if (c0 !== 46) {
      p = this.digits(p, 10);
      // leading zeros: "0", "00", "0_0" are fine, "012" is not
      if (c0 === 48) {
        let q = start;
        while (src.charCodeAt(q) === 48 || src.charCodeAt(q) === 95) q++;
        const nextC = src.charCodeAt(p);
        if (q < p && nextC !== 46 && (nextC | 32) !== 101 && (nextC | 32) !== 106) {
          this.err('leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers',
            this.lineno, col0 + 1, q - this.lineStart + 1);
        }
      }
    }
    if (src.charCodeAt(p) === 46) {
      p++;
      if (isDigit(src.charCodeAt(p))) p = this.digits(p, 10);
    }
    if ((src.charCodeAt(p) | 32) === 101) {
      const save = p;
      p++;
      if (src.charCodeAt(p) === 43 || src.charCodeAt(p) === 45) {
        p++;
        if (!isDigit(src.charCodeAt(p))) this.numErr('invalid decimal literal', p);
      } else if (!isDigit(src.charCodeAt(p))) {
        // `1else` is a number followed by a keyword; anything else is an error
        p = save;
        this.endOfNumber(p, 'decimal');
        this.pos = p;
        this.push('NUMBER', start, p);
        return;
      }
      p = this.digits(p, 10);
    }
    if ((src.charCodeAt(p) | 32) === 106) {
      p++;
      this.endOfNumber(p, 'imaginary');
    } else {
      this.endOfNumber(p, 'decimal');
    }
    this.pos = p;
    this.push('NUMBER', start, p);
  }

  /** CPython's verify_end_of_number: a letter may only start one of a few keywords. */
  endOfNumber(p: number, kind: string): void {
    const c = this.src.charCodeAt(p);
    if (!(isAsciiIdStart(c) || isDigit(c) || (c >= 128 && this.isIdStartAt(p)))) return;
    for (const kw of NUMBER_SUFFIX_KEYWORDS) {
      if (this.src.startsWith(kw, p)) return;
    }
    const o = p - this.lineStart;
    this.err(`invalid ${kind} literal`, this.lineno, o, o);
  }

  // ---- strings ----

  /** A non-f string: prefix is src[start..q), the quote at q. Emits one STRING token. */
  scanString(start: number, q: number): void {
    const src = this.src;
    const quote = src.charCodeAt(q);
    const triple = src.charCodeAt(q + 1) === quote && src.charCodeAt(q + 2) === quote;
    let p = q + (triple ? 3 : 1);
    const startLine = this.lineno;
    const startCol = start - this.lineStart;
    for (;;) {
      if (p >= src.length) {
        if (this.modes.length > 0) this.err("f-string: expecting '}'", startLine, startCol + 1, startCol + 1);
        const what = triple ? 'unterminated triple-quoted string literal' : 'unterminated string literal';
        this.err(`${what} (detected at line ${this.lines.lineOf(Math.max(0, src.length - 1))})`, startLine, startCol + 1, startCol + 1);
      }
      const c = src.charCodeAt(p);
      if (c === 92) {
        p += 2;
        continue;
      }
      if (c === 10 && !triple) {
        if (this.modes.length > 0) this.err("f-string: expecting '}'", startLine, startCol + 1, startCol + 1);
        this.err(`unterminated string literal (detected at line ${startLine})`, startLine, startCol + 1, startCol + 1);
      }
      if (c === quote && (!triple || (src.charCodeAt(p + 1) === quote && src.charCodeAt(p + 2) === quote))) {
        p += triple ? 3 : 1;
        break;
      }
      p++;
    }
    // keep line bookkeeping right for multi-line strings
    this.pos = p;
    this.push('STRING', start, p);
    this.syncLine(start, p);
  }

  syncLine(from: number, to: number): void {
    for (let i = from; i < to; i++) {
      if (this.src.charCodeAt(i) === 10) { this.lineno++; this.lineStart = i + 1; }
    }
  }


}

type Radix = 2 | 8 | 10 | 16;
const RADIX_NAME: Record<Radix, string> = { 2: 'binary', 8: 'octal', 10: 'decimal', 16: 'hexadecimal' };
function isRadixDigit(c: number, radix: Radix): boolean {
  switch (radix) {
    case 2: return c === 48 || c === 49;
    case 8: return c >= 48 && c <= 55;
    case 10: return c >= 48 && c <= 57;
    default: return isHex(c);
  }
}

function isStringPrefix(p: string): boolean {
  switch (p) {
    case 'r': case 'u': case 'b': case 'f':
    case 'br': case 'rb': case 'fr': case 'rf':
      return true;
    default:
      return false;
  }
}

// f-strings: an on-demand part (parse/fstrings.ts)
export interface Tokenizer {
  unterminatedFString(m: FStrMode): never;
  startFString(start: number, q: number, raw: boolean): void;
  scanFStringMiddle(m: FStrMode): void;
}
deferPrototype(parts.fstrings, 'Tokenizer', Tokenizer.prototype, ['unterminatedFString', 'startFString', 'scanFStringMiddle']);
