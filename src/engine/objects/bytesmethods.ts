/**
 * The bytes methods other than the dunders, loaded on demand: bytesobject.ts
 * puts a stub for each in bytes' dict (see src/engine/ondemand.ts).
 * CPython counterpart: Objects/bytesobject.c and Objects/bytes_methods.c.
 */

import { PyObject, decref, incref } from './object.js';
import {
  type BuiltinMethod, type PyTypeObject, TPFLAGS_HEAPTYPE, NB_ADD, Py_LT, Py_LE, Py_EQ, Py_NE, Py_GT,
} from './typeobject.js';
import type { Hash } from './hash.js';
import { raise, unsupported } from '../eval/errors.js';
import { Exc } from './exceptions.js';
import { PyNone, NotImplemented } from './singletons.js';
import { PyLong, LongType, newInt, newBool, asIndex } from './longobject.js';
import { PyStr, newStr, strReprString, self_, argStr, siphash13 } from './unicodeobject.js';
import { PyTuple } from './tupleobject.js';
import { PyList, newList } from './listobject.js';
import { clampedIndex, PySlice, sliceIndices } from './sliceobject.js';
import { parseArgs, checkArity, noKeywords } from './args.js';
import { iterableToArray, call, isTrue } from './abstract.js';
import {
  PyBytes, BytesType, newBytes, newBytesOfType, strArg, bytesArg, PyBytesIter,
} from './bytesobject.js';

// ---------------------------------------------------------------- the type's slots (moved from bytesobject.ts)

function bytesHash(o: PyObject): Hash {
  const b = o as PyBytes;
  if (b.hashCache === null) b.hashCache = siphash13(b.value);
  return b.hashCache;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  return a.length - b.length;
}

function bytesRichCompare(a: PyObject, b: PyObject, op: number): PyObject {
  if (!(b instanceof PyBytes)) return NotImplemented;
  const c = compareBytes((a as PyBytes).value, b.value);
  switch (op) {
    case Py_LT: return newBool(c < 0);
    case Py_LE: return newBool(c <= 0);
    case Py_EQ: return newBool(c === 0);
    case Py_NE: return newBool(c !== 0);
    case Py_GT: return newBool(c > 0);
    default: return newBool(c >= 0);
  }
}

function bytesSubscript(o: PyObject, key: PyObject): PyObject {
  const u = (o as PyBytes).value;
  if (key instanceof PySlice) {
    const [start, stop, step, n] = sliceIndices(key, u.length);
    if (n <= 0) return newBytes(new Uint8Array(0));
    if (step === 1) {
      if (start === 0 && stop === u.length && o.type === BytesType) {
        incref(o);
        return o;
      }
      return newBytes(u.slice(start, stop));
    }
    const out = new Uint8Array(n);
    for (let i = 0, j = start; i < n; i++, j += step) out[i] = u[j];
    return newBytes(out);
  }
  if (key.type.nb_index !== null) {
    let i = asIndex(key, Exc.IndexError);
    if (i < 0) i += u.length;
    if (i < 0 || i >= u.length) raise(Exc.IndexError, 'index out of range');
    return newInt(u[i]);
  }
  raise(Exc.TypeError, `byte indices must be integers or slices, not ${key.type.name}`);
}

