/**
 * Class statements parsed, analysed and compiled, and the compiler's
 * `super().x` optimization (with objects/classcreation.ts, the on-demand part
 * that makes classes; see ondemand.ts): the words class and super load it.
 * Each function is a method of Parser, SymTable or Compiler (a stub on its
 * prototype), moved here verbatim.
 */
import type * as A from '../parse/ast.js';
import type { Parser } from '../parse/parser.js';
import * as OP from '../bytecode/op.js';
import { type Compiler, loc } from './codegen.js';
import { type SymTable, DEF_LOCAL, GLOBAL_IMPLICIT, FREE } from './symtable.js';
import { type Loc, NO_LOCATION } from './flowgraph.js';
// the modules whose prototypes hold this part's stubs, evaluated first (ondemand.ts checks every stub has its code)
import '../parse/parser.js';
import './codegen.js';

// ---------------------------------------------------------------- parser

function parseClassDef(this: Parser, decorator_list: A.Expr[]): A.ClassDef {
  this.enter();
  const t = this.next();
  if (!this.atName()) this.invalid();
  const name = this.next().value;
  if (this.at('[')) this.unsupported('type parameter lists', this.tok);
  let bases: A.Expr[] = [];
  let keywords: A.Keyword[] = [];
  if (this.at('(')) {
    const open = this.next();
    ({ args: bases, keywords } = this.callArguments(open));
  }
  this.expectColon();
  const body = this.block('class definition', t);
  this.depth--;
  return this.fin<A.ClassDef>({ kind: 'ClassDef', name, bases, keywords, body, decorator_list }, t, this.lastOf(body));
}

// ---------------------------------------------------------------- symtable

function visitClassDef(this: SymTable, s: A.ClassDef): void {
  this.addDef(s.name, DEF_LOCAL, s);
  this.visitExprs(s.bases);
  for (const k of s.keywords) this.visitExpr(k.value);
  this.visitExprs(s.decorator_list);
  this.enterBlock(s.name, 'class', s, s.lineno);
  const savedPrivate = this.privateName;
  this.privateName = s.name;
  this.visitStmts(s.body);
  this.privateName = savedPrivate;
  this.exitBlock();
}

// ---------------------------------------------------------------- compiler

function compileClassDef(this: Compiler, s: A.ClassDef): void {
  const decos = s.decorator_list;
  this.decorators(decos);
  const firstlineno = decos.length ? decos[0].lineno : s.lineno;
  let l = loc(s);
  // compiler_class_body
  this.enterScope(s.name, 'class', s, firstlineno);
  const l0: Loc = { lineno: firstlineno, end_lineno: firstlineno, col: 0, end_col: 0 };
  this.u.privateName = s.name;
  this.nameop('__name__', 'Load', l0);
  this.nameop('__module__', 'Store', l0);
  this.loadConst({ type: 'str', value: this.u.qualname }, l0);
  this.nameop('__qualname__', 'Store', l0);
  this.body(l0, s.body);
  if (this.u.ste.needsClassClosure) {
    const i = this.u.cellvars.get('__class__')!;
    this.addop(OP.LOAD_CLOSURE, i, NO_LOCATION);
    this.addop(OP.COPY, 1, NO_LOCATION);
    this.nameop('__classcell__', 'Store', NO_LOCATION);
  } else {
    this.loadConst(this.none, NO_LOCATION);
  }
  this.op0(OP.RETURN_VALUE, NO_LOCATION);
  const co = this.assemble(true);
  this.exitScope();
  l = loc(s);
  this.op0(OP.PUSH_NULL, l);
  this.op0(OP.LOAD_BUILD_CLASS, l);
  this.makeClosure(l, co, 0);
  this.loadConst({ type: 'str', value: s.name }, l);
  this.callHelper(l, 2, s.bases, s.keywords);
  this.applyDecorators(decos);
  this.nameop(s.name, 'Store', l);
}

function superCallOk(this: Compiler, attr: A.Attribute): boolean {
  const e = attr.value;
  if (e.kind !== 'Call' || e.func.kind !== 'Name' || e.func.id !== 'super' || attr.attr === '__class__' || e.keywords.length !== 0) return false;
  if (this.u.ste.getScope('super') !== GLOBAL_IMPLICIT) return false;
  if (this.st.top.getScope('super') !== 0) return false;
  if (e.args.length === 2) return e.args.every((a) => a.kind !== 'Starred');
  if (e.args.length !== 0) return false;
  if (this.u.argcount === 0 && this.u.posonlyargcount === 0) return false;
  return this.getRefType('__class__') === FREE;
}

function loadArgsForSuper(this: Compiler, e: A.Call): void {
  const l = loc(e);
  this.nameop((e.func as A.Name).id, 'Load', loc(e.func));
  if (e.args.length === 2) {
    this.expr(e.args[0]);
    this.expr(e.args[1]);
    return;
  }
  this.nameop('__class__', 'Load', l);
  const first = [...this.u.varnames.keys()][0];
  this.nameop(first, 'Load', l);
}

export const classDefs = {
  'Parser.classDef': parseClassDef,
  'SymTable.visitClassDef': visitClassDef,
  'Compiler.classDef': compileClassDef,
  'Compiler.superCallOk': superCallOk,
  'Compiler.loadArgsForSuper': loadArgsForSuper,
};
