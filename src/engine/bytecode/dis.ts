/**
 * A disassembler in the style of CPython 3.12's Lib/dis.py (`dis.dis`).
 * Offsets are instruction indices (our code objects have no CACHE entries), so
 * `(to N)` names an instruction index, not a byte offset.
 */

import type { CodeObject, ConstSpec } from './code.js';
import { CO_FAST_LOCAL, CO_FAST_CELL, CO_FAST_FREE } from './code.js';
import {
  OPNAMES, HAVE_ARGUMENT, HAS_JUMP, HAS_CONST, HAS_NAME, HAS_LOCAL, HAS_FREE, NB_OPS, CMP_OPS, INTRINSIC_1, INTRINSIC_2,
} from './opcodes.js';
import * as OP from './op.js';

/** Python's repr() of a float (float_repr_style 'short', repr switches to exponent form outside 1e-4 <= |x| < 1e16). */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  return shortRepr(x, true);
}

function shortRepr(x: number, addPointZero: boolean): string {
  const sign = x < 0 ? '-' : '';
  const [mant, expStr] = Math.abs(x).toExponential().split('e');
  const exp = Number(expStr);
  const digits = mant.replace('.', '');
  if (exp >= -5 + 1 && exp < 16) {
    let s: string;
    if (exp >= 0) {
      if (digits.length <= exp + 1) s = digits + '0'.repeat(exp + 1 - digits.length) + (addPointZero ? '.0' : '');
      else s = digits.slice(0, exp + 1) + '.' + digits.slice(exp + 1);
    } else {
      s = '0.' + '0'.repeat(-exp - 1) + digits;
    }
    return sign + s;
  }
  const m = digits.length > 1 ? digits[0] + '.' + digits.slice(1) : digits;
  const e = Math.abs(exp) < 10 ? '0' + Math.abs(exp) : String(Math.abs(exp));
  return sign + m + 'e' + (exp < 0 ? '-' : '+') + e;
}

function complexRepr(imag: number): string {
  if (Number.isNaN(imag)) return 'nanj';
  if (!Number.isFinite(imag)) return (imag > 0 ? 'inf' : '-inf') + 'j';
  if (imag === 0) return Object.is(imag, -0) ? '-0j' : '0j';
  return shortRepr(imag, false) + 'j';
}

function isPrintable(cp: number): boolean {
  if (cp < 0x20 || cp === 0x7f) return false;
  if (cp >= 0x80 && cp < 0xa0) return false;
  if (cp === 0xad) return false;
  // Unicode separators and other non-printables that matter in practice
  if (cp === 0x2028 || cp === 0x2029 || (cp >= 0xd800 && cp < 0xe000)) return false;
  return true;
}

/** Python's repr() of a str. */
export function strRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (isPrintable(cp)) out += ch;
    else if (cp < 0x100) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp < 0x10000) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += '\\U' + cp.toString(16).padStart(8, '0');
  }
  return out + quote;
}

