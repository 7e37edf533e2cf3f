/**
 * Entry point of the parse package: the counterpart of CPython's
 * Parser/peg_api.c (_PyParser_ASTFromString) and the SyntaxError printing in
 * Python/pythonrun.c (print_exception / print_error_text).
 */
import type { Module } from './ast.js';
import { PySyntaxError, type ParseWarning, type SyntaxErrorInfo } from './errors.js';
import { Parser, TOO_DEEP } from './parser.js';
import { LineMap, tokenize } from './tokenizer.js';
import { Unsupported } from '../eval/errors.js';

export type { ParseWarning, SyntaxErrorInfo } from './errors.js';
export { dump } from './dump.js';

/** `warnings`: the SyntaxWarnings parsing gave (invalid escapes), printed before the error or the run */
export type ParseResult =
  | { ok: true; module: Module; warnings: ParseWarning[] }
  | { ok: false; error: SyntaxErrorInfo; warnings: ParseWarning[] };

/** Parse a whole module. Never throws: every failure is a returned SyntaxErrorInfo. */
export function parse(source: string, filename = '<string>'): ParseResult {
  void filename;
  // CPython reads files in universal-newline mode
  const src = source.indexOf('\r') >= 0 ? source.replace(/\r\n?/g, '\n') : source;
  const lines = new LineMap(src);
  let warnings: ParseWarning[] = [];
  try {
    let tk;
    try {
      tk = tokenize(src, lines);
    } catch (e) {
      if (e instanceof RangeError) throw new PySyntaxError('SyntaxError', TOO_DEEP, 1, 1, 1, 1, false, true);
      throw e;
    }
    const parser = new Parser(tk.tokens, src, lines);
    warnings = parser.warnings;
    try {
      return { ok: true, module: parser.parseModule(), warnings };
    } catch (e) {
      let err: PySyntaxError;
      if (e instanceof PySyntaxError) err = e;
      else if (e instanceof RangeError) err = new PySyntaxError('SyntaxError', TOO_DEEP, 1, 1, 1, 1, false, true);
      else throw e;
      // the parser reached the place where the tokenizer gave up: that error wins
      const lastTok = tk.tokens[tk.tokens.length - 1];
      if (lastTok.type === 'ERRORTOKEN' && lastTok.error && parser.reachedEnd()) throw lastTok.error;
      // an error at or after a bracket that never closes: CPython reports the bracket
      const open = lastTok.type === 'ERRORTOKEN' ? undefined : tk.unclosed[tk.unclosed.length - 1];
      if (open && !err.unsupported && (parser.reachedEnd() || err.lineno > open.lineno)) {
        err = new PySyntaxError('SyntaxError', `'${open.ch}' was never closed`, open.lineno, open.col + 1, open.lineno, 0);
      }
      throw err;
    }
  } catch (e) {
    if (e instanceof PySyntaxError) return { ok: false, error: toInfo(e, lines), warnings };
    // a part of the parser whose code is not loaded (ondemand.ts): the run ends as the stub says
    if (e instanceof Unsupported) throw e;
    // a bug in the parser must still not escape as a JS exception
    const msg = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      error: { type: 'SyntaxError', msg: `internal parser error: ${msg}`, lineno: 1, offset: 1, end_lineno: 1, end_offset: 1, text: lines.lineText(1), unsupported: true },
      warnings: [],
    };
  }
}

/** SyntaxError offsets count code points, not UTF-16 units */
function cpOffset(lines: LineMap, lineno: number, offset: number): number {
  if (offset <= 1) return offset;
  const head = lines.lineText(lineno).slice(0, offset - 1);
  let n = offset - 1;
  for (let i = 0; i < head.length; i++) {
    const c = head.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) n--;
  }
  return n + 1;
}

function toInfo(e: PySyntaxError, lines: LineMap): SyntaxErrorInfo {
  const info: SyntaxErrorInfo = {
    type: e.type, msg: e.msg, lineno: e.lineno, offset: cpOffset(lines, e.lineno, e.offset),
    end_lineno: e.end_lineno, end_offset: cpOffset(lines, e.end_lineno, e.end_offset),
    text: lines.lineText(e.lineno),
  };
  if (e.unsupported) info.unsupported = true;
  return info;
}

/**
 * What CPython prints on stderr for an uncaught SyntaxError in a script:
 *   File "prog.py", line 1
 *     if x
 *         ^
 * SyntaxError: expected ':'
 */
export function formatSyntaxError(err: SyntaxErrorInfo, filename: string): string {
  let out = `  File "${filename}", line ${err.lineno}\n`;
  if (err.text !== '') {
    // pythonrun.c print_exception + print_error_text, step by step
    let endOffset = err.type === 'SyntaxError' ? err.end_offset : -1; // subclasses get one caret
    const lineSize = err.text.length;
    if (err.end_lineno > err.lineno) endOffset = lineSize;
    if (endOffset > lineSize + 1) endOffset = lineSize + 1;
    // the span is measured in UTF-8 bytes, as CPython's file tokenizer does
    const carets = endOffset > 0 && endOffset > err.offset
      ? new TextEncoder().encode(err.text.slice(err.offset - 1, endOffset - 1)).length || endOffset - err.offset : 1;
    let offset = err.offset - 1;
    let text = err.text;
    let k = 0;
    while (k < text.length && (text[k] === ' ' || text[k] === '\t' || text[k] === '\f')) { k++; offset--; }
    text = text.slice(k);
    let len = text.length;
    if (len > 0 && text[len - 1] === '\n') len--;
    if (offset > len) offset = len;
    out += '    ' + text;
    if (text[len] !== '\n') out += '\n';
    if (offset >= 0) out += '    ' + ' '.repeat(offset) + '^'.repeat(carets) + '\n';
  }
  return out + `${err.type}: ${err.msg}\n`;
}
