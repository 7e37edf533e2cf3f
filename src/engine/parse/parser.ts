/**
 * A hand-written recursive-descent parser for Python 3.12: the counterpart of
 * CPython's Grammar/python.gram (generated into Parser/parser.c), including
 * the `invalid_*` rules that produce CPython's friendlier SyntaxError messages.
 */
import type * as A from './ast.js';
import { PySyntaxError, type ParseWarning } from './errors.js';
import type { Token } from './tokenizer.js';
import { LineMap } from './tokenizer.js';
import { parts, deferred, deferPrototype } from '../ondemand.js';
import { decodeBytes, decodeStr, invalidEscapes, splitStringToken, StringError } from './strings.js';

const KEYWORDS = new Set([
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue',
  'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in',
  'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
]);

const AUGASSIGN: Record<string, A.OperatorKind> = {
  '+=': 'Add', '-=': 'Sub', '*=': 'Mult', '@=': 'MatMult', '/=': 'Div', '%=': 'Mod', '&=': 'BitAnd',
  '|=': 'BitOr', '^=': 'BitXor', '<<=': 'LShift', '>>=': 'RShift', '**=': 'Pow', '//=': 'FloorDiv',
};

/**
 * Deepest expression/statement nesting we accept. CPython 3.12 accepts ~1000
 * nested unary operators and fails near 3000 with RecursionError/MemoryError,
 * which a SyntaxErrorInfo cannot express; past this depth we report
 * "not supported by the simulator" instead of overflowing the JS stack.
 */
const MAX_DEPTH = 2000;

/** Anything with a source span: a token or a node. */
export type Spanned = Token | A.Pos;

/** A name, attribute or subscript: what augmented and annotated assignments accept (single_target). */
export function isSingleTarget(e: A.Expr): boolean {
  return e.kind === 'Name' || e.kind === 'Attribute' || e.kind === 'Subscript';
}

function sLine(s: Spanned): number { return s.lineno; }
function sCol(s: Spanned): number { return 'col_offset' in s ? s.col_offset : s.col; }
function eLine(s: Spanned): number { return s.end_lineno; }
function eCol(s: Spanned): number { return 'end_col_offset' in s ? s.end_col_offset : s.end_col; }

type Target = 'star' | 'del' | 'for';

/** binary operators by precedence, loosest first (bitwise_or … term) */
const BIN_LEVELS: Record<string, A.OperatorKind>[] = [
  { '|': 'BitOr' },
  { '^': 'BitXor' },
  { '&': 'BitAnd' },
  { '<<': 'LShift', '>>': 'RShift' },
  { '+': 'Add', '-': 'Sub' },
  { '*': 'Mult', '/': 'Div', '//': 'FloorDiv', '%': 'Mod', '@': 'MatMult' },
];

export const TOO_DEEP = 'not supported by the simulator: source nested too deeply to parse';

/** Human names of node kinds in error messages (_PyPegen_get_expr_name): syntax-error diagnostics, parse/diagnostics.ts. */
const exprName = deferred<(e: A.Expr) => string>(parts.diagnostics, 'exprName');

export class Parser {
  i = 0;
  depth = 0;
  /** nodes written inside their own parentheses (matters for AnnAssign.simple and error rules) */
  mixError = false;
  readonly parens = new WeakMap<object, [Token, Token]>();
  /** and the outermost parentheses around them: a node that starts or ends with one spans the parentheses */
  readonly parenthesized = {
    has: (n: object): boolean => this.parens.has(n),
  };
  markParens(n: A.Expr, open: Token, close: Token): void {
    this.parens.set(n, [open, close]);
  }

  constructor(readonly toks: Token[], readonly src: string, readonly lines: LineMap) {}

  /** the SyntaxWarnings given so far (invalid escapes in literals), in CPython's order */
  readonly warnings: ParseWarning[] = [];
  /** the literals already warned about, by start (a literal parsed twice, on backtracking, warns once: CPython memoizes `strings`) */
  warned: Set<number> | null = null;
  /**
   * Set once the parser has met the syntax error and looks further only to word its
   * message: CPython's second pass (the invalid_ rules) gives no warnings.
   */
  quiet = false;

  // ---------------------------------------------------------------- tokens

  /** furthest token index the parser has looked at (CPython: the tokenizer's progress) */
  furthest = 0;
  get tok(): Token {
    if (this.i > this.furthest) this.furthest = this.i;
    return this.toks[this.i];
  }
  peek(k = 1): Token {
    const j = Math.min(this.i + k, this.toks.length - 1);
    if (j > this.furthest) this.furthest = j;
    return this.toks[j];
  }
  /** did parsing look all the way to the end of the input? */
  reachedEnd(): boolean { return this.furthest >= this.toks.length - 1; }
  next(): Token {
    const t = this.toks[this.i];
    if (this.i < this.toks.length - 1) this.i++;
    return t;
  }
  /** the current token's type (a method so TypeScript does not narrow across next()) */
  curType(): Token['type'] { return this.toks[this.i].type; }
  prev(): Token { return this.toks[Math.max(0, this.i - 1)]; }
  /** an operator or keyword with this exact text */
  at(v: string, t: Token = this.tok): boolean {
    return (t.type === 'OP' || t.type === 'NAME') && t.value === v;
  }
  eat(v: string): Token | null {
    return this.at(v) ? this.next() : null;
  }
  atName(t: Token = this.tok): boolean {
    return t.type === 'NAME' && !KEYWORDS.has(t.value);
  }

  // ---------------------------------------------------------------- errors

  raise(msg: string, s: Spanned, e: Spanned = s, type: PySyntaxError['type'] = 'SyntaxError'): never {
    throw new PySyntaxError(type, msg, sLine(s), sCol(s) + 1, eLine(e), eCol(e) + 1);
  }
  expect(v: string): Token {
    const t = this.eat(v);
    if (!t) this.invalid();
    return t;
  }
  /** CPython's forced token `&&'x'`: "expected 'x'" */
  expectForced(v: string): Token {
    const t = this.eat(v);
    if (!t) this.raise(`expected '${v}'`, this.tok);
    return t;
  }
  /** ':' ending a compound-statement header: "expected ':'" if the line ends instead */
  expectColon(forced = false): Token {
    const t = this.eat(':');
    if (t) return t;
    if (forced || this.tok.type === 'NEWLINE') this.raise("expected ':'", this.tok);
    this.invalid();
  }
  enter(): void {
    if (++this.depth > MAX_DEPTH) {
      throw new PySyntaxError('SyntaxError', TOO_DEEP, this.tok.lineno, this.tok.col + 1, this.tok.end_lineno, this.tok.end_col + 1, false, true);
    }
  }

