/** The symbol table: CPython 3.12's Python/symtable.c (scopes, free/cell analysis, PEP 709 comprehension inlining). */

import type * as A from '../parse/ast.js';
import { CompileError, errorAt, unsupported } from './errors.js';
import { parts, deferPrototype, deferredMethod } from '../ondemand.js';

// Symbol flags (Include/internal/pycore_symtable.h)
export const DEF_GLOBAL = 1;
export const DEF_LOCAL = 2;
export const DEF_PARAM = 4;
export const DEF_NONLOCAL = 8;
export const USE = 16;
export const DEF_FREE = 32;
export const DEF_FREE_CLASS = 64;
export const DEF_IMPORT = 128;
export const DEF_ANNOT = 256;
export const DEF_COMP_ITER = 512;
export const DEF_COMP_CELL = 2048;
export const DEF_BOUND = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;
export const SCOPE_OFFSET = 12;
export const SCOPE_MASK = 7;

// Scopes
export const LOCAL = 1;
export const GLOBAL_EXPLICIT = 2;
export const GLOBAL_IMPLICIT = 3;
export const FREE = 4;
export const CELL = 5;

export type BlockType = 'module' | 'function' | 'class';
export type CompKind = 'list' | 'set' | 'dict' | 'gen' | null;

type Node = object;

export class SymTableEntry {
  symbols = new Map<string, number>();
  /** parameter names in order (ste_varnames) */
  varnames: string[] = [];
  children: SymTableEntry[] = [];
  directives = new Map<string, A.Pos>();
  nested = false;
  generator = false;
  coroutine = false;
  comprehension: CompKind = null;
  varargs = false;
  varkeywords = false;
  returnsValue = false;
  needsClassClosure = false;
  compInlined = false;
  compIterTarget = false;
  compIterExpr = 0;
  free = false;
  childFree = false;
  constructor(
    public name: string,
    public type: BlockType,
    public node: Node,
    public lineno: number,
  ) {}

  isFunctionLike(): boolean {
    return this.type === 'function';
  }
  /** _PyST_GetScope */
  getScope(name: string): number {
    return ((this.symbols.get(name) ?? 0) >> SCOPE_OFFSET) & SCOPE_MASK;
  }
  getSymbol(name: string): number {
    return this.symbols.get(name) ?? 0;
  }
}

/** _Py_Mangle: private names in a class body become _Class__name. */
export function mangle(privateName: string | null, name: string): string {
  if (privateName === null || !name.startsWith('__')) return name;
  if (name.endsWith('__') || name.includes('.')) return name;
  const stripped = privateName.replace(/^_+/, '');
  if (stripped === '') return name;
  return '_' + stripped + name;
}

export class SymTable {
  top!: SymTableEntry;
  cur!: SymTableEntry;
  stack: SymTableEntry[] = [];
  blocks = new Map<Node, SymTableEntry>();
  privateName: string | null = null;

  lookup(node: Node): SymTableEntry {
    const ste = this.blocks.get(node);
    if (!ste) throw new Error('symtable: no entry for node');
    return ste;
  }

  build(mod: A.Module): void {
    this.enterBlock('top', 'module', mod, 0);
    this.top = this.cur;
    for (const s of mod.body) this.visitStmt(s);
    this.exitBlock();
    analyze(this.top);
  }

  enterBlock(name: string, type: BlockType, node: Node, lineno: number): void {
    const ste = new SymTableEntry(name, type, node, lineno);
    const prev = this.stack.length ? this.stack[this.stack.length - 1] : null;
    if (prev && (prev.nested || prev.isFunctionLike())) ste.nested = true;
    if (prev) prev.children.push(ste);
    this.stack.push(ste);
    this.cur = ste;
    this.blocks.set(node, ste);
  }

  exitBlock(): void {
    this.stack.pop();
    this.cur = this.stack[this.stack.length - 1];
  }

