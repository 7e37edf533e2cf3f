/**
 * The str methods most programs never call (case mapping, predicates, padding,
 * partition, translate, str.format …), loaded on demand: unicodeobject.ts
 * puts a stub for each in str's dict (see src/engine/ondemand.ts).
 * CPython counterpart: Objects/unicodeobject.c and Objects/stringlib/unicode_format.h.
 */

import { PyObject, decref, incref } from './object.js';
import { raise } from '../eval/errors.js';
import { Exc } from './exceptions.js';
import { PyNone } from './singletons.js';
import { PyLong, LongType, newInt, newBool, asIndex, intToDecimal } from './longobject.js';
import { newTuple } from './tupleobject.js';
import { newDict } from './dictobject.js';
import { parseArgs, checkArity, noKeywords } from './args.js';
import {
  getAttr, getItem, setItem, iterableToArray, isExceptionOf, clearRaise, repr as objRepr, str as objStr, call, lookupAttr,
} from './abstract.js';
import type { BuiltinMethod } from './typeobject.js';
import {
  PyStr, StrType, newStr, self_, argStr, needStr, unchanged, checkLength, noArgs, mapStr, isPrintableChar,
  WS_RE, NON_ASCII, strList,
} from './unicodeobject.js';
import { asciiOf } from './ascii.js';
import { PyFloat, FloatType } from './floatobject.js';
import { formatStr, formatInt, formatFloat } from './format.js';

// ---------------------------------------------------------------- format(), str.format's fields
// (only str.format uses them: f-strings' FORMAT_VALUE has its own path in eval/ceval.ts)

/** PyObject_Format: format(obj, spec) → a str (new reference). */
function formatObject(obj: PyObject, spec: string): PyStr {
  if (obj.type === StrType) {
    if (spec === '') {
      incref(obj);
      return obj as PyStr;
    }
    return newStr(formatStr((obj as PyStr).value, spec));
  }
  if (obj instanceof PyLong && obj.type === LongType) {
    if (spec === '') return newStr(intToDecimal(obj.value));
    return newStr(formatInt(obj.value, spec));
  }
  if (obj instanceof PyFloat && obj.type === FloatType && spec !== '') return newStr(formatFloat(obj.value, spec));
  const meth = lookupAttr(obj, '__format__');
  if (meth === null) {
    if (spec !== '') raise(Exc.TypeError, `unsupported format string passed to ${obj.type.name}.__format__`);
    return objStr(obj);
  }
  const specObj = newStr(spec);
  let r: PyObject;
  try {
    r = call(meth, [specObj]);
  } finally {
    decref(specObj);
    decref(meth);
  }
  if (!(r instanceof PyStr)) {
    const tn = r.type.name;
    decref(r);
    raise(Exc.TypeError, `__format__ must return a str, not ${tn}`);
  }
  return r;
}

/** FORMAT_VALUE's conversions: !s !r !a */
function convertField(obj: PyObject, conv: string): PyStr {
  switch (conv) {
    case 's': return objStr(obj);
    case 'r': return objRepr(obj);
    case 'a': return asciiOf(obj);
  }
  raise(Exc.ValueError, `Unknown conversion specifier ${conv}`);
}

const LINE_BREAK = /\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]/g;

function splitlines(self: PyObject, args: PyObject[], kwnames: string[] | null): PyObject {
  const [keepObj] = parseArgs('splitlines', args, kwnames, ['keepends'], 0);
  const keep = keepObj !== undefined && asIndex(keepObj) !== 0;
  const s = self_(self).value;
  const out: string[] = [];
  let i = 0;
  LINE_BREAK.lastIndex = 0;
  for (let m = LINE_BREAK.exec(s); m !== null; m = LINE_BREAK.exec(s)) {
    out.push(s.slice(i, keep ? m.index + m[0].length : m.index));
    i = m.index + m[0].length;
  }
  if (i < s.length) out.push(s.slice(i));
  return strList(out);
}