function indexOf(hay: Uint8Array, needle: Uint8Array, from: number, to: number): number {
  outer: for (let i = from; i + needle.length <= to; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function lastIndexOf(hay: Uint8Array, needle: Uint8Array, from: number, to: number): number {
  outer: for (let i = to - needle.length; i >= from; i--) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function bytesContains(o: PyObject, item: PyObject): boolean {
  const u = (o as PyBytes).value;
  if (item instanceof PyBytes) return indexOf(u, item.value, 0, u.length) >= 0;
  if (item.type.nb_index !== null) {
    const v = asIndex(item);
    if (v < 0 || v > 255) raise(Exc.ValueError, 'byte must be in range(0, 256)');
    return u.includes(v);
  }
  raise(Exc.TypeError, `a bytes-like object is required, not '${item.type.name}'`);
}

function bytesConcat(a: PyObject, b: PyObject): PyObject {
  if (!(a instanceof PyBytes)) return NotImplemented;
  if (!(b instanceof PyBytes)) {
    // let the right operand's __radd__ try first; CPython's sq_concat raises afterwards
    if (b.type.hasFlag(TPFLAGS_HEAPTYPE) && b.type.nb[NB_ADD] !== null) return NotImplemented;
    raise(Exc.TypeError, `can't concat ${b.type.name} to ${a.type.name}`);
  }
  const out = new Uint8Array(a.value.length + b.value.length);
  out.set(a.value);
  out.set(b.value, a.value.length);
  return newBytes(out);
}

function bytesRepeat(a: PyObject, b: PyObject): PyObject {
  let s: PyBytes, count: PyObject;
  if (a instanceof PyBytes && b.type.nb_index !== null) {
    s = a;
    count = b;
  } else if (b instanceof PyBytes && a.type.nb_index !== null) {
    s = b;
    count = a;
  } else return NotImplemented;
  const n = asIndex(count);
  if (n <= 0 || s.value.length === 0) return newBytes(new Uint8Array(0));
  if (n === 1 && s.type === BytesType) {
    incref(s);
    return s;
  }
  if (s.value.length * n > 2 ** 28) unsupported('bytes longer than 2**28');
  const out = new Uint8Array(s.value.length * n);
  for (let i = 0; i < n; i++) out.set(s.value, i * s.value.length);
  return newBytes(out);
}

function bytesIterNext(o: PyObject): PyObject | null {
  const it = o as PyBytesIter;
  const s = it.seq;
  if (s === null) return null;
  if (it.index < s.value.length) return newInt(s.value[it.index++]);
  it.seq = null;
  decref(s);
  return null;
}

// ---------------------------------------------------------------- methods

function selfBytes(o: PyObject): Uint8Array {
  return (o as PyBytes).value;
}

function optIndex(o: PyObject | undefined, dflt: number): number {
  if (o === undefined || o === PyNone) return dflt;
  return clampedIndex(o);
}

function findArgs(self: PyObject, args: PyObject[], kw: string[] | null, fname: string): [Uint8Array, Uint8Array, number, number] {
  noKeywords(fname, kw);
  checkArity(fname, args, 1, 3);
  const u = selfBytes(self);
  let sub: Uint8Array;
  const a = args[0];
  if (a instanceof PyBytes) sub = a.value;
  else if (a.type.nb_index !== null) {
    const v = asIndex(a);
    if (v < 0 || v > 255) raise(Exc.ValueError, 'byte must be in range(0, 256)');
    sub = Uint8Array.of(v);
  } else raise(Exc.TypeError, `argument should be integer or bytes-like object, not '${a.type.name}'`);
  let start = optIndex(args[1], 0), end = optIndex(args[2], u.length);
  if (end > u.length) end = u.length;
  else if (end < 0) end = Math.max(0, end + u.length);
  if (start < 0) start = Math.max(0, start + u.length);
  return [u, sub, start, end];
}

const DECODE_ARGS = ['encoding', 'errors'] as const;

function isAsciiSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

// ---------------------------------------------------------------- codecs

function decodeError(enc: string, u: Uint8Array, start: number, end: number, reason: string): never {
  const what = end - start === 1
    ? `byte 0x${u[start].toString(16).padStart(2, '0')} in position ${start}`
    : `bytes in position ${start}-${end - 1}`;
  raise(Exc.UnicodeDecodeError, `'${enc}' codec can't decode ${what}: ${reason}`);
}

/** The UTF-8 decoder with CPython's error positions and reasons. */
function decodeUtf8(u: Uint8Array, errors: string): string {
  let out = '';
  let i = 0;
  const n = u.length;
  const fail = (start: number, end: number, reason: string): void => {
    if (errors === 'strict') decodeError('utf-8', u, start, end, reason);
    if (errors === 'replace') out += '\ufffd';
    else if (errors !== 'ignore') unsupported(`the '${errors}' error handler`);
  };
  while (i < n) {
    const c = u[i];
    if (c < 0x80) {
      out += String.fromCharCode(c);
      i++;
      continue;
    }
    let need: number, min: number, max = 0xbf, lo = 0x80;
    if (c >= 0xc2 && c <= 0xdf) { need = 1; min = 0x80; }
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2; min = 0x800;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) max = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3; min = 0x10000;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) max = 0x8f;
    } else {
      fail(i, i + 1, 'invalid start byte');
      i++;
      continue;
    }
    let cp = c & (0x3f >> need);
    let j = 1;
    let ok = true;
    for (; j <= need; j++) {
      if (i + j >= n) {
        fail(i, n, 'unexpected end of data');
        i = n;
        ok = false;
        break;
      }
      const d = u[i + j];
      const dlo = j === 1 ? lo : 0x80, dhi = j === 1 ? max : 0xbf;
      if (d < dlo || d > dhi) {
        fail(i, i + j, 'invalid continuation byte');
        i += j;
        ok = false;
        break;
      }
      cp = (cp << 6) | (d & 0x3f);
    }
    if (!ok) continue;
    void min;
    out += String.fromCodePoint(cp);
    i += need + 1;
  }
  return out;
}

