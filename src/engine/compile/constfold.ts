/** The AST optimizer's constant folding: CPython 3.12's Python/ast_opt.c (with its size limits). */

import type * as A from '../parse/ast.js';
import type { ConstSpec } from '../bytecode/code.js';

/**
 * The compiler folds to constants that ast.ts cannot express (tuples and
 * frozensets), so folded Constant nodes carry a ConstSpec.
 */
export interface FoldedConstant extends A.Pos {
  kind: 'Constant';
  value: ConstSpec;
}

const MAX_INT_SIZE = 128n; // bits
const MAX_COLLECTION_SIZE = 256;
const MAX_STR_SIZE = 4096;
const MAX_TOTAL_ITEMS = 1024;

class NoFold extends Error {}
const nofold = (): never => {
  throw new NoFold();
};

function numBits(v: bigint): bigint {
  if (v < 0n) v = -v;
  return BigInt(v.toString(2).length - (v === 0n ? 1 : 0));
}

function isNum(c: ConstSpec): c is { type: 'int'; value: bigint } | { type: 'float'; value: number } | { type: 'bool'; value: boolean } | { type: 'complex'; imag: number; real?: number } {
  return c.type === 'int' || c.type === 'float' || c.type === 'bool' || c.type === 'complex';
}

/** int-like value of int/bool */
function intOf(c: ConstSpec): bigint | null {
  if (c.type === 'int') return c.value;
  if (c.type === 'bool') return c.value ? 1n : 0n;
  return null;
}
function floatOf(c: ConstSpec): number {
  if (c.type === 'float') return c.value;
  const i = intOf(c);
  if (i === null) return nofold();
  const f = Number(i);
  if (!Number.isFinite(f)) nofold(); // OverflowError
  return f;
}
const mkInt = (v: bigint): ConstSpec => ({ type: 'int', value: v });
const mkFloat = (v: number): ConstSpec => ({ type: 'float', value: v });

function floorDivInt(a: bigint, b: bigint): bigint {
  if (b === 0n) nofold();
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}
function modInt(a: bigint, b: bigint): bigint {
  if (b === 0n) nofold();
  const r = a % b;
  return r !== 0n && (r < 0n) !== (b < 0n) ? r + b : r;
}
function modFloat(a: number, b: number): number {
  if (b === 0) nofold();
  let m = a % b;
  if (m) {
    if ((b < 0) !== (m < 0)) m += b;
  } else {
    m = b < 0 ? -0 : 0;
  }
  return m;
}
function floorDivFloat(a: number, b: number): number {
  if (b === 0) nofold();
  const mod = a % b;
  let div = (a - mod) / b;
  if (mod && (b < 0) !== (mod < 0)) div -= 1;
  if (div) {
    let floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1;
    return floordiv;
  }
  return (a / b < 0 ? -0 : 0);
}

function seqLen(c: ConstSpec): number {
  if (c.type === 'str') return [...c.value].length;
  if (c.type === 'bytes') return c.value.length;
  if (c.type === 'tuple' || c.type === 'frozenset') return c.items.length;
  return -1;
}

function countItems(c: ConstSpec): number {
  if (c.type === 'tuple' || c.type === 'frozenset') {
    let n = c.items.length;
    for (const i of c.items) n += countItems(i) - (i.type === 'tuple' || i.type === 'frozenset' ? 0 : 0);
    return n;
  }
  return 0;
}

function repeat(seq: ConstSpec, n: bigint): ConstSpec {
  const k = n < 0n ? 0 : Number(n);
  if (seq.type === 'str') return { type: 'str', value: seq.value.repeat(k) };
  if (seq.type === 'bytes') {
    const out = new Uint8Array(seq.value.length * k);
    for (let i = 0; i < k; i++) out.set(seq.value, i * seq.value.length);
    return { type: 'bytes', value: out };
  }
  if (seq.type === 'tuple') {
    const items: ConstSpec[] = [];
    for (let i = 0; i < k; i++) items.push(...seq.items);
    return { type: 'tuple', items };
  }
  return nofold();
}


/** PyLong_Check is true for bool too: the size guards treat True/False as 1/0. */
function asIntSpec(c: ConstSpec): ConstSpec {
  return c.type === 'bool' ? { type: 'int', value: c.value ? 1n : 0n } : c;
}

function safeMultiply(v: ConstSpec, w: ConstSpec): ConstSpec {
  const vn = asIntSpec(v), wn = asIntSpec(w);
  const vi = intOf(v);
  const wi = intOf(w);
  if (vn.type === 'int' && wn.type === 'int' && vn.value !== 0n && wn.value !== 0n) {
    if (numBits(vn.value) + numBits(wn.value) > MAX_INT_SIZE) nofold();
  } else if (vi !== null && (w.type === 'tuple' || w.type === 'frozenset')) {
    if (w.type === 'frozenset') nofold(); // frozenset * int is a TypeError
    const size = w.items.length;
    if (size) {
      if (vi < 0n || vi > BigInt(Math.floor(MAX_COLLECTION_SIZE / size))) nofold();
      if (vi && countItems(w) > MAX_TOTAL_ITEMS / Number(vi)) nofold();
    }
    return repeat(w, vi);
  } else if (vi !== null && (w.type === 'str' || w.type === 'bytes')) {
    const size = seqLen(w);
    if (size) {
      if (vi < 0n || vi > BigInt(Math.floor(MAX_STR_SIZE / size))) nofold();
    }
    return repeat(w, vi);
  } else if (wi !== null && (v.type === 'tuple' || v.type === 'frozenset' || v.type === 'str' || v.type === 'bytes')) {
    return safeMultiply(w, v);
  }
  return arith('Mult', v, w);
}

