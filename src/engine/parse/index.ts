/**
 * Entry point of the parse package: the counterpart of CPython's
 * Parser/peg_api.c (_PyParser_ASTFromString) and the SyntaxError printing in
 * Python/pythonrun.c (print_exception / print_error_text).
 */
import type { Module } from './ast.js';
import { PySyntaxError, type SyntaxErrorInfo } from './errors.js';
import { Parser } from './parser.js';
import { LineMap, tokenize } from './tokenizer.js';

export type { SyntaxErrorInfo } from './errors.js';
export { dump } from './dump.js';

export type ParseResult = { ok: true; module: Module } | { ok: false; error: SyntaxErrorInfo };

/** Parse a whole module. Never throws: every failure is a returned SyntaxErrorInfo. */
export function parse(source: string, filename = '<string>'): ParseResult {
  void filename;
  // CPython reads files in universal-newline mode
  const src = source.indexOf('\r') >= 0 ? source.replace(/\r\n?/g, '\n') : source;
  const lines = new LineMap(src);
  try {
    let tk;
    try {
      tk = tokenize(src, lines);
    } catch (e) {
      if (e instanceof RangeError) throw new PySyntaxError('SyntaxError', 'too many nested parentheses', 1, 1, 1, 1);
      throw e;
    }
    const parser = new Parser(tk.tokens, src, lines);
    try {
      return { ok: true, module: parser.parseModule() };
    } catch (e) {
      let err: PySyntaxError;
      if (e instanceof PySyntaxError) err = e;
      else if (e instanceof RangeError) err = new PySyntaxError('SyntaxError', 'too many nested parentheses', 1, 1, 1, 1);
      else throw e;
      // an error at or after a bracket that never closes: CPython reports the bracket
      const open = tk.unclosed[tk.unclosed.length - 1];
      if (open && !err.unsupported && err.lineno >= open.lineno) {
        err = new PySyntaxError('SyntaxError', `'${open.ch}' was never closed`, open.lineno, open.col + 1, open.lineno, 0);
      }
      throw err;
    }
  } catch (e) {
    if (e instanceof PySyntaxError) return { ok: false, error: toInfo(e, lines) };
    // a bug in the parser must still not escape as a JS exception
    const msg = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      error: { type: 'SyntaxError', msg: `internal parser error: ${msg}`, lineno: 1, offset: 1, end_lineno: 1, end_offset: 1, text: lines.lineText(1), unsupported: true },
    };
  }
}

function toInfo(e: PySyntaxError, lines: LineMap): SyntaxErrorInfo {
  const info: SyntaxErrorInfo = {
    type: e.type, msg: e.msg, lineno: e.lineno, offset: e.offset,
    end_lineno: e.end_lineno, end_offset: e.end_offset,
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
  const out: string[] = [`  File "${filename}", line ${err.lineno}`];
  const raw = err.text.replace(/\n$/, '');
  if (raw.trim() !== '' || err.text !== '') {
    // print_error_text strips leading whitespace (and the caret moves with it)
    const stripped = raw.replace(/^[ \t\f]+/, '');
    const removed = raw.length - stripped.length;
    const line = stripped.replace(/[ \t\f]+$/, '');
    if (line !== '') {
      out.push(`    ${line}`);
      let start = err.offset - 1 - removed;
      let end = err.end_lineno === err.lineno && err.end_offset > err.offset ? err.end_offset - 1 - removed : start + 1;
      if (start < 0) start = 0;
      if (start > line.length) start = line.length;
      if (end > line.length + 1) end = line.length + 1;
      if (end <= start) end = start + 1;
      out.push('    ' + ' '.repeat(start) + '^'.repeat(end - start));
    }
  }
  out.push(`${err.type}: ${err.msg}`);
  return out.join('\n') + '\n';
}