function partitionImpl(self: PyObject, args: PyObject[], kwnames: string[] | null, right: boolean): PyObject {
  const fname = right ? 'rpartition' : 'partition';
  noKeywords(fname, kwnames);
  checkArity(fname, args, 1, 1);
  const sep = needStr(args[0]);
  if (sep.length === 0) raise(Exc.ValueError, 'empty separator');
  const o = self_(self);
  const s = o.value;
  const k = right ? s.lastIndexOf(sep) : s.indexOf(sep);
  if (k < 0) {
    const whole = o.type === StrType ? (incref(o), o) : newStr(s);
    return right ? newTuple([newStr(''), newStr(''), whole]) : newTuple([whole, newStr(''), newStr('')]);
  }
  return newTuple([newStr(s.slice(0, k)), newStr(sep), newStr(s.slice(k + sep.length))]);
}


// ---------------------------------------------------------------- case and predicates

const CASED = /\p{Cased}/u;
const UPPER = /\p{Uppercase}/u;
const LOWER = /\p{Lowercase}/u;
const TITLE = /\p{Lt}/u;

function titleCase(ch: string): string {
  // titlecase of the few digraphs differs from uppercase
  switch (ch) {
    case 'ǆ': case 'ǅ': case 'Ǆ': return 'ǅ';
    case 'ǉ': case 'ǈ': case 'Ǉ': return 'ǈ';
    case 'ǌ': case 'ǋ': case 'Ǌ': return 'ǋ';
    case 'ǳ': case 'ǲ': case 'Ǳ': return 'ǲ';
  }
  return ch.toUpperCase();
}

function title(s: string): string {
  let out = '';
  let prevCased = false;
  for (const ch of s) {
    if (prevCased) out += ch.toLowerCase();
    else out += titleCase(ch);
    prevCased = CASED.test(ch);
  }
  return out;
}

function capitalize(s: string): string {
  if (s.length === 0) return s;
  const cps = [...s];
  return titleCase(cps[0]) + cps.slice(1).join('').toLowerCase();
}

function swapcase(s: string): string {
  let out = '';
  for (const ch of s) {
    if (UPPER.test(ch)) out += ch.toLowerCase();
    else if (LOWER.test(ch)) out += ch.toUpperCase();
    else out += ch;
  }
  return out;
}

function casefold(s: string): string {
  // full case folding ≈ lower(upper(x)) for the characters learners meet (ß → ss)
  return s.toLowerCase().replace(/ß/g, 'ss').replace(/[ſ]/g, 's').replace(/ς/g, 'σ');
}

function allChars(s: string, re: RegExp): boolean {
  if (s.length === 0) return false;
  for (const ch of s) if (!re.test(ch)) return false;
  return true;
}

const DECIMAL = /\p{Nd}/u;
/** Numeric_Type=Digit beyond Nd: superscripts, subscripts, circled digits … */
const DIGIT_EXTRA = /[\u00b2\u00b3\u00b9\u2070\u2074-\u2079\u2080-\u2089\u2460-\u2468\u2474-\u247c\u2488-\u2490\u24ea\u24f5-\u24fd\u24ff\u2776-\u277e\u2780-\u2788\u278a-\u2792\u{1f100}-\u{1f10a}]/u;
const DIGIT = new RegExp(`${DECIMAL.source}|${DIGIT_EXTRA.source}`, 'u');
const NUMERIC = /[\p{N}\u3007\u4e00\u4e8c\u4e09\u56db\u4e94\u516d\u4e03\u516b\u4e5d\u5341\u767e\u5343\u4e07\u5104\u5146\u96f6\u58f9\u8cb3\u53c3\u8086\u4f0d\u9678\u67d2\u634c\u7396\u62fe\u4f70\u4edf]/u;
const ALPHA = /\p{L}/u;
const ALNUM = new RegExp(`${ALPHA.source}|${NUMERIC.source}`, 'u');
const IDENT = /^[\p{XID_Start}_][\p{XID_Continue}]*$/u;

function isUpperStr(s: string): boolean {
  let cased = false;
  for (const ch of s) {
    if (LOWER.test(ch) || TITLE.test(ch)) return false;
    if (!cased && UPPER.test(ch)) cased = true;
  }
  return cased;
}

