/**
 * ascii(): an object's repr with every non-ASCII character escaped. Its users
 * (the ascii builtin, `%a`, `{!a}`) are all in on-demand parts, so it lives
 * apart from unicodeobject.ts, which is in the worker core.
 * CPython counterpart: Objects/object.c (PyObject_ASCII).
 */
import { type PyObject, decref } from './object.js';
import { type PyStr, newStr } from './unicodeobject.js';
import { repr as objRepr } from './abstract.js';

/** ascii(): repr with every non-ASCII character escaped. */
export function asciiOf(o: PyObject): PyStr {
  const r = objRepr(o);
  if (r.isAscii) return r;
  const out = asciiEscape(r.value);
  decref(r);
  return newStr(out);
}

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');

function asciiEscape(s: string): string {
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out += ch;
    else out += cp < 0x100 ? '\\x' + hex(cp, 2) : cp < 0x10000 ? '\\u' + hex(cp, 4) : '\\U' + hex(cp, 8);
  }
  return out;
}