  // ---------------------------------------------------------------- nodes

  fin<T extends A.Pos>(n: Omit<T, keyof A.Pos>, s: Spanned, e: Spanned): T {
    const ps = this.parens.get(s);
    if (ps) s = ps[0];
    const pe = this.parens.get(e);
    if (pe) e = pe[1];
    const out = n as T;
    out.lineno = sLine(s);
    out.col_offset = sCol(s);
    out.end_lineno = eLine(e);
    out.end_col_offset = eCol(e);
    out.start = s.start;
    out.end = e.end;
    return out;
  }

  // ---------------------------------------------------------------- module

  parseModule(): A.Module {
    const body: A.Stmt[] = [];
    while (this.tok.type !== 'ENDMARKER') {
      if (this.tok.type === 'NEWLINE') { this.next(); continue; }
      this.statement(body);
    }
    return { kind: 'Module', body };
  }

  /** statement: compound_stmt | simple_stmts — appends to `out` */
  statement(out: A.Stmt[]): void {
    const t = this.tok;
    if (t.type === 'INDENT' || t.type === 'DEDENT') this.invalid(t);
    if (t.type === 'NAME') {
      switch (t.value) {
        case 'def': out.push(this.funcDef([], null)); return;
        case 'class': out.push(this.classDef([])); return;
        case 'if': out.push(this.ifStmt()); return;
        case 'while': out.push(this.whileStmt()); return;
        case 'for': out.push(this.forStmt(null)); return;
        case 'with': out.push(this.withStmt(null)); return;
        case 'try': out.push(this.tryStmt()); return;
        case 'async': out.push(this.asyncStmt()); return;
        case 'match': if (this.looksLikeMatch()) this.unsupported('match statements', t); break;
        case 'type':
          if (this.atName(this.peek()) && (this.at('=', this.peek(2)) || this.at('[', this.peek(2)))) {
            this.unsupported('type alias statements', t);
          }
          break;
      }
    }
    if (this.at('@')) { out.push(this.decorated()); return; }
    this.simpleStmts(out);
  }

  unsupported(what: string, t: Token): never {
    throw new PySyntaxError('SyntaxError', `not supported by the simulator: ${what}`, t.lineno, t.col + 1, t.end_lineno, t.end_col + 1, false, true);
  }

  /** `match` is a soft keyword: a match statement's logical line ends with ':' */
  looksLikeMatch(): boolean {
    const nt = this.peek();
    if (nt.type === 'NEWLINE' || (nt.type === 'OP' && !['(', '[', '{', '-', '*', '~', '+'].includes(nt.value))) return false;
    let j = this.i + 1;
    while (j < this.toks.length && this.toks[j].type !== 'NEWLINE' && this.toks[j].type !== 'ENDMARKER') j++;
    return j > 0 && this.at(':', this.toks[j - 1]);
  }

  simpleStmts(out: A.Stmt[]): void {
    for (;;) {
      out.push(this.simpleStmt());
      if (this.eat(';')) {
        if (this.tok.type === 'NEWLINE') break;
        continue;
      }
      break;
    }
    if (this.tok.type !== 'NEWLINE') this.invalid();
    this.next();
  }

  simpleStmt(): A.Stmt {
    const t = this.tok;
    if (t.type === 'NAME') {
      switch (t.value) {
        case 'pass': this.next(); return this.fin<A.Pass>({ kind: 'Pass' }, t, t);
        case 'break': this.next(); return this.fin<A.Break>({ kind: 'Break' }, t, t);
        case 'continue': this.next(); return this.fin<A.Continue>({ kind: 'Continue' }, t, t);
        case 'return': {
          this.next();
          const value = this.startsExpression() ? this.starExpressions() : null;
          return this.fin<A.Return>({ kind: 'Return', value }, t, value ?? t);
        }
        case 'raise': {
          this.next();
          let exc: A.Expr | null = null, cause: A.Expr | null = null;
          if (this.startsExpression()) {
            exc = this.expression();
            if (this.eat('from')) cause = this.expression();
          }
          return this.fin<A.Raise>({ kind: 'Raise', exc, cause }, t, cause ?? exc ?? t);
        }
        case 'global': case 'nonlocal': return this.directive(t);
        case 'del': return this.delStmt();
        case 'assert': {
          this.next();
          const test = this.expression();
          const msg = this.eat(',') ? this.expression() : null;
          return this.fin<A.Assert>({ kind: 'Assert', test, msg }, t, msg ?? test);
        }
        case 'import': return this.importStmt();
        case 'from': return this.fromImport();
      }
    }
    return this.exprOrAssign();
  }

  starExpressionOrBitOr(): A.Expr {
    if (this.at('*')) {
      const s = this.next();
      const v = this.bitOr();
      return this.fin<A.Starred>({ kind: 'Starred', value: v, ctx: 'Load' }, s, v);
    }
    return this.bitOr();
  }




  /** expression statements, assignments, augmented and annotated assignments */
  exprOrAssign(): A.Stmt {
    const first = this.tok;
    const lhs = this.at('yield') ? this.yieldExpr() : this.starExpressions();
    const t = this.tok;
    // invalid_named_expression, at statement level too: `f() := 1`
    if (this.at(':=')) {
      const bare = lhs.kind === 'Tuple' && !this.parenthesized.has(lhs);
      const target = bare && lhs.elts.length > 0 ? lhs.elts[lhs.elts.length - 1] : lhs;
      const kind = target.kind;
      if (!(bare && target === lhs) && kind !== 'Starred' && kind !== 'Yield' && kind !== 'YieldFrom' &&
          (kind !== 'Name' || this.parenthesized.has(target))) {
        this.raise(`cannot use assignment expressions with ${exprName(target)}`, target);
      }
    }
    if (this.at(':')) return this.annAssign(lhs, t);
    if (this.at('=')) {
      const targets: A.Expr[] = [lhs];
      let value: A.Expr = lhs;
      while (this.eat('=')) {
        const rhsStart = this.tok;
        if (rhsStart.type === 'NEWLINE' || this.at(';')) {
          for (const tg of targets) {
            const bad = this.invalidTarget(tg, 'star');
            if (bad) this.raise(`cannot assign to ${exprName(bad)}`, bad);
          }
          this.invalid();
        }
        value = this.at('yield') ? this.yieldExpr() : this.starExpressions();
        if (this.at('=')) targets.push(value);
      }
      targets.forEach((tg, k) => this.assignTarget(tg, k === 0 && targets.length === 1 ? value : null));
      if (!(this.tok.type === 'NEWLINE' || this.at(';'))) {
        this.checkNamedExprHere(lhs, targets.length === 1 ? value : null);
        this.invalid();
      }
      return this.fin<A.Assign>({ kind: 'Assign', targets, value }, lhs, value);
    }
    if (t.type === 'OP' && AUGASSIGN[t.value]) {
      if (!isSingleTarget(lhs)) {
        this.raise(`'${exprName(lhs)}' is an illegal expression for augmented assignment`, lhs);
      }
      this.next();
      const value = this.at('yield') ? this.yieldExpr() : this.starExpressions();
      this.setCtx(lhs, 'Store', 'star');
      return this.fin<A.AugAssign>({ kind: 'AugAssign', target: lhs, op: AUGASSIGN[t.value], value }, lhs, value);
    }
    if (!(t.type === 'NEWLINE' || this.at(';'))) {
      // print "x": the legacy statement form
      if (lhs.kind === 'Name' && (lhs.id === 'print' || lhs.id === 'exec') && lhs.start === first.start && lhs.end === first.end && this.startsExpression() && !this.at('(')) {
        const save = this.i;
        const saveFurthest = this.furthest;
        this.quiet = true;
        try {
          const rest = this.starExpressions();
          this.raise(`Missing parentheses in call to '${lhs.id}'. Did you mean ${lhs.id}(...)?`, lhs, rest);
        } catch (e) {
          if (e instanceof PySyntaxError && e.msg.startsWith('Missing')) throw e;
          this.i = save;
          if (!this.reachedEnd()) this.furthest = saveFurthest;
        }
      }
      if (t.type === 'OP' && t.value === ':=' ) this.invalid();
      this.invalid();
    }
    return this.fin<A.ExprStmt>({ kind: 'Expr', value: lhs }, lhs, lhs);
  }