  addDef(name: string, flag: number, loc: A.Pos | null, ste: SymTableEntry = this.cur): void {
    const mangled = mangle(this.privateName, name);
    let val = ste.symbols.get(mangled);
    if (val !== undefined) {
      if (flag & DEF_PARAM && val & DEF_PARAM) {
        throw errorAt(`duplicate argument '${name}' in function definition`, loc);
      }
      val |= flag;
    } else {
      val = flag;
    }
    if (ste.compIterTarget) {
      if (val & (DEF_GLOBAL | DEF_NONLOCAL)) {
        throw errorAt(`comprehension inner loop cannot rebind assignment expression target '${name}'`, loc);
      }
      val |= DEF_COMP_ITER;
    }
    ste.symbols.set(mangled, val);
    if (flag & DEF_PARAM) {
      ste.varnames.push(mangled);
    } else if (flag & DEF_GLOBAL) {
      const g = this.top.symbols.get(mangled) ?? 0;
      this.top.symbols.set(mangled, g | flag);
    }
  }

  recordDirective(name: string, loc: A.Pos): void {
    const mangled = mangle(this.privateName, name);
    if (!this.cur.directives.has(mangled)) this.cur.directives.set(mangled, loc);
  }

  visitStmts(body: A.Stmt[]): void {
    for (const s of body) this.visitStmt(s);
  }

  visitExprs(es: (A.Expr | null)[]): void {
    for (const e of es) if (e) this.visitExpr(e);
  }

  visitStmt(s: A.Stmt): void {
    switch (s.kind) {
      case 'FunctionDef':
        this.addDef(s.name, DEF_LOCAL, s);
        this.visitExprs(s.args.defaults);
        this.visitExprs(s.args.kw_defaults);
        this.visitExprs(s.decorator_list);
        this.visitAnnotations(s.args, s.returns);
        this.enterBlock(s.name, 'function', s, s.lineno);
        this.visitParams(s.args);
        this.visitStmts(s.body);
        this.exitBlock();
        break;
      case 'AsyncFunctionDef':
        throw unsupported('async functions', s);
      case 'ClassDef':
        this.visitClassDef(s);
        break;
      case 'Return':
        if (s.value) {
          this.visitExpr(s.value);
          this.cur.returnsValue = true;
        }
        break;
      case 'Delete':
        this.visitExprs(s.targets);
        break;
      case 'Assign':
        this.visitExprs(s.targets);
        this.visitExpr(s.value);
        break;
      case 'AnnAssign':
        this.visitAnnAssign(s);
        break;
      case 'AugAssign':
        this.visitExpr(s.target);
        this.visitExpr(s.value);
        break;
      case 'For':
        this.visitExpr(s.target);
        this.visitExpr(s.iter);
        this.visitStmts(s.body);
        this.visitStmts(s.orelse);
        break;
      case 'AsyncFor':
        throw unsupported('async for', s);
      case 'While':
      case 'If':
        this.visitExpr(s.test);
        this.visitStmts(s.body);
        this.visitStmts(s.orelse);
        break;
      case 'Match':
        throw unsupported('the match statement', s);
      case 'Raise':
        if (s.exc) {
          this.visitExpr(s.exc);
          if (s.cause) this.visitExpr(s.cause);
        }
        break;
      case 'Try':
        this.visitStmts(s.body);
        this.visitStmts(s.orelse);
        for (const h of s.handlers) {
          if (h.type) this.visitExpr(h.type);
          if (h.name) this.addDef(h.name, DEF_LOCAL, h);
          this.visitStmts(h.body);
        }
        this.visitStmts(s.finalbody);
        break;
      case 'TryStar':
        throw unsupported('except*', s);
      case 'Assert':
        this.visitExpr(s.test);
        if (s.msg) this.visitExpr(s.msg);
        break;
      case 'Import':
      case 'ImportFrom':
        for (const a of s.names) this.visitAlias(a);
        break;
      case 'Global':
      case 'Nonlocal':
        this.visitDirective(s);
        break;
      case 'Expr':
        this.visitExpr(s.value);
        break;
      case 'Pass':
      case 'Break':
      case 'Continue':
        break;
      case 'With':
        for (const item of s.items) {
          this.visitExpr(item.context_expr);
          if (item.optional_vars) this.visitExpr(item.optional_vars);
        }
        this.visitStmts(s.body);
        break;
      case 'AsyncWith':
        throw unsupported('async with', s);
    }
  }


