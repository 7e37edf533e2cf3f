/**
 * The format-spec mini-language, `format(x, '>8.2f')`, loaded on demand (see
 * format.ts and src/engine/ondemand.ts).
 * CPython counterpart: Python/formatter_unicode.c.
 */

import { raise } from '../eval/errors.js';
import { Exc } from './exceptions.js';
import { doubleToString, DTSF_ALT, DTSF_NO_NEG_0, DTSF_ADD_DOT_0 } from './format.js';

// ---------------------------------------------------------------- the format spec

export interface FormatSpec {
  fill: string;
  /** '<', '>', '=', '^' or '' */
  align: string;
  /** '+', '-', ' ' or '' */
  sign: string;
  noNeg0: boolean;
  alternate: boolean;
  width: number;
  /** ',', '_' or '' ('_4' internally for bin/oct/hex) */
  thousands: string;
  precision: number;
  type: string;
}

function isAlign(c: string | undefined): boolean {
  return c === '<' || c === '>' || c === '=' || c === '^';
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function readNumber(cps: string[], pos: number): [number, number] {
  let n = 0;
  const start = pos;
  while (pos < cps.length && isDigit(cps[pos])) {
    n = n * 10 + (cps[pos].charCodeAt(0) - 48);
    if (n > 2 ** 63) raise(Exc.ValueError, 'Too many decimal digits in format string');
    pos++;
  }
  return [pos === start ? -1 : n, pos];
}

function typeLabel(c: string): string {
  const code = c.codePointAt(0)!;
  return code > 32 && code < 128 ? c : `\\x${code.toString(16)}`;
}

/** parse_internal_render_format_spec */
export function parseSpec(spec: string, defaultType: string, defaultAlign: string, typeName: string): FormatSpec {
  const cps = [...spec];
  const f: FormatSpec = {
    fill: ' ', align: defaultAlign, sign: '', noNeg0: false, alternate: false,
    width: -1, thousands: '', precision: -1, type: defaultType,
  };
  let pos = 0;
  const end = cps.length;
  let fillSpecified = false, alignSpecified = false;
  if (end - pos >= 2 && isAlign(cps[pos + 1])) {
    f.fill = cps[pos];
    f.align = cps[pos + 1];
    fillSpecified = alignSpecified = true;
    pos += 2;
  } else if (end - pos >= 1 && isAlign(cps[pos])) {
    f.align = cps[pos];
    alignSpecified = true;
    pos++;
  }
  if (end - pos >= 1 && (cps[pos] === '+' || cps[pos] === '-' || cps[pos] === ' ')) {
    f.sign = cps[pos];
    pos++;
  }
  if (end - pos >= 1 && cps[pos] === 'z') {
    f.noNeg0 = true;
    pos++;
  }
  if (end - pos >= 1 && cps[pos] === '#') {
    f.alternate = true;
    pos++;
  }
  if (!fillSpecified && end - pos >= 1 && cps[pos] === '0') {
    f.fill = '0';
    if (!alignSpecified && defaultAlign === '>') f.align = '=';
    pos++;
  }
  [f.width, pos] = readNumber(cps, pos);
  if (end - pos >= 1 && cps[pos] === ',') {
    f.thousands = ',';
    pos++;
  }
  if (end - pos >= 1 && cps[pos] === '_') {
    if (f.thousands !== '') raise(Exc.ValueError, "Cannot specify both ',' and '_'.");
    f.thousands = '_';
    pos++;
  }
  if (end - pos >= 1 && cps[pos] === ',') {
    if (f.thousands === '_') raise(Exc.ValueError, "Cannot specify both ',' and '_'.");
  }
  if (end - pos >= 1 && cps[pos] === '.') {
    pos++;
    [f.precision, pos] = readNumber(cps, pos);
    if (f.precision === -1) raise(Exc.ValueError, 'Format specifier missing precision');
  }
  if (end - pos > 1) {
    raise(Exc.ValueError, `Invalid format specifier '${cps.slice(0).join('')}' for object of type '${typeName}'`);
  }
  if (end - pos === 1) f.type = cps[pos];
  if (f.thousands !== '') {
    switch (f.type) {
      case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case '':
        break;
      case 'b': case 'o': case 'x': case 'X':
        // underscores group bin/oct/hex digits by four; commas are not allowed
        if (f.thousands === '_') f.thousands = '_4';
        else invalidSeparator(f);
        break;
      default:
        invalidSeparator(f);
    }
  }
  return f;
}

function invalidSeparator(f: FormatSpec): never {
  raise(Exc.ValueError, `Cannot specify '${f.thousands}' with '${typeLabel(f.type)}'.`);
}

function unknownCode(type: string, typeName: string): never {
  raise(Exc.ValueError, `Unknown format code '${typeLabel(type)}' for object of type '${typeName}'`);
}

/**
 * _PyUnicode_InsertThousandsGrouping: digits grouped from the right; when
 * minWidth is positive (0-fill with '=' alignment) zeros — and separators
 * between them — are added until the result is that wide.
 */
function groupDigits(digits: string, minWidth: number, sep: string, group: number): string {
  if (sep === '') {
    return minWidth > digits.length ? '0'.repeat(minWidth - digits.length) + digits : digits;
  }
  const parts: string[] = [];
  let remaining = digits.length;
  for (;;) {
    const l = Math.min(group, Math.max(remaining, minWidth, 1));
    const nZeros = Math.max(0, l - remaining);
    const nChars = Math.max(0, Math.min(remaining, l));
    parts.push('0'.repeat(nZeros) + digits.slice(remaining - nChars, remaining));
    remaining -= nChars;
    minWidth -= group;
    if (remaining <= 0 && minWidth <= 0) break;
    minWidth -= sep.length;
  }
  return parts.reverse().join(sep);
}

/**
 * fill_number: lays out [sign][prefix][grouped digits][rest] in the field.
 * `digits` are the integer digits to group; `rest` is the decimal point,
 * fraction, exponent and any '%'.
 */
function layoutNumber(f: FormatSpec, signChar: string, prefix: string, digits: string, rest: string): string {
  let sep = '', group = 3;
  if (f.thousands === ',') sep = ',';
  else if (f.thousands === '_') sep = '_';
  else if (f.thousands === '_4') { sep = '_'; group = 4; }
  const leftLen = signChar.length + prefix.length;
  const minWidth = f.fill === '0' && f.align === '=' ? f.width - leftLen - rest.length : 0;
  const grouped = digits.length === 0 ? '' : groupDigits(digits, minWidth, sep, group);
  const body = grouped + rest;
  const total = leftLen + [...body].length;
  const pad = f.width - total;
  if (pad <= 0) return signChar + prefix + body;
  switch (f.align) {
    case '<': return signChar + prefix + body + f.fill.repeat(pad);
    case '^': {
      const l = Math.floor(pad / 2);
      return f.fill.repeat(l) + signChar + prefix + body + f.fill.repeat(pad - l);
    }
    case '=': return signChar + prefix + f.fill.repeat(pad) + body;
    default: return f.fill.repeat(pad) + signChar + prefix + body;
  }
}

function signFor(neg: boolean, sign: string): string {
  if (neg) return '-';
  if (sign === '+') return '+';
  if (sign === ' ') return ' ';
  return '';
}

// ---------------------------------------------------------------- int

/** format(int, spec) — int.__format__ with a non-empty spec (format_long_internal). */
function formatInt(v: number | bigint, spec: string, typeName = 'int'): string {
  const f = parseSpec(spec, 'd', '>', typeName);
  switch (f.type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
      return formatIntSpec(v, f);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
      const d = typeof v === 'number' ? v : Number(v);
      if (!Number.isFinite(d)) raise(Exc.OverflowError, 'int too large to convert to float');
      return formatFloatSpec(d, f);
    }
    default:
      unknownCode(f.type, typeName);
  }
}