  /** `a = b c`-style failures: CPython's invalid_named_expression */
  checkNamedExprHere(lhs: A.Expr, value: A.Expr | null): void {
    void lhs; void value;
  }


  /** Validate an assignment target (setting Store), with CPython's messages. */
  assignTarget(e: A.Expr, value: A.Expr | null): void {
    if (e.kind === 'Yield' || e.kind === 'YieldFrom') this.raise('assignment to yield expression not possible', e);
    const bad = this.invalidTarget(e, 'star');
    if (bad && value && e.kind === 'Tuple' && !this.parenthesized.has(e) && bad === e.elts[e.elts.length - 1]) {
      // `a, 1 = x`: CPython tries the last element as a named expression `1 = x`
      this.assignTarget(bad, value);
    }
    if (bad) {
      // `1 = x`: the single-target form that reads like a comparison gets the "Maybe you meant '=='" hint
      const topOk = !(e.kind === 'List' || e.kind === 'Tuple' && this.parenthesized.has(e) || e.kind === 'GeneratorExp'
        || (e.kind === 'Constant' && (e.value.type === 'bool' || e.value.type === 'None')));
      if (value && topOk && this.isBitOrLevel(e) && this.isBitOrLevel(value) && !this.parenthesized.has(value)) {
        this.raise(`cannot assign to ${exprName(bad)} here. Maybe you meant '==' instead of '='?`, bad);
      }
      this.raise(`cannot assign to ${exprName(bad)}`, bad);
    }
    this.setCtx(e, 'Store', 'star');
  }

  isBitOrLevel(e: A.Expr): boolean {
    if (this.parenthesized.has(e)) return true;
    switch (e.kind) {
      case 'BoolOp': case 'Compare': case 'IfExp': case 'Lambda': case 'NamedExpr': case 'Starred': case 'Yield': case 'YieldFrom':
        return false;
      case 'UnaryOp': return e.op !== 'Not';
      case 'Tuple': return this.parenthesized.has(e);
      default: return true;
    }
  }

  /** _PyPegen_get_invalid_target */
  invalidTarget(e: A.Expr, type: Target): A.Expr | null {
    switch (e.kind) {
      case 'List': case 'Tuple':
        for (const x of e.elts) {
          const bad = this.invalidTarget(x, type);
          if (bad) return bad;
        }
        return null;
      case 'Starred':
        if (type === 'del') return e;
        return this.invalidTarget(e.value, type);
      case 'Compare':
        if (type === 'for' && e.ops[0] === 'In') return this.invalidTarget(e.left, type);
        return e;
      case 'Name': case 'Subscript': case 'Attribute':
        return null;
      default:
        return e;
    }
  }

  setCtx(e: A.Expr, ctx: A.ExprContext, type: Target): void {
    const bad = this.invalidTarget(e, type);
    if (bad) {
      if (type === 'del') this.raise(`cannot delete ${exprName(bad)}`, bad);
      this.raise(`cannot assign to ${exprName(bad)}`, bad);
    }
    this.applyCtx(e, ctx);
  }
  applyCtx(e: A.Expr, ctx: A.ExprContext): void {
    switch (e.kind) {
      case 'Name': case 'Attribute': case 'Subscript': e.ctx = ctx; break;
      case 'Starred': e.ctx = ctx; this.applyCtx(e.value, ctx); break;
      case 'List': case 'Tuple': e.ctx = ctx; for (const x of e.elts) this.applyCtx(x, ctx); break;
      default: break;
    }
  }

  // ---------------------------------------------------------------- compound statements

  /** block: NEWLINE INDENT statements DEDENT | simple_stmts */
  block(what: string, header: Token): A.Stmt[] {
    if (this.tok.type === 'NEWLINE') {
      this.next();
      if (this.curType() !== 'INDENT') {
        const t = this.toks[this.i] as Token;
        const msg = `expected an indented block after ${what} on line ${header.lineno}`;
        if (t.type === 'ENDMARKER' || t.type === 'DEDENT') {
          const nl = this.prev();
          const ln = t.type === 'ENDMARKER' && this.src.endsWith('\n') && nl.lineno < this.lines.lineStarts.length - 1 ? nl.lineno + 1 : nl.lineno;
          if (ln === nl.lineno) throw new PySyntaxError('IndentationError', msg, ln, nl.col + 1, ln, -1);
          throw new PySyntaxError('IndentationError', msg, ln, 1, ln, -1);
        }
        throw new PySyntaxError('IndentationError', msg, t.lineno, t.col + 1, t.end_lineno, t.end_col + 1);
      }
      this.next();
      const body: A.Stmt[] = [];
      while (this.curType() !== 'DEDENT' && this.curType() !== 'ENDMARKER') {
        if (this.tok.type === 'NEWLINE') { this.next(); continue; }
        this.statement(body);
      }
      this.eat('DEDENT');
      if (this.curType() === 'DEDENT') this.next();
      if (body.length === 0) {
        // An INDENT that held nothing (a lone backslash continuation line).
        const ln = header.lineno + 1;
        throw new PySyntaxError('IndentationError', `expected an indented block after ${what} on line ${header.lineno}`, ln, 1, ln, -1);
      }
      return body;
    }
    this.enter();
    const body: A.Stmt[] = [];
    this.simpleStmts(body);
    this.depth--;
    return body;
  }

