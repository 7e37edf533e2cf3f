/**
 * Shared by the int/float/str/bytes/format tests: decodes the cases recorded
 * from CPython 3.12 by record-objects.py, evaluates each through the engine's
 * object functions, and encodes the result the same way for comparison.
 */

import { PyComplex, complexReprString } from '../../src/engine/objects/complexobject.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { PyObject, decref } from '../../src/engine/objects/object.js';
import type { PyTypeObject } from '../../src/engine/objects/typeobject.js';
import {
  NB_ADD, NB_SUBTRACT, NB_MULTIPLY, NB_FLOOR_DIVIDE, NB_REMAINDER, NB_POWER, NB_TRUE_DIVIDE, NB_LSHIFT, NB_RSHIFT,
  NB_AND, NB_OR, NB_XOR, NB_DIVMOD, Py_LT, Py_LE, Py_EQ, Py_NE, Py_GT, Py_GE,
} from '../../src/engine/objects/typeobject.js';
import {
  binaryOp, richCompare, negative, positive, invert, absolute, reprString, hash,
} from '../../src/engine/objects/abstract.js';
import { isPyRaise, Unsupported } from '../../src/engine/eval/errors.js';
import { readyType, genericGetAttr } from '../../src/engine/objects/typeready.js';
import { builtinExceptionTypes } from '../../src/engine/objects/exceptions.js';
import { excArgs } from '../../src/engine/objects/exceptions.js';
import { PyNone } from '../../src/engine/objects/singletons.js';
import {
  PyLong, LongType, newInt, intFromString, intToDecimal, roundInt, norm,
} from '../../src/engine/objects/longobject.js';
import { BoolType, newBool } from '../../src/engine/objects/boolobject.js';
import { PyFloat, FloatType, newFloat, roundFloat } from '../../src/engine/objects/floatobject.js';
import { PyStr, StrType, newStr, strReprString } from '../../src/engine/objects/unicodeobject.js';
import { asciiOf } from '../../src/engine/objects/ascii.js';
import { PyBytes, BytesType, newBytes } from '../../src/engine/objects/bytesobject.js';
import { PyTuple, newTuple } from '../../src/engine/objects/tupleobject.js';
import { PyList, newList } from '../../src/engine/objects/listobject.js';
import { newDict, dictSetItem } from '../../src/engine/objects/dictobject.js';
import { newSlice } from '../../src/engine/objects/sliceobject.js';

export type Enc = Record<string, unknown>;
export interface Case {
  kind: string;
  args: unknown[];
  ok?: Enc;
  err?: [string, string];
  repr?: string;
}

// What the interpreter's start-up does for these types: mro, type dicts, generic getattr.
for (const t of [...builtinExceptionTypes]) readyType(t);
for (const t of [LongType, BoolType, FloatType, StrType, BytesType]) {
  readyType(t);
  if (t.tp_getattro === null) t.tp_getattro = genericGetAttr;
}

const here = dirname(fileURLToPath(import.meta.url));
export const recorded: { python: string; cases: Case[] } = JSON.parse(
  readFileSync(join(here, 'objects-recorded.json'), 'utf8'),
);

function parseHexInt(h: string): number | bigint {
  const neg = h.startsWith('-');
  const v = BigInt(neg ? h.slice(1) : h);
  return norm(neg ? -v : v);
}

function hexInt(v: number | bigint): string {
  const neg = v < 0;
  const a = typeof v === 'number' ? Math.abs(v) : v < 0n ? -v : v;
  return (neg ? '-' : '') + '0x' + a.toString(16);
}

const dv = new DataView(new ArrayBuffer(8));
export function floatFromBits(hex: string): number {
  if (hex === 'nan') return NaN;
  for (let i = 0; i < 8; i++) dv.setUint8(i, parseInt(hex.slice(2 * i, 2 * i + 2), 16));
  return dv.getFloat64(0);
}
function bitsOf(x: number): string {
  // NaN's sign bit is not observable from Python (repr is 'nan'); JS canonicalizes it anyway
  if (Number.isNaN(x)) return 'nan';
  dv.setFloat64(0, x);
  let s = '';
  for (let i = 0; i < 8; i++) s += dv.getUint8(i).toString(16).padStart(2, '0');
  return s;
}

/** Builds the PyObject an encoded value stands for (a new reference). */
export function decode(e: unknown): PyObject {
  const o = e as Enc;
  if ('bool' in o) return newBool(o.bool as boolean);
  if ('i' in o) return newInt(parseHexInt(o.i as string));
  if ('f' in o) return newFloat(floatFromBits(o.f as string));
  if ('s' in o) return newStr(o.s as string);
  if ('b' in o) return newBytes(Uint8Array.from(o.b as number[]));
  if ('t' in o) return newTuple((o.t as unknown[]).map(decode));
  if ('l' in o) return newList((o.l as unknown[]).map(decode));
  if ('n' in o) {
    PyNone.refcnt++;
    return PyNone;
  }
  if ('slice' in o) {
    const [a, b, c] = (o.slice as unknown[]).map(decode);
    return newSlice(a, b, c);
  }
  if ('d' in o) {
    const d = newDict();
    for (const [k, v] of o.d as unknown[][]) {
      const kk = decode(k), vv = decode(v);
      dictSetItem(d, kk, vv);
      decref(kk);
      decref(vv);
    }
    return d;
  }
  throw new Error(`cannot decode ${JSON.stringify(e)}`);
}

