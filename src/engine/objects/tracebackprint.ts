/**
 * Printing an uncaught or unraisable exception the way CPython does, loaded
 * on demand: the worker fetches it right after it starts, without waiting,
 * and a run that needs it before it arrived is run again once it has (see
 * traceback.ts and src/engine/ondemand.ts).
 * CPython counterpart: Python/traceback.c (tb_displayline, PyTraceBack_Print)
 * and the chaining logic of Python/pythonrun.c (print_exception_recursive).
 */

import { PyObject, decref, incref } from './object.js';
import { isSubtype } from './typeobject.js';
import { PyBaseException, Exc } from './exceptions.js';
import { strString, reprString, lookupAttr, iterableToArray } from './abstract.js';
import { PyNone } from './singletons.js';
import { isPyRaise } from '../eval/errors.js';
import { PyStr } from './unicodeobject.js';
import { calculateSuggestion } from './suggestions.js';
import { dictItems, dictGetItemStr, PyDict } from './dictobject.js';
import { parse } from '../parse/index.js';
import { LongType } from './longobject.js';
import { callDunder } from './typeslots.js';
import { objectDir } from './objectdir.js';
import { PyTraceBack, sourceFiles } from './traceback.js';
import { parseWarningsText } from '../ondemand.js';



/** The text CPython prints for an exception, chained ones first (pythonrun.c print_exception_recursive). */
function formatException(exc: PyBaseException): string {
  const seen = new Set<PyObject>();
  return formatRecursive(exc, seen);
}

/** print_exception_cause_and_context + print_chained, then print_exception */
function formatRecursive(exc: PyBaseException, seen: Set<PyObject>): string {
  seen.add(exc);
  let out = '';
  const cause = exc.cause as PyBaseException | null;
  const context = exc.context as PyBaseException | null;
  if (cause) {
    if (!seen.has(cause)) {
      out += formatRecursive(cause, seen);
      out += '\nThe above exception was the direct cause of the following exception:\n\n';
    }
  } else if (context && !exc.suppressContext && !seen.has(context)) {
    out += formatRecursive(context, seen);
    out += '\nDuring handling of the above exception, another exception occurred:\n\n';
  }
  return out + formatOne(exc);
}

/** print_exception: traceback, file-and-line of a SyntaxError, the message line, the notes */
function formatOne(exc: PyBaseException): string {
  let out = '';
  if (isSubtype(exc.type, Exc.BaseExceptionGroup)) {
    // print_exception_group is not modelled; say so instead of printing a wrong layout
    return 'NotSupported: not supported by the simulator: printing exception groups\n';
  }
  if (exc.traceback) out += formatTraceback(exc.traceback as PyTraceBack);
  const loc = isSubtype(exc.type, Exc.SyntaxError) ? syntaxErrorLocation(exc) : null;
  if (loc !== null) {
    out += loc.text;
    out += exceptionLineFor(exc, loc.msg) + '\n';
  } else {
    out += exceptionLine(exc) + '\n';
  }
  return out + formatNotes(exc);
}

/** PyTraceBack_Print: the header and one entry per frame, repeats folded (tb_printinternal). */
export function formatTraceback(tb: PyTraceBack | null): string {
  const entries: PyTraceBack[] = [];
  for (let t = tb; t; t = t.next) entries.push(t);
  // PyTraceBack_LIMIT: only the last 1000 entries
  const shown = entries.length > TRACEBACK_LIMIT ? entries.slice(entries.length - TRACEBACK_LIMIT) : entries;
  let out = 'Traceback (most recent call last):\n';
  let lastFile: string | null = null;
  let lastLine = -1;
  let lastName: string | null = null;
  let cnt = 0;
  const repeated = (): string => {
    const n = cnt - TB_RECURSIVE_CUTOFF;
    return `  [Previous line repeated ${n} more time${n > 1 ? 's' : ''}]\n`;
  };
  for (const t of shown) {
    const code = t.frame.frame.code;
    if (lastFile === null || code.co_filename !== lastFile || lastLine === -1 || t.lineno !== lastLine
      || lastName === null || code.co_name !== lastName) {
      if (cnt > TB_RECURSIVE_CUTOFF) out += repeated();
      lastFile = code.co_filename;
      lastLine = t.lineno;
      lastName = code.co_name;
      cnt = 0;
    }
    cnt++;
    if (cnt <= TB_RECURSIVE_CUTOFF) out += displayLine(t);
  }
  if (cnt > TB_RECURSIVE_CUTOFF) out += repeated();
  return out;
}