  lastOf(body: A.Stmt[]): A.Stmt { return body[body.length - 1]; }

  ifStmt(): A.If {
    this.enter();
    const t = this.next(); // 'if' or 'elif'
    const test = this.namedExpression();
    if (this.at('=')) this.assignInCondition(test);
    this.expectColon();
    const body = this.block(`'${t.value}' statement`, t);
    let orelse: A.Stmt[] = [];
    if (this.at('elif')) orelse = [this.ifStmt()];
    else if (this.at('else')) {
      const e = this.next();
      this.expectForced(':');
      orelse = this.block("'else' statement", e);
    }
    this.depth--;
    return this.fin<A.If>({ kind: 'If', test, body, orelse }, t, this.lastOf(orelse.length ? orelse : body));
  }

  whileStmt(): A.While {
    this.enter();
    const t = this.next();
    const test = this.namedExpression();
    if (this.at('=')) this.assignInCondition(test);
    this.expectColon();
    const body = this.block("'while' statement", t);
    let orelse: A.Stmt[] = [];
    if (this.at('else')) {
      const e = this.next();
      this.expectForced(':');
      orelse = this.block("'else' statement", e);
    }
    this.depth--;
    return this.fin<A.While>({ kind: 'While', test, body, orelse }, t, this.lastOf(orelse.length ? orelse : body));
  }

  forStmt(async: Token | null): A.For {
    this.enter();
    const t = this.next();
    const target = this.starTargets();
    if (!this.eat('in')) {
      this.setCtx(target, 'Store', 'for');
      this.invalid();
    }
    this.setCtx(target, 'Store', 'for');
    const iter = this.starExpressions();
    this.expectColon();
    const body = this.block("'for' statement", t);
    let orelse: A.Stmt[] = [];
    if (this.at('else')) {
      const e = this.next();
      this.expectForced(':');
      orelse = this.block("'else' statement", e);
    }
    this.depth--;
    return this.fin<A.For>({ kind: async ? 'AsyncFor' : 'For', target, iter, body, orelse }, async ?? t, this.lastOf(orelse.length ? orelse : body));
  }

  /** star_targets: for `for` loops and comprehensions; parsed at bitwise_or level so `in` stops it */
  starTargets(): A.Expr {
    const first = this.starExpressionOrBitOr();
    if (!this.at(',')) return first;
    const elts = [first];
    let end: Spanned = first;
    while (this.at(',')) {
      end = this.next();
      if (this.at('in') || this.at('=') || this.tok.type === 'NEWLINE') break;
      const e = this.starExpressionOrBitOr();
      elts.push(e);
      end = e;
    }
    return this.fin<A.Tuple>({ kind: 'Tuple', elts, ctx: 'Store' }, first, end);
  }



  /** a single star_target (with `(a, b)` / `[a, b]` allowed) */
  starTarget(): A.Expr {
    return this.starExpressionOrBitOr();
  }


  asyncStmt(): A.Stmt {
    const a = this.next();
    if (this.at('def')) return this.funcDef([], a);
    if (this.at('for')) return this.forStmt(a);
    if (this.at('with')) return this.withStmt(a);
    this.invalid();
  }

  decorated(): A.Stmt {
    const decorators: A.Expr[] = [];
    while (this.at('@')) {
      this.next();
      decorators.push(this.namedExpression());
      if (this.tok.type !== 'NEWLINE') this.invalid();
      this.next();
    }
    if (this.at('def')) return this.funcDef(decorators, null);
    if (this.at('async') && this.at('def', this.peek())) return this.funcDef(decorators, this.next());
    if (this.at('class')) return this.classDef(decorators);
    this.invalid();
  }

  funcDef(decorator_list: A.Expr[], async: Token | null): A.FunctionDef {
    this.enter();
    const t = this.next(); // def
    if (!this.atName()) this.invalid();
    const name = this.next().value;
    if (this.at('[')) this.unsupported('type parameter lists', this.tok);
    this.expectForced('(');
    const args = this.parameters(false);
    this.expect(')');
    let returns: A.Expr | null = null;
    if (this.eat('->')) returns = this.expression();
    this.expectForced(':');
    const body = this.block('function definition', t);
    this.depth--;
    return this.fin<A.FunctionDef>({ kind: async ? 'AsyncFunctionDef' : 'FunctionDef', name, args, body, decorator_list, returns }, async ?? t, this.lastOf(body));
  }


  /** def/lambda parameter lists (up to, not including, ')' or ':') */
  parameters(lambda: boolean): A.Arguments {
    const a: A.Arguments = { kind: 'arguments', posonlyargs: [], args: [], vararg: null, kwonlyargs: [], kw_defaults: [], kwarg: null, defaults: [] };
    const closer = lambda ? ':' : ')';
    const seen = { star: false, slash: false };
    let sawDefault = false;
    while (!this.at(closer)) {
      if (this.at('/') || this.at('*') || this.at('**')) {
        if (this.starParam(a, lambda, closer, seen)) break;
      } else {
        const p = this.param(lambda);
        let def: A.Expr | null = null;
        if (this.at('=')) {
          const eq = this.next();
          if (this.at(',') || this.at(closer)) this.raise('expected default value expression', eq);
          def = this.expression();
        }
        if (seen.star) {
          a.kwonlyargs.push(p);
          a.kw_defaults.push(def);
        } else {
          a.args.push(p);
          if (def) { a.defaults.push(def); sawDefault = true; }
          else if (sawDefault) this.raise('parameter without a default follows parameter with a default', p);
        }
      }
      if (!this.eat(',')) break;
    }
    if (!this.at(closer)) this.invalid();
    return a;
  }

  param(lambda: boolean): A.Arg {
    if (!this.atName()) this.invalid();
    const n = this.next();
    let annotation: A.Expr | null = null;
    if (!lambda && this.eat(':')) {
      annotation = this.at('*') ? this.starExpression() : this.expression();
    }
    return this.fin<A.Arg>({ kind: 'arg', arg: n.value, annotation }, n, annotation ?? n);
  }

  // ---------------------------------------------------------------- expressions

  /** can the current token begin an expression? */
  startsExpression(t: Token = this.tok): boolean {
    switch (t.type) {
      case 'NUMBER': case 'STRING': case 'FSTRING_START': return true;
      case 'NAME':
        return !KEYWORDS.has(t.value) || ['None', 'True', 'False', 'not', 'lambda', 'await', 'yield'].includes(t.value);
      case 'OP':
        return ['(', '[', '{', '-', '+', '~', '...', '*'].includes(t.value);
      default: return false;
    }
  }

