/**
 * Float-to-text conversion, and the entry points of the format-spec
 * mini-language, whose code (formatspec.ts) is loaded on demand.
 * CPython counterpart: Python/formatter_unicode.c (format(x, spec)) and
 * Python/pystrtod.c + Python/dtoa.c (PyOS_double_to_string, _Py_dg_dtoa).
 *
 * Float digits are computed exactly (BigInt arithmetic on the double's
 * binary value, rounding half to even) so '%.2f' % 0.125 == '0.12' as in
 * CPython; JS's toFixed rounds ties up and stops at 1e21.
 */

import { parts, deferred } from '../ondemand.js';

// ---------------------------------------------------------------- exact digits (dtoa)

const f64 = new DataView(new ArrayBuffer(8));

/** x = mant * 2**exp exactly, for finite x > 0. */
function decompose(x: number): [bigint, number] {
  f64.setFloat64(0, x);
  const hi = f64.getUint32(0), lo = f64.getUint32(4);
  const bexp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  if (bexp === 0) return [mant, -1074];
  mant |= 1n << 52n;
  return [mant, bexp - 1075];
}

const pow10cache: bigint[] = [];
function pow10(n: number): bigint {
  if (n < 400) {
    let p = pow10cache[n];
    if (p === undefined) p = pow10cache[n] = 10n ** BigInt(n);
    return p;
  }
  return 10n ** BigInt(n);
}

/** Digits (no trailing zeros) and decimal-point position: value = 0.DIGITS × 10**decpt. */
export interface Digits {
  digits: string;
  decpt: number;
}

/** round(num / den) with ties to even */
function divRoundEven(num: bigint, den: bigint): bigint {
  const q = num / den;
  const r2 = (num % den) * 2n;
  if (r2 > den || (r2 === den && (q & 1n) === 1n)) return q + 1n;
  return q;
}

function stripZeros(s: string): string {
  let end = s.length;
  while (end > 1 && s.charCodeAt(end - 1) === 48) end--;
  return s.slice(0, end);
}

/** _Py_dg_dtoa mode 3: x rounded to `n` digits after the point (n may be negative). x finite, ≥ 0. */
export function dtoaFixed(x: number, n: number): Digits {
  if (x === 0) return { digits: '0', decpt: 1 };
  const [mant, exp] = decompose(x);
  let num = mant, den = 1n;
  if (exp >= 0) num <<= BigInt(exp);
  else den <<= BigInt(-exp);
  if (n >= 0) num *= pow10(n);
  else den *= pow10(-n);
  const q = divRoundEven(num, den);
  if (q === 0n) return { digits: '', decpt: -n };
  const s = q.toString();
  return { digits: stripZeros(s), decpt: s.length - n };
}

/** _Py_dg_dtoa mode 2: x rounded to `n` ≥ 1 significant digits. x finite, ≥ 0. */
export function dtoaSig(x: number, n: number): Digits {
  if (x === 0) return { digits: '0', decpt: 1 };
  const [mant, exp] = decompose(x);
  let num = mant, den = 1n;
  if (exp >= 0) num <<= BigInt(exp);
  else den <<= BigInt(-exp);
  // k = floor(log10(x)) exactly: the float estimate can be off by one near powers of ten
  let k = Math.floor(Math.log10(x));
  while (k > -400 && !atLeastPow10(num, den, k)) k--;
  while (atLeastPow10(num, den, k + 1)) k++;
  // q = round(x * 10**(n-1-k)), which has n digits unless rounding carries into n+1
  const s10 = n - 1 - k;
  if (s10 >= 0) num *= pow10(s10);
  else den *= pow10(-s10);
  let q = divRoundEven(num, den);
  if (q === pow10(n)) {
    q = pow10(n - 1);
    k++;
  }
  return { digits: stripZeros(q.toString()), decpt: k + 1 };
}

/** num/den >= 10**k ? */
function atLeastPow10(num: bigint, den: bigint, k: number): boolean {
  return k >= 0 ? num >= den * pow10(k) : num * pow10(-k) >= den;
}

/** _Py_dg_dtoa mode 0: the shortest digits that round-trip. x finite, ≥ 0. */
export function dtoaShortest(x: number): Digits {
  if (x === 0) return { digits: '0', decpt: 1 };
  const s = x.toExponential();
  const e = s.indexOf('e');
  const mantissa = s.slice(0, e);
  const digits = mantissa.length > 1 ? mantissa[0] + mantissa.slice(2) : mantissa;
  return { digits, decpt: parseInt(s.slice(e + 1), 10) + 1 };
}

// ---------------------------------------------------------------- PyOS_double_to_string

export const DTSF_SIGN = 1, DTSF_ADD_DOT_0 = 2, DTSF_ALT = 4, DTSF_NO_NEG_0 = 8;

/**
 * PyOS_double_to_string: `code` is one of e E f F g G r; flags DTSF_*.
 * Returns the text CPython produces (format_float_short).
 */