const TRACEBACK_LIMIT = 1000;
const TB_RECURSIVE_CUTOFF = 3;

const isWs = (c: string | undefined): boolean => c === ' ' || c === '\t' || c === '\f';

/** number of code points in the first `units` UTF-16 units of s */
function cpLength(s: string, units = s.length): number {
  let n = 0;
  for (let i = 0; i < units && i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!(c >= 0xd800 && c <= 0xdbff && i + 1 < s.length)) n++;
  }
  // an offset past the end counts as CPython's clamp to len + 1
  return units > s.length ? n + 1 : n;
}

/** UTF-16 index of code point index cp in s */
function unitIndex(s: string, cp: number): number {
  let i = 0;
  for (let n = 0; n < cp && i < s.length; n++) {
    const c = s.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < s.length ? 2 : 1;
  }
  return i;
}

const utf8Length = (s: string): number => new TextEncoder().encode(s).length;

/** tb_displayline: `  File "f.py", line 3, in f`, the source line, and the carets under the failing expression */
function displayLine(tb: PyTraceBack): string {
  const code = tb.frame.frame.code;
  const filename = code.co_filename;
  let out = `  File "${filename}", line ${tb.lineno}, in ${code.co_name}\n`;
  // display_source_line_with_margin: never for "<string>", "<stdin>" …
  if (filename.startsWith('<') && filename.endsWith('>')) return out;
  const lines = sourceFiles.get(filename);
  if (!lines || tb.lineno < 1 || tb.lineno > lines.length) return out;
  let line = lines[tb.lineno - 1];
  if (line.endsWith('\r')) line = line.slice(0, -1);
  if (tb.lineno === lines.length && line === '') return out; // EOF: readline() gives nothing
  let ws = 0;
  while (ws < line.length && isWs(line[ws])) ws++;
  out += `    ${line.slice(ws)}\n`;
  return out + caretLine(tb, line, ws);
}

/** The `~~~^^^~~~` line of tb_displayline, or '' when CPython prints none. */
function caretLine(tb: PyTraceBack, line: string, leading: number): string {
  const code = tb.frame.frame.code;
  const p = code.positions;
  const i = tb.lasti;
  if (i < 0 || 4 * i + 3 >= p.length) return '';
  const startLine = p[4 * i], endLine = p[4 * i + 1], startCol = p[4 * i + 2], endCol = p[4 * i + 3];
  if (startLine < 0 || endLine < 0 || startCol < 0 || endCol < 0) return '';
  // columns → code points in the source line (CPython: UTF-8 bytes → characters)
  const startOffset = cpLength(line, startCol);
  let endOffset = cpLength(line, endCol);
  let leftEnd = -1;
  let rightStart = -1;
  let primary = '^';
  let secondary = '^';
  let warnings = '';
  if (startLine === endLine) {
    const a = extractAnchors(line, startOffset, endOffset, code.co_filename, (text) => { warnings = text; });
    if (a !== null) ({ leftEnd, rightStart, primary, secondary } = a);
  } else {
    // multi-line expression: up to the last non-whitespace character — CPython takes its byte
    // index in the UTF-8 text as a character offset
    let k = line.length;
    while (--k >= 0 && isWs(line[k]));
    endOffset = k < 0 ? 0 : utf8Length(line.slice(0, k + 1));
  }
  const strippedLen = cpLength(line) - leading;
  const hasSecondary = leftEnd !== -1 || rightStart !== -1;
  if (endOffset - startOffset === strippedLen && !hasSecondary) return warnings;
  // the markers go under the characters as a terminal shows them: wide (East Asian W/F)
  // characters take two columns (_PyPegen_calculate_display_width)
  const dpStart = displayWidth(line, startOffset);
  const dpEnd = displayWidth(line, endOffset);
  const dpLeftEnd = hasSecondary ? displayWidth(line, leftEnd) : -1;
  const dpRightStart = hasSecondary ? displayWidth(line, rightStart) : -1;
  // print_error_location_carets
  let out = warnings;
  let offset = leading - 4;
  while (++offset <= dpEnd) {
    if (offset <= dpStart) out += ' ';
    else if (hasSecondary && dpLeftEnd < offset && offset <= dpRightStart) out += secondary;
    else out += primary;
  }
  return out + '\n';
}

