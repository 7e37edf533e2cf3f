/**
 * Binary operations on two constants, folded as CPython 3.12's ast_opt.c
 * folds them, with its size limits (an on-demand part, see ondemand.ts: a
 * literal on both sides of an operator in a program's text loads it). Moved
 * here verbatim from compile/constfold.ts, which keeps the stub.
 */
import type * as A from '../parse/ast.js';
import type { ConstSpec } from '../bytecode/code.js';
import { nofold, intOf, mkInt, mkFloat } from './constfold.js';
import { libmPow } from '../ondemand.js';

// only this part's arithmetic needs these (not constfold.ts, in the worker core)
function isNum(c: ConstSpec): c is { type: 'int'; value: bigint } | { type: 'float'; value: number } | { type: 'bool'; value: boolean } | { type: 'complex'; imag: number; real?: number } {
  return c.type === 'int' || c.type === 'float' || c.type === 'bool' || c.type === 'complex';
}
function floatOf(c: ConstSpec): number {
  if (c.type === 'float') return c.value;
  const i = intOf(c);
  if (i === null) return nofold();
  const f = Number(i);
  if (!Number.isFinite(f)) nofold(); // OverflowError
  return f;
}

const MAX_INT_SIZE = 128n; // bits
const MAX_COLLECTION_SIZE = 256;
const MAX_STR_SIZE = 4096;
const MAX_TOTAL_ITEMS = 1024;

function numBits(v: bigint): bigint {
  if (v < 0n) v = -v;
  return BigInt(v.toString(2).length - (v === 0n ? 1 : 0));
}