export function doubleToString(x: number, code: string, precision: number, flags: number): string {
  let upper = false;
  switch (code) {
    case 'E': upper = true; code = 'e'; break;
    case 'F': upper = true; code = 'f'; break;
    case 'G': upper = true; code = 'g'; break;
  }
  let neg = x < 0 || Object.is(x, -0);
  if (Number.isNaN(x)) {
    return upper ? 'NAN' : 'nan';
  }
  const signText = (n: boolean) => (n ? '-' : (flags & DTSF_SIGN) !== 0 ? '+' : '');
  if (!Number.isFinite(x)) return signText(neg) + (upper ? 'INF' : 'inf');
  const ax = Math.abs(x);
  let d: Digits;
  switch (code) {
    case 'e':
      precision++;
      d = dtoaSig(ax, precision);
      break;
    case 'f':
      d = dtoaFixed(ax, precision);
      break;
    case 'g':
      if (precision === 0) precision = 1;
      d = dtoaSig(ax, precision);
      break;
    default: // 'r'
      d = dtoaShortest(ax);
      break;
  }
  const digits = d.digits;
  let decpt = d.decpt;
  const digitsLen = digits.length;
  if ((flags & DTSF_NO_NEG_0) !== 0 && neg && /^0*$/.test(digits)) neg = false;
  const addDot0 = (flags & DTSF_ADD_DOT_0) !== 0;
  const alt = (flags & DTSF_ALT) !== 0;
  let useExp = false;
  let vdigitsEnd = digitsLen;
  switch (code) {
    case 'e':
      useExp = true;
      vdigitsEnd = precision;
      break;
    case 'f':
      vdigitsEnd = decpt + precision;
      break;
    case 'g':
      if (decpt <= -4 || decpt > (addDot0 ? precision - 1 : precision)) useExp = true;
      if (alt) vdigitsEnd = precision;
      break;
    default:
      if (decpt <= -4 || decpt > 16) useExp = true;
  }
  let exp = 0;
  if (useExp) {
    exp = decpt - 1;
    decpt = 1;
  }
  const vdigitsStart = decpt <= 0 ? decpt - 1 : 0;
  if (!useExp && addDot0) vdigitsEnd = vdigitsEnd > decpt ? vdigitsEnd : decpt + 1;
  else vdigitsEnd = vdigitsEnd > decpt ? vdigitsEnd : decpt;

  let out = signText(neg);
  if (decpt <= 0) {
    out += '0'.repeat(decpt - vdigitsStart) + '.' + '0'.repeat(-decpt);
  } else {
    out += '0'.repeat(-vdigitsStart);
  }
  if (decpt > 0 && decpt <= digitsLen) {
    out += digits.slice(0, decpt) + '.' + digits.slice(decpt);
  } else {
    out += digits;
  }
  if (digitsLen < decpt) {
    out += '0'.repeat(decpt - digitsLen) + '.' + '0'.repeat(vdigitsEnd - decpt);
  } else {
    out += '0'.repeat(Math.max(0, vdigitsEnd - digitsLen));
  }
  if (out.endsWith('.') && !alt) out = out.slice(0, -1);
  if (useExp) {
    const ae = Math.abs(exp);
    out += (upper ? 'E' : 'e') + (exp < 0 ? '-' : '+') + (ae < 10 ? '0' + ae : String(ae));
  }
  return out;
}

/** repr(float): shortest round-trip digits, scientific below 1e-4 and from 1e16. */
export function floatReprString(x: number): string {
  if (Number.isFinite(x) && x !== 0) {
    // fast path: JS agrees with CPython for "plain" magnitudes
    const ax = Math.abs(x);
    if (ax >= 1e-4 && ax < 1e16) {
      const s = String(x);
      return s.indexOf('.') < 0 ? s + '.0' : s;
    }
  }
  return doubleToString(x, 'r', 0, DTSF_ADD_DOT_0);
}

// ---------------------------------------------------------------- format(x, spec)

/*
 * A non-empty format spec (`f"{x:>8.2f}"`, `format(x, ',')`, `'{:x}'.format(n)`)
 * is read by formatspec.ts, loaded on demand: a program whose text has the word
 * `format` or an f-string with a `:` in a replacement field loads it.
 */
const P = parts.formatspec;

/** format(int, spec) — int.__format__ with a non-empty spec (format_long_internal). */
export const formatInt = deferred<(v: number | bigint, spec: string, typeName?: string) => string>(P, 'formatInt');

/** format(float, spec) with a non-empty spec (format_float_internal). */
export const formatFloat = deferred<(x: number, spec: string, typeName?: string) => string>(P, 'formatFloat');

const formatStrSpec = deferred<(s: string, spec: string, typeName?: string) => string>(P, 'formatStr');

/** format(str, spec) (format_string_internal). */
export function formatStr(s: string, spec: string, typeName = 'str'): string {
  return spec === '' ? s : formatStrSpec(s, spec, typeName);
}
