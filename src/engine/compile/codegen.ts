/** Code generation from the AST: CPython 3.12's Python/compile.c (compiler_visit_*, scopes, fblocks, inlined comprehensions). */

import type * as A from '../parse/ast.js';
import * as OP from '../bytecode/op.js';
import {
  CO_NESTED, CO_NEWLOCALS, CO_OPTIMIZED, CO_GENERATOR, CO_VARARGS, CO_VARKEYWORDS,
  CO_FAST_LOCAL, CO_FAST_CELL, CO_FAST_FREE, CO_FAST_HIDDEN,
  type CodeObject, type ConstSpec, type ExceptionTableEntry,
} from '../bytecode/code.js';
import {
  SymTable, SymTableEntry, mangle, CELL, FREE, LOCAL, GLOBAL_IMPLICIT, GLOBAL_EXPLICIT,
  DEF_LOCAL, DEF_NONLOCAL, DEF_COMP_CELL, DEF_FREE_CLASS, DEF_IMPORT,
} from './symtable.js';
import {
  Block, CFG, type ConstPool, type Instr, type Loc, NO_LOCATION, SETUP_CLEANUP, SETUP_WITH,
  JUMP, STORE_FAST_MAYBE_NULL, isTerminator, optimizeCodeUnit, stackdepth,
  convertPseudoOps, normalizeJumps,
} from './flowgraph.js';
import { errorAt, unsupported } from './errors.js';
import { parts, deferPrototype } from '../ondemand.js';

export const STACK_USE_GUIDELINE = 30;

const INTRINSIC_PRINT = 1;
export const INTRINSIC_IMPORT_STAR = 2;
const INTRINSIC_STOPITERATION_ERROR = 3;
const INTRINSIC_UNARY_POSITIVE = 5;
export const INTRINSIC_LIST_TO_TUPLE = 6;
void INTRINSIC_PRINT;

const BINOP: Record<A.OperatorKind, number> = {
  Add: 0, BitAnd: 1, FloorDiv: 2, LShift: 3, MatMult: 4, Mult: 5, Mod: 6, BitOr: 7, Pow: 8,
  RShift: 9, Sub: 10, Div: 11, BitXor: 12,
};
const INPLACE = 13;
// COMPARE_OP oparg: (Py_LT.. << 4) | compare mask (3.12)
const CMP: Partial<Record<A.CmpOpKind, number>> = {
  Lt: (0 << 4) | 2, LtE: (1 << 4) | 10, Eq: (2 << 4) | 8, NotEq: (3 << 4) | 7, Gt: (4 << 4) | 4, GtE: (5 << 4) | 12,
};

type ScopeType = 'module' | 'class' | 'function' | 'lambda' | 'comprehension';

export type FBlockType =
  | 'WHILE_LOOP' | 'FOR_LOOP' | 'TRY_EXCEPT' | 'FINALLY_TRY' | 'FINALLY_END' | 'WITH'
  | 'HANDLER_CLEANUP' | 'POP_VALUE' | 'EXCEPTION_HANDLER' | 'STOP_ITERATION';

export interface FBlock {
  type: FBlockType;
  block: Block | null;
  exit: Block | null;
  /** finally body, with statement, or handler name */
  datum: A.Stmt[] | A.With | string | null;
}

export function loc(n: A.Pos): Loc {
  return { lineno: n.lineno, end_lineno: n.end_lineno, col: n.col_offset, end_col: n.end_col_offset };
}

let codeKeyCounter = 0;

/** A const's identity for deduplication: type-aware, like the compiler's const cache keys. */
export function constKey(c: ConstSpec): string {
  switch (c.type) {
    case 'int': return 'i' + c.value.toString();
    case 'float': return 'f' + (Object.is(c.value, -0) ? '-0' : String(c.value));
    case 'complex': return 'c' + (Object.is(c.real ?? 0, -0) ? '-0' : String(c.real ?? 0)) + ',' + (Object.is(c.imag, -0) ? '-0' : String(c.imag));
    case 'str': return 's' + c.value;
    case 'bytes': return 'b' + Array.from(c.value).join(',');
    case 'bool': return c.value ? 'T' : 'F';
    case 'None': return 'N';
    case 'Ellipsis': return 'E';
    case 'tuple': return 't(' + c.items.map(constKey).join('|') + ')';
    case 'frozenset': return 'z(' + c.items.map(constKey).join('|') + ')';
    case 'code': return 'code' + codeKeyCounter++;
  }
}

class Unit implements ConstPool {
  consts: ConstSpec[] = [];
  constIndex = new Map<string, number>();
  names = new Map<string, number>();
  varnames = new Map<string, number>();
  cellvars = new Map<string, number>();
  freevars = new Map<string, number>();
  fasthidden = new Map<string, boolean>();
  privateName: string | null = null;
  argcount = 0;
  posonlyargcount = 0;
  kwonlyargcount = 0;
  qualname = '';
  entry = new Block(false);
  cur: Block = this.entry;
  fblocks: FBlock[] = [];
  inInlinedComp = 0;
  constructor(
    public ste: SymTableEntry,
    public name: string,
    public scopeType: ScopeType,
    public firstlineno: number,
  ) {
    ste.varnames.forEach((v, i) => this.varnames.set(v, i));
    const sorted = (pred: (name: string, flags: number, scope: number) => boolean, offset: number) => {
      const keys = [...ste.symbols.keys()].filter((k) => pred(k, ste.getSymbol(k), ste.getScope(k))).sort();
      const m = new Map<string, number>();
      keys.forEach((k, i) => m.set(k, i + offset));
      return m;
    };
    this.cellvars = sorted((_k, f, s) => s === CELL || (f & DEF_COMP_CELL) !== 0, 0);
    if (ste.needsClassClosure) this.cellvars.set('__class__', this.cellvars.size);
    this.freevars = sorted((_k, f, s) => s === FREE || (f & DEF_FREE_CLASS) !== 0, this.cellvars.size);
  }
  add(c: ConstSpec): number {
    const key = constKey(c);
    const i = this.constIndex.get(key);
    if (i !== undefined) return i;
    this.consts.push(c);
    this.constIndex.set(key, this.consts.length - 1);
    return this.consts.length - 1;
  }
}

export function dictAdd(m: Map<string, number>, k: string): number {
  const i = m.get(k);
  if (i !== undefined) return i;
  m.set(k, m.size);
  return m.size - 1;
}

function constValue(e: A.Expr): ConstSpec {
  return (e as A.Constant).value as ConstSpec;
}

export class Compiler {
  u!: Unit;
  stack: Unit[] = [];
  constructor(
    public st: SymTable,
    public filename: string,
  ) {}

  // ---- emission ----------------------------------------------------------

  maybeNewBlock(): void {
    const last = this.u.cur.last();
    if (last && isTerminator(last.op)) {
      const b = new Block(false);
      this.u.cur.next = b;
      this.u.cur = b;
    }
  }

  addop(op: number, arg: number, l: Loc, target: Block | null = null): void {
    this.maybeNewBlock();
    const i: Instr = { op, arg, target, loc: l, except: null };
    this.u.cur.instrs.push(i);
  }
  op0(op: number, l: Loc): void {
    this.addop(op, 0, l);
  }
  jump(op: number, target: Block, l: Loc): void {
    this.addop(op, 0, l, target);
  }
  newLabel(): Block {
    return new Block(true);
  }
  useLabel(b: Block): void {
    this.u.cur.next = b;
    this.u.cur = b;
  }
  loadConst(c: ConstSpec, l: Loc): void {
    this.addop(OP.LOAD_CONST, this.u.add(c), l);
  }
  none: ConstSpec = { type: 'None' };

