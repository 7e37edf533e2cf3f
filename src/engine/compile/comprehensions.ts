/**
 * Comprehensions and generator expressions, parsed, analysed and compiled
 * (an on-demand part, see ondemand.ts): the parser's for_if_clauses, the
 * symbol table's comprehension scopes and their inlining (PEP 709), and the
 * code generation. A `for` after something else on its line, or on a line
 * without a `:`, loads it. Each function is a method of Parser, SymTable or
 * Compiler (a stub on its prototype) or a function of symtable.ts, moved
 * here verbatim.
 */
import type * as A from '../parse/ast.js';
import type { Parser } from '../parse/parser.js';
import * as OP from '../bytecode/op.js';
import { type Compiler, type InlineState, dictAdd, loc } from './codegen.js';
import { type Block, type Loc, JUMP, NO_LOCATION, POP_BLOCK, SETUP_FINALLY, STORE_FAST_MAYBE_NULL } from './flowgraph.js';
import {
  type SymTable, type SymTableEntry, type CompKind, CELL, DEF_COMP_CELL, DEF_LOCAL, DEF_NONLOCAL, FREE, GLOBAL_IMPLICIT,
  DEF_BOUND, DEF_COMP_ITER, DEF_GLOBAL, DEF_PARAM, SCOPE_MASK, SCOPE_OFFSET, isFreeInAnyChild,
} from './symtable.js';
import { errorAt, unsupported } from './errors.js';
// the modules whose prototypes hold this part's stubs, evaluated first (ondemand.ts checks every stub has its code)
import '../parse/parser.js';

// ---------------------------------------------------------------- parser

/** for_if_clauses after the element */
function comprehensionTail(this: Parser, elt: A.Expr): A.Comprehension[] {
  void elt;
  const gens: A.Comprehension[] = [];
  while (this.at('for') || (this.at('async') && this.at('for', this.peek()))) {
    const is_async = !!this.eat('async');
    this.next();
    const target = this.starTargets();
    this.setCtx(target, 'Store', 'for');
    if (!this.eat('in')) this.forgotComma(target);
    const iter = this.disjunction();
    const ifs: A.Expr[] = [];
    while (this.eat('if')) ifs.push(this.disjunction());
    gens.push({ kind: 'comprehension', target, iter, ifs, is_async });
  }
  return gens;
}


// ---------------------------------------------------------------- symbol table

function raiseIfComprehension(this: SymTable, e: A.Expr): never {
  const what = { list: 'list comprehension', set: 'set comprehension', dict: 'dict comprehension', gen: 'generator expression' }[
    this.cur.comprehension ?? 'gen'
  ];
  throw errorAt(`'yield' inside ${what}`, e);
}

function extendNamedExprScope(this: SymTable, target: A.Name): void {
  const name = target.id;
  for (let i = this.stack.length - 1; i >= 0; i--) {
    const ste = this.stack[i];
    if (ste.comprehension) {
      if (ste.getSymbol(name) & DEF_COMP_ITER) {
        throw errorAt(`assignment expression cannot rebind comprehension iteration variable '${name}'`, target);
      }
      continue;
    }
    if (ste.type === 'function') {
      if (ste.getSymbol(name) & DEF_GLOBAL) this.addDef(name, DEF_GLOBAL, target);
      else this.addDef(name, DEF_NONLOCAL, target);
      this.recordDirective(name, target);
      this.addDef(name, DEF_LOCAL, target, ste);
      return;
    }
    if (ste.type === 'module') {
      this.addDef(name, DEF_GLOBAL, target);
      this.recordDirective(name, target);
      this.addDef(name, DEF_GLOBAL, target, ste);
      return;
    }
    if (ste.type === 'class') {
      throw errorAt('assignment expression within a comprehension cannot be used in a class body', target);
    }
  }
}

function handleComprehension(this: SymTable,
  e: A.Expr,
  scopeName: string,
  generators: A.Comprehension[],
  elt: A.Expr,
  value: A.Expr | null,
  kind: CompKind,
): void {
  const outermost = generators[0];
  if (generators.some((g) => g.is_async)) throw unsupported('async comprehensions', e);
  // The outermost iterator is evaluated in the enclosing scope
  this.cur.compIterExpr++;
  this.visitExpr(outermost.iter);
  this.cur.compIterExpr--;
  this.enterBlock(`<${scopeName}>`, 'function', e, e.lineno);
  this.cur.comprehension = kind;
  // the outermost iterable arrives as the implicit argument .0
  this.addDef('.0', DEF_PARAM, e);
  this.cur.compIterTarget = true;
  this.visitExpr(outermost.target);
  this.cur.compIterTarget = false;
  this.visitExprs(outermost.ifs);
  for (let i = 1; i < generators.length; i++) {
    const g = generators[i];
    this.cur.compIterTarget = true;
    this.visitExpr(g.target);
    this.cur.compIterTarget = false;
    this.cur.compIterExpr++;
    this.visitExpr(g.iter);
    this.cur.compIterExpr--;
    this.visitExprs(g.ifs);
  }
  if (value) this.visitExpr(value);
  this.visitExpr(elt);
  if (kind === 'gen') this.cur.generator = true;
  this.exitBlock();
}


