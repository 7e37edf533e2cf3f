/**
 * Code objects: what the compiler produces and the evaluation loop runs.
 * CPython counterpart: Include/cpython/code.h (PyCodeObject), Objects/codeobject.c.
 *
 * Differences from CPython's in-memory layout, all deliberate:
 * - `code` holds one [opcode, oparg] pair per instruction (two Int32 slots),
 *   with no CACHE entries and no EXTENDED_ARG; opargs are full 32-bit values.
 * - Jump opargs (every opcode in HAS_JUMP, including FOR_ITER and SEND) are the
 *   absolute index of the target instruction, not 3.12's relative delta.
 * - The exception table is a plain array instead of 3.12's varint encoding;
 *   its entries mean exactly what Objects/exception_handling_notes.txt says.
 * - `consts` are compile-time descriptions; the runtime turns them into objects
 *   once per code object (sharing equal constants across one compilation, as
 *   3.12's compiler const cache does).
 */

import type { ConstantValue } from '../parse/ast.js';

/** co_flags bits (Include/cpython/code.h) */
export const CO_OPTIMIZED = 0x0001;
export const CO_NEWLOCALS = 0x0002;
export const CO_VARARGS = 0x0004;
export const CO_VARKEYWORDS = 0x0008;
export const CO_NESTED = 0x0010;
export const CO_GENERATOR = 0x0020;
export const CO_NOFREE = 0x0040;
export const CO_COROUTINE = 0x0080;
export const CO_ITERABLE_COROUTINE = 0x0100;
export const CO_ASYNC_GENERATOR = 0x0200;

/** co_localspluskinds bits (Include/internal/pycore_code.h) */
export const CO_FAST_HIDDEN = 0x10;
export const CO_FAST_LOCAL = 0x20;
export const CO_FAST_CELL = 0x40;
export const CO_FAST_FREE = 0x80;

/** A constant as the compiler knows it, before it becomes a runtime object. */
export type ConstSpec =
  | ConstantValue
  | { type: 'code'; code: CodeObject }
  | { type: 'tuple'; items: ConstSpec[] }
  | { type: 'frozenset'; items: ConstSpec[] };

/**
 * One exception-table entry: an instruction in [start, end) that raises jumps
 * to `target` after popping the value stack down to `depth` items; if `lasti`
 * is set, the raising instruction's index is pushed first (as an int).
 */
export interface ExceptionTableEntry {
  start: number;
  end: number;
  target: number;
  depth: number;
  lasti: boolean;
}

export interface CodeObject {
  co_name: string;
  co_qualname: string;
  co_filename: string;
  co_firstlineno: number;
  co_argcount: number;
  co_posonlyargcount: number;
  co_kwonlyargcount: number;
  co_flags: number;
  co_stacksize: number;
  /** constants referenced by LOAD_CONST, RETURN_CONST and KW_NAMES */
  co_consts: ConstSpec[];
  /** names referenced by *_NAME, *_GLOBAL, *_ATTR, IMPORT_*, LOAD_SUPER_ATTR */
  co_names: string[];
  /** locals, then cells that are not arguments, then free variables (3.11+ "localsplus") */
  co_localsplusnames: string[];
  /** one CO_FAST_* bit set per entry of co_localsplusnames */
  co_localspluskinds: number[];
  co_nlocals: number;
  co_ncellvars: number;
  co_nfreevars: number;
  /** [opcode, oparg] pairs; instruction i is at code[2*i], code[2*i+1] */
  code: Int32Array;
  /**
   * Source positions, four Int32 per instruction: lineno, end_lineno,
   * col_offset, end_col_offset (-1 where an instruction has none, like
   * RESUME's artificial position; lineno 0 is never used).
   */
  positions: Int32Array;
  exceptiontable: ExceptionTableEntry[];
  /** runtime cache of materialized constants; owned by the evaluation loop */
  constObjects?: unknown[];
}

/** Number of instructions in a code object. */
export function instructionCount(code: CodeObject): number {
  return code.code.length >> 1;
}