  /** ADDOP_NAME: mangled, with LOAD_ATTR/LOAD_METHOD/LOAD_SUPER_* oparg encodings */
  addopName(op: number | 'LOAD_METHOD' | 'LOAD_SUPER_METHOD' | 'LOAD_ZERO_SUPER_METHOD' | 'LOAD_ZERO_SUPER_ATTR', name: string, l: Loc): void {
    let arg = dictAdd(this.u.names, mangle(this.u.privateName, name));
    let opcode: number;
    if (op === OP.LOAD_ATTR) {
      opcode = op;
      arg <<= 1;
    } else if (op === 'LOAD_METHOD') {
      opcode = OP.LOAD_ATTR;
      arg = (arg << 1) | 1;
    } else if (op === OP.LOAD_SUPER_ATTR) {
      opcode = op;
      arg = (arg << 2) | 2;
    } else if (op === 'LOAD_SUPER_METHOD') {
      opcode = OP.LOAD_SUPER_ATTR;
      arg = (arg << 2) | 3;
    } else if (op === 'LOAD_ZERO_SUPER_ATTR') {
      opcode = OP.LOAD_SUPER_ATTR;
      arg <<= 2;
    } else if (op === 'LOAD_ZERO_SUPER_METHOD') {
      opcode = OP.LOAD_SUPER_ATTR;
      arg = (arg << 2) | 1;
    } else {
      opcode = op;
    }
    this.addop(opcode, arg, l);
  }
  /** ADDOP_N: an unmangled name */
  addopN(op: number, name: string, l: Loc): void {
    this.addop(op, dictAdd(this.u.names, name), l);
  }

  // ---- scopes ------------------------------------------------------------

  enterScope(name: string, scopeType: ScopeType, node: object, lineno: number): void {
    const ste = this.st.lookup(node);
    const u = new Unit(ste, name, scopeType, lineno);
    if (this.u) {
      u.privateName = this.u.privateName;
      this.stack.push(this.u);
    }
    this.u = u;
    const l: Loc = { lineno, end_lineno: lineno, col: 0, end_col: 0 };
    if (scopeType === 'module') {
      l.lineno = 0;
    } else {
      this.setQualname();
    }
    this.addop(OP.RESUME, 0, l);
  }

  exitScope(): void {
    this.u = this.stack.pop()!;
  }

  /** `super().x` or `super(C, self).x` (compiler_can_optimize_super_call): the rest of the check is in compile/classdef.ts */
  canOptimizeSuperCall(attr: A.Attribute): boolean {
    const e = attr.value;
    if (e.kind !== 'Call' || e.func.kind !== 'Name' || e.func.id !== 'super') return false;
    return this.superCallOk(attr);
  }
  setQualname(): void {
    const u = this.u;
    let base: string | null = null;
    if (this.stack.length > 1) {
      const parent = this.stack[this.stack.length - 1];
      let forceGlobal = false;
      if (u.scopeType === 'function' || u.scopeType === 'class') {
        const mangled = mangle(parent.privateName, u.name);
        if (parent.ste.getScope(mangled) === GLOBAL_EXPLICIT) forceGlobal = true;
      }
      if (!forceGlobal) {
        if (parent.scopeType === 'function' || parent.scopeType === 'lambda') base = parent.qualname + '.<locals>';
        else base = parent.qualname;
      }
    }
    u.qualname = base !== null ? base + '.' + u.name : u.name;
  }

  // ---- names -------------------------------------------------------------

  nameop(name: string, ctx: A.ExprContext, l: Loc): void {
    const u = this.u;
    if (ctx !== 'Load' && name === '__debug__') throw errorAt(`cannot ${ctx === 'Del' ? 'delete' : 'assign to'} __debug__`, locPos(l));
    const mangled = mangle(u.privateName, name);
    const scope = u.ste.getScope(mangled);
    let optype: 'FAST' | 'GLOBAL' | 'DEREF' | 'NAME' = 'NAME';
    let dict = u.names;
    switch (scope) {
      case FREE:
        dict = u.freevars;
        optype = 'DEREF';
        break;
      case CELL:
        dict = u.cellvars;
        optype = 'DEREF';
        break;
      case LOCAL:
        if (u.ste.isFunctionLike() || u.fasthidden.get(mangled) === true) optype = 'FAST';
        break;
      case GLOBAL_IMPLICIT:
        if (u.ste.isFunctionLike()) optype = 'GLOBAL';
        break;
      case GLOBAL_EXPLICIT:
        optype = 'GLOBAL';
        break;
    }
    let op = 0;
    switch (optype) {
      case 'DEREF':
        if (ctx === 'Load') {
          if (u.ste.type === 'class' && !u.inInlinedComp) {
            op = OP.LOAD_FROM_DICT_OR_DEREF;
            this.op0(OP.LOAD_LOCALS, l);
          } else {
            op = OP.LOAD_DEREF;
          }
        } else op = ctx === 'Store' ? OP.STORE_DEREF : OP.DELETE_DEREF;
        break;
      case 'FAST':
        op = ctx === 'Load' ? OP.LOAD_FAST : ctx === 'Store' ? OP.STORE_FAST : OP.DELETE_FAST;
        this.addop(op, dictAdd(u.varnames, mangled), l);
        return;
      case 'GLOBAL':
        op = ctx === 'Load' ? OP.LOAD_GLOBAL : ctx === 'Store' ? OP.STORE_GLOBAL : OP.DELETE_GLOBAL;
        break;
      case 'NAME':
        if (ctx === 'Load') op = u.ste.type === 'class' && u.inInlinedComp ? OP.LOAD_GLOBAL : OP.LOAD_NAME;
        else op = ctx === 'Store' ? OP.STORE_NAME : OP.DELETE_NAME;
        break;
    }
    let arg = dictAdd(dict, mangled);
    if (op === OP.LOAD_GLOBAL) arg <<= 1;
    this.addop(op, arg, l);
  }

  /** a name's slot for varnames-addressed ops used directly (LOAD_FAST_AND_CLEAR …) */
  varnameOp(op: number, name: string, l: Loc): void {
    this.addop(op, dictAdd(this.u.varnames, name), l);
  }

  getRefType(name: string): number {
    if (this.u.scopeType === 'class' && name === '__class__') return CELL;
    return this.u.ste.getScope(name);
  }

  // ---- module / bodies ---------------------------------------------------

  compileModule(mod: A.Module): CodeObject {
    this.enterScope('<module>', 'module', mod, 1);
    const first = mod.body[0];
    this.body(first ? loc(first) : NO_LOCATION, mod.body);
    const code = this.assemble(true);
    return code;
  }

  /** eval() mode (compiler_codegen's Expression_kind): the expression's value is the result */
  compileExpression(mod: A.Module, e: A.Expr): CodeObject {
    this.enterScope('<module>', 'module', mod, 1);
    this.expr(e);
    return this.assemble(false);
  }

  findAnn(stmts: A.Stmt[]): boolean {
    for (const s of stmts) {
      switch (s.kind) {
        case 'AnnAssign': return true;
        case 'For': case 'AsyncFor': case 'While': case 'If':
          if (this.findAnn(s.body) || this.findAnn(s.orelse)) return true;
          break;
        case 'With': case 'AsyncWith':
          if (this.findAnn(s.body)) return true;
          break;
        case 'Try': case 'TryStar':
          if (this.findAnn(s.body) || this.findAnn(s.orelse) || this.findAnn(s.finalbody)) return true;
          for (const h of s.handlers) if (this.findAnn(h.body)) return true;
          break;
      }
    }
    return false;
  }