function inlineComprehension(
  ste: SymTableEntry,
  comp: SymTableEntry,
  scopes: Map<string, number>,
  compFree: Set<string>,
  inlinedCells: Set<string>,
): void {
  for (const [k, compFlags] of comp.symbols) {
    if (compFlags & DEF_PARAM) continue; // the .0 parameter
    let scope = (compFlags >> SCOPE_OFFSET) & SCOPE_MASK;
    const onlyFlags = compFlags & ((1 << SCOPE_OFFSET) - 1);
    if (scope === CELL || onlyFlags & DEF_COMP_CELL) inlinedCells.add(k);
    const existing = ste.symbols.get(k);
    // __class__ is never allowed to be free through a class scope
    if (scope === FREE && ste.type === 'class' && k === '__class__') {
      scope = GLOBAL_IMPLICIT;
      compFree.delete(k);
    }
    if (existing === undefined) {
      ste.symbols.set(k, onlyFlags);
      scopes.set(k, scope);
    } else if (existing & DEF_BOUND && !isFreeInAnyChild(comp, k) && ste.type !== 'class') {
      // free in the comprehension but local outside: just a local now
      compFree.delete(k);
    }
  }
  comp.compInlined = true;
}

// ---------------------------------------------------------------- compiler

function comprehension(this: Compiler,
  e: A.Expr,
  type: 'gen' | 'list' | 'set' | 'dict',
  name: string,
  generators: A.Comprehension[],
  elt: A.Expr,
  val: A.Expr | null,
): void {
  const entry = this.st.lookup(e);
  const isInlined = entry.compInlined;
  const l = loc(e);
  const outermost = generators[0];
  let state: InlineState | null = null;
  if (isInlined) {
    this.expr(outermost.iter);
    this.op0(OP.GET_ITER, l);
    state = this.pushInlinedComprehensionState(l, entry);
  } else {
    this.enterScope(name, 'comprehension', e, e.lineno);
  }
  if (type !== 'gen') {
    this.addop(type === 'list' ? OP.BUILD_LIST : type === 'set' ? OP.BUILD_SET : OP.BUILD_MAP, 0, l);
    if (isInlined) this.addop(OP.SWAP, 2, l);
  }
  this.comprehensionGenerator(l, generators, 0, 0, elt, val, type, isInlined);
  if (state) {
    this.popInlinedComprehensionState(l, state);
    return;
  }
  if (type !== 'gen') this.op0(OP.RETURN_VALUE, l);
  else this.wrapInStopIterationHandler();
  const co = this.assemble(true);
  this.exitScope();
  this.makeClosure(l, co, 0);
  this.expr(outermost.iter);
  this.op0(OP.GET_ITER, l);
  this.addop(OP.CALL, 0, l);
}

function comprehensionGenerator(this: Compiler,
  l: Loc,
  generators: A.Comprehension[],
  genIndex: number,
  depth: number,
  elt: A.Expr,
  val: A.Expr | null,
  type: 'gen' | 'list' | 'set' | 'dict',
  iterOnStack: boolean,
): void {
  let start: Block | null = this.newLabel();
  const ifCleanup = this.newLabel();
  const anchor = this.newLabel();
  const gen = generators[genIndex];
  if (!iterOnStack) {
    if (genIndex === 0) {
      this.u.argcount = 1;
      this.addop(OP.LOAD_FAST, dictAdd(this.u.varnames, '.0'), l);
    } else {
      const it = gen.iter;
      const elts = it.kind === 'List' || it.kind === 'Tuple' ? it.elts : null;
      if (elts && elts.length === 1 && elts[0].kind !== 'Starred') {
        this.expr(elts[0]);
        start = null;
      }
      if (start) {
        this.expr(gen.iter);
        this.op0(OP.GET_ITER, l);
      }
    }
  }
  if (start) {
    depth++;
    this.useLabel(start);
    this.jump(OP.FOR_ITER, anchor, l);
  }
  this.expr(gen.target);
  for (const cond of gen.ifs) this.jumpIf(cond, ifCleanup, false);
  if (++genIndex < generators.length) {
    this.comprehensionGenerator(l, generators, genIndex, depth, elt, val, type, false);
  }
  let eltLoc = loc(elt);
  if (genIndex >= generators.length) {
    switch (type) {
      case 'gen':
        this.expr(elt);
        this.addop(OP.YIELD_VALUE, 0, eltLoc);
        this.addop(OP.RESUME, 1, eltLoc);
        this.op0(OP.POP_TOP, eltLoc);
        break;
      case 'list':
        this.expr(elt);
        this.addop(OP.LIST_APPEND, depth + 1, eltLoc);
        break;
      case 'set':
        this.expr(elt);
        this.addop(OP.SET_ADD, depth + 1, eltLoc);
        break;
      case 'dict':
        this.expr(elt);
        this.expr(val!);
        eltLoc = { lineno: elt.lineno, end_lineno: val!.end_lineno, col: elt.col_offset, end_col: val!.end_col_offset };
        this.addop(OP.MAP_ADD, depth + 1, eltLoc);
        break;
    }
  }
  this.useLabel(ifCleanup);
  if (start) {
    this.jump(JUMP, start, eltLoc);
    this.useLabel(anchor);
    this.op0(OP.END_FOR, NO_LOCATION);
  }
}