/** bytes.decode / str(b, encoding) */
function decodeBytes(u: Uint8Array, encoding: string, errors: string): string {
  const enc = normalizeEncoding(encoding);
  if (enc === null) raise(Exc.LookupError, `unknown encoding: ${encoding}`);
  if (enc === 'utf-8') return decodeUtf8(u, errors);
  let out = '';
  for (let i = 0; i < u.length; i++) {
    const c = u[i];
    if (enc === 'ascii' && c >= 128) {
      if (errors === 'strict') decodeError('ascii', u, i, i + 1, 'ordinal not in range(128)');
      if (errors === 'replace') out += '\ufffd';
      continue;
    }
    out += String.fromCharCode(c);
  }
  return out;
}

// ---------------------------------------------------------------- constructor

const BYTES_NEW_ARGS = ['source', 'encoding', 'errors'] as const;

function bytesFromObject(src: PyObject): Uint8Array {
  if (src instanceof PyBytes) return src.value.slice();
  if (src instanceof PyStr) raise(Exc.TypeError, 'string argument without an encoding');
  if (src.type.nb_index !== null) {
    const n = asIndex(src);
    if (n < 0) raise(Exc.ValueError, 'negative count');
    if (n > 2 ** 28) unsupported('bytes longer than 2**28');
    return new Uint8Array(n);
  }
  if (src.type.tp_iter === null && src.type.mp_subscript === null) {
    raise(Exc.TypeError, `cannot convert '${src.type.name}' object to bytes`);
  }
  const items = src instanceof PyList || src instanceof PyTuple ? src.items.slice() : iterableToArray(src);
  const owned = !(src instanceof PyList || src instanceof PyTuple);
  try {
    const out = new Uint8Array(items.length);
    for (let i = 0; i < items.length; i++) {
      const v = asIndex(items[i]);
      if (v < 0 || v > 255) raise(Exc.ValueError, 'bytes must be in range(0, 256)');
      out[i] = v;
    }
    return out;
  } finally {
    if (owned) for (const it of items) decref(it);
  }
}