function isLowerStr(s: string): boolean {
  let cased = false;
  for (const ch of s) {
    if (UPPER.test(ch) || TITLE.test(ch)) return false;
    if (!cased && LOWER.test(ch)) cased = true;
  }
  return cased;
}

function isTitleStr(s: string): boolean {
  let cased = false, prevCased = false;
  for (const ch of s) {
    if (UPPER.test(ch) || TITLE.test(ch)) {
      if (prevCased) return false;
      prevCased = true;
      cased = true;
    } else if (LOWER.test(ch)) {
      if (!prevCased) return false;
      prevCased = true;
      cased = true;
    } else prevCased = false;
  }
  return cased;
}

// ---------------------------------------------------------------- padding

function padArgs(self: PyObject, args: PyObject[], kwnames: string[] | null, fname: string): [PyStr, number, string] {
  noKeywords(fname, kwnames);
  checkArity(fname, args, 1, 2);
  const width = asIndex(args[0]);
  let fill = ' ';
  if (args.length > 1) {
    fill = argStr(args[1], fname, 2);
    if ([...fill].length !== 1) raise(Exc.TypeError, 'The fill character must be exactly one character long');
  }
  return [self_(self), width, fill];
}


function pad(o: PyStr, left: number, right: number, fill: string): PyObject {
  checkLength(o.value.length + left + right);
  return newStr(fill.repeat(left) + o.value + fill.repeat(right));
}

function expandtabs(s: string, tabsize: number): string {
  let out = '';
  let col = 0;
  for (const ch of s) {
    if (ch === '\t') {
      if (tabsize > 0) {
        const n = tabsize - (col % tabsize);
        out += ' '.repeat(n);
        col += n;
      }
    } else {
      out += ch;
      col++;
      if (ch === '\n' || ch === '\r') col = 0;
    }
  }
  return out;
}

function translate(self: PyObject, args: PyObject[], kwnames: string[] | null): PyObject {
  noKeywords('translate', kwnames);
  checkArity('translate', args, 1, 1);
  const table = args[0];
  let out = '';
  for (const ch of self_(self).value) {
    const key = newInt(ch.codePointAt(0)!);
    let v: PyObject;
    try {
      v = getItem(table, key);
    } catch (e) {
      if (isExceptionOf(e, Exc.LookupError)) {
        clearRaise(e);
        out += ch;
        continue;
      }
      throw e;
    } finally {
      decref(key);
    }
    try {
      if (v === PyNone) continue;
      if (v instanceof PyLong) {
        const cp = v.value;
        if (cp < 0 || cp > 0x10ffff) raise(Exc.ValueError, 'character mapping must be in range(0x110000)');
        out += String.fromCodePoint(Number(cp));
      } else if (v instanceof PyStr) out += v.value;
      else raise(Exc.TypeError, 'character mapping must return integer, None or str');
    } finally {
      decref(v);
    }
  }
  return newStr(out);
}

function maketrans(_self: PyObject, args: PyObject[], kwnames: string[] | null): PyObject {
  noKeywords('maketrans', kwnames);
  checkArity('maketrans', args, 1, 3);
  const d = newDict();
  try {
    if (args.length === 1) {
      const m = args[0];
      if (m.type.name !== 'dict') {
        raise(Exc.TypeError, 'if you give only one argument to maketrans it must be a dict');
      }
      const keys = iterableToArray(m);
      try {
        for (const k of keys) {
          const v = getItem(m, k);
          try {
            if (k instanceof PyStr) {
              if (k.length !== 1) raise(Exc.ValueError, 'string keys in translate table must be of length 1');
              const ik = newInt(k.value.codePointAt(0)!);
              setItem(d, ik, v);
              decref(ik);
            } else if (k instanceof PyLong) setItem(d, k, v);
            else raise(Exc.TypeError, 'keys in translate table must be strings or integers');
          } finally {
            decref(v);
          }
        }
      } finally {
        for (const k of keys) decref(k);
      }
      return d;
    }
    const x = [...argStr(args[0], 'maketrans', 1)];
    const y = [...argStr(args[1], 'maketrans', 2)];
    if (x.length !== y.length) raise(Exc.ValueError, 'the first two maketrans arguments must have equal length');
    for (let i = 0; i < x.length; i++) {
      const k = newInt(x[i].codePointAt(0)!), v = newInt(y[i].codePointAt(0)!);
      setItem(d, k, v);
      decref(k);
      decref(v);
    }
    if (args.length === 3) {
      for (const ch of argStr(args[2], 'maketrans', 3)) {
        const k = newInt(ch.codePointAt(0)!);
        setItem(d, k, PyNone);
        decref(k);
      }
    }
    return d;
  } catch (e) {
    decref(d);
    throw e;
  }
}