  visitAnnotations(args: A.Arguments, returns: A.Expr | null): void {
    for (const a of [...args.posonlyargs, ...args.args]) if (a.annotation) this.visitExpr(a.annotation);
    if (args.vararg?.annotation) this.visitExpr(args.vararg.annotation);
    if (args.kwarg?.annotation) this.visitExpr(args.kwarg.annotation);
    for (const a of args.kwonlyargs) if (a.annotation) this.visitExpr(a.annotation);
    if (returns) this.visitExpr(returns);
  }

  visitParams(args: A.Arguments): void {
    for (const a of args.posonlyargs) this.addDef(a.arg, DEF_PARAM, a);
    for (const a of args.args) this.addDef(a.arg, DEF_PARAM, a);
    for (const a of args.kwonlyargs) this.addDef(a.arg, DEF_PARAM, a);
    if (args.vararg) {
      this.addDef(args.vararg.arg, DEF_PARAM, args.vararg);
      this.cur.varargs = true;
    }
    if (args.kwarg) {
      this.addDef(args.kwarg.arg, DEF_PARAM, args.kwarg);
      this.cur.varkeywords = true;
    }
  }

  visitExpr(e: A.Expr): void {
    switch (e.kind) {
      case 'NamedExpr':
        if (this.cur.compIterExpr > 0) {
          throw errorAt('assignment expression cannot be used in a comprehension iterable expression', e);
        }
        if (this.cur.comprehension) this.extendNamedExprScope(e.target);
        this.visitExpr(e.value);
        this.visitExpr(e.target);
        break;
      case 'BoolOp':
        this.visitExprs(e.values);
        break;
      case 'BinOp':
        this.visitExpr(e.left);
        this.visitExpr(e.right);
        break;
      case 'UnaryOp':
        this.visitExpr(e.operand);
        break;
      case 'Lambda':
        this.visitExprs(e.args.defaults);
        this.visitExprs(e.args.kw_defaults);
        this.enterBlock('lambda', 'function', e, e.lineno);
        this.visitParams(e.args);
        this.visitExpr(e.body);
        this.exitBlock();
        break;
      case 'IfExp':
        this.visitExpr(e.test);
        this.visitExpr(e.body);
        this.visitExpr(e.orelse);
        break;
      case 'Dict':
        this.visitExprs(e.keys);
        this.visitExprs(e.values);
        break;
      case 'Set':
        this.visitExprs(e.elts);
        break;
      case 'GeneratorExp':
        this.handleComprehension(e, 'genexpr', e.generators, e.elt, null, 'gen');
        break;
      case 'ListComp':
        this.handleComprehension(e, 'listcomp', e.generators, e.elt, null, 'list');
        break;
      case 'SetComp':
        this.handleComprehension(e, 'setcomp', e.generators, e.elt, null, 'set');
        break;
      case 'DictComp':
        this.handleComprehension(e, 'dictcomp', e.generators, e.key, e.value, 'dict');
        break;
      case 'Yield':
        if (e.value) this.visitExpr(e.value);
        this.cur.generator = true;
        if (this.cur.comprehension) this.raiseIfComprehension(e);
        break;
      case 'YieldFrom':
        this.visitExpr(e.value);
        this.cur.generator = true;
        if (this.cur.comprehension) this.raiseIfComprehension(e);
        break;
      case 'Await':
        this.visitExpr(e.value);
        this.cur.coroutine = true;
        break;
      case 'Compare':
        this.visitExpr(e.left);
        this.visitExprs(e.comparators);
        break;
      case 'Call':
        this.visitExpr(e.func);
        this.visitExprs(e.args);
        for (const k of e.keywords) this.visitExpr(k.value);
        break;
      case 'FormattedValue':
        this.visitExpr(e.value);
        if (e.format_spec) this.visitExpr(e.format_spec);
        break;
      case 'JoinedStr':
        this.visitExprs(e.values);
        break;
      case 'Constant':
        break;
      case 'Attribute':
        this.visitExpr(e.value);
        break;
      case 'Subscript':
        this.visitExpr(e.value);
        this.visitExpr(e.slice);
        break;
      case 'Starred':
        this.visitExpr(e.value);
        break;
      case 'Slice':
        if (e.lower) this.visitExpr(e.lower);
        if (e.upper) this.visitExpr(e.upper);
        if (e.step) this.visitExpr(e.step);
        break;
      case 'Name':
        this.addDef(e.id, e.ctx === 'Load' ? USE : DEF_LOCAL, e);
        // Special-case super: it counts as a use of __class__
        if (e.ctx === 'Load' && this.cur.type === 'function' && e.id === 'super') {
          this.addDef('__class__', USE, e);
        }
        break;
      case 'List':
      case 'Tuple':
        this.visitExprs(e.elts);
        break;
    }
  }



}