  docstring(body: A.Stmt[]): string | null {
    const s = body[0];
    if (s && s.kind === 'Expr' && s.value.kind === 'Constant' && s.value.value.type === 'str') return s.value.value.value;
    return null;
  }

  body(l: Loc, stmts: A.Stmt[]): void {
    if (this.u.scopeType === 'module' && stmts.length) l = loc(stmts[0]);
    if (this.findAnn(stmts)) this.op0(OP.SETUP_ANNOTATIONS, l);
    if (!stmts.length) return;
    let i = 0;
    if (this.docstring(stmts) !== null) {
      i = 1;
      this.expr((stmts[0] as A.ExprStmt).value);
      this.nameop('__doc__', 'Store', NO_LOCATION);
    }
    for (; i < stmts.length; i++) this.stmt(stmts[i]);
  }

  // ---- statements --------------------------------------------------------

  stmts(body: A.Stmt[]): void {
    for (const s of body) this.stmt(s);
  }

  stmt(s: A.Stmt): void {
    const l = loc(s);
    switch (s.kind) {
      case 'FunctionDef': return this.functionDef(s);
      case 'ClassDef': return this.classDef(s);
      case 'Return': return this.returnStmt(s);
      case 'Delete':
        for (const t of s.targets) this.expr(t);
        return;
      case 'Assign': {
        this.expr(s.value);
        const n = s.targets.length;
        for (let i = 0; i < n; i++) {
          if (i < n - 1) this.addop(OP.COPY, 1, l);
          this.expr(s.targets[i]);
        }
        return;
      }
      case 'AugAssign': return this.augassign(s);
      case 'AnnAssign': return this.annassign(s);
      case 'For': return this.forStmt(s);
      case 'While': return this.whileStmt(s);
      case 'If': return this.ifStmt(s);
      case 'With': return this.withStmt(s, 0);
      case 'Raise': {
        let n = 0;
        if (s.exc) {
          this.expr(s.exc);
          n++;
          if (s.cause) {
            this.expr(s.cause);
            n++;
          }
        }
        this.addop(OP.RAISE_VARARGS, n, l);
        return;
      }
      case 'Try':
        if (s.finalbody.length) this.tryFinally(s);
        else this.tryExcept(s);
        return;
      case 'Assert': {
        const end = this.newLabel();
        this.jumpIf(s.test, end, true);
        this.op0(OP.LOAD_ASSERTION_ERROR, l);
        if (s.msg) {
          this.expr(s.msg);
          this.addop(OP.CALL, 0, l);
        }
        this.addop(OP.RAISE_VARARGS, 1, l);
        this.useLabel(end);
        return;
      }
      case 'Import': return this.importStmt(s);
      case 'ImportFrom': return this.importFrom(s);
      case 'Global':
      case 'Nonlocal':
        return;
      case 'Expr':
        if (s.value.kind === 'Constant') {
          this.op0(OP.NOP, l);
          return;
        }
        this.expr(s.value);
        this.op0(OP.POP_TOP, NO_LOCATION);
        return;
      case 'Pass':
        this.op0(OP.NOP, l);
        return;
      case 'Break': return this.breakStmt(l, s);
      case 'Continue': return this.continueStmt(l, s);
      case 'AsyncFunctionDef': throw unsupported('async functions', s);
      case 'AsyncFor': throw unsupported('async for', s);
      case 'AsyncWith': throw unsupported('async with', s);
      case 'Match': throw unsupported('the match statement', s);
      case 'TryStar': throw unsupported('except*', s);
    }
  }

  returnStmt(s: A.Return): void {
    let l = loc(s);
    const preserveTos = s.value !== null && s.value.kind !== 'Constant';
    if (!this.u.ste.isFunctionLike()) throw errorAt("'return' outside function", s);
    if (preserveTos) {
      this.expr(s.value!);
    } else if (s.value) {
      // the constant's own position, which the return then keeps
      l = loc(s.value);
      this.op0(OP.NOP, l);
    }
    if (!s.value || s.value.lineno !== s.lineno) {
      l = loc(s);
      this.op0(OP.NOP, l);
    }
    l = this.unwindFblockStack(l, preserveTos, null).loc;
    if (!s.value) this.loadConst(this.none, l);
    else if (!preserveTos) this.loadConst(constValue(s.value), l);
    this.op0(OP.RETURN_VALUE, l);
  }

  breakStmt(l: Loc, s: A.Pos): void {
    this.op0(OP.NOP, l);
    const r = this.unwindFblockStack(l, false, true);
    if (!r.loop) throw errorAt("'break' outside loop", s);
    const l2 = this.unwindFblock(r.loc, r.loop, false);
    this.jump(JUMP, r.loop.exit!, l2);
  }

  continueStmt(l: Loc, s: A.Pos): void {
    this.op0(OP.NOP, l);
    const r = this.unwindFblockStack(l, false, true);
    if (!r.loop) throw errorAt("'continue' not properly in loop", s);
    this.jump(JUMP, r.loop.block!, r.loc);
  }

  pushFblock(type: FBlockType, block: Block | null, exit: Block | null, datum: FBlock['datum'] = null): void {
    this.u.fblocks.push({ type, block, exit, datum });
  }
  popFblock(): void {
    this.u.fblocks.pop();
  }

  unwindFblock(l: Loc, info: FBlock, preserveTos: boolean): Loc {
    switch (info.type) {
      case 'WHILE_LOOP':
      case 'EXCEPTION_HANDLER':
      case 'STOP_ITERATION':
        return l;
      case 'FOR_LOOP':
        if (preserveTos) this.addop(OP.SWAP, 2, l);
        this.op0(OP.POP_TOP, l);
        return l;
      case 'POP_VALUE':
        if (preserveTos) this.addop(OP.SWAP, 2, l);
        this.op0(OP.POP_TOP, l);
        return l;
      default:
        // the blocks of try and with statements (compile/trywith.ts)
        return this.unwindTryFblock(l, info, preserveTos);
    }
  }

  unwindFblockStack(l: Loc, preserveTos: boolean, wantLoop: boolean | null): { loc: Loc; loop: FBlock | null } {
    const fbs = this.u.fblocks;
    if (fbs.length === 0) return { loc: l, loop: null };
    const top = fbs[fbs.length - 1];
    if (wantLoop && (top.type === 'WHILE_LOOP' || top.type === 'FOR_LOOP')) return { loc: l, loop: top };
    fbs.pop();
    l = this.unwindFblock(l, top, preserveTos);
    const r = this.unwindFblockStack(l, preserveTos, wantLoop);
    fbs.push(top);
    return r;
  }

  ifStmt(s: A.If): void {
    const end = this.newLabel();
    const next = s.orelse.length ? this.newLabel() : end;
    this.jumpIf(s.test, next, false);
    this.stmts(s.body);
    if (s.orelse.length) {
      this.jump(JUMP, end, NO_LOCATION);
      this.useLabel(next);
      this.stmts(s.orelse);
    }
    this.useLabel(end);
  }

  forStmt(s: A.For): void {
    const l = loc(s);
    const start = this.newLabel();
    const body = this.newLabel();
    const cleanup = this.newLabel();
    const end = this.newLabel();
    this.pushFblock('FOR_LOOP', start, end);
    this.expr(s.iter);
    this.op0(OP.GET_ITER, l);
    this.useLabel(start);
    this.jump(OP.FOR_ITER, cleanup, l);
    this.useLabel(body);
    this.expr(s.target);
    this.stmts(s.body);
    this.jump(JUMP, start, NO_LOCATION);
    this.useLabel(cleanup);
    this.op0(OP.END_FOR, NO_LOCATION);
    this.popFblock();
    this.stmts(s.orelse);
    this.useLabel(end);
  }

