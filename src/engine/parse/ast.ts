/**
 * The abstract syntax tree. Mirrors CPython's `Parser/Python.asdl` (the `ast`
 * module) node for node: the same class names in `kind`, the same field names,
 * so `ast.dump()` documentation doubles as documentation for this file.
 *
 * Positions follow CPython: `lineno`/`end_lineno` are 1-based, `col_offset`/
 * `end_col_offset` are 0-based UTF-8 byte offsets in CPython; here they are
 * UTF-16 code-unit offsets into the line (what an editor wants). Every node also
 * carries `start`/`end`: absolute offsets into the source text, for editor markers.
 */

export interface Pos {
  lineno: number;
  col_offset: number;
  end_lineno: number;
  end_col_offset: number;
  /** absolute offset of the first character in the source */
  start: number;
  /** absolute offset just past the last character */
  end: number;
}

// ---- operators (plain strings, named as in the ast module) ----
export type BoolOpKind = 'And' | 'Or';
export type OperatorKind =
  | 'Add' | 'Sub' | 'Mult' | 'MatMult' | 'Div' | 'Mod' | 'Pow'
  | 'LShift' | 'RShift' | 'BitOr' | 'BitXor' | 'BitAnd' | 'FloorDiv';
export type UnaryOpKind = 'Invert' | 'Not' | 'UAdd' | 'USub';
export type CmpOpKind = 'Eq' | 'NotEq' | 'Lt' | 'LtE' | 'Gt' | 'GtE' | 'Is' | 'IsNot' | 'In' | 'NotIn';
export type ExprContext = 'Load' | 'Store' | 'Del';

// ---- module ----
export interface Module { kind: 'Module'; body: Stmt[]; }

// ---- statements ----
export interface FunctionDef extends Pos {
  kind: 'FunctionDef' | 'AsyncFunctionDef';
  name: string;
  args: Arguments;
  body: Stmt[];
  decorator_list: Expr[];
  returns: Expr | null;
}
export interface ClassDef extends Pos {
  kind: 'ClassDef';
  name: string;
  bases: Expr[];
  keywords: Keyword[];
  body: Stmt[];
  decorator_list: Expr[];
}
export interface Return extends Pos { kind: 'Return'; value: Expr | null; }
export interface Delete extends Pos { kind: 'Delete'; targets: Expr[]; }
export interface Assign extends Pos { kind: 'Assign'; targets: Expr[]; value: Expr; }
export interface AugAssign extends Pos { kind: 'AugAssign'; target: Expr; op: OperatorKind; value: Expr; }
export interface AnnAssign extends Pos {
  kind: 'AnnAssign'; target: Expr; annotation: Expr; value: Expr | null; simple: boolean;
}
export interface For extends Pos {
  kind: 'For' | 'AsyncFor'; target: Expr; iter: Expr; body: Stmt[]; orelse: Stmt[];
}
export interface While extends Pos { kind: 'While'; test: Expr; body: Stmt[]; orelse: Stmt[]; }
export interface If extends Pos { kind: 'If'; test: Expr; body: Stmt[]; orelse: Stmt[]; }
export interface With extends Pos { kind: 'With' | 'AsyncWith'; items: WithItem[]; body: Stmt[]; }
export interface Match extends Pos { kind: 'Match'; subject: Expr; cases: unknown[]; }
export interface Raise extends Pos { kind: 'Raise'; exc: Expr | null; cause: Expr | null; }
export interface Try extends Pos {
  kind: 'Try' | 'TryStar';
  body: Stmt[];
  handlers: ExceptHandler[];
  orelse: Stmt[];
  finalbody: Stmt[];
}
export interface Assert extends Pos { kind: 'Assert'; test: Expr; msg: Expr | null; }
export interface Import extends Pos { kind: 'Import'; names: Alias[]; }
export interface ImportFrom extends Pos {
  kind: 'ImportFrom'; module: string | null; names: Alias[]; level: number;
}
export interface Global extends Pos { kind: 'Global'; names: string[]; }
export interface Nonlocal extends Pos { kind: 'Nonlocal'; names: string[]; }
export interface ExprStmt extends Pos { kind: 'Expr'; value: Expr; }
export interface Pass extends Pos { kind: 'Pass'; }
export interface Break extends Pos { kind: 'Break'; }
export interface Continue extends Pos { kind: 'Continue'; }

export type Stmt =
  | FunctionDef | ClassDef | Return | Delete | Assign | AugAssign | AnnAssign
  | For | While | If | With | Match | Raise | Try | Assert | Import | ImportFrom
  | Global | Nonlocal | ExprStmt | Pass | Break | Continue;