function safePower(v: ConstSpec, w: ConstSpec): ConstSpec {
  const vn = asIntSpec(v), wn = asIntSpec(w);
  if (vn.type === 'int' && wn.type === 'int' && vn.value !== 0n && wn.value > 0n) {
    const vbits = numBits(vn.value);
    if (vbits > MAX_INT_SIZE / wn.value) nofold();
  }
  return arith('Pow', v, w);
}

function safeLshift(v: ConstSpec, w: ConstSpec): ConstSpec {
  const vn = asIntSpec(v), wn = asIntSpec(w);
  if (vn.type === 'int' && wn.type === 'int' && vn.value !== 0n && wn.value !== 0n) {
    if (wn.value < 0n) nofold();
    const vbits = numBits(vn.value);
    if (wn.value > MAX_INT_SIZE || vbits > MAX_INT_SIZE - wn.value) nofold();
  }
  return arith('LShift', v, w);
}

/** Python number semantics for int/bool/float operands (complex is left unfolded). */
function arith(op: A.OperatorKind, v: ConstSpec, w: ConstSpec): ConstSpec {
  if (op === 'Add') {
    if (v.type === 'str' && w.type === 'str') return { type: 'str', value: v.value + w.value };
    if (v.type === 'bytes' && w.type === 'bytes') {
      const out = new Uint8Array(v.value.length + w.value.length);
      out.set(v.value);
      out.set(w.value, v.value.length);
      return { type: 'bytes', value: out };
    }
    if (v.type === 'tuple' && w.type === 'tuple') return { type: 'tuple', items: [...v.items, ...w.items] };
  }
  if (!isNum(v) || !isNum(w) || v.type === 'complex' || w.type === 'complex') return nofold();
  const a = intOf(v);
  const b = intOf(w);
  if (a !== null && b !== null) {
    switch (op) {
      case 'Add': return mkInt(a + b);
      case 'Sub': return mkInt(a - b);
      case 'Mult': return mkInt(a * b);
      case 'FloorDiv': return mkInt(floorDivInt(a, b));
      case 'Mod': return mkInt(modInt(a, b));
      case 'Div': {
        if (b === 0n) nofold();
        const r = Number(a) / Number(b);
        if (!Number.isFinite(r) || Math.abs(Number(a)) > 2 ** 53 || Math.abs(Number(b)) > 2 ** 53) nofold();
        return mkFloat(r);
      }
      case 'Pow':
        if (b < 0n) {
          if (a === 0n) nofold();
          return mkFloat(Math.pow(Number(a), Number(b)));
        }
        return mkInt(a ** b);
      case 'LShift':
        if (b < 0n) nofold();
        return mkInt(a << b);
      case 'RShift':
        if (b < 0n) nofold();
        return mkInt(a >> b);
      case 'BitOr':
        return v.type === 'bool' && w.type === 'bool' ? { type: 'bool', value: v.value || w.value } : mkInt(a | b);
      case 'BitAnd':
        return v.type === 'bool' && w.type === 'bool' ? { type: 'bool', value: v.value && w.value } : mkInt(a & b);
      case 'BitXor':
        return v.type === 'bool' && w.type === 'bool' ? { type: 'bool', value: v.value !== w.value } : mkInt(a ^ b);
      default:
        return nofold();
    }
  }
  const x = floatOf(v);
  const y = floatOf(w);
  let r: number;
  switch (op) {
    case 'Add': r = x + y; break;
    case 'Sub': r = x - y; break;
    case 'Mult': r = x * y; break;
    case 'Div':
      if (y === 0) nofold();
      r = x / y;
      break;
    case 'FloorDiv': r = floorDivFloat(x, y); break;
    case 'Mod': r = modFloat(x, y); break;
    case 'Pow':
      if (x === 0 && y < 0) nofold();
      if (x < 0 && !Number.isInteger(y)) nofold(); // complex result
      r = Math.pow(x, y);
      break;
    default:
      return nofold();
  }
  if (!Number.isFinite(r) && Number.isFinite(x) && Number.isFinite(y)) nofold(); // OverflowError
  return mkFloat(r);
}

function foldBinop(op: A.OperatorKind, v: ConstSpec, w: ConstSpec): ConstSpec {
  switch (op) {
    case 'Mult': return safeMultiply(v, w);
    case 'Pow': return safePower(v, w);
    case 'LShift': return safeLshift(v, w);
    case 'Mod':
      if (v.type === 'str' || v.type === 'bytes') nofold();
      return arith(op, v, w);
    case 'MatMult': return nofold();
    default: return arith(op, v, w);
  }
}

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