  whileStmt(s: A.While): void {
    const loop = this.newLabel();
    const body = this.newLabel();
    const end = this.newLabel();
    const anchor = this.newLabel();
    this.useLabel(loop);
    this.pushFblock('WHILE_LOOP', loop, end);
    this.jumpIf(s.test, anchor, false);
    this.useLabel(body);
    this.stmts(s.body);
    this.jumpIf(s.test, body, true);
    this.popFblock();
    this.useLabel(anchor);
    this.stmts(s.orelse);
    this.useLabel(end);
  }








  augassign(s: A.AugAssign): void {
    const e = s.target;
    let l = loc(e);
    switch (e.kind) {
      case 'Attribute':
        this.expr(e.value);
        this.addop(OP.COPY, 1, l);
        l = updateStartLocationToMatchAttr(l, e);
        this.addopName(OP.LOAD_ATTR, e.attr, l);
        break;
      case 'Subscript':
        this.expr(e.value);
        if (isTwoElementSlice(e.slice)) {
          this.slice(e.slice as A.Slice);
          this.addop(OP.COPY, 3, l);
          this.addop(OP.COPY, 3, l);
          this.addop(OP.COPY, 3, l);
          this.op0(OP.BINARY_SLICE, l);
        } else {
          this.expr(e.slice);
          this.addop(OP.COPY, 2, l);
          this.addop(OP.COPY, 2, l);
          this.op0(OP.BINARY_SUBSCR, l);
        }
        break;
      case 'Name':
        this.nameop(e.id, 'Load', l);
        break;
      default:
        throw errorAt("'" + e.kind + "' is an illegal expression for augmented assignment", e);
    }
    this.expr(s.value);
    this.addop(OP.BINARY_OP, BINOP[s.op] + INPLACE, loc(s));
    l = loc(e);
    switch (e.kind) {
      case 'Attribute':
        l = updateStartLocationToMatchAttr(l, e);
        this.addop(OP.SWAP, 2, l);
        this.addopName(OP.STORE_ATTR, e.attr, l);
        break;
      case 'Subscript':
        if (isTwoElementSlice(e.slice)) {
          this.addop(OP.SWAP, 4, l);
          this.addop(OP.SWAP, 3, l);
          this.addop(OP.SWAP, 2, l);
          this.op0(OP.STORE_SLICE, l);
        } else {
          this.addop(OP.SWAP, 3, l);
          this.addop(OP.SWAP, 2, l);
          this.op0(OP.STORE_SUBSCR, l);
        }
        break;
      case 'Name':
        this.nameop(e.id, 'Store', l);
        break;
    }
  }



  // ---- functions and classes --------------------------------------------

  decorators(decos: A.Expr[]): void {
    for (const d of decos) this.expr(d);
  }
  applyDecorators(decos: A.Expr[]): void {
    for (let i = decos.length - 1; i >= 0; i--) this.addop(OP.CALL, 0, loc(decos[i]));
  }

  defaultArguments(l: Loc, args: A.Arguments): number {
    let flags = 0;
    if (args.defaults.length) {
      for (const d of args.defaults) this.expr(d);
      this.addop(OP.BUILD_TUPLE, args.defaults.length, l);
      flags |= 0x01;
    }
    const keys: ConstSpec[] = [];
    for (let i = 0; i < args.kwonlyargs.length; i++) {
      const d = args.kw_defaults[i];
      if (d) {
        keys.push({ type: 'str', value: mangle(this.u.privateName, args.kwonlyargs[i].arg) });
        this.expr(d);
      }
    }
    if (keys.length) {
      this.loadConst({ type: 'tuple', items: keys }, l);
      this.addop(OP.BUILD_CONST_KEY_MAP, keys.length, l);
      flags |= 0x02;
    }
    return flags;
  }

  annotations(l: Loc, args: A.Arguments, returns: A.Expr | null): number {
    let n = 0;
    const one = (id: string, ann: A.Expr | null) => {
      if (!ann) return;
      this.loadConst({ type: 'str', value: mangle(this.u.privateName, id) }, l);
      if (ann.kind === 'Starred') {
        this.expr(ann.value);
        this.addop(OP.UNPACK_SEQUENCE, 1, l);
      } else this.expr(ann);
      n += 2;
    };
    for (const a of args.args) one(a.arg, a.annotation);
    for (const a of args.posonlyargs) one(a.arg, a.annotation);
    if (args.vararg) one(args.vararg.arg, args.vararg.annotation);
    for (const a of args.kwonlyargs) one(a.arg, a.annotation);
    if (args.kwarg) one(args.kwarg.arg, args.kwarg.annotation);
    one('return', returns);
    if (n) {
      this.addop(OP.BUILD_TUPLE, n, l);
      return 1;
    }
    return 0;
  }

  checkDebugArgs(args: A.Arguments): void {
    for (const a of [...args.posonlyargs, ...args.args, ...args.kwonlyargs, args.vararg, args.kwarg]) {
      if (a && a.arg === '__debug__') throw errorAt('cannot assign to __debug__', a);
    }
  }

  functionDef(s: A.FunctionDef): void {
    this.checkDebugArgs(s.args);
    this.decorators(s.decorator_list);
    const firstlineno = s.decorator_list.length ? s.decorator_list[0].lineno : s.lineno;
    const l = loc(s);
    let flags = this.defaultArguments(l, s.args);
    if (this.annotations(l, s.args, s.returns)) flags |= 0x04;
    // compiler_function_body
    this.enterScope(s.name, 'function', s, firstlineno);
    const doc = this.docstring(s.body);
    this.u.add(doc !== null ? { type: 'str', value: doc } : this.none);
    this.u.argcount = s.args.args.length;
    this.u.posonlyargcount = s.args.posonlyargs.length;
    this.u.kwonlyargcount = s.args.kwonlyargs.length;
    for (let i = doc !== null ? 1 : 0; i < s.body.length; i++) this.stmt(s.body[i]);
    if (this.u.ste.generator || this.u.ste.coroutine) this.wrapInStopIterationHandler();
    const co = this.assemble(true);
    this.exitScope();
    this.makeClosure(l, co, flags);
    this.applyDecorators(s.decorator_list);
    this.nameop(s.name, 'Store', l);
  }

  wrapInStopIterationHandler(): void {
    const handler = this.newLabel();
    // SETUP_CLEANUP goes at the very start of the code unit, before RESUME
    this.u.entry.instrs.unshift({ op: SETUP_CLEANUP, arg: 0, target: handler, loc: NO_LOCATION, except: null });
    this.loadConst(this.none, NO_LOCATION);
    this.op0(OP.RETURN_VALUE, NO_LOCATION);
    this.useLabel(handler);
    this.addop(OP.CALL_INTRINSIC_1, INTRINSIC_STOPITERATION_ERROR, NO_LOCATION);
    this.addop(OP.RERAISE, 1, NO_LOCATION);
  }

  makeClosure(l: Loc, co: CodeObject, flags: number): void {
    if (co.co_nfreevars) {
      const first = co.co_localsplusnames.length - co.co_nfreevars;
      for (let i = first; i < co.co_localsplusnames.length; i++) {
        const name = co.co_localsplusnames[i];
        const reftype = this.getRefType(name);
        const arg = reftype === CELL ? this.u.cellvars.get(name) : this.u.freevars.get(name);
        if (arg === undefined) throw errorAt(`compiler: no cell for free variable '${name}'`, locPos(l));
        this.addop(OP.LOAD_CLOSURE, arg, l);
      }
      flags |= 0x08;
      this.addop(OP.BUILD_TUPLE, co.co_nfreevars, l);
    }
    this.loadConst({ type: 'code', code: co }, l);
    this.addop(OP.MAKE_FUNCTION, flags, l);
  }


