/**
 * try and with statements, parsed and compiled (an on-demand part, see
 * ondemand.ts): most programs have neither, so the worker loads this code
 * only for a program whose text has a line starting with `try` or `with`.
 * Each function is a method of Parser or Compiler (installed on its
 * prototype as a stub), moved here verbatim.
 */
import type * as A from '../parse/ast.js';
import { PySyntaxError } from '../parse/errors.js';
import type { Token } from '../parse/tokenizer.js';
import type { Parser, Spanned } from '../parse/parser.js';
import * as OP from '../bytecode/op.js';
import { type Compiler, type FBlock, loc } from './codegen.js';
import { type Loc, NO_LOCATION, SETUP_CLEANUP, SETUP_FINALLY, SETUP_WITH, POP_BLOCK, JUMP } from './flowgraph.js';
import { errorAt } from './errors.js';
// the modules whose prototypes hold this part's stubs, evaluated first (ondemand.ts checks every stub has its code)
import '../parse/parser.js';
import './codegen.js';

// ---------------------------------------------------------------- parser

function parseWith(this: Parser, async: Token | null): A.With {
  this.enter();
  const t = this.next();
  let items: A.WithItem[] | null = null;
  if (this.at('(')) {
    // `with (a as b, c):` — parenthesized items, only if ':' follows the ')'
    const save = this.i;
    try {
      this.next();
      const its: A.WithItem[] = [];
      do {
        if (this.at(')')) break;
        its.push(this.withItem());
      } while (this.eat(','));
      this.expect(')');
      if (!this.at(':')) throw new PySyntaxError('SyntaxError', '', 0, 0, 0, 0);
      items = its;
    } catch (e) {
      if (!(e instanceof PySyntaxError)) throw e;
      this.i = save;
      items = null;
    }
  }
  if (!items) {
    items = [];
    do items.push(this.withItem()); while (this.eat(','));
  }
  this.expectForced(':');
  const body = this.block("'with' statement", t);
  this.depth--;
  return this.fin<A.With>({ kind: async ? 'AsyncWith' : 'With', items, body }, async ?? t, this.lastOf(body));
}

function parseWithItem(this: Parser): A.WithItem {
  const context_expr = this.expression();
  let optional_vars: A.Expr | null = null;
  if (this.eat('as')) {
    optional_vars = this.starTarget();
    this.setCtx(optional_vars, 'Store', 'star');
    if (!(this.at(',') || this.at(')') || this.at(':') || this.tok.type === 'NEWLINE')) this.invalid();
  }
  return { kind: 'withitem', context_expr, optional_vars };
}

function parseTry(this: Parser): A.Try {
  this.enter();
  const t = this.next();
  this.expectForced(':');
  const body = this.block("'try' statement", t);
  const handlers: A.ExceptHandler[] = [];
  let star: boolean | null = null;
  while (this.at('except')) {
    const et = this.next();
    const isStar = !!this.eat('*');
    if (star !== null && star !== isStar) {
      this.raise("cannot have both 'except' and 'except*' on the same 'try'", et, this.prev());
    }
    star = isStar;
    let type: A.Expr | null = null;
    let name: string | null = null;
    if (!this.at(':')) {
      if (isStar && this.tok.type === 'NEWLINE') this.raise("expected ':'", this.tok);
      if (this.curType() === 'NEWLINE') this.raise("expected ':'", this.tok);
      type = this.expression();
      if (this.at(',')) {
        const save = this.i;
        this.next();
        const more = this.expression();
        if (this.at(':') || this.at('as') || this.tok.type === 'NEWLINE') {
          this.raise('multiple exception types must be parenthesized', type, more);
        }
        this.i = save;
      }
      if (this.eat('as')) {
        if (!this.atName()) this.invalid();
        name = this.next().value;
      }
    } else if (isStar) {
      this.raise('expected one or more exception types', this.tok);
    }
    this.expectColon();
    const hbody = this.block(isStar ? "'except*' statement" : "'except' statement", et);
    handlers.push(this.fin<A.ExceptHandler>({ kind: 'ExceptHandler', type, name, body: hbody }, et, this.lastOf(hbody)));
  }
  let orelse: A.Stmt[] = [];
  let finalbody: A.Stmt[] = [];
  if (handlers.length && this.at('else')) {
    const e = this.next();
    this.expectForced(':');
    orelse = this.block("'else' statement", e);
  }
  if (this.at('finally')) {
    const f = this.next();
    this.expectForced(':');
    finalbody = this.block("'finally' statement", f);
  }
  if (!handlers.length && !finalbody.length) {
    this.raise("expected 'except' or 'finally' block", this.tok.type === 'DEDENT' || this.tok.type === 'ENDMARKER' ? this.prev() : this.tok);
  }
  this.depth--;
  const last = finalbody.length ? finalbody : orelse.length ? orelse : null;
  const end: Spanned = last ? this.lastOf(last) : handlers[handlers.length - 1];
  return this.fin<A.Try>({ kind: star ? 'TryStar' : 'Try', body, handlers, orelse, finalbody }, t, end);
}


