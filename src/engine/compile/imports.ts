/**
 * import statements, parsed, analysed and compiled (an on-demand part, see
 * ondemand.ts): the word `import` loads it. Each function is a method of
 * Parser, SymTable or Compiler (a stub on its prototype), moved here verbatim.
 */
import type * as A from '../parse/ast.js';
import type { Parser, Spanned } from '../parse/parser.js';
import type { Token } from '../parse/tokenizer.js';
import type { ConstSpec } from '../bytecode/code.js';
import * as OP from '../bytecode/op.js';
import { type Compiler, INTRINSIC_IMPORT_STAR, loc } from './codegen.js';
import { type SymTable, DEF_IMPORT } from './symtable.js';
import { NO_LOCATION } from './flowgraph.js';
import { errorAt } from './errors.js';
// the module whose prototype holds the parser's stubs, evaluated first (ondemand.ts checks every stub has its code)
import '../parse/parser.js';

// ---------------------------------------------------------------- parser

function parseImport(this: Parser): A.Import {
  const t = this.next();
  const names: A.Alias[] = [];
  do {
    const d = this.dottedName();
    let asname: string | null = null;
    let end: Token = d.last;
    if (this.eat('as')) {
      if (!this.atName()) this.invalid();
      end = this.next();
      asname = end.value;
    }
    names.push(this.fin<A.Alias>({ kind: 'alias', name: d.name, asname }, d.first, end));
  } while (this.eat(','));
  return this.fin<A.Import>({ kind: 'Import', names }, t, names[names.length - 1]);
}

function fromImport(this: Parser): A.ImportFrom {
  const t = this.next();
  let level = 0;
  while (this.at('.') || this.at('...')) level += this.next().value.length;
  let module: string | null = null;
  if (!this.at('import')) module = this.dottedName().name;
  else if (level === 0) this.invalid();
  if (!this.eat('import')) this.invalid();
  const names: A.Alias[] = [];
  let end: Spanned;
  if (this.at('*')) {
    const star = this.next();
    names.push(this.fin<A.Alias>({ kind: 'alias', name: '*', asname: null }, star, star));
    end = star;
  } else {
    const paren = this.eat('(');
    for (;;) {
      if (!this.atName()) this.invalid();
      const n = this.next();
      let e: Token = n;
      let asname: string | null = null;
      if (this.eat('as')) {
        if (!this.atName()) this.invalid();
        e = this.next();
        asname = e.value;
      }
      names.push(this.fin<A.Alias>({ kind: 'alias', name: n.value, asname }, n, e));
      if (!this.at(',')) break;
      const comma = this.next();
      if (paren && this.at(')')) break;
      if (!paren && (this.tok.type === 'NEWLINE' || this.at(';'))) {
        void comma;
        this.raise('trailing comma not allowed without surrounding parentheses', this.tok);
      }
    }
    end = names[names.length - 1];
    if (paren) end = this.expect(')');
  }
  return this.fin<A.ImportFrom>({ kind: 'ImportFrom', module, names, level }, t, end);
}

function dottedName(this: Parser): { name: string; first: Token; last: Token } {
  if (!this.atName()) this.invalid();
  const first = this.next();
  let name = first.value;
  let last = first;
  while (this.at('.')) {
    this.next();
    if (!this.atName()) this.invalid();
    last = this.next();
    name += '.' + last.value;
  }
  return { name, first, last };
}


// ---------------------------------------------------------------- symbol table

function visitAlias(this: SymTable, a: A.Alias): void {
  // `import a.b` binds `a`
  const storeName = a.asname ?? a.name.split('.')[0];
  if (a.name === '*') {
    if (this.cur.type !== 'module') throw errorAt('import * only allowed at module level', a);
    return;
  }
  this.addDef(storeName, DEF_IMPORT, a);
}


// ---------------------------------------------------------------- compiler

function importStmt(this: Compiler, s: A.Import): void {
  const l = loc(s);
  for (const alias of s.names) {
    this.loadConst({ type: 'int', value: 0n }, l);
    this.loadConst(this.none, l);
    this.addopName(OP.IMPORT_NAME, alias.name, l);
    if (alias.asname) {
      const parts = alias.name.split('.');
      if (parts.length > 1) {
        for (let i = 1; i < parts.length; i++) {
          this.addopN(OP.IMPORT_FROM, parts[i], l);
          if (i === parts.length - 1) break;
          this.addop(OP.SWAP, 2, l);
          this.op0(OP.POP_TOP, l);
        }
        this.nameop(alias.asname, 'Store', l);
        this.op0(OP.POP_TOP, l);
      } else {
        this.nameop(alias.asname, 'Store', l);
      }
    } else {
      this.nameop(alias.name.split('.')[0], 'Store', l);
    }
  }
}

function importFrom(this: Compiler, s: A.ImportFrom): void {
  const l = loc(s);
  this.loadConst({ type: 'int', value: BigInt(s.level) }, l);
  this.loadConst({ type: 'tuple', items: s.names.map((a) => ({ type: 'str', value: a.name }) as ConstSpec) }, l);
  this.addopName(OP.IMPORT_NAME, s.module ?? '', l);
  for (let i = 0; i < s.names.length; i++) {
    const alias = s.names[i];
    if (i === 0 && alias.name === '*') {
      this.addop(OP.CALL_INTRINSIC_1, INTRINSIC_IMPORT_STAR, l);
      this.op0(OP.POP_TOP, NO_LOCATION);
      return;
    }
    this.addopName(OP.IMPORT_FROM, alias.name, l);
    this.nameop(alias.asname ?? alias.name, 'Store', l);
  }
  this.op0(OP.POP_TOP, l);
}


/** The implementations, by `Class.method`. */
export const imports = {
  'Parser.importStmt': parseImport,
  'Parser.fromImport': fromImport,
  'Parser.dottedName': dottedName,
  'SymTable.visitAlias': visitAlias,
  'Compiler.importStmt': importStmt,
  'Compiler.importFrom': importFrom,
};