  lambda(e: A.Lambda): void {
    this.checkDebugArgs(e.args);
    const l = loc(e);
    const flags = this.defaultArguments(l, e.args);
    this.enterScope('<lambda>', 'lambda', e, e.lineno);
    this.u.add(this.none);
    this.u.argcount = e.args.args.length;
    this.u.posonlyargcount = e.args.posonlyargs.length;
    this.u.kwonlyargcount = e.args.kwonlyargs.length;
    this.expr(e.body);
    let co: CodeObject;
    if (this.u.ste.generator) {
      co = this.assemble(false);
    } else {
      this.op0(OP.RETURN_VALUE, { lineno: e.lineno, end_lineno: e.lineno, col: 0, end_col: 0 });
      co = this.assemble(true);
    }
    this.exitScope();
    this.makeClosure(l, co, flags);
  }

  // ---- expressions -------------------------------------------------------

  expr(e: A.Expr): void {
    const l = loc(e);
    switch (e.kind) {
      case 'NamedExpr':
        this.expr(e.value);
        this.addop(OP.COPY, 1, l);
        this.expr(e.target);
        return;
      case 'BoolOp': {
        const jumpi = e.op === 'And' ? OP.POP_JUMP_IF_FALSE : OP.POP_JUMP_IF_TRUE;
        const end = this.newLabel();
        const n = e.values.length - 1;
        for (let i = 0; i < n; i++) {
          this.expr(e.values[i]);
          this.addop(OP.COPY, 1, l);
          this.jump(jumpi, end, l);
          this.op0(OP.POP_TOP, l);
        }
        this.expr(e.values[n]);
        this.useLabel(end);
        return;
      }
      case 'BinOp':
        this.expr(e.left);
        this.expr(e.right);
        this.addop(OP.BINARY_OP, BINOP[e.op], l);
        return;
      case 'UnaryOp':
        this.expr(e.operand);
        if (e.op === 'UAdd') this.addop(OP.CALL_INTRINSIC_1, INTRINSIC_UNARY_POSITIVE, l);
        else this.op0(e.op === 'Invert' ? OP.UNARY_INVERT : e.op === 'Not' ? OP.UNARY_NOT : OP.UNARY_NEGATIVE, l);
        return;
      case 'Lambda':
        return this.lambda(e);
      case 'IfExp': {
        const end = this.newLabel();
        const next = this.newLabel();
        this.jumpIf(e.test, next, false);
        this.expr(e.body);
        this.jump(JUMP, end, NO_LOCATION);
        this.useLabel(next);
        this.expr(e.orelse);
        this.useLabel(end);
        return;
      }
      case 'Dict':
        return this.dict(e);
      case 'Set':
        return this.starunpackHelper(l, e.elts, 0, OP.BUILD_SET, OP.SET_ADD, OP.SET_UPDATE, false);
      case 'GeneratorExp':
        return this.comprehension(e, 'gen', '<genexpr>', e.generators, e.elt, null);
      case 'ListComp':
        return this.comprehension(e, 'list', '<listcomp>', e.generators, e.elt, null);
      case 'SetComp':
        return this.comprehension(e, 'set', '<setcomp>', e.generators, e.elt, null);
      case 'DictComp':
        return this.comprehension(e, 'dict', '<dictcomp>', e.generators, e.key, e.value);
      case 'Yield':
      case 'YieldFrom':
        return this.compileYield(e);
      case 'Await':
        if (!this.u.ste.isFunctionLike()) throw errorAt("'await' outside function", e);
        throw unsupported('await', e);
      case 'Compare':
        return this.compare(e);
      case 'Call':
        return this.call(e);
      case 'FormattedValue': {
        this.expr(e.value);
        let oparg = e.conversion === 115 ? 1 : e.conversion === 114 ? 2 : e.conversion === 97 ? 3 : 0;
        if (e.format_spec) {
          this.expr(e.format_spec);
          oparg |= 4;
        }
        this.addop(OP.FORMAT_VALUE, oparg, l);
        return;
      }
      case 'JoinedStr': {
        const n = e.values.length;
        if (n > STACK_USE_GUIDELINE) {
          this.loadConst({ type: 'str', value: '' }, l);
          this.addopName('LOAD_METHOD', 'join', l);
          this.addop(OP.BUILD_LIST, 0, l);
          for (const v of e.values) {
            this.expr(v);
            this.addop(OP.LIST_APPEND, 1, l);
          }
          this.addop(OP.CALL, 1, l);
        } else {
          for (const v of e.values) this.expr(v);
          if (n !== 1) this.addop(OP.BUILD_STRING, n, l);
        }
        return;
      }
      case 'Constant':
        this.loadConst(e.value as ConstSpec, l);
        return;
      case 'Attribute': {
        if (e.ctx === 'Load' && this.canOptimizeSuperCall(e)) {
          const call = e.value as A.Call;
          this.loadArgsForSuper(call);
          this.addopName(call.args.length ? OP.LOAD_SUPER_ATTR : 'LOAD_ZERO_SUPER_ATTR', e.attr, l);
          this.op0(OP.NOP, updateStartLocationToMatchAttr(l, e));
          return;
        }
        this.expr(e.value);
        const l2 = updateStartLocationToMatchAttr(l, e);
        if (e.ctx === 'Load') this.addopName(OP.LOAD_ATTR, e.attr, l2);
        else if (e.ctx === 'Store') {
          if (e.attr === '__debug__') throw errorAt('cannot assign to __debug__', e);
          this.addopName(OP.STORE_ATTR, e.attr, l2);
        } else this.addopName(OP.DELETE_ATTR, e.attr, l2);
        return;
      }
      case 'Subscript':
        this.expr(e.value);
        if (isTwoElementSlice(e.slice) && e.ctx !== 'Del') {
          this.slice(e.slice as A.Slice);
          this.op0(e.ctx === 'Load' ? OP.BINARY_SLICE : OP.STORE_SLICE, l);
        } else {
          this.expr(e.slice);
          this.op0(e.ctx === 'Load' ? OP.BINARY_SUBSCR : e.ctx === 'Store' ? OP.STORE_SUBSCR : OP.DELETE_SUBSCR, l);
        }
        return;
      case 'Starred':
        if (e.ctx === 'Store') throw errorAt('starred assignment target must be in a list or tuple', e);
        throw errorAt("can't use starred expression here", e);
      case 'Slice': {
        const n = this.slice(e);
        this.addop(OP.BUILD_SLICE, n, l);
        return;
      }
      case 'Name':
        this.nameop(e.id, e.ctx, l);
        return;
      case 'List':
        if (e.ctx === 'Store') return this.assignmentHelper(l, e.elts);
        if (e.ctx === 'Load') return this.starunpackHelper(l, e.elts, 0, OP.BUILD_LIST, OP.LIST_APPEND, OP.LIST_EXTEND, false);
        for (const x of e.elts) this.expr(x);
        return;
      case 'Tuple':
        if (e.ctx === 'Store') return this.assignmentHelper(l, e.elts);
        if (e.ctx === 'Load') return this.starunpackHelper(l, e.elts, 0, OP.BUILD_LIST, OP.LIST_APPEND, OP.LIST_EXTEND, true);
        for (const x of e.elts) this.expr(x);
        return;
    }
  }

  slice(s: A.Slice): number {
    const l = loc(s);
    let n = 2;
    if (s.lower) this.expr(s.lower);
    else this.loadConst(this.none, l);
    if (s.upper) this.expr(s.upper);
    else this.loadConst(this.none, l);
    if (s.step) {
      n++;
      this.expr(s.step);
    }
    return n;
  }