// ---- expressions ----
export interface BoolOp extends Pos { kind: 'BoolOp'; op: BoolOpKind; values: Expr[]; }
export interface NamedExpr extends Pos { kind: 'NamedExpr'; target: Name; value: Expr; }
export interface BinOp extends Pos { kind: 'BinOp'; left: Expr; op: OperatorKind; right: Expr; }
export interface UnaryOp extends Pos { kind: 'UnaryOp'; op: UnaryOpKind; operand: Expr; }
export interface Lambda extends Pos { kind: 'Lambda'; args: Arguments; body: Expr; }
export interface IfExp extends Pos { kind: 'IfExp'; test: Expr; body: Expr; orelse: Expr; }
export interface Dict extends Pos {
  kind: 'Dict';
  /** null key means `**value` unpacking */
  keys: (Expr | null)[];
  values: Expr[];
}
export interface SetExpr extends Pos { kind: 'Set'; elts: Expr[]; }
export interface ListComp extends Pos { kind: 'ListComp'; elt: Expr; generators: Comprehension[]; }
export interface SetComp extends Pos { kind: 'SetComp'; elt: Expr; generators: Comprehension[]; }
export interface DictComp extends Pos {
  kind: 'DictComp'; key: Expr; value: Expr; generators: Comprehension[];
}
export interface GeneratorExp extends Pos {
  kind: 'GeneratorExp'; elt: Expr; generators: Comprehension[];
}
export interface Await extends Pos { kind: 'Await'; value: Expr; }
export interface Yield extends Pos { kind: 'Yield'; value: Expr | null; }
export interface YieldFrom extends Pos { kind: 'YieldFrom'; value: Expr; }
export interface Compare extends Pos {
  kind: 'Compare'; left: Expr; ops: CmpOpKind[]; comparators: Expr[];
}
export interface Call extends Pos { kind: 'Call'; func: Expr; args: Expr[]; keywords: Keyword[]; }
export interface FormattedValue extends Pos {
  kind: 'FormattedValue';
  value: Expr;
  /** -1 none, 115 's', 114 'r', 97 'a' (as in CPython) */
  conversion: number;
  format_spec: JoinedStr | null;
}
export interface JoinedStr extends Pos { kind: 'JoinedStr'; values: Expr[]; }
/** Python value of a literal constant. */
export type ConstantValue =
  | { type: 'int'; value: bigint }
  | { type: 'float'; value: number }
  /** a literal `2j` has no real part; folding `-2j` gives real -0.0, as in CPython */
  | { type: 'complex'; imag: number; real?: number }
  | { type: 'str'; value: string }
  | { type: 'bytes'; value: Uint8Array }
  | { type: 'bool'; value: boolean }
  | { type: 'None' }
  | { type: 'Ellipsis' };
export interface Constant extends Pos { kind: 'Constant'; value: ConstantValue; }
export interface Attribute extends Pos { kind: 'Attribute'; value: Expr; attr: string; ctx: ExprContext; }
export interface Subscript extends Pos { kind: 'Subscript'; value: Expr; slice: Expr; ctx: ExprContext; }
export interface Starred extends Pos { kind: 'Starred'; value: Expr; ctx: ExprContext; }
export interface Name extends Pos { kind: 'Name'; id: string; ctx: ExprContext; }
export interface List extends Pos { kind: 'List'; elts: Expr[]; ctx: ExprContext; }
export interface Tuple extends Pos { kind: 'Tuple'; elts: Expr[]; ctx: ExprContext; }
export interface Slice extends Pos {
  kind: 'Slice'; lower: Expr | null; upper: Expr | null; step: Expr | null;
}

export type Expr =
  | BoolOp | NamedExpr | BinOp | UnaryOp | Lambda | IfExp | Dict | SetExpr
  | ListComp | SetComp | DictComp | GeneratorExp | Await | Yield | YieldFrom
  | Compare | Call | FormattedValue | JoinedStr | Constant | Attribute
  | Subscript | Starred | Name | List | Tuple | Slice;

// ---- helpers ----
export interface Comprehension {
  kind: 'comprehension';
  target: Expr;
  iter: Expr;
  ifs: Expr[];
  is_async: boolean;
}
export interface ExceptHandler extends Pos {
  kind: 'ExceptHandler';
  type: Expr | null;
  name: string | null;
  body: Stmt[];
}
export interface Arguments {
  kind: 'arguments';
  posonlyargs: Arg[];
  args: Arg[];
  vararg: Arg | null;
  kwonlyargs: Arg[];
  /** one per kwonlyarg; null where it has no default */
  kw_defaults: (Expr | null)[];
  kwarg: Arg | null;
  /** defaults for the last N of posonlyargs + args */
  defaults: Expr[];
}
export interface Arg extends Pos { kind: 'arg'; arg: string; annotation: Expr | null; }
export interface Keyword extends Pos {
  kind: 'keyword';
  /** null for `**mapping` */
  arg: string | null;
  value: Expr;
}
export interface Alias extends Pos { kind: 'alias'; name: string; asname: string | null; }
export interface WithItem {
  kind: 'withitem';
  context_expr: Expr;
  optional_vars: Expr | null;
}
