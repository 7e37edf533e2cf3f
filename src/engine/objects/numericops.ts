/**
 * Powers of ints and floats (`**`, pow()), rounding of floats (round(),
 * __round__), float.as_integer_ratio() and float.hex(): an on-demand part
 * (see ondemand.ts) that `**` or one of those names loads. Moved from
 * longobject.ts and floatobject.ts unchanged; their slots and methods are
 * stubs until it is loaded.
 */
import type { BuiltinMethod } from './typeobject.js';
import { PyFloat, FloatType, f64, newFloat, noArgs, toDouble, mantissaExponent, floatDivMod } from './floatobject.js';
import { Exc } from './exceptions.js';
import { NotImplemented, PyNone } from './singletons.js';
import {
  PyLong, indexValue, intFromDouble, longToDouble, newInt, big, bitLength, bothInts, checkBigResult, isZero, norm,
  floorDivMod,
} from './longobject.js';
import { PyObject, decref } from './object.js';
import { checkArity, noKeywords } from './args.js';
import { complexPow3 } from './complexobject.js';
import { dtoaFixed } from './format.js';
import { PyStr, newStr } from './unicodeobject.js';
import { newTuple } from './tupleobject.js';
import { raise, unsupported } from '../eval/errors.js';
import { pow as libmPow } from '../modules/libm/pow.js';
import { scaledToDouble } from '../modules/libm/fma.js';
import { call } from './abstract.js';

// ---------------------------------------------------------------- int

/** Exact integer power for a non-negative exponent. */
function intPow(x: number | bigint, n: number | bigint): number | bigint {
  if (typeof x === 'number' && typeof n === 'number') {
    // square-and-multiply in doubles while every intermediate stays exact
    let result = 1, base = x, e = n;
    let ok = true;
    while (e > 0) {
      if (e % 2 === 1) {
        result *= base;
        if (!Number.isSafeInteger(result)) { ok = false; break; }
      }
      e = Math.floor(e / 2);
      if (e > 0) {
        base *= base;
        if (!Number.isSafeInteger(base)) { ok = false; break; }
      }
    }
    if (ok) return result === 0 ? 0 : result;
  }
  const bx = big(x), bn = big(n);
  if (bx === 0n || bx === 1n) return norm(bx);
  if (bx === -1n) return bn % 2n === 0n ? 1 : -1;
  const bits = bitLength(x) * Number(bn);
  checkBigResult(bits);
  return norm(bx ** bn);
}

function modInverse(a: bigint, m: bigint): bigint | null {
  // extended Euclid on (a mod m, m)
  let [r0, r1] = [((a % m) + m) % m, m];
  let [s0, s1] = [1n, 0n];
  while (r1 !== 0n) {
    const q = r0 / r1;
    [r0, r1] = [r1, r0 - q * r1];
    [s0, s1] = [s1, s0 - q * s1];
  }
  if (r0 !== 1n) return null;
  return ((s0 % m) + m) % m;
}

/** long_pow: int ** int [% int] */
function longPow3(a: PyObject, b: PyObject, c: PyObject): PyObject {
  if (!bothInts(a, b)) return NotImplemented;
  const x = (a as PyLong).value, n = (b as PyLong).value;
  if (c === PyNone) {
    if (n < 0) {
      if (isZero(x)) raise(Exc.ZeroDivisionError, '0.0 cannot be raised to a negative power');
      // int ** negative int is computed in floats, like CPython
      return newFloat(floatPowForInts(longToDouble(x), longToDouble(n)));
    }
    return newInt(intPow(x, n));
  }
  if (!(c instanceof PyLong)) return NotImplemented;
  let m = big(c.value);
  if (m === 0n) raise(Exc.ValueError, 'pow() 3rd argument cannot be 0');
  const negMod = m < 0n;
  if (negMod) m = -m;
  let base = big(x), e = big(n);
  if (e < 0n) {
    const inv = modInverse(base, m);
    if (inv === null) raise(Exc.ValueError, 'base is not invertible for the given modulus');
    base = inv;
    e = -e;
  }
  let result = 1n % m;
  base = ((base % m) + m) % m;
  while (e > 0n) {
    if (e & 1n) result = (result * base) % m;
    base = (base * base) % m;
    e >>= 1n;
  }
  if (negMod && result !== 0n) result -= m;
  return newInt(result);
}

/** float pow for int ** negative int (no complex results possible: exponent is integral). */
function floatPowForInts(x: number, y: number): number {
  const r = libmPow(x, y);
  if (!Number.isFinite(r) && Number.isFinite(x)) raise(Exc.OverflowError, 'int too large to convert to float');
  return r;
}

function longPow(a: PyObject, b: PyObject): PyObject {
  return longPow3(a, b, PyNone);
}


// ---------------------------------------------------------------- float