  addCompare(op: A.CmpOpKind, l: Loc): void {
    switch (op) {
      case 'Is': this.addop(OP.IS_OP, 0, l); return;
      case 'IsNot': this.addop(OP.IS_OP, 1, l); return;
      case 'In': this.addop(OP.CONTAINS_OP, 0, l); return;
      case 'NotIn': this.addop(OP.CONTAINS_OP, 1, l); return;
      default: this.addop(OP.COMPARE_OP, CMP[op]!, l);
    }
  }

  compare(e: A.Compare): void {
    const l = loc(e);
    this.expr(e.left);
    const n = e.ops.length - 1;
    if (n === 0) {
      this.expr(e.comparators[0]);
      this.addCompare(e.ops[0], l);
      return;
    }
    const cleanup = this.newLabel();
    for (let i = 0; i < n; i++) {
      this.expr(e.comparators[i]);
      this.addop(OP.SWAP, 2, l);
      this.addop(OP.COPY, 2, l);
      this.addCompare(e.ops[i], l);
      this.addop(OP.COPY, 1, l);
      this.jump(OP.POP_JUMP_IF_FALSE, cleanup, l);
      this.op0(OP.POP_TOP, l);
    }
    this.expr(e.comparators[n]);
    this.addCompare(e.ops[n], l);
    const end = this.newLabel();
    this.jump(JUMP, end, NO_LOCATION);
    this.useLabel(cleanup);
    this.addop(OP.SWAP, 2, l);
    this.op0(OP.POP_TOP, l);
    this.useLabel(end);
  }

  /** compiler_jump_if: branch on an expression without materializing a bool where possible */
  jumpIf(e: A.Expr, next: Block, cond: boolean): void {
    switch (e.kind) {
      case 'UnaryOp':
        if (e.op === 'Not') return this.jumpIf(e.operand, next, !cond);
        break;
      case 'BoolOp': {
        const s = e.values;
        const n = s.length - 1;
        const cond2 = e.op === 'Or';
        let next2 = next;
        if (cond2 !== cond) next2 = this.newLabel();
        for (let i = 0; i < n; i++) this.jumpIf(s[i], next2, cond2);
        this.jumpIf(s[n], next, cond);
        if (next2 !== next) this.useLabel(next2);
        return;
      }
      case 'IfExp': {
        const end = this.newLabel();
        const next2 = this.newLabel();
        this.jumpIf(e.test, next2, false);
        this.jumpIf(e.body, next, cond);
        this.jump(JUMP, end, NO_LOCATION);
        this.useLabel(next2);
        this.jumpIf(e.orelse, next, cond);
        this.useLabel(end);
        return;
      }
      case 'Compare': {
        const n = e.ops.length - 1;
        if (n > 0) {
          const l = loc(e);
          const cleanup = this.newLabel();
          this.expr(e.left);
          for (let i = 0; i < n; i++) {
            this.expr(e.comparators[i]);
            this.addop(OP.SWAP, 2, l);
            this.addop(OP.COPY, 2, l);
            this.addCompare(e.ops[i], l);
            this.jump(OP.POP_JUMP_IF_FALSE, cleanup, l);
          }
          this.expr(e.comparators[n]);
          this.addCompare(e.ops[n], l);
          this.jump(cond ? OP.POP_JUMP_IF_TRUE : OP.POP_JUMP_IF_FALSE, next, l);
          const end = this.newLabel();
          this.jump(JUMP, end, NO_LOCATION);
          this.useLabel(cleanup);
          this.op0(OP.POP_TOP, l);
          if (!cond) this.jump(JUMP, next, NO_LOCATION);
          this.useLabel(end);
          return;
        }
        break;
      }
    }
    this.expr(e);
    this.jump(cond ? OP.POP_JUMP_IF_TRUE : OP.POP_JUMP_IF_FALSE, next, loc(e));
  }

  unpackHelper(l: Loc, elts: A.Expr[]): void {
    const n = elts.length;
    let seenStar = false;
    for (let i = 0; i < n; i++) {
      const elt = elts[i];
      if (elt.kind === 'Starred' && !seenStar) {
        if (i >= 1 << 8 || n - i - 1 >= 8388607) throw errorAt('too many expressions in star-unpacking assignment', locPos(l));
        this.addop(OP.UNPACK_EX, i + ((n - i - 1) << 8), l);
        seenStar = true;
      } else if (elt.kind === 'Starred') {
        throw errorAt('multiple starred expressions in assignment', locPos(l));
      }
    }
    if (!seenStar) this.addop(OP.UNPACK_SEQUENCE, n, l);
  }

  assignmentHelper(l: Loc, elts: A.Expr[]): void {
    this.unpackHelper(l, elts);
    for (const elt of elts) this.expr(elt.kind === 'Starred' ? elt.value : elt);
  }

  starunpackHelper(l: Loc, elts: A.Expr[], pushed: number, build: number, add: number, extend: number, tuple: boolean): void {
    const n = elts.length;
    if (n > 2 && elts.every((e) => e.kind === 'Constant')) {
      let folded: ConstSpec = { type: 'tuple', items: elts.map(constValue) };
      if (tuple && !pushed) {
        this.loadConst(folded, l);
      } else {
        if (add === OP.SET_ADD) folded = { type: 'frozenset', items: (folded as { items: ConstSpec[] }).items };
        this.addop(build, pushed, l);
        this.loadConst(folded, l);
        this.addop(extend, 1, l);
        if (tuple) this.addop(OP.CALL_INTRINSIC_1, INTRINSIC_LIST_TO_TUPLE, l);
      }
      return;
    }
    const big = n + pushed > STACK_USE_GUIDELINE;
    const seenStar = elts.some((e) => e.kind === 'Starred');
    if (!seenStar && !big) {
      for (const e of elts) this.expr(e);
      this.addop(tuple ? OP.BUILD_TUPLE : build, n + pushed, l);
      return;
    }
    this.starunpackBuild(l, elts, pushed, build, add, extend, tuple, big);
  }

  subdict(e: A.Dict, begin: number, end: number): void {
    const n = end - begin;
    const big = n * 2 > STACK_USE_GUIDELINE;
    const l = loc(e);
    const keys = e.keys.slice(begin, end);
    if (n > 1 && !big && keys.every((k) => k !== null && k.kind === 'Constant')) {
      for (let i = begin; i < end; i++) this.expr(e.values[i]);
      this.loadConst({ type: 'tuple', items: keys.map((k) => constValue(k!)) }, l);
      this.addop(OP.BUILD_CONST_KEY_MAP, n, l);
      return;
    }
    if (big) this.addop(OP.BUILD_MAP, 0, l);
    for (let i = begin; i < end; i++) {
      this.expr(e.keys[i]!);
      this.expr(e.values[i]);
      if (big) this.addop(OP.MAP_ADD, 1, l);
    }
    if (!big) this.addop(OP.BUILD_MAP, n, l);
  }

  dict(e: A.Dict): void {
    const l = loc(e);
    const n = e.values.length;
    let haveDict = false;
    let elements = 0;
    for (let i = 0; i < n; i++) {
      if (e.keys[i] === null) {
        if (elements) {
          this.subdict(e, i - elements, i);
          if (haveDict) this.addop(OP.DICT_UPDATE, 1, l);
          haveDict = true;
          elements = 0;
        }
        if (!haveDict) {
          this.addop(OP.BUILD_MAP, 0, l);
          haveDict = true;
        }
        this.expr(e.values[i]);
        this.addop(OP.DICT_UPDATE, 1, l);
      } else if (elements * 2 > STACK_USE_GUIDELINE) {
        this.subdict(e, i - elements, i + 1);
        if (haveDict) this.addop(OP.DICT_UPDATE, 1, l);
        haveDict = true;
        elements = 0;
      } else {
        elements++;
      }
    }
    if (elements) {
      this.subdict(e, n - elements, n);
      if (haveDict) this.addop(OP.DICT_UPDATE, 1, l);
      haveDict = true;
    }
    if (!haveDict) this.addop(OP.BUILD_MAP, 0, l);
  }

