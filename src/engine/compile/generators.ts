/**
 * yield and yield from, parsed and compiled: with the passes for code units
 * with exception handlers (compile/handlerblocks.ts), an on-demand part (see
 * ondemand.ts) that the word `yield` loads. Each function is a method of
 * Parser or Compiler (a stub on its prototype), moved here verbatim.
 */
import type * as A from '../parse/ast.js';
import type { Parser } from '../parse/parser.js';
import * as OP from '../bytecode/op.js';
import { type Compiler, loc } from './codegen.js';
import { type Loc, NO_LOCATION, SETUP_FINALLY, POP_BLOCK, JUMP_NO_INTERRUPT } from './flowgraph.js';
import { errorAt } from './errors.js';
// the modules whose prototypes hold this part's stubs, evaluated first (ondemand.ts checks every stub has its code)
import '../parse/parser.js';
import './codegen.js';

// ---------------------------------------------------------------- parser

function parseYield(this: Parser): A.Expr {
  const t = this.next();
  if (this.eat('from')) {
    const v = this.expression();
    return this.fin<A.YieldFrom>({ kind: 'YieldFrom', value: v }, t, v);
  }
  const value = this.startsExpression() && !this.at('yield') ? this.starExpressions() : null;
  return this.fin<A.Yield>({ kind: 'Yield', value }, t, value ?? t);
}

// ---------------------------------------------------------------- compiler

function compileYield(this: Compiler, e: A.Yield | A.YieldFrom): void {
  const l = loc(e);
  if (e.kind === 'Yield') {
    if (!this.u.ste.isFunctionLike()) throw errorAt("'yield' outside function", e);
    if (e.value) this.expr(e.value);
    else this.loadConst(this.none, l);
    this.addop(OP.YIELD_VALUE, 0, l);
    this.addop(OP.RESUME, 1, l);
  } else {
    if (!this.u.ste.isFunctionLike()) throw errorAt("'yield' outside function", e);
    this.expr(e.value);
    this.op0(OP.GET_YIELD_FROM_ITER, l);
    this.loadConst(this.none, l);
    this.addYieldFrom(l);
  }
}

function addYieldFrom(this: Compiler, l: Loc): void {
  const send = this.newLabel();
  const fail = this.newLabel();
  const exit = this.newLabel();
  this.useLabel(send);
  this.jump(OP.SEND, exit, l);
  this.jump(SETUP_FINALLY, fail, l);
  this.addop(OP.YIELD_VALUE, 0, l);
  this.op0(POP_BLOCK, NO_LOCATION);
  this.addop(OP.RESUME, 2, l);
  this.jump(JUMP_NO_INTERRUPT, send, l);
  this.useLabel(fail);
  this.op0(OP.CLEANUP_THROW, l);
  this.useLabel(exit);
  this.op0(OP.END_SEND, l);
}

/** The implementations, by `Class.method`. */
export const generators = {
  'Parser.yieldExpr': parseYield,
  'Compiler.compileYield': compileYield,
  'Compiler.addYieldFrom': addYieldFrom,
};