function floorDivInt(a: bigint, b: bigint): bigint {
  if (b === 0n) nofold();
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

function modInt(a: bigint, b: bigint): bigint {
  if (b === 0n) nofold();
  const r = a % b;
  return r !== 0n && (r < 0n) !== (b < 0n) ? r + b : r;
}

function modFloat(a: number, b: number): number {
  if (b === 0) nofold();
  let m = a % b;
  if (m) {
    if ((b < 0) !== (m < 0)) m += b;
  } else {
    m = b < 0 ? -0 : 0;
  }
  return m;
}

function floorDivFloat(a: number, b: number): number {
  if (b === 0) nofold();
  const mod = a % b;
  let div = (a - mod) / b;
  if (mod && (b < 0) !== (mod < 0)) div -= 1;
  if (div) {
    let floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1;
    return floordiv;
  }
  return (a / b < 0 ? -0 : 0);
}

function seqLen(c: ConstSpec): number {
  if (c.type === 'str') return [...c.value].length;
  if (c.type === 'bytes') return c.value.length;
  if (c.type === 'tuple' || c.type === 'frozenset') return c.items.length;
  return -1;
}

function countItems(c: ConstSpec): number {
  if (c.type === 'tuple' || c.type === 'frozenset') {
    let n = c.items.length;
    for (const i of c.items) n += countItems(i) - (i.type === 'tuple' || i.type === 'frozenset' ? 0 : 0);
    return n;
  }
  return 0;
}

function repeat(seq: ConstSpec, n: bigint): ConstSpec {
  const k = n < 0n ? 0 : Number(n);
  if (seq.type === 'str') return { type: 'str', value: seq.value.repeat(k) };
  if (seq.type === 'bytes') {
    const out = new Uint8Array(seq.value.length * k);
    for (let i = 0; i < k; i++) out.set(seq.value, i * seq.value.length);
    return { type: 'bytes', value: out };
  }
  if (seq.type === 'tuple') {
    const items: ConstSpec[] = [];
    for (let i = 0; i < k; i++) items.push(...seq.items);
    return { type: 'tuple', items };
  }
  return nofold();
}

/** PyLong_Check is true for bool too: the size guards treat True/False as 1/0. */
function asIntSpec(c: ConstSpec): ConstSpec {
  return c.type === 'bool' ? { type: 'int', value: c.value ? 1n : 0n } : c;
}

function safeMultiply(v: ConstSpec, w: ConstSpec): ConstSpec {
  const vn = asIntSpec(v), wn = asIntSpec(w);
  const vi = intOf(v);
  const wi = intOf(w);
  if (vn.type === 'int' && wn.type === 'int' && vn.value !== 0n && wn.value !== 0n) {
    if (numBits(vn.value) + numBits(wn.value) > MAX_INT_SIZE) nofold();
  } else if (vi !== null && (w.type === 'tuple' || w.type === 'frozenset')) {
    if (w.type === 'frozenset') nofold(); // frozenset * int is a TypeError
    const size = w.items.length;
    if (size) {
      if (vi < 0n || vi > BigInt(Math.floor(MAX_COLLECTION_SIZE / size))) nofold();
      if (vi && countItems(w) > MAX_TOTAL_ITEMS / Number(vi)) nofold();
    }
    return repeat(w, vi);
  } else if (vi !== null && (w.type === 'str' || w.type === 'bytes')) {
    const size = seqLen(w);
    if (size) {
      if (vi < 0n || vi > BigInt(Math.floor(MAX_STR_SIZE / size))) nofold();
    }
    return repeat(w, vi);
  } else if (wi !== null && (v.type === 'tuple' || v.type === 'frozenset' || v.type === 'str' || v.type === 'bytes')) {
    return safeMultiply(w, v);
  }
  return arith('Mult', v, w);
}

function safePower(v: ConstSpec, w: ConstSpec): ConstSpec {
  const vn = asIntSpec(v), wn = asIntSpec(w);
  if (vn.type === 'int' && wn.type === 'int' && vn.value !== 0n && wn.value > 0n) {
    const vbits = numBits(vn.value);
    if (vbits > MAX_INT_SIZE / wn.value) nofold();
  }
  return arith('Pow', v, w);
}

function safeLshift(v: ConstSpec, w: ConstSpec): ConstSpec {
  const vn = asIntSpec(v), wn = asIntSpec(w);
  if (vn.type === 'int' && wn.type === 'int' && vn.value !== 0n && wn.value !== 0n) {
    if (wn.value < 0n) nofold();
    const vbits = numBits(vn.value);
    if (wn.value > MAX_INT_SIZE || vbits > MAX_INT_SIZE - wn.value) nofold();
  }
  return arith('LShift', v, w);
}

/** Python number semantics for int/bool/float operands (complex is left unfolded). */
function arith(op: A.OperatorKind, v: ConstSpec, w: ConstSpec): ConstSpec {
  if (op === 'Add') {
    if (v.type === 'str' && w.type === 'str') return { type: 'str', value: v.value + w.value };
    if (v.type === 'bytes' && w.type === 'bytes') {
      const out = new Uint8Array(v.value.length + w.value.length);
      out.set(v.value);
      out.set(w.value, v.value.length);
      return { type: 'bytes', value: out };
    }
    if (v.type === 'tuple' && w.type === 'tuple') return { type: 'tuple', items: [...v.items, ...w.items] };
  }
  if (!isNum(v) || !isNum(w) || v.type === 'complex' || w.type === 'complex') return nofold();
  const a = intOf(v);
  const b = intOf(w);
  if (a !== null && b !== null) {
    switch (op) {
      case 'Add': return mkInt(a + b);
      case 'Sub': return mkInt(a - b);
      case 'Mult': return mkInt(a * b);
      case 'FloorDiv': return mkInt(floorDivInt(a, b));
      case 'Mod': return mkInt(modInt(a, b));
      case 'Div': {
        if (b === 0n) nofold();
        const r = Number(a) / Number(b);
        if (!Number.isFinite(r) || Math.abs(Number(a)) > 2 ** 53 || Math.abs(Number(b)) > 2 ** 53) nofold();
        return mkFloat(r);
      }
      case 'Pow':
        if (b < 0n) {
          if (a === 0n) nofold();
          return mkFloat(libmPow(Number(a), Number(b)));
        }
        return mkInt(a ** b);
      case 'LShift':
        if (b < 0n) nofold();
        return mkInt(a << b);
      case 'RShift':
        if (b < 0n) nofold();
        return mkInt(a >> b);
      case 'BitOr':
        return v.type === 'bool' && w.type === 'bool' ? { type: 'bool', value: v.value || w.value } : mkInt(a | b);
      case 'BitAnd':
        return v.type === 'bool' && w.type === 'bool' ? { type: 'bool', value: v.value && w.value } : mkInt(a & b);
      case 'BitXor':
        return v.type === 'bool' && w.type === 'bool' ? { type: 'bool', value: v.value !== w.value } : mkInt(a ^ b);
      default:
        return nofold();
    }
  }
  const x = floatOf(v);
  const y = floatOf(w);
  let r: number;
  switch (op) {
    case 'Add': r = x + y; break;
    case 'Sub': r = x - y; break;
    case 'Mult': r = x * y; break;
    case 'Div':
      if (y === 0) nofold();
      r = x / y;
      break;
    case 'FloorDiv': r = floorDivFloat(x, y); break;
    case 'Mod': r = modFloat(x, y); break;
    case 'Pow':
      if (x === 0 && y < 0) nofold();
      if (x < 0 && !Number.isInteger(y)) nofold(); // complex result
      r = libmPow(x, y);
      break;
    default:
      return nofold();
  }
  if (!Number.isFinite(r) && Number.isFinite(x) && Number.isFinite(y)) nofold(); // OverflowError
  return mkFloat(r);
}

function foldBinop(op: A.OperatorKind, v: ConstSpec, w: ConstSpec): ConstSpec {
  switch (op) {
    case 'Mult': return safeMultiply(v, w);
    case 'Pow': return safePower(v, w);
    case 'LShift': return safeLshift(v, w);
    case 'Mod':
      if (v.type === 'str' || v.type === 'bytes') nofold();
      return arith(op, v, w);
    case 'MatMult': return nofold();
    default: return arith(op, v, w);
  }
}

export const constArith = { foldBinop };