// ---------------------------------------------------------------- compiler

function tryExcept(this: Compiler, s: A.Try): void {
  const l = loc(s);
  const body = this.newLabel();
  let except = this.newLabel();
  const end = this.newLabel();
  const cleanup = this.newLabel();
  this.jump(SETUP_FINALLY, except, l);
  this.useLabel(body);
  this.pushFblock('TRY_EXCEPT', body, null);
  this.stmts(s.body);
  this.popFblock();
  this.op0(POP_BLOCK, NO_LOCATION);
  this.stmts(s.orelse);
  this.jump(JUMP, end, NO_LOCATION);
  const n = s.handlers.length;
  this.useLabel(except);
  this.jump(SETUP_CLEANUP, cleanup, NO_LOCATION);
  this.op0(OP.PUSH_EXC_INFO, NO_LOCATION);
  this.pushFblock('EXCEPTION_HANDLER', null, null);
  for (let i = 0; i < n; i++) {
    const h = s.handlers[i];
    const hl = loc(h);
    if (!h.type && i < n - 1) throw errorAt("default 'except:' must be last", h);
    except = this.newLabel();
    if (h.type) {
      this.expr(h.type);
      this.op0(OP.CHECK_EXC_MATCH, hl);
      this.jump(OP.POP_JUMP_IF_FALSE, except, hl);
    }
    if (h.name) {
      const cleanupEnd = this.newLabel();
      const cleanupBody = this.newLabel();
      this.nameop(h.name, 'Store', hl);
      this.jump(SETUP_CLEANUP, cleanupEnd, hl);
      this.useLabel(cleanupBody);
      this.pushFblock('HANDLER_CLEANUP', cleanupBody, null, h.name);
      this.stmts(h.body);
      this.popFblock();
      this.op0(POP_BLOCK, NO_LOCATION);
      this.op0(POP_BLOCK, NO_LOCATION);
      this.op0(OP.POP_EXCEPT, NO_LOCATION);
      this.loadConst(this.none, NO_LOCATION);
      this.nameop(h.name, 'Store', NO_LOCATION);
      this.nameop(h.name, 'Del', NO_LOCATION);
      this.jump(JUMP, end, NO_LOCATION);
      this.useLabel(cleanupEnd);
      this.loadConst(this.none, NO_LOCATION);
      this.nameop(h.name, 'Store', NO_LOCATION);
      this.nameop(h.name, 'Del', NO_LOCATION);
      this.addop(OP.RERAISE, 1, NO_LOCATION);
    } else {
      const cleanupBody = this.newLabel();
      this.op0(OP.POP_TOP, hl);
      this.useLabel(cleanupBody);
      this.pushFblock('HANDLER_CLEANUP', cleanupBody, null, null);
      this.stmts(h.body);
      this.popFblock();
      this.op0(POP_BLOCK, NO_LOCATION);
      this.op0(OP.POP_EXCEPT, NO_LOCATION);
      this.jump(JUMP, end, NO_LOCATION);
    }
    this.useLabel(except);
  }
  this.popFblock();
  this.addop(OP.RERAISE, 0, NO_LOCATION);
  this.useLabel(cleanup);
  this.popExceptAndReraise(NO_LOCATION);
  this.useLabel(end);
}

function tryFinally(this: Compiler, s: A.Try): void {
  const l = loc(s);
  const body = this.newLabel();
  const end = this.newLabel();
  const exit = this.newLabel();
  const cleanup = this.newLabel();
  this.jump(SETUP_FINALLY, end, l);
  this.useLabel(body);
  this.pushFblock('FINALLY_TRY', body, end, s.finalbody);
  if (s.handlers.length) this.tryExcept(s);
  else this.stmts(s.body);
  this.op0(POP_BLOCK, NO_LOCATION);
  this.popFblock();
  this.stmts(s.finalbody);
  this.jump(JUMP, exit, NO_LOCATION);
  this.useLabel(end);
  this.jump(SETUP_CLEANUP, cleanup, NO_LOCATION);
  this.op0(OP.PUSH_EXC_INFO, NO_LOCATION);
  this.pushFblock('FINALLY_END', end, null);
  this.stmts(s.finalbody);
  this.popFblock();
  this.addop(OP.RERAISE, 0, NO_LOCATION);
  this.useLabel(cleanup);
  this.popExceptAndReraise(NO_LOCATION);
  this.useLabel(exit);
}