function bytesNew(type: PyTypeObject, args: PyObject[], kwnames: string[] | null): PyObject {
  const [src, encObj, errObj] = parseArgs('bytes', args, kwnames, BYTES_NEW_ARGS, 0);
  let u8: Uint8Array;
  if (src === undefined) {
    if (encObj !== undefined || errObj !== undefined) {
      raise(Exc.TypeError, encObj !== undefined ? 'encoding without a string argument' : 'errors without a string argument');
    }
    u8 = new Uint8Array(0);
  } else if (encObj !== undefined || errObj !== undefined) {
    if (!(src instanceof PyStr)) {
      raise(Exc.TypeError, encObj !== undefined ? 'encoding without a string argument' : 'errors without a string argument');
    }
    const enc = encObj === undefined ? 'utf-8' : strArg(encObj, 'bytes', "'encoding'");
    const errors = errObj === undefined ? 'strict' : strArg(errObj, 'bytes', "'errors'");
    u8 = encodeString(src.value, enc, errors);
  } else {
    if (src.type === BytesType && type === BytesType) {
      incref(src);
      return src;
    }
    u8 = bytesFromObject(src);
  }
  return newBytesOfType(type, u8);
}

// ---------------------------------------------------------------- str.encode

/** Canonical codec name, or null when unknown (normalizes like encodings.normalize_encoding). */
function normalizeEncoding(name: string): string | null {
  const n = name.toLowerCase().replace(/[-\s]/g, '_');
  if (n === 'utf_8' || n === 'utf8' || n === 'u8' || n === 'utf') return 'utf-8';
  if (n === 'ascii' || n === 'us_ascii' || n === '646') return 'ascii';
  if (n === 'latin_1' || n === 'latin1' || n === 'iso_8859_1' || n === 'iso8859_1' || n === 'l1' || n === 'latin') {
    return 'latin-1';
  }
  return null;
}

/** str.encode: UTF-8, ASCII and latin-1 with the strict/ignore/replace handlers. */
function encodeString(s: string, encoding: string, errors: string): Uint8Array {
  const enc = normalizeEncoding(encoding);
  if (enc === null) raise(Exc.LookupError, `unknown encoding: ${encoding}`);
  const out: number[] = [];
  const cps = [...s];
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i].codePointAt(0)!;
    if (enc === 'utf-8') {
      if (cp >= 0xd800 && cp <= 0xdfff) {
        if (errors === 'ignore') continue;
        if (errors === 'replace') { out.push(63); continue; }
        if (errors === 'surrogatepass') { out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)); continue; }
        encodeError('utf-8', s, cps, i, 'surrogates not allowed');
      }
      if (cp < 0x80) out.push(cp);
      else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 0x3f));
      else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
      else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
    } else {
      const limit = enc === 'ascii' ? 128 : 256;
      if (cp < limit) out.push(cp);
      else if (errors === 'ignore') continue;
      else if (errors === 'replace') out.push(63);
      else if (errors === 'strict') encodeError(enc, s, cps, i, `ordinal not in range(${limit})`);
      else unsupported(`the '${errors}' error handler`);
    }
  }
  return Uint8Array.from(out);
}

function encodeError(enc: string, _s: string, cps: string[], i: number, reason: string): never {
  // the message names the run of unencodable characters, as CPython's does
  let j = i + 1;
  const bad = (c: string) => {
    const cp = c.codePointAt(0)!;
    return enc === 'utf-8' ? cp >= 0xd800 && cp <= 0xdfff : cp >= (enc === 'ascii' ? 128 : 256);
  };
  while (j < cps.length && bad(cps[j])) j++;
  const what = j - i === 1
    ? `character ${strReprString(cps[i], true)}`
    : `characters`;
  const where = j - i === 1 ? `position ${i}` : `position ${i}-${j - 1}`;
  raise(Exc.UnicodeEncodeError, `'${enc === 'latin-1' ? 'latin-1' : enc}' codec can't encode ${what} in ${where}: ${reason}`);
}

const ENCODE_ARGS = ['encoding', 'errors'] as const;