/** Columns the first `cpOffset` code points of `line` take on a terminal. */
function displayWidth(line: string, cpOffset: number): number {
  const prefix = line.slice(0, unitIndex(line, cpOffset));
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(prefix)) return cpOffset;
  let width = 0;
  for (const ch of prefix) width += isWide(ch.codePointAt(0)!) ? 2 : 1;
  return width;
}

function isWide(cp: number): boolean {
  if (cp < 0x1100) return false;
  let lo = 0;
  let hi = WIDE_RANGES.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < WIDE_RANGES[2 * mid]) hi = mid - 1;
    else if (cp > WIDE_RANGES[2 * mid + 1]) lo = mid + 1;
    else return true;
  }
  return false;
}

/**
 * unicodedata.east_asian_width(c) in ('W', 'F') for Unicode 15.0.0 (CPython 3.12's database),
 * as inclusive [first, last] code point pairs; generated with
 * `[(a, b) for a, b in runs if east_asian_width(chr(a)) in 'WF']` on CPython 3.12.1.
 */
const WIDE_RANGES = [
  0x1100, 0x115f, 0x231a, 0x231b, 0x2329, 0x232a, 0x23e9, 0x23ec, 0x23f0, 0x23f0, 0x23f3, 0x23f3,
  0x25fd, 0x25fe, 0x2614, 0x2615, 0x2648, 0x2653, 0x267f, 0x267f, 0x2693, 0x2693, 0x26a1, 0x26a1,
  0x26aa, 0x26ab, 0x26bd, 0x26be, 0x26c4, 0x26c5, 0x26ce, 0x26ce, 0x26d4, 0x26d4, 0x26ea, 0x26ea,
  0x26f2, 0x26f3, 0x26f5, 0x26f5, 0x26fa, 0x26fa, 0x26fd, 0x26fd, 0x2705, 0x2705, 0x270a, 0x270b,
  0x2728, 0x2728, 0x274c, 0x274c, 0x274e, 0x274e, 0x2753, 0x2755, 0x2757, 0x2757, 0x2795, 0x2797,
  0x27b0, 0x27b0, 0x27bf, 0x27bf, 0x2b1b, 0x2b1c, 0x2b50, 0x2b50, 0x2b55, 0x2b55, 0x2e80, 0x2e99,
  0x2e9b, 0x2ef3, 0x2f00, 0x2fd5, 0x2ff0, 0x2ffb, 0x3000, 0x303e, 0x3041, 0x3096, 0x3099, 0x30ff,
  0x3105, 0x312f, 0x3131, 0x318e, 0x3190, 0x31e3, 0x31f0, 0x321e, 0x3220, 0x3247, 0x3250, 0x4dbf,
  0x4e00, 0xa48c, 0xa490, 0xa4c6, 0xa960, 0xa97c, 0xac00, 0xd7a3, 0xf900, 0xfaff, 0xfe10, 0xfe19,
  0xfe30, 0xfe52, 0xfe54, 0xfe66, 0xfe68, 0xfe6b, 0xff01, 0xff60, 0xffe0, 0xffe6, 0x16fe0, 0x16fe4,
  0x16ff0, 0x16ff1, 0x17000, 0x187f7, 0x18800, 0x18cd5, 0x18d00, 0x18d08, 0x1aff0, 0x1aff3, 0x1aff5, 0x1affb,
  0x1affd, 0x1affe, 0x1b000, 0x1b122, 0x1b132, 0x1b132, 0x1b150, 0x1b152, 0x1b155, 0x1b155, 0x1b164, 0x1b167,
  0x1b170, 0x1b2fb, 0x1f004, 0x1f004, 0x1f0cf, 0x1f0cf, 0x1f18e, 0x1f18e, 0x1f191, 0x1f19a, 0x1f200, 0x1f202,
  0x1f210, 0x1f23b, 0x1f240, 0x1f248, 0x1f250, 0x1f251, 0x1f260, 0x1f265, 0x1f300, 0x1f320, 0x1f32d, 0x1f335,
  0x1f337, 0x1f37c, 0x1f37e, 0x1f393, 0x1f3a0, 0x1f3ca, 0x1f3cf, 0x1f3d3, 0x1f3e0, 0x1f3f0, 0x1f3f4, 0x1f3f4,
  0x1f3f8, 0x1f43e, 0x1f440, 0x1f440, 0x1f442, 0x1f4fc, 0x1f4ff, 0x1f53d, 0x1f54b, 0x1f54e, 0x1f550, 0x1f567,
  0x1f57a, 0x1f57a, 0x1f595, 0x1f596, 0x1f5a4, 0x1f5a4, 0x1f5fb, 0x1f64f, 0x1f680, 0x1f6c5, 0x1f6cc, 0x1f6cc,
  0x1f6d0, 0x1f6d2, 0x1f6d5, 0x1f6d7, 0x1f6dc, 0x1f6df, 0x1f6eb, 0x1f6ec, 0x1f6f4, 0x1f6fc, 0x1f7e0, 0x1f7eb,
  0x1f7f0, 0x1f7f0, 0x1f90c, 0x1f93a, 0x1f93c, 0x1f945, 0x1f947, 0x1f9ff, 0x1fa70, 0x1fa7c, 0x1fa80, 0x1fa88,
  0x1fa90, 0x1fabd, 0x1fabf, 0x1fac5, 0x1face, 0x1fadb, 0x1fae0, 0x1fae8, 0x1faf0, 0x1faf8, 0x20000, 0x2fffd,
  0x30000, 0x3fffd,
];