function callExitWithNones(this: Compiler, l: Loc): void {
  this.loadConst(this.none, l);
  this.loadConst(this.none, l);
  this.loadConst(this.none, l);
  this.addop(OP.CALL, 2, l);
}

function compileWith(this: Compiler, s: A.With, pos: number): void {
  const item = s.items[pos];
  const block = this.newLabel();
  const final = this.newLabel();
  const exit = this.newLabel();
  const cleanup = this.newLabel();
  this.expr(item.context_expr);
  const l = loc(s);
  this.op0(OP.BEFORE_WITH, l);
  this.jump(SETUP_WITH, final, l);
  this.useLabel(block);
  this.pushFblock('WITH', block, final, s);
  if (item.optional_vars) this.expr(item.optional_vars);
  else this.op0(OP.POP_TOP, l);
  pos++;
  if (pos === s.items.length) this.stmts(s.body);
  else this.withStmt(s, pos);
  this.op0(POP_BLOCK, NO_LOCATION);
  this.popFblock();
  this.callExitWithNones(l);
  this.op0(OP.POP_TOP, l);
  this.jump(JUMP, exit, l);
  this.useLabel(final);
  this.jump(SETUP_CLEANUP, cleanup, l);
  this.op0(OP.PUSH_EXC_INFO, l);
  this.op0(OP.WITH_EXCEPT_START, l);
  // compiler_with_except_finish
  const suppress = this.newLabel();
  this.jump(OP.POP_JUMP_IF_TRUE, suppress, NO_LOCATION);
  this.addop(OP.RERAISE, 2, NO_LOCATION);
  this.useLabel(suppress);
  this.op0(OP.POP_TOP, NO_LOCATION);
  this.op0(POP_BLOCK, NO_LOCATION);
  this.op0(OP.POP_EXCEPT, NO_LOCATION);
  this.op0(OP.POP_TOP, NO_LOCATION);
  this.op0(OP.POP_TOP, NO_LOCATION);
  const exit2 = this.newLabel();
  this.jump(JUMP, exit2, NO_LOCATION);
  this.useLabel(cleanup);
  this.popExceptAndReraise(NO_LOCATION);
  this.useLabel(exit2);
  this.useLabel(exit);
}

function popExceptAndReraise(this: Compiler, l: Loc): void {
  this.addop(OP.COPY, 3, l);
  this.op0(OP.POP_EXCEPT, l);
  this.addop(OP.RERAISE, 1, l);
}


/** compiler_unwind_fblock for the blocks try and with statements push */
function unwindTryFblock(this: Compiler, l: Loc, info: FBlock, preserveTos: boolean): Loc {
  switch (info.type) {
    case 'TRY_EXCEPT':
      this.op0(POP_BLOCK, l);
      return l;
    case 'FINALLY_TRY':
      this.op0(POP_BLOCK, l);
      if (preserveTos) this.pushFblock('POP_VALUE', null, null);
      this.stmts(info.datum as A.Stmt[]);
      if (preserveTos) this.popFblock();
      return NO_LOCATION;
    case 'FINALLY_END':
      if (preserveTos) this.addop(OP.SWAP, 2, l);
      this.op0(OP.POP_TOP, l);
      if (preserveTos) this.addop(OP.SWAP, 2, l);
      this.op0(POP_BLOCK, l);
      this.op0(OP.POP_EXCEPT, l);
      return l;
    case 'WITH': {
      l = loc(info.datum as A.With);
      this.op0(POP_BLOCK, l);
      if (preserveTos) this.addop(OP.SWAP, 2, l);
      this.callExitWithNones(l);
      this.op0(OP.POP_TOP, l);
      return NO_LOCATION;
    }
    case 'HANDLER_CLEANUP': {
      const name = info.datum as string | null;
      if (name) this.op0(POP_BLOCK, l);
      if (preserveTos) this.addop(OP.SWAP, 2, l);
      this.op0(POP_BLOCK, l);
      this.op0(OP.POP_EXCEPT, l);
      if (name) {
        this.loadConst(this.none, l);
        this.nameop(name, 'Store', l);
        this.nameop(name, 'Del', l);
      }
      return l;
    }
    default:
      throw new Error(`unexpected frame block ${info.type}`);
  }
}


/** The implementations, by `Class.method`. */
export const tryWith = {
  'Parser.withStmt': parseWith,
  'Parser.withItem': parseWithItem,
  'Parser.tryStmt': parseTry,
  'Compiler.tryExcept': tryExcept,
  'Compiler.tryFinally': tryFinally,
  'Compiler.callExitWithNones': callExitWithNones,
  'Compiler.withStmt': compileWith,
  'Compiler.popExceptAndReraise': popExceptAndReraise,
  'Compiler.unwindTryFblock': unwindTryFblock,
};