function encode(self: PyObject, args: PyObject[], kwnames: string[] | null): PyObject {
  const [encObj, errObj] = parseArgs('encode', args, kwnames, ENCODE_ARGS, 0);
  const enc = encObj === undefined ? 'utf-8' : argStr(encObj, 'encode', `'encoding'`);
  const errors = errObj === undefined ? 'strict' : argStr(errObj, 'encode', `'errors'`);
  return newBytes(encodeString(self_(self).value, enc, errors));
}


const methods: Record<string, BuiltinMethod> = {
  decode: (self, args, kw) => {
    const [e, er] = parseArgs('decode', args, kw, DECODE_ARGS, 0);
    const enc = e === undefined ? 'utf-8' : strArg(e, 'decode', "'encoding'");
    const errors = er === undefined ? 'strict' : strArg(er, 'decode', "'errors'");
    return newStr(decodeBytes(selfBytes(self), enc, errors));
  },
  hex: (self, args, kw) => {
    noKeywords('hex', kw);
    checkArity('hex', args, 0, 0);
    let s = '';
    for (const b of selfBytes(self)) s += b.toString(16).padStart(2, '0');
    return newStr(s);
  },
  find: (self, args, kw) => {
    const [u, sub, s, e] = findArgs(self, args, kw, 'find');
    return newInt(indexOf(u, sub, s, e));
  },
  rfind: (self, args, kw) => {
    const [u, sub, s, e] = findArgs(self, args, kw, 'rfind');
    return newInt(lastIndexOf(u, sub, s, e));
  },
  index: (self, args, kw) => {
    const [u, sub, s, e] = findArgs(self, args, kw, 'index');
    const r = indexOf(u, sub, s, e);
    if (r < 0) raise(Exc.ValueError, 'subsection not found');
    return newInt(r);
  },
  count: (self, args, kw) => {
    const [u, sub, s, e] = findArgs(self, args, kw, 'count');
    if (sub.length === 0) return newInt(Math.max(0, e - s + 1));
    let n = 0;
    for (let k = indexOf(u, sub, s, e); k >= 0; k = indexOf(u, sub, k + sub.length, e)) n++;
    return newInt(n);
  },
  startswith: (self, args, kw) => {
    noKeywords('startswith', kw);
    checkArity('startswith', args, 1, 1);
    const u = selfBytes(self);
    const test = (p: Uint8Array) => p.length <= u.length && p.every((b, i) => u[i] === b);
    if (args[0] instanceof PyTuple) return newBool(args[0].items.some((p) => test(bytesArg(p))));
    return newBool(test(bytesArg(args[0], `startswith first arg must be bytes or a tuple of bytes, not ${args[0].type.name}`)));
  },
  endswith: (self, args, kw) => {
    noKeywords('endswith', kw);
    checkArity('endswith', args, 1, 1);
    const u = selfBytes(self);
    const test = (p: Uint8Array) => p.length <= u.length && p.every((b, i) => u[u.length - p.length + i] === b);
    if (args[0] instanceof PyTuple) return newBool(args[0].items.some((p) => test(bytesArg(p))));
    return newBool(test(bytesArg(args[0], `endswith first arg must be bytes or a tuple of bytes, not ${args[0].type.name}`)));
  },
  join: (self, args, kw) => {
    noKeywords('join', kw);
    checkArity('join', args, 1, 1);
    const items = iterableToArray(args[0]);
    try {
      const sep = selfBytes(self);
      const parts = items.map((it, i) => {
        if (!(it instanceof PyBytes)) raise(Exc.TypeError, `sequence item ${i}: expected a bytes-like object, ${it.type.name} found`);
        return it.value;
      });
      const total = parts.reduce((n, p) => n + p.length, 0) + sep.length * Math.max(0, parts.length - 1);
      const out = new Uint8Array(total);
      let k = 0;
      parts.forEach((p, i) => {
        if (i > 0) { out.set(sep, k); k += sep.length; }
        out.set(p, k);
        k += p.length;
      });
      return newBytes(out);
    } finally {
      for (const it of items) decref(it);
    }
  },
  split: (self, args, kw) => {
    const [sepObj, maxObj] = parseArgs('split', args, kw, ['sep', 'maxsplit'], 0);
    const u = selfBytes(self);
    let max = maxObj === undefined ? -1 : asIndex(maxObj);
    const out: PyObject[] = [];
    if (sepObj === undefined || sepObj === PyNone) {
      let i = 0;
      while (i < u.length) {
        while (i < u.length && isAsciiSpace(u[i])) i++;
        if (i >= u.length) break;
        let j = i;
        if (max === 0) {
          // The remainder keeps its trailing whitespace (split_whitespace).
          out.push(newBytes(u.slice(i)));
          break;
        }
        while (j < u.length && !isAsciiSpace(u[j])) j++;
        out.push(newBytes(u.slice(i, j)));
        max--;
        i = j;
      }
      return newList(out);
    }
    const sep = bytesArg(sepObj);
    if (sep.length === 0) raise(Exc.ValueError, 'empty separator');
    let i = 0;
    while (max !== 0) {
      const k = indexOf(u, sep, i, u.length);
      if (k < 0) break;
      out.push(newBytes(u.slice(i, k)));
      i = k + sep.length;
      max--;
    }
    out.push(newBytes(u.slice(i)));
    return newList(out);
  },
  strip: (self, args, kw) => {
    noKeywords('strip', kw);
    checkArity('strip', args, 0, 1);
    const u = selfBytes(self);
    const chars = args.length && args[0] !== PyNone ? bytesArg(args[0]) : null;
    const strip = (c: number) => (chars ? chars.includes(c) : isAsciiSpace(c));
    let i = 0, j = u.length;
    while (i < j && strip(u[i])) i++;
    while (j > i && strip(u[j - 1])) j--;
    return newBytes(u.slice(i, j));
  },
  upper: (self) => newBytes(selfBytes(self).map((c) => (c >= 97 && c <= 122 ? c - 32 : c))),
  lower: (self) => newBytes(selfBytes(self).map((c) => (c >= 65 && c <= 90 ? c + 32 : c))),
  replace: (self, args, kw) => {
    noKeywords('replace', kw);
    checkArity('replace', args, 2, 3);
    const u = selfBytes(self), old = bytesArg(args[0]), rep = bytesArg(args[1]);
    let count = args.length > 2 ? asIndex(args[2]) : -1;
    if (old.length === 0) unsupported('bytes.replace with an empty pattern');
    const parts: number[] = [];
    let i = 0;
    while (count !== 0) {
      const k = indexOf(u, old, i, u.length);
      if (k < 0) break;
      for (let x = i; x < k; x++) parts.push(u[x]);
      for (const b of rep) parts.push(b);
      i = k + old.length;
      count--;
    }
    for (let x = i; x < u.length; x++) parts.push(u[x]);
    return newBytes(Uint8Array.from(parts));
  },
  fromhex: (type: PyObject, args: PyObject[], kw: string[] | null) => {
    noKeywords('fromhex', kw);
    checkArity('fromhex', args, 1, 1);
    const s = strArg(args[0], 'fromhex', '');
    const out: number[] = [];
    let i = 0;
    while (i < s.length) {
      if (s[i] === ' ') { i++; continue; }
      const pair = s.slice(i, i + 2);
      if (!/^[0-9a-fA-F]{2}$/.test(pair)) {
        raise(Exc.ValueError, `non-hexadecimal number found in fromhex() arg at position ${/^[0-9a-fA-F]/.test(s[i]) ? i + 1 : i}`);
      }
      out.push(parseInt(pair, 16));
      i += 2;
    }
    if (type !== BytesType) unsupported('fromhex on a bytes subclass');
    return newBytes(Uint8Array.from(out));
  },
};