interface Anchors { leftEnd: number; rightStart: number; primary: string; secondary: string }

/**
 * extract_anchors_from_line: a BinOp's operator or a Subscript's brackets, in code points of the line.
 * CPython parses the segment as if it were the file `filename`: the parser's SyntaxWarnings (an
 * invalid escape in it) are printed again, between the source line and the carets, with the line
 * numbers of the segment (1) and so the file's first line shown; `onWarnings` gets that text.
 */
function extractAnchors(
  line: string, startOffset: number, endOffset: number, filename: string, onWarnings: (text: string) => void,
): Anchors | null {
  const u0 = unitIndex(line, startOffset);
  const segment = line.slice(u0, unitIndex(line, endOffset));
  let parsed;
  try {
    parsed = parse(segment, '<traceback>');
  } catch {
    return null;
  }
  if (parsed.warnings.length > 0) {
    onWarnings(parseWarningsText(parsed.warnings, filename, sourceFiles.get(filename)?.join('\n') ?? null));
  }
  if (!parsed.ok || parsed.module.body.length !== 1) return null;
  const stmt = parsed.module.body[0];
  if (stmt.kind !== 'Expr') return null;
  const expr = stmt.value;
  let left: number;
  let right: number;
  let primary = '^';
  let secondary = '^';
  if (expr.kind === 'BinOp') {
    left = -1;
    right = -1;
    const from = expr.left.end_col_offset;
    const to = expr.right.col_offset;
    for (let i = from; i < to; i++) {
      if (isWs(segment[i])) continue;
      left = i;
      right = i + 1;
      // a two-character operator (//, **, <<, …)
      if (i + 1 < to && !isWs(segment[i + 1])) right++;
      // keep going past a ')' closing the left operand
      if (i + 1 < to && segment[i] === ')') continue;
      primary = '~';
      secondary = '^';
      break;
    }
    if (left === -1) return null;
  } else if (expr.kind === 'Subscript') {
    left = expr.value.end_col_offset;
    right = expr.slice.end_col_offset + 1;
    const len = segment.length;
    while (left < len && segment[left] !== '[') left++;
    while (right < len && segment[right] !== ']') right++;
    if (right < len) right++;
    primary = '~';
    secondary = '^';
  } else {
    return null;
  }
  return {
    leftEnd: cpLength(segment, left) + startOffset,
    rightStart: cpLength(segment, right) + startOffset,
    primary, secondary,
  };
}

