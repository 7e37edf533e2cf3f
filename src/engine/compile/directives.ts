/**
 * del, global and nonlocal statements, parsed and analysed (with the del
 * instructions, eval/deletion.ts, an on-demand part, see ondemand.ts: the
 * words `del`, `global` and `nonlocal` load it). Each function is a method
 * of Parser or SymTable (a stub on its prototype), moved here verbatim.
 */
import type * as A from '../parse/ast.js';
import type { Parser, Spanned } from '../parse/parser.js';
import type { Token } from '../parse/tokenizer.js';
import { type SymTable, mangle, DEF_PARAM, DEF_LOCAL, DEF_GLOBAL, DEF_NONLOCAL, DEF_ANNOT, USE } from './symtable.js';
import { errorAt } from './errors.js';
// the modules whose prototypes hold this part's stubs, evaluated first (ondemand.ts checks every stub has its code)
import '../parse/parser.js';
import './symtable.js';

// ---------------------------------------------------------------- parser

function parseDirective(this: Parser, t: Token): A.Global | A.Nonlocal {
  this.next();
  const names: string[] = [];
  let last: Token = t;
  do {
    if (!this.atName()) this.invalid();
    last = this.next();
    names.push(last.value);
  } while (this.eat(','));
  return t.value === 'global'
    ? this.fin<A.Global>({ kind: 'Global', names }, t, last)
    : this.fin<A.Nonlocal>({ kind: 'Nonlocal', names }, t, last);
}

function parseDel(this: Parser): A.Delete {
  const t = this.next();
  const targets: A.Expr[] = [];
  let last: Spanned = t;
  do {
    if (this.tok.type === 'NEWLINE' || this.at(';')) break;
    const e = this.starExpressionOrBitOr();
    this.setCtx(e, 'Del', 'del');
    targets.push(e);
    last = e;
  } while (this.eat(','));
  if (targets.length === 0) this.invalid();
  if (this.at(',', this.prev())) last = this.prev();
  if (!(this.tok.type === 'NEWLINE' || this.at(';'))) this.invalid();
  return this.fin<A.Delete>({ kind: 'Delete', targets }, t, last);
}

// ---------------------------------------------------------------- symbol table

function visitDirective(this: SymTable, s: A.Global | A.Nonlocal): void {
  // symtable.c spells the two statements out twice; only the word and the flag differ
  const word = s.kind === 'Global' ? 'global' : 'nonlocal';
  const flag = s.kind === 'Global' ? DEF_GLOBAL : DEF_NONLOCAL;
  for (const name of s.names) {
    const cur = this.cur.getSymbol(mangle(this.privateName, name));
    if (cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT)) {
      let msg: string;
      if (cur & DEF_PARAM) msg = `name '${name}' is parameter and ${word}`;
      else if (cur & USE) msg = `name '${name}' is used prior to ${word} declaration`;
      else if (cur & DEF_ANNOT) msg = `annotated name '${name}' can't be ${word}`;
      else msg = `name '${name}' is assigned to before ${word} declaration`;
      throw errorAt(msg, s);
    }
    this.addDef(name, flag, s);
    this.recordDirective(name, s);
  }
}

/** The implementations, by `Class.method`. */
export const directives = {
  'Parser.delStmt': parseDel,
  'Parser.directive': parseDirective,
  'SymTable.visitDirective': visitDirective,
};