  // ---- calls -------------------------------------------------------------

  isImportOriginated(e: A.Expr): boolean {
    if (e.kind !== 'Name') return false;
    return (this.st.top.getSymbol(e.id) & DEF_IMPORT) !== 0;
  }



  maybeOptimizeMethodCall(e: A.Call): boolean {
    const meth = e.func;
    if (meth.kind !== 'Attribute' || meth.ctx !== 'Load') return false;
    if (this.isImportOriginated(meth.value)) return false;
    const argsl = e.args.length;
    const kwdsl = e.keywords.length;
    if (argsl + kwdsl + (kwdsl !== 0 ? 1 : 0) >= STACK_USE_GUIDELINE) return false;
    if (e.args.some((a) => a.kind === 'Starred')) return false;
    if (e.keywords.some((k) => k.arg === null)) return false;
    let l = loc(meth);
    if (this.canOptimizeSuperCall(meth)) {
      const call = meth.value as A.Call;
      this.loadArgsForSuper(call);
      this.addopName(call.args.length ? 'LOAD_SUPER_METHOD' : 'LOAD_ZERO_SUPER_METHOD', meth.attr, l);
      l = updateStartLocationToMatchAttr(l, meth);
      this.op0(OP.NOP, l);
    } else {
      this.expr(meth.value);
      l = updateStartLocationToMatchAttr(l, meth);
      this.addopName('LOAD_METHOD', meth.attr, l);
    }
    for (const a of e.args) this.expr(a);
    if (kwdsl) {
      for (const k of e.keywords) this.expr(k.value);
      this.kwNames(l, e.keywords);
    }
    this.addop(OP.CALL, argsl + kwdsl, updateStartLocationToMatchAttr(loc(e), meth));
    return true;
  }

  kwNames(l: Loc, kws: A.Keyword[]): void {
    const names: ConstSpec = { type: 'tuple', items: kws.map((k) => ({ type: 'str', value: k.arg! }) as ConstSpec) };
    this.addop(OP.KW_NAMES, this.u.add(names), l);
  }

  validateKeywords(kws: A.Keyword[]): void {
    for (let i = 0; i < kws.length; i++) {
      const k = kws[i];
      if (k.arg === null) continue;
      if (k.arg === '__debug__') throw errorAt('cannot assign to __debug__', k);
      for (let j = i + 1; j < kws.length; j++) {
        if (kws[j].arg === k.arg) throw errorAt(`keyword argument repeated: ${k.arg}`, kws[j]);
      }
    }
  }

  call(e: A.Call): void {
    this.validateKeywords(e.keywords);
    if (this.maybeOptimizeMethodCall(e)) return;
    this.op0(OP.PUSH_NULL, loc(e.func));
    this.expr(e.func);
    this.callHelper(loc(e), 0, e.args, e.keywords);
  }

  callHelper(l: Loc, n: number, args: A.Expr[], keywords: A.Keyword[]): void {
    this.validateKeywords(keywords);
    const nelts = args.length;
    const nkwelts = keywords.length;
    const exCall =
      nelts + nkwelts * 2 > STACK_USE_GUIDELINE ||
      args.some((a) => a.kind === 'Starred') ||
      keywords.some((k) => k.arg === null);
    if (!exCall) {
      for (const a of args) this.expr(a);
      if (nkwelts) {
        for (const k of keywords) this.expr(k.value);
        this.kwNames(l, keywords);
      }
      this.addop(OP.CALL, n + nelts + nkwelts, l);
      return;
    }
    this.callEx(l, n, args, keywords);
  }

  // ---- comprehensions ----------------------------------------------------






  // ---- assembly ----------------------------------------------------------

  computeCodeFlags(): number {
    const ste = this.u.ste;
    let flags = 0;
    if (ste.isFunctionLike()) {
      flags |= CO_NEWLOCALS | CO_OPTIMIZED;
      if (ste.nested) flags |= CO_NESTED;
      if (ste.generator && !ste.coroutine) flags |= CO_GENERATOR;
      if (ste.varargs) flags |= CO_VARARGS;
      if (ste.varkeywords) flags |= CO_VARKEYWORDS;
    }
    return flags;
  }

  /** optimize_and_assemble: add the implicit return, optimize the CFG and build the code object */
  assemble(addNone: boolean): CodeObject {
    const u = this.u;
    const flags = this.computeCodeFlags();
    if (addNone) this.loadConst(this.none, NO_LOCATION);
    this.op0(OP.RETURN_VALUE, NO_LOCATION);
    const g = new CFG(u.entry);
    const nparams = u.ste.varnames.length;
    const nlocals = u.varnames.size;
    optimizeCodeUnit(g, u, nlocals, nparams, u.firstlineno);

    // prepare_localsplus: names, kinds, prefix instructions, cell offsets
    const nvars = u.varnames.size;
    const localsplus: string[] = [...u.varnames.keys()];
    const kinds: number[] = localsplus.map((k) => (u.fasthidden.has(k) ? CO_FAST_LOCAL | CO_FAST_HIDDEN : CO_FAST_LOCAL));
    const cells = [...u.cellvars.entries()].sort((a, b) => a[1] - b[1]).map((x) => x[0]);
    const frees = [...u.freevars.entries()].sort((a, b) => a[1] - b[1]).map((x) => x[0]);
    const fixedmap: number[] = [];
    for (const c of cells) {
      const argIdx = u.varnames.get(c);
      if (argIdx !== undefined) {
        kinds[argIdx] |= CO_FAST_CELL;
        fixedmap.push(argIdx);
      } else {
        fixedmap.push(localsplus.length);
        localsplus.push(c);
        kinds.push(CO_FAST_CELL);
      }
    }
    for (const f of frees) {
      fixedmap.push(localsplus.length);
      localsplus.push(f);
      kinds.push(CO_FAST_FREE);
    }
    // prefix: COPY_FREE_VARS, MAKE_CELL…, RETURN_GENERATOR, POP_TOP
    const prefix: Instr[] = [];
    if (frees.length) prefix.push({ op: OP.COPY_FREE_VARS, arg: frees.length, target: null, loc: NO_LOCATION, except: null });
    const cellOrder = fixedmap.slice(0, cells.length).map((m, i) => [m, i]).sort((a, b) => a[0] - b[0]);
    for (const [, i] of cellOrder) prefix.push({ op: OP.MAKE_CELL, arg: i, target: null, loc: NO_LOCATION, except: null });
    if (flags & CO_GENERATOR) {
      prefix.push({ op: OP.RETURN_GENERATOR, arg: 0, target: null, loc: { lineno: u.firstlineno, end_lineno: u.firstlineno, col: -1, end_col: -1 }, except: null });
      prefix.push({ op: OP.POP_TOP, arg: 0, target: null, loc: NO_LOCATION, except: null });
    }
    g.entry.instrs.unshift(...prefix);
    const DEREF_OPS = new Set<number>([OP.MAKE_CELL, OP.LOAD_CLOSURE, OP.LOAD_DEREF, OP.STORE_DEREF, OP.DELETE_DEREF, OP.LOAD_FROM_DICT_OR_DEREF]);
    for (const b of g.blocks()) for (const i of b.instrs) if (DEREF_OPS.has(i.op)) i.arg = fixedmap[i.arg];

    const maxdepth = stackdepth(g, (flags & CO_GENERATOR) !== 0);
    convertPseudoOps(g);
    normalizeJumps(g);

    // layout
    const instrs: Instr[] = [];
    for (const b of g.blocks()) {
      b.offset = instrs.length;
      instrs.push(...b.instrs);
    }
    const n = instrs.length;
    const code = new Int32Array(n * 2);
    const positions = new Int32Array(n * 4);
    for (let i = 0; i < n; i++) {
      const ins = instrs[i];
      code[2 * i] = ins.op;
      code[2 * i + 1] = ins.target ? ins.target.offset : ins.arg;
      const p = ins.loc;
      const line = p.lineno > 0 ? p.lineno : -1;
      positions[4 * i] = line;
      positions[4 * i + 1] = line === -1 ? -1 : p.end_lineno;
      positions[4 * i + 2] = line === -1 ? -1 : p.col;
      positions[4 * i + 3] = line === -1 ? -1 : p.end_col;
    }
    // exception table: runs of instructions with the same handler
    const table: ExceptionTableEntry[] = [];
    let cur: Block | null = null;
    let start = -1;
    const emit = (end: number) => {
      if (cur) {
        let depth = cur.startdepth - 1;
        if (cur.preserveLasti) depth -= 1;
        table.push({ start, end, target: cur.offset, depth, lasti: cur.preserveLasti });
      }
    };
    for (let i = 0; i < n; i++) {
      const h = instrs[i].except;
      if (h !== cur) {
        emit(i);
        start = i;
        cur = h;
      }
    }
    emit(n);

    const ncells = cells.filter((c) => !u.varnames.has(c)).length;
    return {
      co_name: u.name,
      co_qualname: u.scopeType === 'module' ? '<module>' : u.qualname,
      co_filename: this.filename,
      co_firstlineno: u.firstlineno,
      co_argcount: u.argcount + u.posonlyargcount,
      co_posonlyargcount: u.posonlyargcount,
      co_kwonlyargcount: u.kwonlyargcount,
      co_flags: flags,
      co_stacksize: maxdepth,
      co_consts: u.consts,
      co_names: [...u.names.keys()],
      co_localsplusnames: localsplus,
      co_localspluskinds: kinds,
      co_nlocals: nvars,
      co_ncellvars: cells.length,
      co_nfreevars: frees.length,
      code,
      positions,
      exceptiontable: table,
      // present from the start, though set only when the code runs: a field
      // added later gives code objects a transition map that dies with the
      // last code object of a run, and V8 then throws away the optimized
      // code that checked for it (acquireFrame, callAt, compiled functions …)
      // and optimizes it again in the next run
      constObjects: undefined,
    };
    void ncells;
  }
}