/** print_exception_file_and_line for a SyntaxError: its `File` line, text and carets */
function syntaxErrorLocation(exc: PyBaseException): { text: string; msg: PyObject } | null {
  const get = (name: string): PyObject | null => {
    try {
      return lookupAttr(exc, name);
    } catch (e) {
      if (!isPyRaise(e)) throw e;
      decref(e.exc);
      return null;
    }
  };
  const pfl = get('print_file_and_line');
  if (pfl === null) return null;
  decref(pfl);
  const fields = ['msg', 'filename', 'lineno', 'offset', 'end_lineno', 'end_offset', 'text'].map(get);
  try {
    const [msg, fnObj, linenoObj, offsetObj, endLinenoObj, endOffsetObj, textObj] = fields;
    if (!msg || !fnObj || !linenoObj || !offsetObj || !textObj) return null;
    const asInt = (o: PyObject): number | null => (o.type.name === 'int' || isSubtype(o.type, LongType)) ? Number(strString(o)) : null;
    const filename = fnObj === PyNone ? '<string>' : strString(fnObj);
    const lineno = asInt(linenoObj);
    if (lineno === null) return null;
    let offset = offsetObj === PyNone ? -1 : asInt(offsetObj);
    if (offset === null) return null;
    let endLineno = lineno;
    let endOffset = -1;
    if (exc.type === Exc.SyntaxError) {
      if (endLinenoObj && endLinenoObj !== PyNone) {
        const v = asInt(endLinenoObj);
        if (v === null) return null;
        endLineno = v;
      }
      if (endOffsetObj && endOffsetObj !== PyNone) {
        const v = asInt(endOffsetObj);
        if (v === null) return null;
        endOffset = v;
      }
    }
    let out = `  File "${filename}", line ${lineno}\n`;
    if (textObj !== PyNone && textObj instanceof PyStr) out += errorText(textObj.value, offset, lineno, endLineno, endOffset);
    incref(msg);
    return { text: out, msg };
  } finally {
    for (const f of fields) if (f) decref(f);
  }
}

/** print_error_text, on the UTF-8 bytes of the text as CPython does */
function errorText(textStr: string, offset: number, lineno: number, endLineno: number, endOffset: number): string {
  const bytes = new TextEncoder().encode(textStr);
  const lineSize = bytes.length;
  if (endLineno > lineno) endOffset = lineSize;
  if (endOffset > lineSize + 1) endOffset = lineSize + 1;
  const decode = (b: Uint8Array): string => new TextDecoder().decode(b);
  const caretReps = endOffset > 0 && endOffset > offset ? endOffset - offset : 1;
  offset--;
  let t = 0;
  while (t < bytes.length && (bytes[t] === 0x20 || bytes[t] === 0x09 || bytes[t] === 0x0c)) {
    t++;
    offset--;
  }
  let text = bytes.subarray(t);
  let len = text.length;
  if (len > 0 && text[len - 1] === 0x0a) len--;
  if (offset > len) offset = len;
  for (;;) {
    const nl = text.indexOf(0x0a);
    if (nl < 0 || nl >= offset) break;
    const inl = nl + 1;
    text = text.subarray(inl);
    len -= inl;
    offset -= inl;
  }
  let out = '    ' + decode(text);
  if (text[len] !== 0x0a) out += '\n';
  if (offset < 0) return out;
  out += '    ' + ' '.repeat(offset) + '^'.repeat(caretReps) + '\n';
  return out;
}

/** print_exception_notes: each note's lines, then a newline */
function formatNotes(exc: PyBaseException): string {
  let notes: PyObject | null = exc.notes;
  if (notes === null && exc.dict) notes = dictGetItemStr(exc.dict as PyDict, '__notes__');
  if (notes === null) return '';
  const items = (notes as PyObject & { items?: PyObject[] }).items;
  if (!Array.isArray(items) || notes instanceof PyStr) {
    return `${quietText(() => reprString(notes!), '<__notes__ repr() failed>')}\n`;
  }
  let out = '';
  for (const note of [...items]) {
    out += quietText(() => strString(note), '<note str() failed>') + '\n';
  }
  return out;
}

function quietText(f: () => string, fallback: string): string {
  try {
    return f();
  } catch (e) {
    if (!isPyRaise(e)) throw e;
    decref(e.exc);
    return fallback;
  }
}

/** The last line: `NameError: name 'x' is not defined` */
function exceptionLine(exc: PyBaseException): string {
  return exceptionLineFor(exc, exc);
}