interface FormatState {
  args: PyObject[];
  kw: Map<string, PyObject> | null;
  mapping: PyObject | null;
  autoIndex: number;
  /** -1: not decided yet; 0: manual; 1: automatic */
  auto: number;
}

/** MarkupIterator + render_field: expands one format string (recursion for nested specs). */
function vformat(fmt: string, st: FormatState, depth: number): string {
  if (depth < 0) raise(Exc.ValueError, 'Max string recursion exceeded');
  let out = '';
  let i = 0;
  const n = fmt.length;
  while (i < n) {
    const c = fmt[i];
    if (c === '{') {
      if (fmt[i + 1] === '{') {
        out += '{';
        i += 2;
        continue;
      }
      if (i + 1 >= n) raise(Exc.ValueError, "Single '{' encountered in format string");
      // find the matching '}' (nested braces allowed in the spec)
      let level = 1, j = i + 1;
      while (j < n && level > 0) {
        if (fmt[j] === '{') level++;
        else if (fmt[j] === '}') level--;
        if (level > 0) j++;
      }
      if (level > 0) raise(Exc.ValueError, "expected '}' before end of string");
      out += renderField(fmt.slice(i + 1, j), st, depth);
      i = j + 1;
    } else if (c === '}') {
      if (fmt[i + 1] === '}') {
        out += '}';
        i += 2;
        continue;
      }
      raise(Exc.ValueError, "Single '}' encountered in format string");
    } else {
      const k1 = fmt.indexOf('{', i), k2 = fmt.indexOf('}', i);
      let k = k1 < 0 ? k2 : k2 < 0 ? k1 : Math.min(k1, k2);
      if (k < 0) k = n;
      out += fmt.slice(i, k);
      i = k;
    }
  }
  return out;
}

function renderField(field: string, st: FormatState, depth: number): string {
  // split field_name[!conv][:spec], where '[' ... ']' may contain ':' and '!'
  let k = 0;
  while (k < field.length && field[k] !== '!' && field[k] !== ':') {
    if (field[k] === '[') {
      while (k < field.length && field[k] !== ']') k++;
    }
    k++;
  }
  const name = field.slice(0, Math.min(k, field.length));
  let conv = '';
  let spec = '';
  if (k < field.length && field[k] === '!') {
    if (k + 1 >= field.length) raise(Exc.ValueError, 'end of string while looking for conversion specifier');
    conv = field[k + 1];
    if (k + 2 < field.length && field[k + 2] !== ':') raise(Exc.ValueError, 'expected \':\' after conversion specifier');
    k += 2;
  }
  if (k < field.length && field[k] === ':') spec = field.slice(k + 1);
  // the field's own argument is taken before any nested in its spec ('{:{}}' numbers 0 then 1)
  const obj = lookupField(name, st);
  try {
    if (spec.includes('{')) spec = vformat(spec, st, depth - 1);
    let target: PyObject = obj;
    let converted: PyStr | null = null;
    if (conv !== '') {
      converted = convertField(obj, conv);
      target = converted;
    }
    try {
      const r = formatObject(target, spec);
      const s = r.value;
      decref(r);
      return s;
    } finally {
      if (converted) decref(converted);
    }
  } finally {
    decref(obj);
  }
}

