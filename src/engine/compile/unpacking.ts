/**
 * Parameter lists with `/`, `*args` or `**kwargs`, parsed; calls with `*args`
 * or `**kwargs` (CALL_FUNCTION_EX) and list, tuple and set displays with a
 * starred item, compiled. With their instructions (eval/unpacking.ts), an
 * on-demand part (see ondemand.ts: a `*` that begins an expression, or a `/`
 * after a comma, loads it). So are calls with more arguments, and displays
 * with more items, than STACK_USE_GUIDELINE, which no text announces: such a
 * program runs again with every part. Each function is a method of Parser or
 * Compiler (a stub on its prototype), moved here verbatim.
 */
import type * as A from '../parse/ast.js';
import type { Parser } from '../parse/parser.js';
import type { ConstSpec } from '../bytecode/code.js';
import * as OP from '../bytecode/op.js';
import { type Compiler, INTRINSIC_LIST_TO_TUPLE, STACK_USE_GUIDELINE } from './codegen.js';
import { type Loc, NO_LOCATION } from './flowgraph.js';
// the modules whose prototypes hold this part's stubs, evaluated first (ondemand.ts checks every stub has its code)
import '../parse/parser.js';
import './codegen.js';

// ---------------------------------------------------------------- parser

function starParam(
  this: Parser, a: A.Arguments, lambda: boolean, closer: string, seen: { star: boolean; slash: boolean },
): boolean {
  const t = this.tok;
  if (this.at('/')) {
    if (seen.slash) this.raise('/ may appear only once', t);
    if (seen.star) this.raise('/ must be ahead of *', t);
    if (a.args.length === 0) this.raise('at least one argument must precede /', t);
    this.next();
    seen.slash = true;
    a.posonlyargs = a.args;
    a.args = [];
  } else if (this.at('**')) {
    this.next();
    a.kwarg = this.param(lambda);
    if (this.at('=')) this.raise('var-keyword argument cannot have default value', this.tok);
    if (this.at(',')) {
      this.next();
      if (!this.at(closer)) this.raise('arguments cannot follow var-keyword argument', this.tok);
    }
    return true;
  } else if (this.at('*')) {
    if (seen.star) this.raise('* argument may appear only once', t);
    this.next();
    seen.star = true;
    if (this.at(',')) {
      // bare `*`: keyword-only parameters must follow
      const nt = this.peek();
      if (this.at(closer, nt) || this.at('**', nt)) this.raise('named arguments must follow bare *', t);
    } else if (this.at(closer)) {
      this.raise('named arguments must follow bare *', t);
    } else {
      a.vararg = this.param(lambda);
      if (this.at('=')) this.raise('var-positional argument cannot have default value', this.tok);
    }
  }
  return false;
}

// ---------------------------------------------------------------- compiler

function callEx(this: Compiler, l: Loc, n: number, args: A.Expr[], keywords: A.Keyword[]): void {
  const nelts = args.length;
  const nkwelts = keywords.length;
  if (n === 0 && nelts === 1 && args[0].kind === 'Starred') {
    this.expr((args[0] as A.Starred).value);
  } else {
    this.starunpackHelper(l, args, n, OP.BUILD_LIST, OP.LIST_APPEND, OP.LIST_EXTEND, true);
  }
  if (nkwelts) {
    let haveDict = false;
    let nseen = 0;
    for (let i = 0; i < nkwelts; i++) {
      const kw = keywords[i];
      if (kw.arg === null) {
        if (nseen) {
          this.subkwargs(l, keywords, i - nseen, i);
          if (haveDict) this.addop(OP.DICT_MERGE, 1, l);
          haveDict = true;
          nseen = 0;
        }
        if (!haveDict) {
          this.addop(OP.BUILD_MAP, 0, l);
          haveDict = true;
        }
        this.expr(kw.value);
        this.addop(OP.DICT_MERGE, 1, l);
      } else {
        nseen++;
      }
    }
    if (nseen) {
      this.subkwargs(l, keywords, nkwelts - nseen, nkwelts);
      if (haveDict) this.addop(OP.DICT_MERGE, 1, l);
      haveDict = true;
    }
  }
  this.addop(OP.CALL_FUNCTION_EX, nkwelts > 0 ? 1 : 0, l);
}

function subkwargs(this: Compiler, l: Loc, kws: A.Keyword[], begin: number, end: number): void {
  const n = end - begin;
  const big = n * 2 > STACK_USE_GUIDELINE;
  if (n > 1 && !big) {
    for (let i = begin; i < end; i++) this.expr(kws[i].value);
    this.loadConst({ type: 'tuple', items: kws.slice(begin, end).map((k) => ({ type: 'str', value: k.arg! }) as ConstSpec) }, l);
    this.addop(OP.BUILD_CONST_KEY_MAP, n, l);
    return;
  }
  if (big) this.addop(OP.BUILD_MAP, 0, NO_LOCATION);
  for (let i = begin; i < end; i++) {
    this.loadConst({ type: 'str', value: kws[i].arg! }, l);
    this.expr(kws[i].value);
    if (big) this.addop(OP.MAP_ADD, 1, NO_LOCATION);
  }
  if (!big) this.addop(OP.BUILD_MAP, n, l);
}

function starunpackBuild(
  this: Compiler, l: Loc, elts: A.Expr[], pushed: number, build: number, add: number, extend: number, tuple: boolean, big: boolean,
): void {
  const n = elts.length;
  let built = false;
  if (big) {
    this.addop(build, pushed, l);
    built = true;
  }
  for (let i = 0; i < n; i++) {
    const elt = elts[i];
    if (elt.kind === 'Starred') {
      if (!built) {
        this.addop(build, i + pushed, l);
        built = true;
      }
      this.expr(elt.value);
      this.addop(extend, 1, l);
    } else {
      this.expr(elt);
      if (built) this.addop(add, 1, l);
    }
  }
  if (tuple) this.addop(OP.CALL_INTRINSIC_1, INTRINSIC_LIST_TO_TUPLE, l);
}

/** The implementations, by `Class.method`. */
export const unpackingCode = {
  'Parser.starParam': starParam,
  'Compiler.callEx': callEx,
  'Compiler.subkwargs': subkwargs,
  'Compiler.starunpackBuild': starunpackBuild,
};