function isOddInteger(x: number): boolean {
  return Number.isInteger(x) && Math.abs(x % 2) === 1;
}

/** float_pow's special cases, then libm pow. */
function floatPowValue(iv: number, iw: number): number {
  if (iw === 0) return 1.0;
  if (Number.isNaN(iv)) return iv;
  if (Number.isNaN(iw)) return iv === 1.0 ? 1.0 : iw;
  if (!Number.isFinite(iw)) {
    const av = Math.abs(iv);
    if (av === 1.0) return 1.0;
    if ((iw > 0) === (av > 1.0)) return Math.abs(iw);
    return 0.0;
  }
  if (!Number.isFinite(iv)) {
    const odd = isOddInteger(iw);
    if (iw > 0) return odd ? iv : Math.abs(iv);
    return odd ? (iv < 0 ? -0 : 0) : 0.0;
  }
  if (iv === 0) {
    const odd = isOddInteger(iw);
    if (iw < 0) raise(Exc.ZeroDivisionError, '0.0 cannot be raised to a negative power');
    return odd ? iv : 0.0;
  }
  let negate = false;
  if (iv < 0) {
    if (iw !== Math.floor(iw)) unsupported('complex numbers (a negative number raised to a fractional power)');
    iv = -iv;
    negate = isOddInteger(iw);
  }
  if (iv === 1.0) return negate ? -1.0 : 1.0;
  // the C library's pow, glibc's to the last bit (JS's ** differs now and then)
  const ix = libmPow(iv, iw);
  if (!Number.isFinite(ix)) raise(Exc.OverflowError, "(34, 'Numerical result out of range')");
  return negate ? -ix : ix;
}

function floatPow3(a: PyObject, b: PyObject, c: PyObject): PyObject {
  if (c !== PyNone) {
    raise(Exc.TypeError, 'pow() 3rd argument not allowed unless all arguments are integers');
  }
  const x = toDouble(a);
  if (x === null) return NotImplemented;
  const y = toDouble(b);
  if (y === null) return NotImplemented;
  // a negative number raised to a fractional power becomes complex (float_pow)
  if (x < 0 && Number.isFinite(x) && Number.isFinite(y) && y !== Math.floor(y)) return complexPow3(a, b, c);
  return newFloat(floatPowValue(x, y));
}

function floatPow(a: PyObject, b: PyObject): PyObject {
  return floatPow3(a, b, PyNone);
}

// ---------------------------------------------------------------- rounding

/**
 * round(x[, ndigits]) for floats (float___round___impl / double_round):
 * without ndigits an int rounded half to even; with ndigits the correctly
 * rounded decimal value (round(2.675, 2) == 2.67 because 2.675 is below 2.675).
 */
function roundFloat(x: number, ndigits?: number | null): PyObject {
  if (ndigits === undefined || ndigits === null) {
    let rounded = cRound(x);
    if (Math.abs(x - rounded) === 0.5) rounded = 2.0 * cRound(x / 2.0);
    return intFromDouble(rounded);
  }
  return newFloat(roundDouble(x, ndigits));
}

/** C's round(): halfway cases away from zero (Math.round rounds them up). */
function cRound(x: number): number {
  if (!Number.isFinite(x)) return x;
  const t = Math.trunc(x);
  return Math.abs(x - t) >= 0.5 ? t + Math.sign(x) : t;
}

function roundDouble(x: number, ndigits: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  if (ndigits > 323) return x;
  if (ndigits < -308) return x < 0 ? -0 : 0;
  const d = dtoaFixed(Math.abs(x), ndigits);
  const sign = x < 0 ? '-' : '';
  if (d.digits === '') return x < 0 ? -0 : 0;
  const r = Number(`${sign}0.${d.digits}e${d.decpt}`);
  if (!Number.isFinite(r)) raise(Exc.OverflowError, 'rounded value too large to represent');
  return r === 0 && x < 0 ? -0 : r;
}

/** float.as_integer_ratio */
function floatAsIntegerRatio(x: number): [bigint, bigint] {
  if (Number.isNaN(x)) raise(Exc.ValueError, 'cannot convert NaN to integer ratio');
  if (!Number.isFinite(x)) raise(Exc.OverflowError, 'cannot convert Infinity to integer ratio');
  if (x === 0) return [0n, 1n];
  let [mant, e] = mantissaExponent(x);
  while ((mant & 1n) === 0n && e < 0) {
    mant >>= 1n;
    e++;
  }
  let num = mant, den = 1n;
  if (e >= 0) num <<= BigInt(e);
  else den <<= BigInt(-e);
  return [x < 0 ? -num : num, den];
}