// ---------------------------------------------------------------------------
// Analysis (analyze_block and friends)

function directiveError(ste: SymTableEntry, name: string, msg: string): CompileError {
  return errorAt(msg, ste.directives.get(name) ?? null);
}

function analyzeName(
  ste: SymTableEntry,
  scopes: Map<string, number>,
  name: string,
  flags: number,
  bound: Set<string> | null,
  local: Set<string>,
  free: Set<string>,
  global: Set<string>,
): void {
  if (flags & DEF_GLOBAL) {
    if (flags & DEF_NONLOCAL) throw directiveError(ste, name, `name '${name}' is nonlocal and global`);
    scopes.set(name, GLOBAL_EXPLICIT);
    global.add(name);
    if (bound) bound.delete(name);
    return;
  }
  if (flags & DEF_NONLOCAL) {
    if (!bound) throw directiveError(ste, name, 'nonlocal declaration not allowed at module level');
    if (!bound.has(name)) throw directiveError(ste, name, `no binding for nonlocal '${name}' found`);
    scopes.set(name, FREE);
    ste.free = true;
    free.add(name);
    return;
  }
  if (flags & DEF_BOUND) {
    scopes.set(name, LOCAL);
    local.add(name);
    global.delete(name);
    return;
  }
  if (bound && bound.has(name)) {
    scopes.set(name, FREE);
    ste.free = true;
    free.add(name);
    return;
  }
  if (global.has(name)) {
    scopes.set(name, GLOBAL_IMPLICIT);
    return;
  }
  if (ste.nested) ste.free = true;
  scopes.set(name, GLOBAL_IMPLICIT);
}

export function isFreeInAnyChild(entry: SymTableEntry, key: string): boolean {
  return entry.children.some((c) => c.getScope(key) === FREE);
}

function analyzeBlock(
  ste: SymTableEntry,
  bound: Set<string> | null,
  free: Set<string>,
  global: Set<string>,
): void {
  const local = new Set<string>();
  const scopes = new Map<string, number>();
  const newglobal = new Set<string>();
  const newfree = new Set<string>();
  const newbound = new Set<string>();
  const inlinedCells = new Set<string>();

  if (ste.type === 'class') {
    for (const g of global) newglobal.add(g);
    if (bound) for (const b of bound) newbound.add(b);
  }
  for (const [name, flags] of ste.symbols) {
    analyzeName(ste, scopes, name, flags, bound, local, free, global);
  }
  if (ste.type !== 'class') {
    if (ste.isFunctionLike()) for (const l of local) newbound.add(l);
    if (bound) for (const b of bound) newbound.add(b);
    for (const g of global) newglobal.add(g);
  } else {
    newbound.add('__class__');
  }

  for (const entry of ste.children) {
    const inlineComp = entry.comprehension !== null && !entry.generator;
    const childFree = new Set(newfree);
    analyzeBlock(entry, new Set(newbound), childFree, new Set(newglobal));
    if (inlineComp) inlineComprehension(ste, entry, scopes, childFree, inlinedCells);
    for (const f of childFree) newfree.add(f);
    if (entry.free || entry.childFree) ste.childFree = true;
  }
  // Splice the children of inlined comprehensions into our own children
  const spliced: SymTableEntry[] = [];
  for (const c of ste.children) {
    if (c.compInlined) spliced.push(...c.children);
    else spliced.push(c);
  }
  ste.children = spliced;

  if (ste.isFunctionLike()) {
    // analyze_cells: locals that children need become cells
    for (const [name, scope] of scopes) {
      if (scope !== LOCAL) continue;
      if (!newfree.has(name) && !inlinedCells.has(name)) continue;
      scopes.set(name, CELL);
      newfree.delete(name);
    }
  } else if (ste.type === 'class') {
    if (newfree.delete('__class__')) ste.needsClassClosure = true;
  }
  updateSymbols(ste.symbols, scopes, bound, newfree, inlinedCells, ste.type === 'class');
  for (const f of newfree) free.add(f);
}

