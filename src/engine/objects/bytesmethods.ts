/**
 * The bytes methods other than the dunders, loaded on demand: bytesobject.ts
 * puts a stub for each in bytes' dict (see src/engine/ondemand.ts).
 * CPython counterpart: Objects/bytesobject.c and Objects/bytes_methods.c.
 */

import { PyObject, decref } from './object.js';
import type { BuiltinMethod } from './typeobject.js';
import { raise, unsupported } from '../eval/errors.js';
import { Exc } from './exceptions.js';
import { PyNone } from './singletons.js';
import { newInt, newBool, asIndex } from './longobject.js';
import { newStr } from './unicodeobject.js';
import { PyTuple } from './tupleobject.js';
import { newList } from './listobject.js';
import { clampedIndex } from './sliceobject.js';
import { parseArgs, checkArity, noKeywords } from './args.js';
import { iterableToArray } from './abstract.js';
import {
  PyBytes, BytesType, newBytes, decodeBytes, strArg, indexOf, lastIndexOf, bytesArg,
} from './bytesobject.js';

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

/** The implementations of bytesobject.ts's stubs (src/engine/ondemand.ts checks they match). */
export const bytesMethods: Record<string, BuiltinMethod> = {
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