// ---------------------------------------------------------------- int.to_bytes, int.from_bytes

const TO_BYTES_ARGS = ['length', 'byteorder', 'signed'] as const;
const FROM_BYTES_ARGS = ['bytes', 'byteorder', 'signed'] as const;

function byteorderArg(o: PyObject | undefined, fname: string): boolean {
  if (o === undefined) return false;
  if (!(o instanceof PyStr)) raise(Exc.TypeError, `${fname}() argument 'byteorder' must be str, not ${o.type.name}`);
  if (o.value === 'big') return false;
  if (o.value === 'little') return true;
  raise(Exc.ValueError, "byteorder must be either 'little' or 'big'");
}

/** int.to_bytes */
function intToBytes(self: PyObject, args: PyObject[], kwnames: string[] | null): PyObject {
  const nkw = kwnames ? kwnames.length : 0;
  if (args.length - nkw > 2) raise(Exc.TypeError, `to_bytes() takes at most 2 positional arguments (${args.length - nkw} given)`);
  const [lenObj, orderObj, signedObj] = parseArgs('to_bytes', args, kwnames, TO_BYTES_ARGS, 0);
  const length = lenObj === undefined ? 1 : asIndex(lenObj);
  if (length < 0) raise(Exc.ValueError, 'length argument must be non-negative');
  const little = byteorderArg(orderObj, 'to_bytes');
  const signed = signedObj !== undefined && isTrue(signedObj);
  let v = BigInt((self as PyLong).value);
  if (v < 0n) {
    if (!signed) raise(Exc.OverflowError, "can't convert negative int to unsigned");
  }
  const bits = BigInt(length * 8);
  if (signed ? v < -(1n << (bits - 1n)) || v >= 1n << (bits - 1n) || (length === 0 && v !== 0n) : v >= 1n << bits) {
    raise(Exc.OverflowError, 'int too big to convert');
  }
  if (v < 0n) v += 1n << bits;
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    out[little ? i : length - 1 - i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return newBytes(out);
}

/** int.from_bytes (a classmethod) */
function intFromBytes(type: PyObject, args: PyObject[], kwnames: string[] | null): PyObject {
  const [bytesObj, orderObj, signedObj] = parseArgs('from_bytes', args, kwnames, FROM_BYTES_ARGS, 1);
  const little = byteorderArg(orderObj, 'from_bytes');
  const signed = signedObj !== undefined && isTrue(signedObj);
  let data: number[];
  if (bytesObj! instanceof PyBytes) data = Array.from(bytesObj!.value);
  else {
    const items = iterableToArray(bytesObj!);
    try {
      data = items.map((it) => {
        const n = asIndex(it);
        if (n < 0 || n > 255) raise(Exc.ValueError, 'bytes must be in range(0, 256)');
        return n;
      });
    } finally {
      for (const it of items) decref(it);
    }
  }
  if (little) data.reverse();
  let v = 0n;
  for (const b of data) v = (v << 8n) | BigInt(b);
  if (signed && data.length > 0 && data[0] >= 128) v -= 1n << BigInt(data.length * 8);
  const r = newInt(v);
  if (type === LongType) return r;
  try {
    return call(type, [r]);
  } finally {
    decref(r);
  }
}

/** The implementations of the stubs in bytesobject.ts, unicodeobject.ts and longobject.ts (src/engine/ondemand.ts checks they match). */
export const bytesMethods: Record<string, BuiltinMethod | ((...args: never[]) => unknown)> = {
  ...methods,
  'bytes.tp_hash': bytesHash,
  'bytes.tp_richcompare': bytesRichCompare,
  'bytes.mp_subscript': bytesSubscript,
  'bytes.sq_contains': bytesContains,
  'bytes.nb_add': bytesConcat,
  'bytes.nb_multiply': bytesRepeat,
  'bytes_iterator.tp_iternext': bytesIterNext,
  encode,
  tp_new: bytesNew,
  decodeBytes,
  encodeString,
  normalizeEncoding,
  to_bytes: intToBytes,
  from_bytes: intFromBytes,
};
