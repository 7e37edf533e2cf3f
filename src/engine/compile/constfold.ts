/** The AST optimizer's constant folding: CPython 3.12's Python/ast_opt.c (with its size limits). */

import type * as A from '../parse/ast.js';
import type { ConstSpec } from '../bytecode/code.js';
import { parts, deferred } from '../ondemand.js';

/**
 * The compiler folds to constants that ast.ts cannot express (tuples and
 * frozensets), so folded Constant nodes carry a ConstSpec.
 */
export interface FoldedConstant extends A.Pos {
  kind: 'Constant';
  value: ConstSpec;
}

class NoFold extends Error {}
export const nofold = (): never => {
  throw new NoFold();
};


/** int-like value of int/bool */
export function intOf(c: ConstSpec): bigint | null {
  if (c.type === 'int') return c.value;
  if (c.type === 'bool') return c.value ? 1n : 0n;
  return null;
}
export const mkInt = (v: bigint): ConstSpec => ({ type: 'int', value: v });
export const mkFloat = (v: number): ConstSpec => ({ type: 'float', value: v });

/**
 * A binary operation on two constants folded (safe_multiply, safe_power,
 * safe_lshift and the number semantics): an on-demand part
 * (compile/constarith.ts), loaded by a program whose text has a literal on
 * both sides of an operator (ondemand.ts). Reached without it, the stub ends
 * the compile and the program runs again with every part.
 */
const foldBinop = deferred<(op: A.OperatorKind, v: ConstSpec, w: ConstSpec) => ConstSpec>(parts.constarith, 'foldBinop');

function isTrue(c: ConstSpec): boolean {
  switch (c.type) {
    case 'int': return c.value !== 0n;
    case 'float': return c.value !== 0;
    case 'complex': return c.imag !== 0;
    case 'str': return c.value.length > 0;
    case 'bytes': return c.value.length > 0;
    case 'bool': return c.value;
    case 'None': return false;
    case 'Ellipsis': return true;
    case 'tuple': case 'frozenset': return c.items.length > 0;
    case 'code': return true;
  }
}

function foldUnary(op: A.UnaryOpKind, v: ConstSpec): ConstSpec {
  if (op === 'Not') return { type: 'bool', value: !isTrue(v) };
  const i = intOf(v);
  if (op === 'Invert') {
    if (i === null) return nofold();
    return mkInt(-i - 1n);
  }
  if (op === 'USub') {
    if (i !== null) return mkInt(-i);
    if (v.type === 'float') return mkFloat(-v.value);
    if (v.type === 'complex') return { type: 'complex', real: -(v.real ?? 0), imag: -v.imag };
    return nofold();
  }
  // UAdd
  if (i !== null) return mkInt(i);
  if (v.type === 'float' || v.type === 'complex') return v;
  return nofold();
}

function constOf(e: A.Expr): ConstSpec | null {
  return e.kind === 'Constant' ? (e.value as ConstSpec) : null;
}

function makeConst(node: A.Expr, value: ConstSpec): A.Expr {
  const n = node as unknown as Record<string, unknown>;
  for (const k of Object.keys(n)) {
    if (!['lineno', 'col_offset', 'end_lineno', 'end_col_offset', 'start', 'end'].includes(k)) delete n[k];
  }
  n.kind = 'Constant';
  n.value = value;
  return node;
}

function tryFold(node: A.Expr, f: () => ConstSpec): void {
  try {
    makeConst(node, f());
  } catch (e) {
    if (!(e instanceof NoFold)) throw e;
  }
}

function makeConstTuple(elts: A.Expr[]): ConstSpec | null {
  const items: ConstSpec[] = [];
  for (const e of elts) {
    const c = constOf(e);
    if (!c) return null;
    items.push(c);
  }
  return { type: 'tuple', items };
}

function hasStarred(elts: A.Expr[]): boolean {
  return elts.some((e) => e.kind === 'Starred');
}

