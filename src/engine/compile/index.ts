/** The compiler's entry point: CPython 3.12's _PyAST_Compile (Python/compile.c): optimize the AST, build the symtable, generate code. */

import type { Module } from '../parse/ast.js';
import type { CodeObject } from '../bytecode/code.js';
import type { SyntaxErrorInfo } from '../parse/errors.js';
import { foldStmts } from './constfold.js';
import { buildSymtable } from './symtable.js';
import { Compiler } from './codegen.js';
import { CompileError } from './errors.js';

export type CompileResult = { ok: true; code: CodeObject } | { ok: false; error: SyntaxErrorInfo };

function sourceLine(source: string, lineno: number): string {
  const lines = source.split(/\r\n|\r|\n/);
  return lines[lineno - 1] ?? '';
}

/**
 * Compile a parsed module to a code object. Never throws: compile-time errors
 * (and Python the simulator does not model) come back as SyntaxErrorInfo.
 */
export function compile(module: Module, filename: string, source: string, mode: 'exec' | 'eval' = 'exec'): CompileResult {
  try {
    // ast_opt rewrites nodes in place; keep the caller's tree intact
    const mod = structuredClone(module);
    foldStmts(mod.body);
    const st = buildSymtable(mod);
    const compiler = new Compiler(st, filename);
    // eval mode: the module holds the one expression statement (checked by the caller)
    const body = mod.body[0];
    const code = mode === 'eval' && body !== undefined && body.kind === 'Expr'
      ? compiler.compileExpression(mod, body.value)
      : compiler.compileModule(mod);
    return { ok: true, code };
  } catch (e) {
    if (e instanceof CompileError) {
      return {
        ok: false,
        error: {
          type: 'SyntaxError',
          msg: e.msg,
          lineno: e.lineno,
          offset: e.offset,
          end_lineno: e.end_lineno,
          end_offset: e.end_offset,
          text: sourceLine(source, e.lineno),
          ...(e.unsupported ? { unsupported: true } : {}),
        },
      };
    }
    // the host's stack ran out (a very deep expression): the run ends with the simulator's limit, as elsewhere
    if (e instanceof RangeError && e.message.indexOf('call stack') >= 0) throw e;
    const msg = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      error: {
        type: 'SyntaxError',
        msg: `not supported by the simulator: internal compiler error (${msg})`,
        lineno: 1,
        offset: 1,
        end_lineno: 1,
        end_offset: 1,
        text: sourceLine(source, 1),
        unsupported: true,
      },
    };
  }
}

export { compile as compileModule };