function bytesRepr(b: Uint8Array): string {
  const hasSingle = b.includes(0x27);
  const quote = hasSingle && !b.includes(0x22) ? '"' : "'";
  let out = 'b' + quote;
  for (const c of b) {
    const ch = String.fromCharCode(c);
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else if (c < 0x20 || c >= 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + quote;
}

/** repr() of a compile-time constant; code objects print as `<code object NAME, file "F", line N>`. */
export function constRepr(c: ConstSpec): string {
  switch (c.type) {
    case 'int': return c.value.toString();
    case 'float': return floatRepr(c.value);
    case 'complex': return c.real === undefined ? complexRepr(c.imag) : `(${c.real === 0 ? (Object.is(c.real, -0) ? '-0' : '0') : shortRepr(c.real, false)}${c.imag < 0 || Object.is(c.imag, -0) ? '' : '+'}${complexRepr(c.imag)})`;
    case 'str': return strRepr(c.value);
    case 'bytes': return bytesRepr(c.value);
    case 'bool': return c.value ? 'True' : 'False';
    case 'None': return 'None';
    case 'Ellipsis': return 'Ellipsis';
    case 'tuple':
      return '(' + c.items.map(constRepr).join(', ') + (c.items.length === 1 ? ',)' : ')');
    case 'frozenset':
      return c.items.length ? 'frozenset({' + c.items.map(constRepr).join(', ') + '})' : 'frozenset()';
    case 'code':
      return `<code object ${c.code.co_name}, file "${c.code.co_filename}", line ${c.code.co_firstlineno}>`;
  }
}

const MAKE_FUNCTION_FLAGS = ['defaults', 'kwdefaults', 'annotations', 'closure'];
const FORMAT_VALUE_CONV = ['', 'str', 'repr', 'ascii'];

/** The argrepr dis.py would show for one instruction. */
export function argRepr(code: CodeObject, op: number, arg: number): string {
  if (HAS_JUMP.has(op)) return `to ${arg}`;
  if (HAS_CONST.has(op)) return constRepr(code.co_consts[arg]);
  if (op === OP.LOAD_GLOBAL) return (arg & 1 ? 'NULL + ' : '') + code.co_names[arg >> 1];
  if (op === OP.LOAD_ATTR) return code.co_names[arg >> 1] + (arg & 1 ? ' + NULL|self' : '');
  if (op === OP.LOAD_SUPER_ATTR) return code.co_names[arg >> 2] + (arg & 1 ? ' + NULL|self' : '');
  if (HAS_NAME.has(op)) return code.co_names[arg];
  if (HAS_LOCAL.has(op) || HAS_FREE.has(op)) return code.co_localsplusnames[arg] ?? '';
  if (op === OP.COMPARE_OP) return CMP_OPS[arg >> 4] ?? '';
  if (op === OP.BINARY_OP) return NB_OPS[arg]?.[1] ?? '';
  if (op === OP.CALL_INTRINSIC_1) return INTRINSIC_1[arg] ?? '';
  if (op === OP.CALL_INTRINSIC_2) return INTRINSIC_2[arg] ?? '';
  if (op === OP.MAKE_FUNCTION) return MAKE_FUNCTION_FLAGS.filter((_, i) => arg & (1 << i)).join(', ');
  if (op === OP.FORMAT_VALUE) {
    const parts = [];
    if (FORMAT_VALUE_CONV[arg & 3]) parts.push(FORMAT_VALUE_CONV[arg & 3]);
    if (arg & 4) parts.push('with format');
    return parts.join(', ');
  }
  return '';
}

function disassembleOne(code: CodeObject, out: string[]): void {
  const n = code.code.length >> 1;
  const jumpTargets = new Set<number>();
  for (let i = 0; i < n; i++) if (HAS_JUMP.has(code.code[2 * i])) jumpTargets.add(code.code[2 * i + 1]);
  for (const e of code.exceptiontable) jumpTargets.add(e.target);
  let maxLine = 0;
  for (let i = 0; i < n; i++) maxLine = Math.max(maxLine, code.positions[4 * i]);
  const linenoWidth = Math.max(3, String(maxLine).length);
  const offsetWidth = Math.max(4, String(n).length);
  let lastLine: number | null = null;
  for (let i = 0; i < n; i++) {
    const op = code.code[2 * i];
    const arg = code.code[2 * i + 1];
    let line = code.positions[4 * i];
    if (i === 0 && line === -1) line = 0; // RESUME's artificial position prints as line 0, like CPython
    const fields: string[] = [];
    if (line !== -1 && line !== lastLine) {
      if (lastLine !== null) out.push('');
      fields.push(String(line).padStart(linenoWidth));
      lastLine = line;
    } else {
      fields.push(' '.repeat(linenoWidth));
    }
    fields.push('   ');
    fields.push(jumpTargets.has(i) ? '>>' : '  ');
    fields.push(String(i).padStart(offsetWidth));
    const name = OPNAMES[op] ?? `<${op}>`;
    if (op >= HAVE_ARGUMENT) {
      fields.push(name.padEnd(20));
      fields.push(String(arg).padStart(5));
      const r = argRepr(code, op, arg);
      if (r) fields.push('(' + r + ')');
    } else {
      fields.push(name);
    }
    out.push(fields.join(' ').trimEnd());
  }
  if (code.exceptiontable.length) {
    out.push('ExceptionTable:');
    for (const e of code.exceptiontable) {
      out.push(`  ${e.start} to ${e.end - 1} -> ${e.target} [${e.depth}]${e.lasti ? ' lasti' : ''}`);
    }
  }
}

/** The full listing, recursing into nested code objects the way dis.dis does. */
export function dis(code: CodeObject): string {
  const out: string[] = [];
  disassembleOne(code, out);
  for (const c of code.co_consts) {
    if (typeof c === 'object' && c.type === 'code') {
      out.push('');
      out.push(`Disassembly of ${constRepr(c)}:`);
      out.push(dis(c.code));
    }
  }
  return out.join('\n');
}

/** co_varnames / co_cellvars / co_freevars, derived from localsplus kinds as CPython does. */
export function codeNames(code: CodeObject): { varnames: string[]; cellvars: string[]; freevars: string[] } {
  const varnames: string[] = [];
  const cellvars: string[] = [];
  const freevars: string[] = [];
  code.co_localsplusnames.forEach((name, i) => {
    const k = code.co_localspluskinds[i];
    if (k & CO_FAST_LOCAL) varnames.push(name);
    if (k & CO_FAST_CELL) cellvars.push(name);
    if (k & CO_FAST_FREE) freevars.push(name);
  });
  return { varnames, cellvars, freevars };
}