/** print_exception_message + print_exception_suggestions: the type's name and str(value) */
function exceptionLineFor(exc: PyBaseException, value: PyObject): string {
  const t = exc.type;
  const name = t.module === 'builtins' || t.module === '__main__' ? t.qualname : `${t.module}.${t.qualname}`;
  const msg = quietText(() => strString(value), '<exception str() failed>');
  if (value !== exc) decref(value);
  const line = msg === '' ? name : `${name}: ${msg}`;
  return line + suggestionFor(exc);
}

/**
 * write_unraisable_exc_file: "Exception ignored in: <obj>", the traceback, and
 * `Type: str` — no chained exceptions, no notes, and the ": " even when str() is empty.
 */
function formatUnraisable(exc: PyBaseException, where: string | null, msg?: string): string {
  let out = '';
  if (where !== null) out += `${msg ?? 'Exception ignored in'}: ${where}\n`;
  else if (msg !== undefined) out += `${msg}:\n`;
  if (exc.traceback) out += formatTraceback(exc.traceback as PyTraceBack);
  const t = exc.type;
  const name = t.module === 'builtins' || t.module === '__main__' ? t.qualname : `${t.module}.${t.qualname}`;
  return out + `${name}: ${quietText(() => strString(exc), '<exception str() failed>')}\n`;
}

const STDLIB_NAMES = new Set(
  'sys os gc math time random re json itertools collections functools weakref copy string typing dis tracemalloc threading inspect contextlib operator'.split(' '),
);

/** print_exception_suggestions: ". Did you mean: 'x'?" */
function suggestionFor(exc: PyBaseException): string {
  const nameObj = exc.extra?.get('name');
  if (!nameObj || !(nameObj instanceof PyStr)) return '';
  const name = nameObj.value;
  if (isSubtype(exc.type, Exc.NameError)) {
    let tb = exc.traceback as PyTraceBack | null;
    if (tb === null) return '';
    while (tb.next !== null) tb = tb.next;
    const f = tb.frame.frame;
    const varnames = f.code.co_localsplusnames.filter((_, i) => (f.code.co_localspluskinds[i] & 0x20) !== 0);
    if (varnames.includes('self')) {
      const self = f.localsplus[f.code.co_localsplusnames.indexOf('self')];
      if (self && lookupAttrQuiet(self, name)) return `. Did you mean: 'self.${name}'?`;
    }
    const s = calculateSuggestion(varnames, name)
      ?? calculateSuggestion(dictKeyStrings(f.globals), name)
      ?? calculateSuggestion(dictKeyStrings(f.builtins), name);
    if (s !== null) return `. Did you mean: '${s}'?`;
    if (STDLIB_NAMES.has(name)) return `. Did you forget to import '${name}'?`;
    return '';
  }
  if (isSubtype(exc.type, Exc.AttributeError)) {
    const obj = exc.extra?.get('obj');
    if (!obj) return '';
    const s = calculateSuggestion(dirNames(obj), name);
    return s !== null ? `. Did you mean: '${s}'?` : '';
  }
  return '';
}

function dictKeyStrings(d: PyObject): string[] {
  return dictItems(d as PyDict).map(([k]) => (k instanceof PyStr ? k.value : '')).filter((k) => k !== '');
}

function lookupAttrQuiet(o: PyObject, name: string): boolean {
  try {
    const v = lookupAttr(o, name);
    if (v === null) return false;
    decref(v);
    return true;
  } catch (e) {
    if (!isPyRaise(e)) throw e;
    decref(e.exc);
    return false;
  }
}

/** dir(obj) as strings, quietly (suggestions must never raise) */
function dirNames(o: PyObject): string[] {
  try {
    const r = callDunder(o, '__dir__', []);
    if (r === null) return [];
    const items = iterableToArray(r);
    decref(r);
    const out = items.map((x) => (x instanceof PyStr ? x.value : ''));
    for (const x of items) decref(x);
    return out;
  } catch (e) {
    if (!isPyRaise(e)) throw e;
    decref(e.exc);
    return [];
  }
}


/** The implementations of traceback.ts's stubs (src/engine/ondemand.ts checks they match). */
export const tracebackPrint = { formatException, exceptionLine, formatUnraisable, 'object.__dir__': objectDir };
