/** Compile-time errors (CPython: compiler_error() in Python/compile.c, PyErr_RangedSyntaxLocationObject in Python/symtable.c). */

import type { Pos } from '../parse/ast.js';

/** Thrown inside the compiler, caught by compile(); never escapes the compile package. */
export class CompileError {
  constructor(
    public msg: string,
    public lineno: number,
    /** 1-based, as SyntaxError.offset */
    public offset: number,
    public end_lineno: number,
    public end_offset: number,
    public unsupported = false,
  ) {}
}

/** A SyntaxError located at a node, the way CPython's LOCATION(x) + col_offset + 1 does. */
export function errorAt(msg: string, loc: Pos | null | undefined): CompileError {
  if (!loc) return new CompileError(msg, 1, 1, 1, 1);
  return new CompileError(msg, loc.lineno, loc.col_offset + 1, loc.end_lineno, loc.end_col_offset + 1);
}

/** Valid Python that the simulator does not model. */
export function unsupported(feature: string, loc: Pos | null | undefined): CompileError {
  const e = errorAt(`not supported by the simulator: ${feature}`, loc);
  e.unsupported = true;
  return e;
}
