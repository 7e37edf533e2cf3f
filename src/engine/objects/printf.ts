/**
 * printf-style string formatting, `'%5.2f' % x`, loaded on demand (any `%`
 * in a program's text loads it; see src/engine/ondemand.ts).
 * CPython counterpart: Objects/unicodeobject.c (PyUnicode_Format).
 */

import { PyObject, decref } from './object.js';
import { raise } from '../eval/errors.js';
import { Exc } from './exceptions.js';
import { PyLong, numberLong } from './longobject.js';
import { PyFloat, asDouble } from './floatobject.js';
import { PyTuple } from './tupleobject.js';
import { repr as objRepr, str as objStr, getItem } from './abstract.js';
import { doubleToString, DTSF_ALT } from './format.js';
import { PyStr, newStr } from './unicodeobject.js';
import { asciiOf } from './ascii.js';


function isMappingArg(o: PyObject): boolean {
  return o.type.mp_subscript !== null && !(o instanceof PyTuple) && !(o instanceof PyStr);
}

/** PyUnicode_Format */
function printfFormat(fmt: string, argsObj: PyObject): string {
  let items: PyObject[];
  let argIdx = 0;
  let arglen: number;
  const dict = isMappingArg(argsObj) ? argsObj : null;
  if (argsObj instanceof PyTuple) {
    items = argsObj.items;
    arglen = items.length;
  } else {
    items = [argsObj];
    arglen = -1;
  }
  const nextArg = (): PyObject => {
    if (arglen < 0) {
      if (argIdx === 0) {
        argIdx = 1;
        return items[0];
      }
    } else if (argIdx < arglen) return items[argIdx++];
    raise(Exc.TypeError, 'not enough arguments for format string');
  };
  let out = '';
  const n = fmt.length;
  let i = 0;
  while (i < n) {
    const pct = fmt.indexOf('%', i);
    if (pct < 0) {
      out += fmt.slice(i);
      break;
    }
    out += fmt.slice(i, pct);
    i = pct + 1;
    if (i >= n) raise(Exc.ValueError, 'incomplete format');
    let arg: PyObject | null = null;
    let ownedArg = false;
    if (fmt[i] === '(') {
      if (dict === null) raise(Exc.TypeError, 'format requires a mapping');
      let level = 1, j = i + 1;
      while (j < n && level > 0) {
        if (fmt[j] === '(') level++;
        else if (fmt[j] === ')') level--;
        j++;
      }
      if (level > 0) raise(Exc.ValueError, 'incomplete format key');
      const key = newStr(fmt.slice(i + 1, j - 1));
      try {
        arg = getItem(dict, key);
      } finally {
        decref(key);
      }
      ownedArg = true;
      arglen = -1;
      argIdx = -2;
      i = j;
    }
    try {
      let minus = false, plus = false, space = false, alt = false, zero = false;
      for (; i < n; i++) {
        const f = fmt[i];
        if (f === '-') minus = true;
        else if (f === '+') plus = true;
        else if (f === ' ') space = true;
        else if (f === '#') alt = true;
        else if (f === '0') zero = true;
        else break;
      }
      let width = -1, prec = -1;
      if (fmt[i] === '*') {
        const w = nextArg();
        if (!(w instanceof PyLong)) raise(Exc.TypeError, '* wants int');
        width = Number(w.value);
        if (width < 0) {
          minus = true;
          width = -width;
        }
        i++;
      } else {
        const m = /^\d+/.exec(fmt.slice(i, i + 20));
        if (m) {
          width = parseInt(m[0], 10);
          i += m[0].length;
        }
      }
      if (fmt[i] === '.') {
        i++;
        if (fmt[i] === '*') {
          const p = nextArg();
          if (!(p instanceof PyLong)) raise(Exc.TypeError, '* wants int');
          prec = Math.max(0, Number(p.value));
          i++;
        } else {
          const m = /^\d+/.exec(fmt.slice(i, i + 20));
          prec = m ? parseInt(m[0], 10) : 0;
          if (m) i += m[0].length;
        }
      }
      while (i < n && (fmt[i] === 'h' || fmt[i] === 'l' || fmt[i] === 'L')) i++;
      if (i >= n) raise(Exc.ValueError, 'incomplete format');
      const code = fmt[i];
      i++;
      if (code === '%') {
        out += '%';
        continue;
      }
      if (arg === null) arg = nextArg();
      let body: string;
      let signStr = '';
      let numeric = false;
      switch (code) {
        case 's': case 'r': case 'a': {
          const r = code === 's' ? objStr(arg) : code === 'r' ? objRepr(arg) : asciiOf(arg);
          body = r.value;
          decref(r);
          if (prec >= 0) body = [...body].slice(0, prec).join('');
          break;
        }
        case 'd': case 'i': case 'u': case 'o': case 'x': case 'X': {
          numeric = true;
          let v: number | bigint;
          if (arg instanceof PyLong) v = arg.value;
          else if (code === 'd' || code === 'i' || code === 'u') {
            if (!(arg instanceof PyFloat) && arg.type.nb_int === null && arg.type.nb_index === null) {
              raise(Exc.TypeError, `%${code} format: a real number is required, not ${arg.type.name}`);
            }
            const r = numberLong(arg);
            v = r.value;
            decref(r);
          } else {
            if (arg.type.nb_index === null) {
              raise(Exc.TypeError, `%${code} format: an integer is required, not ${arg.type.name}`);
            }
            v = (arg.type.nb_index(arg) as PyLong).value;
          }
          const neg = v < 0;
          const a = typeof v === 'number' ? Math.abs(v) : v < 0n ? -v : v;
          let digits = code === 'o' ? a.toString(8) : code === 'x' ? a.toString(16) : code === 'X' ? a.toString(16).toUpperCase() : a.toString();
          if (prec > digits.length) digits = '0'.repeat(prec - digits.length) + digits;
          let prefix = '';
          if (alt && code === 'o') prefix = '0o';
          else if (alt && code === 'x') prefix = '0x';
          else if (alt && code === 'X') prefix = '0X';
          signStr = (neg ? '-' : plus ? '+' : space ? ' ' : '') + prefix;
          body = digits;
          break;
        }
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
          numeric = true;
          if (!(arg instanceof PyFloat) && !(arg instanceof PyLong) && arg.type.nb_float === null && arg.type.nb_index === null) {
            raise(Exc.TypeError, `must be real number, not ${arg.type.name}`);
          }
          const x = asDouble(arg);
          let s = doubleToString(x, code, prec < 0 ? 6 : prec, alt ? DTSF_ALT : 0);
          if (s[0] === '-') {
            signStr = '-';
            s = s.slice(1);
          } else signStr = plus ? '+' : space ? ' ' : '';
          body = s;
          break;
        }
        case 'c': {
          if (arg instanceof PyStr) {
            if (arg.length !== 1) raise(Exc.TypeError, '%c requires int or char');
            body = arg.value;
          } else if (arg instanceof PyLong || arg.type.nb_index !== null) {
            const v = arg instanceof PyLong ? arg.value : (arg.type.nb_index!(arg) as PyLong).value;
            if (v < 0 || v > 0x10ffff) raise(Exc.OverflowError, '%c arg not in range(0x110000)');
            body = String.fromCodePoint(Number(v));
          } else raise(Exc.TypeError, '%c requires int or char');
          break;
        }
        default: {
          const cp = code.codePointAt(0)!;
          raise(Exc.ValueError, `unsupported format character '${code}' (0x${cp.toString(16)}) at index ${i - 1}`);
        }
      }
      const len = signStr.length + [...body].length;
      if (width > len) {
        const padn = width - len;
        if (minus) out += signStr + body + ' '.repeat(padn);
        else if (zero && numeric) out += signStr + '0'.repeat(padn) + body;
        else out += ' '.repeat(padn) + signStr + body;
      } else out += signStr + body;
    } finally {
      if (ownedArg && arg !== null) decref(arg);
    }
  }
  if (arglen >= 0 && argIdx < arglen && dict === null) {
    raise(Exc.TypeError, 'not all arguments converted during string formatting');
  }
  if (arglen < 0 && argIdx === 0 && dict === null) {
    raise(Exc.TypeError, 'not all arguments converted during string formatting');
  }
  return out;
}

/** The implementation of unicodeobject.ts's stub (src/engine/ondemand.ts). */
export const printf = { printfFormat };