  /** star_expressions: a bare tuple when commas appear */
  starExpressions(): A.Expr {
    const first = this.starExpression();
    if (!this.at(',')) return first;
    const elts = [first];
    let end: Spanned = first;
    while (this.at(',')) {
      end = this.next();
      if (!this.startsExpression() || this.at('yield')) break;
      const e = this.starExpression();
      elts.push(e);
      end = e;
    }
    return this.fin<A.Tuple>({ kind: 'Tuple', elts, ctx: 'Load' }, first, end);
  }

  starExpression(): A.Expr {
    if (this.at('*')) {
      const s = this.next();
      const v = this.bitOr();
      return this.fin<A.Starred>({ kind: 'Starred', value: v, ctx: 'Load' }, s, v);
    }
    return this.expression();
  }

  starNamedExpression(): A.Expr {
    if (this.at('*')) {
      const s = this.next();
      const v = this.bitOr();
      return this.fin<A.Starred>({ kind: 'Starred', value: v, ctx: 'Load' }, s, v);
    }
    return this.namedExpression();
  }

  /** named_expression: NAME ':=' expression | expression !':=' */
  namedExpression(): A.Expr {
    const e = this.expression();
    if (this.at(':=')) {
      if (e.kind !== 'Name' || this.parenthesized.has(e)) {
        this.raise(`cannot use assignment expressions with ${exprName(e)}`, e);
      }
      this.next();
      const value = this.expression();
      e.ctx = 'Store';
      return this.fin<A.NamedExpr>({ kind: 'NamedExpr', target: e, value }, e, value);
    }
    if (this.at('=') && this.depthInBrackets() && !this.parenthesized.has(e)) {
      // `if x = 1:` / `f(a, b=1)` handled by callers; here only the "Maybe you meant" hint in conditions
    }
    return e;
  }

  depthInBrackets(): boolean { return false; }

  /** expression: disjunction ['if' disjunction 'else' expression] | lambdef */
  expression(): A.Expr {
    if (this.at('lambda')) return this.lambdef();
    this.enter();
    const body = this.disjunction();
    if (this.at('if')) {
      this.next();
      const test = this.disjunction();
      if (!this.eat('else')) {
        // invalid_expression: disjunction 'if' disjunction !('else'|':')
        if (!this.at(':')) this.raise("expected 'else' after 'if' expression", body, test);
        this.invalid();
      }
      const orelse = this.expression();
      this.depth--;
      return this.fin<A.IfExp>({ kind: 'IfExp', test, body, orelse }, body, orelse);
    }
    this.depth--;
    return body;
  }

  lambdef(): A.Lambda {
    this.enter();
    const t = this.next();
    const args = this.parameters(true);
    this.expect(':');
    const body = this.expression();
    this.depth--;
    return this.fin<A.Lambda>({ kind: 'Lambda', args, body }, t, body);
  }

  disjunction(): A.Expr {
    const first = this.conjunction();
    if (!this.at('or')) return first;
    const values = [first];
    while (this.eat('or')) values.push(this.conjunction());
    return this.fin<A.BoolOp>({ kind: 'BoolOp', op: 'Or', values }, first, values[values.length - 1]);
  }

  conjunction(): A.Expr {
    const first = this.inversion();
    if (!this.at('and')) return first;
    const values = [first];
    while (this.eat('and')) values.push(this.inversion());
    return this.fin<A.BoolOp>({ kind: 'BoolOp', op: 'And', values }, first, values[values.length - 1]);
  }

  inversion(): A.Expr {
    if (this.at('not')) {
      this.enter();
      const t = this.next();
      const operand = this.inversion();
      this.depth--;
      return this.fin<A.UnaryOp>({ kind: 'UnaryOp', op: 'Not', operand }, t, operand);
    }
    return this.comparison();
  }

  compOp(): A.CmpOpKind | null {
    const t = this.tok;
    if (t.type === 'OP') {
      switch (t.value) {
        case '==': this.next(); return 'Eq';
        case '!=': this.next(); return 'NotEq';
        case '<': this.next(); return 'Lt';
        case '<=': this.next(); return 'LtE';
        case '>': this.next(); return 'Gt';
        case '>=': this.next(); return 'GtE';
      }
      return null;
    }
    if (t.type !== 'NAME') return null;
    if (t.value === 'in') { this.next(); return 'In'; }
    if (t.value === 'not' && this.at('in', this.peek())) { this.next(); this.next(); return 'NotIn'; }
    if (t.value === 'is') {
      this.next();
      if (this.eat('not')) return 'IsNot';
      return 'Is';
    }
    return null;
  }

  comparison(): A.Expr {
    const left = this.bitOr();
    const ops: A.CmpOpKind[] = [];
    const comparators: A.Expr[] = [];
    for (;;) {
      const op = this.compOp();
      if (!op) break;
      ops.push(op);
      comparators.push(this.bitOr());
    }
    if (!ops.length) return left;
    return this.fin<A.Compare>({ kind: 'Compare', left, ops, comparators }, left, comparators[comparators.length - 1]);
  }

  /** bitwise_or, bitwise_xor, bitwise_and, shift_expr, sum, term: one loop per precedence level */
  binary(level: number): A.Expr {
    if (level === BIN_LEVELS.length) return this.factor();
    const ops = BIN_LEVELS[level];
    let left = this.binary(level + 1);
    for (;;) {
      const t = this.tok;
      if (t.type !== 'OP') break;
      const op = ops[t.value];
      if (!op) break;
      this.next();
      const right = this.binary(level + 1);
      left = this.fin<A.BinOp>({ kind: 'BinOp', left, op, right }, left, right);
    }
    return left;
  }

  bitOr(): A.Expr { return this.binary(0); }

  factor(): A.Expr {
    const t = this.tok;
    if (t.type === 'OP' && (t.value === '-' || t.value === '+' || t.value === '~')) {
      this.enter();
      this.next();
      const operand = this.factor();
      this.depth--;
      const op: A.UnaryOpKind = t.value === '-' ? 'USub' : t.value === '+' ? 'UAdd' : 'Invert';
      return this.fin<A.UnaryOp>({ kind: 'UnaryOp', op, operand }, t, operand);
    }
    return this.power();
  }

  power(): A.Expr {
    let left: A.Expr;
    if (this.at('await')) {
      const t = this.next();
      const v = this.primary();
      left = this.fin<A.Await>({ kind: 'Await', value: v }, t, v);
    } else left = this.primary();
    if (this.at('**')) {
      this.next();
      this.enter();
      const right = this.factor();
      this.depth--;
      return this.fin<A.BinOp>({ kind: 'BinOp', left, op: 'Pow', right }, left, right);
    }
    return left;
  }