export interface InlineState {
  pushedLocals: string[];
  tempSymbols: Map<string, number>;
  fastHidden: string[];
  cleanup: Block | null;
  end: Block | null;
}

function isTwoElementSlice(s: A.Expr): boolean {
  return s.kind === 'Slice' && s.step === null;
}

function updateStartLocationToMatchAttr(l: Loc, attr: A.Attribute): Loc {
  if (l.lineno !== attr.end_lineno) {
    const r = { ...l };
    r.lineno = attr.end_lineno;
    const len = attr.attr.length;
    if (len <= attr.end_col_offset) r.col = attr.end_col_offset - len;
    else {
      r.col = -1;
      r.end_col = -1;
    }
    r.end_lineno = Math.max(r.lineno, r.end_lineno);
    if (r.lineno === r.end_lineno) r.end_col = Math.max(r.col, r.end_col);
    return r;
  }
  return l;
}

function locPos(l: Loc): A.Pos {
  return { lineno: l.lineno, end_lineno: l.end_lineno, col_offset: l.col, end_col_offset: l.end_col, start: 0, end: 0 };
}

// try and with statements: an on-demand part (compile/trywith.ts)
export interface Compiler {
  tryExcept(s: A.Try): void;
  tryFinally(s: A.Try): void;
  callExitWithNones(l: Loc): void;
  withStmt(s: A.With, pos: number): void;
  popExceptAndReraise(l: Loc): void;
  unwindTryFblock(l: Loc, info: FBlock, preserveTos: boolean): Loc;
}
deferPrototype(parts.trywith, 'Compiler', Compiler.prototype, [
  'tryExcept', 'tryFinally', 'callExitWithNones', 'withStmt', 'popExceptAndReraise', 'unwindTryFblock',
]);

// comprehensions: an on-demand part (compile/comprehensions.ts)
export interface Compiler {
  comprehension(
    e: A.Expr, type: 'gen' | 'list' | 'set' | 'dict', name: string, generators: A.Comprehension[], elt: A.Expr, val: A.Expr | null,
  ): void;
  comprehensionGenerator(
    l: Loc, generators: A.Comprehension[], genIndex: number, depth: number, elt: A.Expr, val: A.Expr | null,
    type: 'gen' | 'list' | 'set' | 'dict', iterOnStack: boolean,
  ): void;
  pushInlinedComprehensionState(l: Loc, entry: SymTableEntry): InlineState;
  restoreInlinedComprehensionLocals(l: Loc, state: InlineState): void;
  popInlinedComprehensionState(l: Loc, state: InlineState): void;
}
deferPrototype(parts.comprehensions, 'Compiler', Compiler.prototype, [
  'comprehension', 'comprehensionGenerator', 'pushInlinedComprehensionState', 'restoreInlinedComprehensionLocals',
  'popInlinedComprehensionState',
]);

// import statements: an on-demand part (compile/imports.ts)
export interface Compiler {
  importStmt(s: A.Import): void;
  importFrom(s: A.ImportFrom): void;
}
deferPrototype(parts.imports, 'Compiler', Compiler.prototype, ['importStmt', 'importFrom']);

// yield and yield from: with the passes for exception handlers, an on-demand part (compile/generators.ts)
export interface Compiler {
  compileYield(e: A.Yield | A.YieldFrom): void;
  addYieldFrom(l: Loc): void;
}
deferPrototype(parts.handlers, 'Compiler', Compiler.prototype, ['compileYield', 'addYieldFrom']);

// annotated assignments: an on-demand part (compile/annotations.ts)
export interface Compiler {
  annassign(s: A.AnnAssign): void;
  checkAnnExpr(e: A.Expr): void;
}
deferPrototype(parts.annotations, 'Compiler', Compiler.prototype, ['annassign', 'checkAnnExpr']);

// calls with *args or **kwargs (or very many arguments), displays with a
// starred item (or very many items): with the instructions they compile to,
// an on-demand part (compile/unpacking.ts)
export interface Compiler {
  callEx(l: Loc, n: number, args: A.Expr[], keywords: A.Keyword[]): void;
  subkwargs(l: Loc, kws: A.Keyword[], begin: number, end: number): void;
  starunpackBuild(
    l: Loc, elts: A.Expr[], pushed: number, build: number, add: number, extend: number, tuple: boolean, big: boolean,
  ): void;
}
deferPrototype(parts.unpacking, 'Compiler', Compiler.prototype, ['callEx', 'subkwargs', 'starunpackBuild']);

// class statements and super() calls: with the rest of class creation, an on-demand part (compile/classdef.ts)
export interface Compiler {
  classDef(s: A.ClassDef): void;
  superCallOk(attr: A.Attribute): boolean;
  loadArgsForSuper(e: A.Call): void;
}
deferPrototype(parts.classes, 'Compiler', Compiler.prototype, ['classDef', 'superCallOk', 'loadArgsForSuper']);