/** get_field_object: the argument named by `name` (new reference), following .attr and [key]. */
function lookupField(name: string, st: FormatState): PyObject {
  const m = /^[^.[]*/.exec(name)!;
  const first = m[0];
  let rest = name.slice(first.length);
  let obj: PyObject;
  if (first === '') {
    if (st.mapping !== null) raise(Exc.ValueError, 'Format string contains positional fields');
    if (st.auto === 0) raise(Exc.ValueError, 'cannot switch from manual field specification to automatic field numbering');
    st.auto = 1;
    const idx = st.autoIndex++;
    if (idx >= st.args.length) raise(Exc.IndexError, `Replacement index ${idx} out of range for positional args tuple`);
    obj = st.args[idx];
    incref(obj);
  } else if (/^\d+$/.test(first)) {
    if (st.mapping !== null) raise(Exc.ValueError, 'Format string contains positional fields');
    if (st.auto === 1) raise(Exc.ValueError, 'cannot switch from automatic field numbering to manual field specification');
    st.auto = 0;
    const idx = parseInt(first, 10);
    if (idx >= st.args.length) raise(Exc.IndexError, `Replacement index ${idx} out of range for positional args tuple`);
    obj = st.args[idx];
    incref(obj);
  } else if (st.mapping !== null) {
    const key = newStr(first);
    try {
      obj = getItem(st.mapping, key);
    } finally {
      decref(key);
    }
  } else {
    const v = st.kw?.get(first);
    if (v === undefined) raise(Exc.KeyError, first);
    obj = v;
    incref(obj);
  }
  while (rest.length > 0) {
    let next: PyObject;
    if (rest[0] === '.') {
      const am = /^\.([^.[]*)/.exec(rest)!;
      if (am[1] === '') raise(Exc.ValueError, 'Empty attribute in format string');
      rest = rest.slice(am[0].length);
      try {
        next = getAttr(obj, am[1]);
      } finally {
        decref(obj);
      }
    } else {
      const close = rest.indexOf(']');
      if (close < 0) raise(Exc.ValueError, "Missing ']' in format string");
      const keyText = rest.slice(1, close);
      if (keyText === '') raise(Exc.ValueError, 'Empty attribute in format string');
      rest = rest.slice(close + 1);
      if (rest.length > 0 && rest[0] !== '.' && rest[0] !== '[') {
        decref(obj);
        raise(Exc.ValueError, 'Only \'.\' or \'[\' may follow \']\' in format field specifier');
      }
      const key = /^\d+$/.test(keyText) ? newInt(parseInt(keyText, 10)) : newStr(keyText);
      try {
        next = getItem(obj, key);
      } finally {
        decref(key);
        decref(obj);
      }
    }
    obj = next;
  }
  return obj;
}

function formatMethod(self: PyObject, args: PyObject[], kwnames: string[] | null): PyObject {
  const nkw = kwnames ? kwnames.length : 0;
  const pos = args.slice(0, args.length - nkw);
  let kw: Map<string, PyObject> | null = null;
  if (nkw > 0) {
    kw = new Map();
    for (let i = 0; i < nkw; i++) kw.set(kwnames![i], args[pos.length + i]);
  }
  return newStr(vformat(self_(self).value, { args: pos, kw, mapping: null, autoIndex: 0, auto: -1 }, 2));
}

function formatMap(self: PyObject, args: PyObject[], kwnames: string[] | null): PyObject {
  noKeywords('format_map', kwnames);
  checkArity('format_map', args, 1, 1);
  return newStr(vformat(self_(self).value, { args: [], kw: null, mapping: args[0], autoIndex: 0, auto: -1 }, 2));
}

/** str.format for callers holding JS values (the builtins module, f-string helpers). */
export function strFormat(fmt: string, args: PyObject[], kw: Map<string, PyObject> | null = null): string {
  return vformat(fmt, { args, kw, mapping: null, autoIndex: 0, auto: -1 }, 2);
}


/** Operations that return the string itself when they change nothing (unicode_result_unchanged). */
function mapStrKeep(o: PyObject, f: (s: string) => string): PyObject {
  const s = self_(o);
  const r = f(s.value);
  if (r === s.value) return unchanged(s);
  return newStr(r);
}

function predicate(name: string, test: (s: string) => boolean): (self: PyObject, args: PyObject[], kw: string[] | null) => PyObject {
  return (self, args, kw) => {
    noArgs(name, args, kw);
    return newBool(test(self_(self).value));
  };
}


/** The implementations of unicodeobject.ts's stubs (src/engine/ondemand.ts checks they match). */
export const strMethods: Record<string, BuiltinMethod> = {
  splitlines,
  partition: (self, args, kw) => partitionImpl(self, args, kw, false),
  rpartition: (self, args, kw) => partitionImpl(self, args, kw, true),
  title: (self, args, kw) => (noArgs('title', args, kw), mapStr(self, title)),
  capitalize: (self, args, kw) => (noArgs('capitalize', args, kw), mapStr(self, capitalize)),
  swapcase: (self, args, kw) => (noArgs('swapcase', args, kw), mapStr(self, swapcase)),
  casefold: (self, args, kw) => (noArgs('casefold', args, kw), mapStr(self, casefold)),
  isdigit: predicate('isdigit', (s) => allChars(s, DIGIT)),
  isdecimal: predicate('isdecimal', (s) => allChars(s, DECIMAL)),
  isnumeric: predicate('isnumeric', (s) => allChars(s, NUMERIC)),
  isalpha: predicate('isalpha', (s) => allChars(s, ALPHA)),
  isalnum: predicate('isalnum', (s) => allChars(s, ALNUM)),
  isspace: predicate('isspace', (s) => allChars(s, WS_RE)),
  isupper: predicate('isupper', isUpperStr),
  islower: predicate('islower', isLowerStr),
  istitle: predicate('istitle', isTitleStr),
  isidentifier: predicate('isidentifier', (s) => IDENT.test(s)),
  isprintable: predicate('isprintable', (s) => {
    for (const ch of s) if (!isPrintableChar(ch)) return false;
    return true;
  }),
  isascii: predicate('isascii', (s) => !NON_ASCII.test(s)),
  center: (self, args, kw) => {
    const [o, width, fill] = padArgs(self, args, kw, 'center');
    if (width <= o.length) return unchanged(o);
    const marg = width - o.length;
    const left = Math.floor(marg / 2) + (marg & width & 1);
    return pad(o, left, marg - left, fill);
  },
  ljust: (self, args, kw) => {
    const [o, width, fill] = padArgs(self, args, kw, 'ljust');
    return width <= o.length ? unchanged(o) : pad(o, 0, width - o.length, fill);
  },
  rjust: (self, args, kw) => {
    const [o, width, fill] = padArgs(self, args, kw, 'rjust');
    return width <= o.length ? unchanged(o) : pad(o, width - o.length, 0, fill);
  },
  zfill: (self, args, kw) => {
    noKeywords('zfill', kw);
    checkArity('zfill', args, 1, 1);
    const o = self_(self);
    const width = asIndex(args[0]);
    if (width <= o.length) return unchanged(o);
    const s = o.value;
    const fill = '0'.repeat(width - o.length);
    if (s[0] === '+' || s[0] === '-') return newStr(s[0] + fill + s.slice(1));
    return newStr(fill + s);
  },
  expandtabs: (self, args, kw) => {
    const [ts] = parseArgs('expandtabs', args, kw, ['tabsize'], 0);
    return mapStrKeep(self, (s) => expandtabs(s, ts === undefined ? 8 : asIndex(ts)));
  },
  format: formatMethod,
  format_map: formatMap,
  removeprefix: (self, args, kw) => {
    noKeywords('removeprefix', kw);
    checkArity('removeprefix', args, 1, 1);
    const p = argStr(args[0], 'removeprefix', 1);
    return mapStrKeep(self, (s) => (p.length > 0 && s.startsWith(p) ? s.slice(p.length) : s));
  },
  removesuffix: (self, args, kw) => {
    noKeywords('removesuffix', kw);
    checkArity('removesuffix', args, 1, 1);
    const p = argStr(args[0], 'removesuffix', 1);
    return mapStrKeep(self, (s) => (p.length > 0 && s.endsWith(p) ? s.slice(0, -p.length) : s));
  },
  translate,
  maketrans,
};