/** Encodes a result the way record-objects.py does. */
export function encode(o: PyObject): Enc {
  if (o.type === BoolType) return { bool: (o as PyLong).value === 1 };
  if (o instanceof PyLong) return { i: hexInt(o.value) };
  if (o instanceof PyFloat) return { f: bitsOf(o.value) };
  if (o instanceof PyStr) return { s: o.value };
  if (o instanceof PyBytes) return { b: Array.from(o.value) };
  if (o instanceof PyTuple) return { t: o.items.map(encode) };
  if (o instanceof PyList) return { l: o.items.map(encode) };
  if (o === PyNone) return { n: 1 };
  if (o instanceof PyComplex) return { complex: complexReprString(o.real, o.imag) } as unknown as Enc;
  throw new Error(`cannot encode a ${o.type.name}`);
}

const NB: Record<string, number> = {
  '+': NB_ADD, '-': NB_SUBTRACT, '*': NB_MULTIPLY, '//': NB_FLOOR_DIVIDE, '%': NB_REMAINDER, '**': NB_POWER,
  '/': NB_TRUE_DIVIDE, '<<': NB_LSHIFT, '>>': NB_RSHIFT, '&': NB_AND, '|': NB_OR, '^': NB_XOR,
};
const CMP: Record<string, number> = { '<': Py_LT, '<=': Py_LE, '==': Py_EQ, '!=': Py_NE, '>': Py_GT, '>=': Py_GE };
const TYPES: Record<string, PyTypeObject> = {
  int: LongType, float: FloatType, str: StrType, bytes: BytesType, bool: BoolType,
};

/** The builtin method `name` of o's type or its bases. */
function method(o: PyObject, name: string) {
  for (let t: PyTypeObject | null = o.type; t !== null; t = t.base) {
    const m = t.methods[name];
    if (m) return m;
  }
  throw new Error(`no method ${o.type.name}.${name}`);
}

function intResult(v: number | bigint): PyObject {
  return newInt(v);
}

/** Evaluates one recorded case with the engine; returns the new-reference result. */
function evaluate(c: Case): PyObject {
  const a = c.args;
  const dec = (i: number) => decode(a[i]);
  switch (c.kind) {
    case 'binop': return withArgs([dec(0), dec(2)], ([x, y]) => binaryOp(x, y, NB[a[1] as string]));
    case 'cmp': return withArgs([dec(0), dec(2)], ([x, y]) => richCompare(x, y, CMP[a[1] as string]));
    case 'unary': {
      const f = { '-': negative, '+': positive, '~': invert, abs: absolute }[a[0] as string]!;
      return withArgs([dec(1)], ([x]) => f(x));
    }
    case 'pow3': return withArgs([dec(0), dec(1), dec(2)], ([x, y, m]) => x.type.nb_power3!(x, y, m));
    case 'repr': return withArgs([dec(0)], ([x]) => newStr(reprString(x)));
    case 'hash': return withArgs([dec(0)], ([x]) => intResult(hash(x)));
    case 'sizeof': return withArgs([dec(0)], ([x]) => newInt(x.type.tp_sizeof!(x)));
    case 'len': return withArgs([dec(0)], ([x]) => newInt(x.type.mp_length!(x)));
    case 'ascii': return withArgs([dec(0)], ([x]) => asciiOf(x));
    case 'repr_len': return withArgs([dec(0)], ([x]) => newInt(intToDecimal((x as PyLong).value).length));
    case 'method': {
      const margs = (a[2] as Enc).l as unknown[];
      return withArgs([dec(0), ...margs.map(decode)], ([self, ...rest]) => method(self, a[1] as string)(self, rest, null));
    }
    case 'classmethod': {
      const t = TYPES[a[0] as string];
      const margs = (a[2] as Enc).l as unknown[];
      return withArgs(margs.map(decode), (rest) => t.classMethods[a[1] as string](t, rest, null));
    }
    case 'to_bytes':
      return withArgs([dec(0), dec(1), dec(2), dec(3)], ([v, n, order, signed]) =>
        method(v, 'to_bytes')(v, [n, order, signed], ['signed']));
    case 'from_bytes':
      return withArgs([dec(0), dec(1), dec(2)], ([b, order, signed]) =>
        LongType.classMethods.from_bytes(LongType, [b, order, signed], ['signed']));
    case 'int_str': return intFromString((a[0] as Enc).s as string, Number(parseHexInt((a[1] as Enc).i as string)));
    case 'call': {
      const t = TYPES[a[0] as string];
      const margs = (a[1] as Enc).l as unknown[];
      return withArgs(margs.map(decode), (rest) => t.tp_new!(t, rest, null));
    }
    case 'round_int':
      return withArgs([dec(0), dec(1)], ([x, n]) => roundInt(x, n === PyNone ? null : n));
    case 'round':
      return withArgs([dec(0), dec(1)], ([x, n]) =>
        roundFloat((x as PyFloat).value, n === PyNone ? undefined : Number((n as PyLong).value)));
    case 'divmod':
      return withArgs([dec(0), dec(1)], ([x, y]) =>
        (x instanceof PyFloat || y instanceof PyFloat ? FloatType : LongType).nb[NB_DIVMOD]!(x, y));
    case 'format':
      return withArgs([dec(0), dec(1)], ([v, spec]) => method(v, '__format__')(v, [spec], null));
    case 'mod': return withArgs([dec(0), dec(1)], ([x, y]) => binaryOp(x, y, NB_REMAINDER));
    case 'subscript': return withArgs([dec(0), dec(1)], ([x, k]) => x.type.mp_subscript!(x, k));
    case 'contains':
      return withArgs([dec(0), dec(1)], ([item, cont]) => newBool(cont.type.sq_contains!(cont, item)));
    case 'iter':
      return withArgs([dec(0)], ([x]) => {
        const it = x.type.tp_iter!(x);
        const out: PyObject[] = [];
        for (let v = it.type.tp_iternext!(it); v !== null; v = it.type.tp_iternext!(it)) out.push(v);
        decref(it);
        return newList(out);
      });
  }
  throw new Error(`unknown case kind ${c.kind}`);
}