  primary(): A.Expr {
    let e = this.atom();
    for (;;) {
      const t = this.tok;
      if (t.type !== 'OP') break;
      if (t.value === '.') {
        this.next();
        if (!this.atName()) this.invalid();
        const n = this.next();
        e = this.fin<A.Attribute>({ kind: 'Attribute', value: e, attr: n.value, ctx: 'Load' }, e, n);
      } else if (t.value === '(') {
        const open = this.next();
        this.enter();
        const { args, keywords, close } = this.callArguments(open);
        this.depth--;
        e = this.fin<A.Call>({ kind: 'Call', func: e, args, keywords }, e, close);
      } else if (t.value === '[') {
        this.next();
        this.enter();
        const slice = this.slices();
        this.depth--;
        const close = this.expect(']');
        e = this.fin<A.Subscript>({ kind: 'Subscript', value: e, slice, ctx: 'Load' }, e, close);
      } else break;
    }
    return e;
  }

  /** slices: slice !',' | ','.(slice | starred_expression)+ [','] */
  slices(): A.Expr {
    const first = this.sliceItem();
    if (!this.at(',')) {
      // `a[*b]` is a one-element tuple
      if (first.kind === 'Starred') return this.fin<A.Tuple>({ kind: 'Tuple', elts: [first], ctx: 'Load' }, first, first);
      return first;
    }
    const elts = [first];
    let end: Spanned = first;
    while (this.at(',')) {
      end = this.next();
      if (this.at(']')) break;
      const e = this.sliceItem();
      elts.push(e);
      end = e;
    }
    return this.fin<A.Tuple>({ kind: 'Tuple', elts, ctx: 'Load' }, first, end);
  }

  sliceItem(): A.Expr {
    const start = this.tok;
    if (this.at('*')) {
      const s = this.next();
      const v = this.bitOr();
      return this.fin<A.Starred>({ kind: 'Starred', value: v, ctx: 'Load' }, s, v);
    }
    let lower: A.Expr | null = null;
    if (!this.at(':')) {
      lower = this.namedExpression();
      if (!this.at(':')) return lower;
    }
    let end: Spanned = this.next(); // ':'
    let upper: A.Expr | null = null;
    let step: A.Expr | null = null;
    if (!this.at(':') && !this.at(',') && !this.at(']')) { upper = this.expression(); end = upper; }
    if (this.at(':')) {
      end = this.next();
      if (!this.at(',') && !this.at(']')) { step = this.expression(); end = step; }
    }
    return this.fin<A.Slice>({ kind: 'Slice', lower, upper, step }, lower ?? start, end);
  }

  /** call arguments after '(' through the closing ')' */
  callArguments(open: Token): { args: A.Expr[]; keywords: A.Keyword[]; close: Token } {
    const args: A.Expr[] = [];
    const keywords: A.Keyword[] = [];
    let sawKeyword = false;
    let sawDoubleStar = false;
    while (!this.at(')')) {
      const t = this.tok;
      if (this.at('*')) {
        this.next();
        const v = this.expression();
        const s = this.fin<A.Starred>({ kind: 'Starred', value: v, ctx: 'Load' }, t, v);
        if (sawDoubleStar) this.raise('iterable argument unpacking follows keyword argument unpacking', t);
        args.push(s);
      } else if (this.at('**')) {
        this.next();
        const v = this.expression();
        keywords.push(this.fin<A.Keyword>({ kind: 'keyword', arg: null, value: v }, t, v));
        sawDoubleStar = true;
      } else if (t.type === 'NAME' && this.at('=', this.peek()) && (!KEYWORDS.has(t.value))) {
        this.next(); this.next();
        const v = this.expression();
        keywords.push(this.fin<A.Keyword>({ kind: 'keyword', arg: t.value, value: v }, t, v));
        sawKeyword = true;
      } else {
        const e = this.namedExpression();
        if (this.at('for') || this.at('async')) {
          const gen = this.comprehensionTail(e);
          const onlyArg = args.length === 0 && keywords.length === 0;
          if (!onlyArg || this.at(',')) {
            // CPython's range: the generator without the call's parentheses
            this.raise('Generator expression must be parenthesized', e, this.prev());
          }
          const close = this.expect(')');
          const g = this.fin<A.GeneratorExp>({ kind: 'GeneratorExp', elt: e, generators: gen }, open, close);
          args.push(g);
          return { args, keywords, close };
        }
        if (this.at('=')) {
          if (e.kind === 'Constant' && (e.value.type === 'bool' || e.value.type === 'None')) {
            this.raise(`cannot assign to ${exprName(e)}`, e, this.tok);
          }
          this.raise('expression cannot contain assignment, perhaps you meant "=="?', e, this.tok);
        }
        // CPython reports these at the token after the argument (RAISE_SYNTAX_ERROR's last token)
        if (sawDoubleStar) this.raise('positional argument follows keyword argument unpacking', this.tok);
        if (sawKeyword) this.raise('positional argument follows keyword argument', this.tok);
        args.push(e);
      }
      if (!this.at(',')) {
        if (!this.at(')')) this.forgotComma(args.length ? args[args.length - 1] : keywords[keywords.length - 1].value);
        break;
      }
      this.next();
    }
    const close = this.expect(')');
    return { args, keywords, close };
  }


  atom(): A.Expr {
    const t = this.tok;
    switch (t.type) {
      case 'NAME': {
        if (!KEYWORDS.has(t.value)) {
          this.next();
          return this.fin<A.Name>({ kind: 'Name', id: t.value, ctx: 'Load' }, t, t);
        }
        if (t.value === 'True' || t.value === 'False') {
          this.next();
          return this.fin<A.Constant>({ kind: 'Constant', value: { type: 'bool', value: t.value === 'True' } }, t, t);
        }
        if (t.value === 'None') {
          this.next();
          return this.fin<A.Constant>({ kind: 'Constant', value: { type: 'None' } }, t, t);
        }
        this.invalid();
      }
      // falls through (unreachable)
      case 'NUMBER': this.next(); return this.number(t);
      case 'STRING': case 'FSTRING_START': return this.strings();
      case 'OP':
        switch (t.value) {
          case '(': return this.parenAtom();
          case '[': return this.listAtom();
          case '{': return this.dictOrSetAtom();
          case '...':
            this.next();
            return this.fin<A.Constant>({ kind: 'Constant', value: { type: 'Ellipsis' } }, t, t);
        }
        this.invalid();
      // falls through (unreachable)
      default:
        this.invalid();
    }
  }

