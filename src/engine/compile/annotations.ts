/**
 * Annotated assignments (`x: int = 1`), parsed, analysed and compiled (with
 * SETUP_ANNOTATIONS, eval/annotations.ts, an on-demand part, see ondemand.ts:
 * a line that starts with a name and a `:` with more after it loads it).
 * Each function is a method of Parser, SymTable or Compiler (a stub on its
 * prototype), moved here verbatim. Function annotations stay in the core:
 * every def passes through their code.
 */
import type * as A from '../parse/ast.js';
import { type Parser, isSingleTarget } from '../parse/parser.js';
import type { Token } from '../parse/tokenizer.js';
import * as OP from '../bytecode/op.js';
import { type Compiler, loc } from './codegen.js';
import { type SymTable, mangle, DEF_ANNOT, DEF_LOCAL, DEF_GLOBAL, DEF_NONLOCAL } from './symtable.js';
import { errorAt } from './errors.js';
// the modules whose prototypes hold this part's stubs, evaluated first (ondemand.ts checks every stub has its code)
import '../parse/parser.js';
import './symtable.js';
import './codegen.js';

// ---------------------------------------------------------------- parser

function annAssign(this: Parser, lhs: A.Expr, t: Token): A.AnnAssign {
  this.next();
  // CPython's invalid_ann_assign_target needs an annotation after the
  // ':'; without one, a bad target is plain invalid syntax at the ':'
  const t2 = this.tok;
  if (t2.type !== 'NEWLINE' && t2.type !== 'ENDMARKER' && !this.at('=') && !this.at(';')) this.checkAnnTarget(lhs);
  else if (!isSingleTarget(lhs)) this.raise('invalid syntax', t);
  const annotation = this.expression();
  let value: A.Expr | null = null;
  if (this.eat('=')) value = this.at('yield') ? this.yieldExpr() : this.starExpressions();
  this.setCtx(lhs, 'Store', 'star');
  const simple = lhs.kind === 'Name' && !this.parenthesized.has(lhs);
  return this.fin<A.AnnAssign>({ kind: 'AnnAssign', target: lhs, annotation, value, simple }, lhs, value ?? annotation);
}

function checkAnnTarget(this: Parser, lhs: A.Expr): void {
  // `()` has no first element to point at (and is always parenthesized)
  if (lhs.kind === 'Tuple' && !this.parenthesized.has(lhs) && lhs.elts.length > 0) {
    this.raise('only single target (not tuple) can be annotated', lhs.elts[0]);
  }
  if (lhs.kind === 'Tuple' || lhs.kind === 'List') {
    this.raise(`only single target (not ${lhs.kind === 'Tuple' ? 'tuple' : 'list'}) can be annotated`, lhs);
  }
  if (!isSingleTarget(lhs)) {
    this.raise('illegal target for annotation', lhs);
  }
}

// ---------------------------------------------------------------- symbol table

function visitAnnAssign(this: SymTable, s: A.AnnAssign): void {
  const t = s.target;
  if (t.kind === 'Name') {
    const cur = this.cur.getSymbol(mangle(this.privateName, t.id));
    if (cur & (DEF_GLOBAL | DEF_NONLOCAL) && this.cur !== this.top && s.simple) {
      const which = cur & DEF_GLOBAL ? 'global' : 'nonlocal';
      throw errorAt(`annotated name '${t.id}' can't be ${which}`, s);
    }
    if (s.simple) this.addDef(t.id, DEF_ANNOT | DEF_LOCAL, t);
    else if (s.value) this.addDef(t.id, DEF_LOCAL, t);
  } else {
    this.visitExpr(t);
  }
  this.visitExpr(s.annotation);
  if (s.value) this.visitExpr(s.value);
}

// ---------------------------------------------------------------- compiler

function checkAnnExpr(this: Compiler, e: A.Expr): void {
  this.expr(e);
  this.op0(OP.POP_TOP, loc(e));
}

function compileAnnAssign(this: Compiler, s: A.AnnAssign): void {
  const l = loc(s);
  const targ = s.target;
  if (s.value) {
    this.expr(s.value);
    this.expr(targ);
  }
  const moduleOrClass = this.u.scopeType === 'module' || this.u.scopeType === 'class';
  switch (targ.kind) {
    case 'Name':
      if (targ.id === '__debug__') throw errorAt('cannot assign to __debug__', s);
      if (s.simple && moduleOrClass) {
        this.expr(s.annotation);
        this.addopName(OP.LOAD_NAME, '__annotations__', l);
        this.loadConst({ type: 'str', value: mangle(this.u.privateName, targ.id) }, l);
        this.op0(OP.STORE_SUBSCR, l);
      }
      break;
    case 'Attribute':
      if (!s.value) this.checkAnnExpr(targ.value);
      break;
    case 'Subscript':
      if (!s.value) {
        this.checkAnnExpr(targ.value);
        // check_ann_subscr
        const sl = targ.slice;
        if (sl.kind === 'Slice') {
          if (sl.lower) this.checkAnnExpr(sl.lower);
          if (sl.upper) this.checkAnnExpr(sl.upper);
          if (sl.step) this.checkAnnExpr(sl.step);
        } else if (sl.kind === 'Tuple') {
          for (const e of sl.elts) {
            if (e.kind === 'Slice') {
              if (e.lower) this.checkAnnExpr(e.lower);
              if (e.upper) this.checkAnnExpr(e.upper);
              if (e.step) this.checkAnnExpr(e.step);
            } else this.checkAnnExpr(e);
          }
        } else this.checkAnnExpr(sl);
      }
      break;
  }
  if (!s.simple && moduleOrClass) this.checkAnnExpr(s.annotation);
}

/** The implementations, by `Class.method`. */
export const annotations = {
  'Parser.annAssign': annAssign,
  'Parser.checkAnnTarget': checkAnnTarget,
  'SymTable.visitAnnAssign': visitAnnAssign,
  'Compiler.annassign': compileAnnAssign,
  'Compiler.checkAnnExpr': checkAnnExpr,
};