function formatIntSpec(v: number | bigint, f: FormatSpec): string {
  if (f.precision !== -1) raise(Exc.ValueError, 'Precision not allowed in integer format specifier');
  if (f.noNeg0) raise(Exc.ValueError, 'Negative zero coercion (z) not allowed in integer format specifier');
  if (f.type === 'c') {
    if (f.sign !== '') raise(Exc.ValueError, "Sign not allowed with integer format specifier 'c'");
    if (f.alternate) raise(Exc.ValueError, "Alternate form (#) not allowed with integer format specifier 'c'");
    if (typeof v === 'bigint' && (v >= 1n << 63n || v < -(1n << 63n))) {
      raise(Exc.OverflowError, 'Python int too large to convert to C long');
    }
    if (v < 0 || v > 0x10ffff) raise(Exc.OverflowError, '%c arg not in range(0x110000)');
    return layoutNumber(f, '', '', '', String.fromCodePoint(Number(v)));
  }
  const neg = v < 0;
  const a = typeof v === 'number' ? Math.abs(v) : v < 0n ? -v : v;
  let digits: string, prefix = '';
  switch (f.type) {
    case 'b': digits = a.toString(2); prefix = '0b'; break;
    case 'o': digits = a.toString(8); prefix = '0o'; break;
    case 'x': digits = a.toString(16); prefix = '0x'; break;
    case 'X': digits = a.toString(16).toUpperCase(); prefix = '0X'; break;
    default: digits = a.toString(); break;
  }
  if (f.type === 'd' && digits.length > 4300) {
    raise(Exc.ValueError, 'Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit');
  }
  if (!f.alternate) prefix = '';
  return layoutNumber(f, signFor(neg, f.sign), prefix, digits, '');
}