  number(t: Token): A.Constant {
    const text = t.value.replace(/_/g, '');
    const last = text[text.length - 1];
    let value: A.ConstantValue;
    if (last === 'j' || last === 'J') {
      value = { type: 'complex', imag: Number(text.slice(0, -1)) };
    } else if (/^0[xXoObB]/.test(text)) {
      value = { type: 'int', value: BigInt(text.toLowerCase()) };
    } else if (/[.eE]/.test(text)) {
      value = { type: 'float', value: Number(text) };
    } else {
      value = { type: 'int', value: BigInt(text) };
    }
    return this.fin<A.Constant>({ kind: 'Constant', value }, t, t);
  }

  /** '(' … ')': tuple, group, generator expression, or parenthesized yield */
  parenAtom(): A.Expr {
    const open = this.next();
    this.enter();
    try {
      if (this.at(')')) {
        const close = this.next();
        return this.fin<A.Tuple>({ kind: 'Tuple', elts: [], ctx: 'Load' }, open, close);
      }
      if (this.at('yield')) {
        const y = this.yieldExpr();
        this.markParens(y, open, this.expect(')'));
        return y;
      }
      const first = this.starNamedExpression();
      if (this.at('for') || (this.at('async') && this.at('for', this.peek()))) {
        const generators = this.comprehensionTail(first);
        const close = this.closeOrComma(first, ')');
        return this.fin<A.GeneratorExp>({ kind: 'GeneratorExp', elt: first, generators }, open, close);
      }
      if (this.at(')')) {
        const close = this.next();
        if (first.kind === 'Starred') this.raise('cannot use starred expression here', first);
        this.markParens(first, open, close);
        return first;
      }
      if (!this.at(',')) this.forgotCommaOrInvalid(first);
      const elts = [first];
      while (this.eat(',')) {
        if (this.at(')')) break;
        const e = this.starNamedExpression();
        elts.push(e);
        if (!this.at(',') && !this.at(')')) this.forgotCommaOrInvalid(e);
      }
      const close = this.expect(')');
      const tup = this.fin<A.Tuple>({ kind: 'Tuple', elts, ctx: 'Load' }, open, close);
      this.markParens(tup, open, close);
      return tup;
    } finally {
      this.depth--;
    }
  }

  closeOrComma(a: A.Expr, closer: string): Token {
    if (!this.at(closer)) this.forgotCommaOrInvalid(a);
    return this.next();
  }

  listAtom(): A.Expr {
    const open = this.next();
    this.enter();
    try {
      if (this.at(']')) {
        const close = this.next();
        return this.fin<A.List>({ kind: 'List', elts: [], ctx: 'Load' }, open, close);
      }
      const first = this.starNamedExpression();
      if (this.at('for') || (this.at('async') && this.at('for', this.peek()))) {
        const generators = this.comprehensionTail(first);
        const close = this.closeOrComma(first, ']');
        return this.fin<A.ListComp>({ kind: 'ListComp', elt: first, generators }, open, close);
      }
      const elts = [first];
      if (!this.at(',') && !this.at(']')) this.forgotCommaOrInvalid(first);
      while (this.eat(',')) {
        if (this.at(']')) break;
        const e = this.starNamedExpression();
        elts.push(e);
        if (!this.at(',') && !this.at(']')) this.forgotCommaOrInvalid(e);
      }
      const close = this.expect(']');
      return this.fin<A.List>({ kind: 'List', elts, ctx: 'Load' }, open, close);
    } finally {
      this.depth--;
    }
  }

  dictOrSetAtom(): A.Expr {
    const open = this.next();
    this.enter();
    try {
      if (this.at('}')) {
        const close = this.next();
        return this.fin<A.Dict>({ kind: 'Dict', keys: [], values: [] }, open, close);
      }
      // dict: first item is `**x` or `k: v`
      let firstKey: A.Expr | null;
      let firstValue: A.Expr;
      if (this.at('**')) {
        this.next();
        firstKey = null;
        firstValue = this.bitOr();
      } else {
        const e = this.starNamedExpression();
        if (!this.at(':')) return this.setRest(open, e);
        if (e.kind === 'Starred') this.invalid();
        const colon = this.next();
        if (this.at('}') || this.at(',')) this.raise("expression expected after dictionary key and ':'", colon);
        firstKey = e;
        firstValue = this.expression();
        if (this.at('for') || (this.at('async') && this.at('for', this.peek()))) {
          const generators = this.comprehensionTail(firstValue);
          const close = this.closeOrComma(firstValue, '}');
          return this.fin<A.DictComp>({ kind: 'DictComp', key: e, value: firstValue, generators }, open, close);
        }
      }
      const keys: (A.Expr | null)[] = [firstKey];
      const values: A.Expr[] = [firstValue];
      if (!this.at(',') && !this.at('}')) this.forgotCommaOrInvalid(firstValue);
      while (this.eat(',')) {
        if (this.at('}')) break;
        if (this.at('**')) {
          this.next();
          keys.push(null);
          values.push(this.bitOr());
        } else {
          const k = this.expression();
          if (!this.at(':')) {
            if (this.at(',') || this.at('}')) this.raise("':' expected after dictionary key", k);
            this.invalid();
          }
          const colon = this.next();
          if (this.at('}') || this.at(',')) this.raise("expression expected after dictionary key and ':'", colon);
          keys.push(k);
          values.push(this.expression());
        }
        if (!this.at(',') && !this.at('}')) this.forgotCommaOrInvalid(values[values.length - 1]);
      }
      const close = this.expect('}');
      return this.fin<A.Dict>({ kind: 'Dict', keys, values }, open, close);
    } finally {
      this.depth--;
    }
  }

  setRest(open: Token, first: A.Expr): A.Expr {
    if (this.at('for') || (this.at('async') && this.at('for', this.peek()))) {
      const generators = this.comprehensionTail(first);
      const close = this.closeOrComma(first, '}');
      return this.fin<A.SetComp>({ kind: 'SetComp', elt: first, generators }, open, close);
    }
    const elts = [first];
    if (!this.at(',') && !this.at('}')) this.forgotCommaOrInvalid(first);
    while (this.eat(',')) {
      if (this.at('}')) break;
      const e = this.starNamedExpression();
      elts.push(e);
      if (!this.at(',') && !this.at('}')) this.forgotCommaOrInvalid(e);
    }
    const close = this.expect('}');
    return this.fin<A.SetExpr>({ kind: 'Set', elts }, open, close);
  }

  // ---------------------------------------------------------------- strings