/** fold_iter: a literal list/set iterated or tested with `in` becomes a tuple/frozenset. */
function foldIter(arg: A.Expr): void {
  if (arg.kind === 'List') {
    if (hasStarred(arg.elts)) return;
    const t = arg as unknown as A.Tuple;
    (t as { kind: string }).kind = 'Tuple';
    const c = makeConstTuple(t.elts);
    if (c) makeConst(arg, c);
  } else if (arg.kind === 'Set') {
    const c = makeConstTuple(arg.elts);
    if (c && c.type === 'tuple') makeConst(arg, { type: 'frozenset', items: c.items });
  }
}

function subscr(v: ConstSpec, s: ConstSpec): ConstSpec {
  const i = intOf(s);
  if (i === null) return nofold();
  if (v.type === 'tuple' || v.type === 'str' || v.type === 'bytes') {
    const arr: unknown[] = v.type === 'tuple' ? v.items : v.type === 'str' ? [...v.value] : [...v.value];
    let k = Number(i);
    if (k < 0) k += arr.length;
    if (k < 0 || k >= arr.length) nofold();
    if (v.type === 'tuple') return v.items[k];
    if (v.type === 'str') return { type: 'str', value: arr[k] as string };
    return mkInt(BigInt(arr[k] as number));
  }
  return nofold();
}

// ---------------------------------------------------------------------------
// The walk (astfold_*): children first, then the node itself.

function foldExprs(es: (A.Expr | null)[]): void {
  for (const e of es) if (e) foldExpr(e);
}

export function foldExpr(e: A.Expr): void {
  switch (e.kind) {
    case 'BoolOp': foldExprs(e.values); break;
    case 'BinOp': {
      foldExpr(e.left);
      foldExpr(e.right);
      const l = constOf(e.left);
      const r = constOf(e.right);
      if (l && r) {
        const op = e.op;
        tryFold(e, () => foldBinop(op, l, r));
      }
      break;
    }
    case 'UnaryOp': {
      foldExpr(e.operand);
      const v = constOf(e.operand);
      if (v) {
        const op = e.op;
        tryFold(e, () => foldUnary(op, v));
      } else if (e.op === 'Not' && e.operand.kind === 'Compare' && e.operand.ops.length === 1) {
        const inv: Partial<Record<A.CmpOpKind, A.CmpOpKind>> = { Is: 'IsNot', IsNot: 'Is', In: 'NotIn', NotIn: 'In' };
        const op = inv[e.operand.ops[0]];
        if (op) {
          const cmp = e.operand;
          cmp.ops = [op];
          const n = e as unknown as Record<string, unknown>;
          delete n.op;
          delete n.operand;
          Object.assign(n, { kind: 'Compare', left: cmp.left, ops: cmp.ops, comparators: cmp.comparators });
          Object.assign(n, {
            lineno: cmp.lineno, col_offset: cmp.col_offset, end_lineno: cmp.end_lineno,
            end_col_offset: cmp.end_col_offset, start: cmp.start, end: cmp.end,
          });
        }
      }
      break;
    }
    case 'Lambda':
      foldArguments(e.args);
      foldExpr(e.body);
      break;
    case 'IfExp': foldExpr(e.test); foldExpr(e.body); foldExpr(e.orelse); break;
    case 'Dict': foldExprs(e.keys); foldExprs(e.values); break;
    case 'Set': foldExprs(e.elts); break;
    case 'ListComp': case 'SetComp': case 'GeneratorExp':
      foldExpr(e.elt);
      foldComprehensions(e.generators);
      break;
    case 'DictComp':
      foldExpr(e.key);
      foldExpr(e.value);
      foldComprehensions(e.generators);
      break;
    case 'Await': foldExpr(e.value); break;
    case 'Yield': if (e.value) foldExpr(e.value); break;
    case 'YieldFrom': foldExpr(e.value); break;
    case 'Compare': {
      foldExpr(e.left);
      foldExprs(e.comparators);
      const last = e.ops.length - 1;
      if (e.ops[last] === 'In' || e.ops[last] === 'NotIn') foldIter(e.comparators[last]);
      break;
    }
    case 'Call':
      foldExpr(e.func);
      foldExprs(e.args);
      for (const k of e.keywords) foldExpr(k.value);
      break;
    case 'FormattedValue':
      foldExpr(e.value);
      if (e.format_spec) foldExpr(e.format_spec);
      break;
    case 'JoinedStr': foldExprs(e.values); break;
    case 'Attribute': foldExpr(e.value); break;
    case 'Subscript': {
      foldExpr(e.value);
      foldExpr(e.slice);
      const v = constOf(e.value);
      const s = constOf(e.slice);
      if (v && s && e.ctx === 'Load') tryFold(e, () => subscr(v, s));
      break;
    }
    case 'Starred': foldExpr(e.value); break;
    case 'Slice':
      if (e.lower) foldExpr(e.lower);
      if (e.upper) foldExpr(e.upper);
      if (e.step) foldExpr(e.step);
      break;
    case 'List': foldExprs(e.elts); break;
    case 'Tuple': {
      foldExprs(e.elts);
      if (e.ctx === 'Load') {
        const c = makeConstTuple(e.elts);
        if (c) makeConst(e, c);
      }
      break;
    }
    case 'Name':
      if (e.ctx === 'Load' && e.id === '__debug__') makeConst(e, { type: 'bool', value: true });
      break;
    case 'NamedExpr': foldExpr(e.value); break;
    case 'Constant': break;
  }
}