function withArgs(objs: PyObject[], f: (o: PyObject[]) => PyObject): PyObject {
  try {
    return f(objs);
  } finally {
    for (const o of objs) decref(o);
  }
}

/** The message CPython's str(exc) shows. */
function excMessage(e: PyObject, typeName: string): string {
  const items = excArgs(e as never);
  if (items.length === 0) return '';
  if (items.length === 1) {
    const x = items[0];
    if (x instanceof PyStr) return typeName === 'KeyError' ? strReprString(x.value) : x.value;
    return reprString(x);
  }
  return reprString((e as unknown as { args: PyObject }).args);
}

export interface Outcome {
  ok?: Enc;
  err?: [string, string];
  repr?: string;
  unsupported?: string;
}

/** Runs a case, returning what the engine produced in the recording's format. */
export function run(c: Case): Outcome {
  try {
    const r = evaluate(c);
    const out: Outcome = { ok: encode(r) };
    if (r instanceof PyFloat) out.repr = reprString(r);
    decref(r);
    return out;
  } catch (e) {
    if (e instanceof Unsupported) return { unsupported: e.feature };
    if (isPyRaise(e)) {
      const tn = e.exc.type.name;
      const msg = excMessage(e.exc, tn);
      decref(e.exc);
      return { err: [tn, msg] };
    }
    throw e;
  }
}

export function expected(c: Case): Outcome {
  const out: Outcome = {};
  if (c.ok) out.ok = c.ok;
  if (c.err) out.err = c.err;
  if (c.repr) out.repr = c.repr;
  return out;
}

/** The type of a case's first value operand, for splitting the recording between test files. */
export function subjectType(c: Case): string {
  const a = c.args;
  const pick = (x: unknown): string => {
    const o = x as Enc;
    if (o && typeof o === 'object') {
      if ('f' in o) return 'float';
      if ('i' in o || 'bool' in o) return 'int';
      if ('s' in o) return 'str';
      if ('b' in o) return 'bytes';
    }
    return 'other';
  };
  switch (c.kind) {
    case 'binop': case 'cmp': {
      const l = pick(a[0]), r = pick(a[2]);
      if (l === 'float' || r === 'float') return 'float';
      if (l === 'str' || r === 'str') return l === 'bytes' || r === 'bytes' ? 'bytes' : 'str';
      if (l === 'bytes' || r === 'bytes') return 'bytes';
      return l;
    }
    case 'unary': return pick(a[1]);
    case 'call': case 'classmethod': return a[0] === 'bool' ? 'int' : (a[0] as string);
    case 'int_str': case 'to_bytes': case 'from_bytes': case 'repr_len': case 'round_int': case 'pow3': return 'int';
    case 'round': return 'float';
    case 'mod': return 'str';
    case 'contains': return pick(a[1]);
    case 'divmod': return pick(a[0]) === 'float' || pick(a[1]) === 'float' ? 'float' : 'int';
    default: return pick(a[0]);
  }
}

/** A short label for a failing case. */
export function label(c: Case): string {
  return `${c.kind} ${JSON.stringify(c.args)}`.slice(0, 200);
}
