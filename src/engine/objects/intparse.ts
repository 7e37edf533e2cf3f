/**
 * int(s, base): a string parsed with Python's literal rules (an on-demand part,
 * see ondemand.ts: the word int loads it; int literals in a program are the
 * tokenizer's). Moved here verbatim from objects/longobject.ts, which keeps
 * the stub. CPython counterpart: PyLong_FromString in Objects/longobject.c.
 */
import { raise } from '../eval/errors.js';
import { Exc } from './exceptions.js';
import { strReprString } from './unicodeobject.js';
import { PyLong, newInt, norm, normalizeDigits, MAX_STR_DIGITS } from './longobject.js';

const WHITESPACE_RE = /^[\s\u001c-\u001f\u0085]+|[\s\u001c-\u001f\u0085]+$/g;

/** Strips the characters Python's str.strip() strips (Unicode whitespace). */
function pyStrip(s: string): string {
  return s.replace(WHITESPACE_RE, '');
}

/** Digit value of a character in bases up to 36 (also Unicode decimal digits), or 99. */
function digitValue(c: string): number {
  const code = c.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 122) return code - 87;
  if (code >= 65 && code <= 90) return code - 55;
  return 99;
}

/** PyLong_FromUnicodeObject: int(s, base) with Python's literal rules. */
export function intFromString(s: string, base: number): PyLong {
  if (base !== 0 && (base < 2 || base > 36)) raise(Exc.ValueError, 'int() base must be >= 2 and <= 36, or 0');
  const v = parseIntLiteral(normalizeDigits(s), base);
  if (v === null) raise(Exc.ValueError, `invalid literal for int() with base ${base}: ${truncRepr(s)}`);
  return newInt(v);
}

/** `%.200R`: the repr, cut to 200 characters. */
function truncRepr(s: string): string {
  const r = strReprString(s);
  return [...r].slice(0, 200).join('');
}

function parseIntLiteral(input: string, base: number): number | bigint | null {
  let s = pyStrip(input);
  let neg = false;
  if (s[0] === '+' || s[0] === '-') {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  const lower = s.slice(0, 2).toLowerCase();
  let hadPrefix = false;
  if (lower === '0x' && (base === 16 || base === 0)) { base = 16; hadPrefix = true; }
  else if (lower === '0o' && (base === 8 || base === 0)) { base = 8; hadPrefix = true; }
  else if (lower === '0b' && (base === 2 || base === 0)) { base = 2; hadPrefix = true; }
  if (hadPrefix) {
    s = s.slice(2);
    // an underscore may follow the prefix: 0x_ff
    if (s[0] === '_') s = s.slice(1);
  } else if (base === 0) {
    base = 10;
    // base 0 forbids leading zeros in non-zero decimals ("010")
    if (s.length > 1 && s[0] === '0' && /[1-9]/.test(s)) return null;
  }
  if (s.length === 0 || s[0] === '_' || s[s.length - 1] === '_' || s.includes('__')) return null;
  const digits = s.replace(/_/g, '');
  for (let i = 0; i < digits.length; i++) if (digitValue(digits[i]) >= base) return null;
  if (base === 10 && digits.length > MAX_STR_DIGITS) {
    raise(Exc.ValueError, `Exceeds the limit (${MAX_STR_DIGITS} digits) for integer string conversion: value has ${digits.length} digits; use sys.set_int_max_str_digits() to increase the limit`);
  }
  let v: number | bigint;
  if (digits.length <= 10 || (base === 10 && digits.length <= 15)) v = parseInt(digits, base);
  else if (base === 10) v = norm(BigInt(digits));
  else if (base === 16) v = norm(BigInt('0x' + digits));
  else if (base === 8) v = norm(BigInt('0o' + digits));
  else if (base === 2) v = norm(BigInt('0b' + digits));
  else {
    let acc = 0n;
    const bb = BigInt(base);
    for (let i = 0; i < digits.length; i++) acc = acc * bb + BigInt(digitValue(digits[i]));
    v = norm(acc);
  }
  if (neg) v = typeof v === 'number' ? (v === 0 ? 0 : -v) : -v;
  return v;
}

export const intParse = { intFromString };
