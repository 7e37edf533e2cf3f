/**
 * SyntaxWarnings for invalid escapes in string and bytes literals (an on-demand
 * part with the compiler's SyntaxWarnings, see ondemand.ts): "invalid escape
 * sequence '\q'", "invalid octal escape sequence '\400'". strings.ts's decoders
 * note where each piece's first invalid escape is (`invalidEscapes`); these
 * methods of Parser turn them into warnings. CPython counterparts:
 * Parser/string_parser.c (warn_invalid_escape_sequence) and Parser/tokenizer.c
 * (a `\{` or `\}` in an f-string's literal text).
 */
import type { Parser } from './parser.js';
import type { Token } from './tokenizer.js';
import { invalidEscapes } from './strings.js';
// the module whose prototype holds this part's stubs, evaluated first (ondemand.ts checks every stub has its code)
import './parser.js';

/** Has `key` warned already? (A literal parsed again on backtracking warns once; none once the parser met the error.) */
function seen(p: Parser, key: number): boolean {
  if (p.quiet) return true;
  const warned = (p.warned ??= new Set());
  if (warned.has(key)) return true;
  warned.add(key);
  return false;
}

/**
 * The warnings for `invalidEscapes` in `body` (the text of `t`, or of an f-string's
 * literal text `t`), at line `lineno`: the token's first line for a literal, the
 * end of the f-string for an f-string's text (_PyPegen_joined_str decodes it there).
 */
function escapeWarnings(this: Parser, t: Token, body: string, lineno: number): void {
  if (seen(this, t.start)) return;
  for (const at of invalidEscapes) {
    const c = body[at + 1];
    const message = c >= '4' && c <= '7'
      ? `invalid octal escape sequence '\\${body.slice(at + 1, at + 4)}'`
      : `invalid escape sequence '\\${c}'`;
    this.warnings.push({ lineno, message });
  }
}

/** The tokenizer's warnings for `\{` and `\}` in an f-string's literal text `t`, each at its own line. */
function braceEscapeWarnings(this: Parser, t: Token): void {
  if (seen(this, -1 - t.start)) return;
  const src = this.src;
  let line = t.lineno;
  for (let i = t.start; i < t.end; i++) {
    const c = src[i];
    if (c === '\n') line++;
    else if (c === '\\') {
      const d = src[i + 1];
      // the brace itself is the next token's (or the start of `{{`): not skipped
      if (d === '{' || d === '}') this.warnings.push({ lineno: line, message: `invalid escape sequence '\\${d}'` });
      else {
        if (d === '\n') line++;
        i++;
      }
    }
  }
}

export const escapeWarningMethods = {
  'Parser.escapeWarnings': escapeWarnings,
  'Parser.braceEscapeWarnings': braceEscapeWarnings,
};