function pushInlinedComprehensionState(this: Compiler, l: Loc, entry: SymTableEntry): InlineState {
  const u = this.u;
  // in a class body every name the comprehension uses is isolated (3.12.1)
  const inClassBlock = u.ste.type === 'class' && !u.inInlinedComp;
  u.inInlinedComp++;
  const state: InlineState = { pushedLocals: [], tempSymbols: new Map(), fastHidden: [], cleanup: null, end: null };
  for (const [k, symbol] of entry.symbols) {
    if ((symbol & DEF_LOCAL && !(symbol & DEF_NONLOCAL)) || inClassBlock) {
      if (!u.ste.isFunctionLike()) {
        if (u.fasthidden.get(k) !== true) {
          u.fasthidden.set(k, true);
          state.fastHidden.push(k);
        }
      }
      const scope = entry.getScope(k);
      const outv = u.ste.symbols.get(k) ?? 0;
      const outsc = (outv >> 12) & 7;
      if ((scope !== outsc && scope !== FREE && !(scope === CELL && outsc === FREE)) || inClassBlock) {
        state.tempSymbols.set(k, outv);
        u.ste.symbols.set(k, symbol);
      }
      this.varnameOp(OP.LOAD_FAST_AND_CLEAR, k, l);
      if (scope === CELL) {
        const dict = outsc === FREE ? u.freevars : u.cellvars;
        this.addop(OP.MAKE_CELL, dictAdd(dict, k), l);
      }
      state.pushedLocals.push(k);
    }
  }
  if (state.pushedLocals.length) {
    this.addop(OP.SWAP, state.pushedLocals.length + 1, l);
    state.cleanup = this.newLabel();
    state.end = this.newLabel();
    this.jump(SETUP_FINALLY, state.cleanup, l);
  }
  return state;
}

function restoreInlinedComprehensionLocals(this: Compiler, l: Loc, state: InlineState): void {
  const n = state.pushedLocals.length;
  this.addop(OP.SWAP, n + 1, l);
  for (let i = n - 1; i >= 0; i--) this.varnameOp(STORE_FAST_MAYBE_NULL, state.pushedLocals[i], l);
}

function popInlinedComprehensionState(this: Compiler, l: Loc, state: InlineState): void {
  const u = this.u;
  u.inInlinedComp--;
  for (const [k, v] of state.tempSymbols) u.ste.symbols.set(k, v);
  if (state.pushedLocals.length) {
    this.op0(POP_BLOCK, NO_LOCATION);
    this.jump(JUMP, state.end!, NO_LOCATION);
    this.useLabel(state.cleanup!);
    this.addop(OP.SWAP, 2, NO_LOCATION);
    this.op0(OP.POP_TOP, NO_LOCATION);
    this.restoreInlinedComprehensionLocals(l, state);
    this.addop(OP.RERAISE, 0, NO_LOCATION);
    this.useLabel(state.end!);
    this.restoreInlinedComprehensionLocals(l, state);
  }
  for (const k of state.fastHidden) u.fasthidden.set(k, false);
}


/** The implementations, by `Class.method` (and symtable.ts's function). */
export const comprehensions = {
  'Parser.comprehensionTail': comprehensionTail,
  'SymTable.raiseIfComprehension': raiseIfComprehension,
  'SymTable.extendNamedExprScope': extendNamedExprScope,
  'SymTable.handleComprehension': handleComprehension,
  inlineComprehension,
  'Compiler.comprehension': comprehension,
  'Compiler.comprehensionGenerator': comprehensionGenerator,
  'Compiler.pushInlinedComprehensionState': pushInlinedComprehensionState,
  'Compiler.restoreInlinedComprehensionLocals': restoreInlinedComprehensionLocals,
  'Compiler.popInlinedComprehensionState': popInlinedComprehensionState,
};