function updateSymbols(
  symbols: Map<string, number>,
  scopes: Map<string, number>,
  bound: Set<string> | null,
  free: Set<string>,
  inlinedCells: Set<string>,
  classflag: boolean,
): void {
  for (const [name, v] of symbols) {
    let flags = v & ((1 << SCOPE_OFFSET) - 1);
    if (inlinedCells.has(name)) flags |= DEF_COMP_CELL;
    const scope = scopes.get(name) ?? 0;
    symbols.set(name, flags | (scope << SCOPE_OFFSET));
  }
  for (const name of free) {
    const v = symbols.get(name);
    if (v !== undefined) {
      // a method's free variable with the same name as a class-level name
      if (classflag) symbols.set(name, v | DEF_FREE_CLASS);
      continue;
    }
    if (bound && !bound.has(name)) continue; // a global
    symbols.set(name, FREE << SCOPE_OFFSET);
  }
}

function analyze(top: SymTableEntry): void {
  analyzeBlock(top, null, new Set(), new Set());
}

/** _PySymtable_Build */
export function buildSymtable(mod: A.Module): SymTable {
  const st = new SymTable();
  st.build(mod);
  return st;
}

// comprehensions: an on-demand part (compile/comprehensions.ts)
export interface SymTable {
  raiseIfComprehension(e: A.Expr): never;
  extendNamedExprScope(target: A.Name): void;
  handleComprehension(
    e: A.Expr, scopeName: string, generators: A.Comprehension[], elt: A.Expr, value: A.Expr | null, kind: CompKind,
  ): void;
}
deferPrototype(parts.comprehensions, 'SymTable', SymTable.prototype, ['raiseIfComprehension', 'extendNamedExprScope', 'handleComprehension']);
const inlineComprehension = deferredMethod<(
  ste: SymTableEntry, comp: SymTableEntry, scopes: Map<string, number>, compFree: Set<string>, inlinedCells: Set<string>,
) => void>(parts.comprehensions, 'inlineComprehension');

// import statements: an on-demand part (compile/imports.ts)
export interface SymTable {
  visitAlias(a: A.Alias): void;
}
deferPrototype(parts.imports, 'SymTable', SymTable.prototype, ['visitAlias']);

// global and nonlocal statements: an on-demand part (compile/directives.ts)
export interface SymTable {
  visitDirective(s: A.Global | A.Nonlocal): void;
}
deferPrototype(parts.del, 'SymTable', SymTable.prototype, ['visitDirective']);

// annotated assignments: an on-demand part (compile/annotations.ts)
export interface SymTable {
  visitAnnAssign(s: A.AnnAssign): void;
}
deferPrototype(parts.annotations, 'SymTable', SymTable.prototype, ['visitAnnAssign']);

// class statements: with the rest of class creation, an on-demand part (compile/classdef.ts)
export interface SymTable {
  visitClassDef(s: A.ClassDef): void;
}
deferPrototype(parts.classes, 'SymTable', SymTable.prototype, ['visitClassDef']);