// ---------------------------------------------------------------- float

/** format(float, spec) (format_float_internal). */
function formatFloat(x: number, spec: string, typeName = 'float'): string {
  const f = parseSpec(spec, '', '>', typeName);
  switch (f.type) {
    case '': case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
      return formatFloatSpec(x, f);
    default:
      unknownCode(f.type, typeName);
  }
}

function formatFloatSpec(x: number, f: FormatSpec): string {
  let type = f.type;
  let precision = f.precision;
  let flags = 0;
  let defaultPrecision = 6;
  if (f.alternate) flags |= DTSF_ALT;
  if (f.noNeg0) flags |= DTSF_NO_NEG_0;
  if (type === '') {
    flags |= DTSF_ADD_DOT_0;
    type = 'r';
    defaultPrecision = 0;
  }
  if (type === 'n') type = 'g';
  let pct = false;
  if (type === '%') {
    type = 'f';
    x *= 100;
    pct = true;
  }
  if (precision < 0) precision = defaultPrecision;
  else if (type === 'r') type = 'g';
  let s = doubleToString(x, type, precision, flags);
  let neg = false;
  if (s[0] === '-') {
    neg = true;
    s = s.slice(1);
  }
  if (pct) s += '%';
  // split into leading digits and the rest (parse_number)
  let i = 0;
  while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
  return layoutNumber(f, signFor(neg, f.sign), '', s.slice(0, i), s.slice(i));
}

// ---------------------------------------------------------------- str

/** format(str, spec) (format_string_internal). */
function formatStr(s: string, spec: string, typeName = 'str'): string {
  const f = parseSpec(spec, 's', '<', typeName);
  if (f.type !== 's') unknownCode(f.type, typeName);
  if (f.sign !== '') raise(Exc.ValueError, 'Sign not allowed in string format specifier');
  if (f.noNeg0) raise(Exc.ValueError, 'Negative zero coercion (z) not allowed in format specifier');
  if (f.alternate) raise(Exc.ValueError, 'Alternate form (#) not allowed in string format specifier');
  if (f.align === '=') raise(Exc.ValueError, "'=' alignment not allowed in string format specifier");
  let cps: string[] | null = null;
  let len = s.length;
  if (/[\ud800-\udfff]/.test(s)) {
    cps = [...s];
    len = cps.length;
  }
  if (f.precision >= 0 && len > f.precision) {
    s = cps ? cps.slice(0, f.precision).join('') : s.slice(0, f.precision);
    len = f.precision;
  }
  const pad = f.width - len;
  if (pad <= 0) return s;
  switch (f.align) {
    case '>': return f.fill.repeat(pad) + s;
    case '^': {
      const l = Math.floor(pad / 2);
      return f.fill.repeat(l) + s + f.fill.repeat(pad - l);
    }
    default: return s + f.fill.repeat(pad);
  }
}

/** The implementations of format.ts's stubs (src/engine/ondemand.ts checks they match). */
export const formatSpec = { formatInt, formatFloat, formatStr };