/** float.hex() */
function floatHex(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  if (x === 0) return sign + '0x0.0p+0';
  f64.setFloat64(0, Math.abs(x));
  const hi = f64.getUint32(0), lo = f64.getUint32(4);
  const bexp = (hi >>> 20) & 0x7ff;
  const frac = ((BigInt(hi & 0xfffff) << 32n) | BigInt(lo)).toString(16).padStart(13, '0');
  // CPython prints subnormals normalized: 5e-324.hex() == '0x0.0000000000001p-1022'
  const lead = bexp === 0 ? '0' : '1';
  const e = bexp === 0 ? -1022 : bexp - 1023;
  return `${sign}0x${lead}.${frac}p${e < 0 ? '-' : '+'}${Math.abs(e)}`;
}


function selfValue(o: PyObject): number {
  return (o as PyFloat).value;
}

const floatMethods: Record<string, BuiltinMethod> = {
  as_integer_ratio: (self, args, kw) => {
    noArgs('as_integer_ratio', args, kw);
    const [n, d] = floatAsIntegerRatio(selfValue(self));
    return newTuple([newInt(n), newInt(d)]);
  },
  hex: (self, args, kw) => (noArgs('hex', args, kw), newStr(floatHex(selfValue(self)))),
  /** float.fromhex(s), a class method (self: the class) */
  fromhex: (type, args, kw) => {
    noKeywords('fromhex', kw);
    checkArity('fromhex', args, 1, 1);
    const s = args[0];
    // (PyUnicode_AsUTF8AndSize's message)
    if (!(s instanceof PyStr)) raise(Exc.TypeError, 'bad argument type for built-in operation');
    const r = newFloat(floatFromHex(s.value));
    if (type === FloatType) return r;
    try {
      return call(type, [r]);
    } finally {
      decref(r);
    }
  },
  __round__: (self, args, kw) => {
    noKeywords('__round__', kw);
    checkArity('__round__', args, 0, 1);
    if (args.length === 0 || args[0] === PyNone) return roundFloat(selfValue(self));
    const n = indexValue(args[0]);
    return roundFloat(selfValue(self), typeof n === 'number' ? n : n > 0n ? 1e9 : -1e9);
  },
};

/** Python's whitespace for float.fromhex (Py_ISSPACE) */
const HEX_FLOAT = /^[ \t\n\r\x0b\x0c]*([+-]?)(?:(inf(?:inity)?|nan)|(?:0[xX])?([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?(?:[pP]([+-]?[0-9]+))?)[ \t\n\r\x0b\x0c]*$/i;

/** float_fromhex's parse and its one rounding (ties to even, subnormals, overflow) */
function floatFromHex(text: string): number {
  const m = HEX_FLOAT.exec(text);
  const digits = m === null ? '' : (m[3] ?? '') + (m[4] ?? '');
  if (m === null || (m[2] === undefined && digits === '')) raise(Exc.ValueError, 'invalid hexadecimal floating-point string');
  const negative = m[1] === '-';
  if (m[2] !== undefined) {
    const v = m[2].toLowerCase() === 'nan' ? NaN : Infinity;
    return negative ? -v : v;
  }
  const coeff = BigInt('0x' + digits);
  // (an exponent far beyond the double range only needs its sign)
  const exp = Math.max(-1e7, Math.min(1e7, Number(m[5] ?? '0'))) - 4 * (m[4] ?? '').length;
  const x = scaledToDouble(coeff, exp);
  if (!Number.isFinite(x)) raise(Exc.OverflowError, 'hexadecimal value too large to represent as a float');
  return negative ? -x : x;
}

/** The implementations of the stubs. */
/** int.__divmod__ (long_divmod), a tuple or NotImplemented */
function longDivmod(a: PyObject, b: PyObject): PyObject {
  if (!bothInts(a, b)) return NotImplemented;
  const y = (b as PyLong).value;
  if (isZero(y)) raise(Exc.ZeroDivisionError, 'integer division or modulo by zero');
  const [q, r] = floorDivMod((a as PyLong).value, y);
  return newTuple([newInt(q), newInt(r)]);
}

/** float.__divmod__ (float_divmod), a tuple or NotImplemented */
function floatDivmod(a: PyObject, b: PyObject): PyObject {
  const x = toDouble(a);
  if (x === null) return NotImplemented;
  const y = toDouble(b);
  if (y === null) return NotImplemented;
  if (y === 0) raise(Exc.ZeroDivisionError, 'float divmod()');
  const [q, r] = floatDivMod(x, y);
  return newTuple([newFloat(q), newFloat(r)]);
}

export const numericOps = {
  'int.nb_power': longPow,
  'int.nb_divmod': longDivmod,
  'float.nb_divmod': floatDivmod,
  'int.nb_power3': longPow3,
  'float.nb_power': floatPow,
  'float.nb_power3': floatPow3,
  /** the compiler's constant folding of ** (compile/constarith.ts) */
  'libm.pow': libmPow,
  roundFloat,
  ...floatMethods,
};