  /** One or more adjacent string literals (implicit concatenation). */
  strings(): A.Expr {
    const first = this.tok;
    let sawBytes = false, sawStr = false, sawF = false;
    /** pieces in order: literal text or a formatted value */
    const parts: (string | A.FormattedValue)[] = [];
    const bytes: number[] = [];
    let last: Token = first;
    let uPrefix = false;
    while (this.tok.type === 'STRING' || this.tok.type === 'FSTRING_START') {
      const t = this.tok;
      if (t.type === 'STRING') {
        this.next();
        last = t;
        const { raw, bytes: isB, u, body } = splitStringToken(t.value);
        if (t === first) uPrefix = u;
        if (isB ? sawStr : sawBytes) this.mixError = true;
        try {
          if (isB) { sawBytes = true; bytes.push(...decodeBytes(body, raw)); }
          else { sawStr = true; parts.push(decodeStr(body, raw)); }
        } catch (e) {
          if (e instanceof StringError) this.stringError(e, t);
          throw e;
        }
        if (invalidEscapes.length > 0) this.escapeWarnings(t, body, t.lineno);
      } else {
        if (sawBytes) this.mixError = true;
        sawStr = true;
        sawF = true;
        last = this.fstring(parts);
      }
    }
    void uPrefix;
    if (this.mixError) {
      this.mixError = false;
      this.raise('cannot mix bytes and nonbytes literals', this.tok);
    }
    if (sawBytes) {
      return this.fin<A.Constant>({ kind: 'Constant', value: { type: 'bytes', value: Uint8Array.from(bytes) } }, first, last);
    }
    if (!sawF) {
      return this.fin<A.Constant>({ kind: 'Constant', value: { type: 'str', value: (parts as string[]).join('') } }, first, last);
    }
    // merge adjacent literal pieces; empty pieces vanish (as in CPython)
    const values: A.Expr[] = [];
    let buf = '';
    let bufStart: Spanned | null = null;
    const flush = (): void => {
      if (buf !== '') values.push(this.fin<A.Constant>({ kind: 'Constant', value: { type: 'str', value: buf } }, first, last));
      buf = '';
      bufStart = null;
    };
    for (const p of parts) {
      if (typeof p === 'string') { buf += p; bufStart ??= first; }
      else { flush(); values.push(p); }
    }
    flush();
    return this.fin<A.JoinedStr>({ kind: 'JoinedStr', values }, first, last);
  }




}

// try and with statements: an on-demand part (compile/trywith.ts)
export interface Parser {
  withStmt(async: Token | null): A.With;
  withItem(): A.WithItem;
  tryStmt(): A.Try;
}
deferPrototype(parts.trywith, 'Parser', Parser.prototype, ['withStmt', 'withItem', 'tryStmt']);

// comprehensions: an on-demand part (compile/comprehensions.ts)
export interface Parser {
  comprehensionTail(elt: A.Expr): A.Comprehension[];
}
deferPrototype(parts.comprehensions, 'Parser', Parser.prototype, ['comprehensionTail']);

// f-strings: an on-demand part (parse/fstrings.ts)
export interface Parser {
  fstring(parts: (string | A.FormattedValue)[]): Token;
  decodePiece(t: Token, raw: boolean, end?: Token): string;
  replacementField(raw: boolean, parts: (string | A.FormattedValue)[]): A.FormattedValue;
}
deferPrototype(parts.fstrings, 'Parser', Parser.prototype, ['fstring', 'decodePiece', 'replacementField']);

// import statements: an on-demand part (compile/imports.ts)
export interface Parser {
  importStmt(): A.Import;
  fromImport(): A.ImportFrom;
  dottedName(): { name: string; first: Token; last: Token };
}
deferPrototype(parts.imports, 'Parser', Parser.prototype, ['importStmt', 'fromImport', 'dottedName']);

// syntax-error diagnostics: an on-demand part (parse/diagnostics.ts)
export interface Parser {
  /** Generic "invalid syntax" at the current token, with CPython's special cases for INDENT/DEDENT. */
  invalid(t?: Token): never;
  /** inside brackets, `a b` → "invalid syntax. Perhaps you forgot a comma?" (invalid_expression) */
  forgotComma(a: A.Expr, fallThrough?: boolean): never;
  isDisjunctionLevel(e: A.Expr): boolean;
  /** `if x = 1:` (CPython's invalid_named_expression) */
  assignInCondition(a: A.Expr): never;
  forgotCommaOrInvalid(a: A.Expr): never;
  stringError(e: StringError, t: Token): never;
}
deferPrototype(parts.diagnostics, 'Parser', Parser.prototype, [
  'invalid', 'forgotComma', 'isDisjunctionLevel', 'assignInCondition', 'forgotCommaOrInvalid', 'stringError',
]);

// SyntaxWarnings for invalid escapes: with the compiler's, an on-demand part (parse/escapewarnings.ts)
export interface Parser {
  /** the warnings for `invalidEscapes` in `body`, the text of `t` (or of a piece of it), at line `lineno` */
  escapeWarnings(t: Token, body: string, lineno: number): void;
  /** the tokenizer's warnings for `\{` and `\}` in an f-string's literal text */
  braceEscapeWarnings(t: Token): void;
}
deferPrototype(parts.syntaxwarnings, 'Parser', Parser.prototype, ['escapeWarnings', 'braceEscapeWarnings']);

// del, global and nonlocal statements: an on-demand part (compile/directives.ts)
export interface Parser {
  delStmt(): A.Delete;
  directive(t: Token): A.Global | A.Nonlocal;
}
deferPrototype(parts.del, 'Parser', Parser.prototype, ['delStmt', 'directive']);

// yield expressions: with the passes for exception handlers, an on-demand part (compile/generators.ts)
export interface Parser {
  yieldExpr(): A.Expr;
}
deferPrototype(parts.handlers, 'Parser', Parser.prototype, ['yieldExpr']);

// `/`, `*args` and `**kwargs` in a parameter list: an on-demand part (compile/unpacking.ts)
export interface Parser {
  /** true when the parameter list ends here (after `**kwargs`) */
  starParam(a: A.Arguments, lambda: boolean, closer: string, seen: { star: boolean; slash: boolean }): boolean;
}
deferPrototype(parts.unpacking, 'Parser', Parser.prototype, ['starParam']);

// annotated assignments: an on-demand part (compile/annotations.ts)
export interface Parser {
  annAssign(lhs: A.Expr, colon: Token): A.AnnAssign;
  checkAnnTarget(lhs: A.Expr): void;
}
deferPrototype(parts.annotations, 'Parser', Parser.prototype, ['annAssign', 'checkAnnTarget']);

// class statements: with the rest of class creation, an on-demand part (compile/classdef.ts)
export interface Parser {
  classDef(decorator_list: A.Expr[]): A.ClassDef;
}
deferPrototype(parts.classes, 'Parser', Parser.prototype, ['classDef']);