function foldComprehensions(gens: A.Comprehension[]): void {
  for (const g of gens) {
    foldExpr(g.target);
    foldExpr(g.iter);
    foldExprs(g.ifs);
    foldIter(g.iter);
  }
}

function foldArguments(a: A.Arguments): void {
  for (const x of [...a.posonlyargs, ...a.args]) if (x.annotation) foldExpr(x.annotation);
  if (a.vararg?.annotation) foldExpr(a.vararg.annotation);
  for (const x of a.kwonlyargs) if (x.annotation) foldExpr(x.annotation);
  foldExprs(a.kw_defaults);
  if (a.kwarg?.annotation) foldExpr(a.kwarg.annotation);
  foldExprs(a.defaults);
}

export function foldStmts(body: A.Stmt[]): void {
  for (const s of body) foldStmt(s);
}

function foldStmt(s: A.Stmt): void {
  switch (s.kind) {
    case 'FunctionDef': case 'AsyncFunctionDef':
      foldArguments(s.args);
      foldStmts(s.body);
      foldExprs(s.decorator_list);
      if (s.returns) foldExpr(s.returns);
      break;
    case 'ClassDef':
      foldExprs(s.bases);
      for (const k of s.keywords) foldExpr(k.value);
      foldStmts(s.body);
      foldExprs(s.decorator_list);
      break;
    case 'Return': if (s.value) foldExpr(s.value); break;
    case 'Delete': foldExprs(s.targets); break;
    case 'Assign': foldExprs(s.targets); foldExpr(s.value); break;
    case 'AugAssign': foldExpr(s.target); foldExpr(s.value); break;
    case 'AnnAssign': foldExpr(s.target); foldExpr(s.annotation); if (s.value) foldExpr(s.value); break;
    case 'For': case 'AsyncFor':
      foldExpr(s.target);
      foldExpr(s.iter);
      foldStmts(s.body);
      foldStmts(s.orelse);
      foldIter(s.iter);
      break;
    case 'While': case 'If':
      foldExpr(s.test);
      foldStmts(s.body);
      foldStmts(s.orelse);
      break;
    case 'With': case 'AsyncWith':
      for (const i of s.items) {
        foldExpr(i.context_expr);
        if (i.optional_vars) foldExpr(i.optional_vars);
      }
      foldStmts(s.body);
      break;
    case 'Raise': if (s.exc) foldExpr(s.exc); if (s.cause) foldExpr(s.cause); break;
    case 'Try': case 'TryStar':
      foldStmts(s.body);
      for (const h of s.handlers) {
        if (h.type) foldExpr(h.type);
        foldStmts(h.body);
      }
      foldStmts(s.orelse);
      foldStmts(s.finalbody);
      break;
    case 'Assert': foldExpr(s.test); if (s.msg) foldExpr(s.msg); break;
    case 'Expr': foldExpr(s.value); break;
    default: break;
  }
}
