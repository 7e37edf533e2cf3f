/**
 * `ast.dump()`: the counterpart of Lib/ast.py's dump (3.12, annotate_fields=True,
 * include_attributes=False, indent=None), plus Python's repr() of constants.
 */

/**
 * Field order of each node class as in CPython 3.12's `_fields`. Fields we do not
 * model (type_comment, type_params, type_ignores, kind) are listed so the output
 * matches: optional ones are None (omitted by dump), list ones are empty.
 */
const FIELDS: Record<string, string[]> = {
  Module: ['body', 'type_ignores'],
  FunctionDef: ['name', 'args', 'body', 'decorator_list', 'returns', 'type_comment', 'type_params'],
  AsyncFunctionDef: ['name', 'args', 'body', 'decorator_list', 'returns', 'type_comment', 'type_params'],
  ClassDef: ['name', 'bases', 'keywords', 'body', 'decorator_list', 'type_params'],
  Return: ['value'],
  Delete: ['targets'],
  Assign: ['targets', 'value', 'type_comment'],
  AugAssign: ['target', 'op', 'value'],
  AnnAssign: ['target', 'annotation', 'value', 'simple'],
  For: ['target', 'iter', 'body', 'orelse', 'type_comment'],
  AsyncFor: ['target', 'iter', 'body', 'orelse', 'type_comment'],
  While: ['test', 'body', 'orelse'],
  If: ['test', 'body', 'orelse'],
  With: ['items', 'body', 'type_comment'],
  AsyncWith: ['items', 'body', 'type_comment'],
  Match: ['subject', 'cases'],
  Raise: ['exc', 'cause'],
  Try: ['body', 'handlers', 'orelse', 'finalbody'],
  TryStar: ['body', 'handlers', 'orelse', 'finalbody'],
  Assert: ['test', 'msg'],
  Import: ['names'],
  ImportFrom: ['module', 'names', 'level'],
  Global: ['names'],
  Nonlocal: ['names'],
  Expr: ['value'],
  Pass: [], Break: [], Continue: [],
  BoolOp: ['op', 'values'],
  NamedExpr: ['target', 'value'],
  BinOp: ['left', 'op', 'right'],
  UnaryOp: ['op', 'operand'],
  Lambda: ['args', 'body'],
  IfExp: ['test', 'body', 'orelse'],
  Dict: ['keys', 'values'],
  Set: ['elts'],
  ListComp: ['elt', 'generators'],
  SetComp: ['elt', 'generators'],
  DictComp: ['key', 'value', 'generators'],
  GeneratorExp: ['elt', 'generators'],
  Await: ['value'],
  Yield: ['value'],
  YieldFrom: ['value'],
  Compare: ['left', 'ops', 'comparators'],
  Call: ['func', 'args', 'keywords'],
  FormattedValue: ['value', 'conversion', 'format_spec'],
  JoinedStr: ['values'],
  Constant: ['value', 'kind'],
  Attribute: ['value', 'attr', 'ctx'],
  Subscript: ['value', 'slice', 'ctx'],
  Starred: ['value', 'ctx'],
  Name: ['id', 'ctx'],
  List: ['elts', 'ctx'],
  Tuple: ['elts', 'ctx'],
  Slice: ['lower', 'upper', 'step'],
  comprehension: ['target', 'iter', 'ifs', 'is_async'],
  ExceptHandler: ['type', 'name', 'body'],
  arguments: ['posonlyargs', 'args', 'vararg', 'kwonlyargs', 'kw_defaults', 'kwarg', 'defaults'],
  arg: ['arg', 'annotation', 'type_comment'],
  keyword: ['arg', 'value'],
  alias: ['name', 'asname'],
  withitem: ['context_expr', 'optional_vars'],
};

/** fields that are lists in CPython even though we do not model them */
const EMPTY_LIST_FIELDS = new Set(['type_params', 'type_ignores']);
/** plain-string enumerations that dump as `Add()` etc. */
const ENUM_FIELDS = new Set(['op', 'ctx']);

export function dump(node: unknown): string {
  return fmt(node, '');
}

function fmt(v: unknown, field: string): string {
  if (v === null || v === undefined) return 'None';
  if (Array.isArray(v)) {
    if (field === 'ops') return '[' + v.map((x) => `${String(x)}()`).join(', ') + ']';
    return '[' + v.map((x) => fmt(x, '')).join(', ') + ']';
  }
  if (typeof v === 'string') return ENUM_FIELDS.has(field) ? `${v}()` : pyStrRepr(v);
  if (typeof v === 'boolean') return v ? '1' : '0'; // simple / is_async are ints in CPython
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const kind = o.kind;
    if (typeof kind !== 'string') return String(v);
    if (kind === 'Constant') return `Constant(value=${constRepr(o.value as ConstLike)})`;
    const fields = FIELDS[kind];
    if (!fields) return `${kind}()`;
    const args: string[] = [];
    for (const f of fields) {
      if (EMPTY_LIST_FIELDS.has(f)) { args.push(`${f}=[]`); continue; }
      const val = o[f];
      if (val === null || val === undefined) continue; // optional field left at None
      args.push(`${f}=${fmt(val, f)}`);
    }
    return `${kind}(${args.join(', ')})`;
  }
  return String(v);
}

type ConstLike =
  | { type: 'int'; value: bigint } | { type: 'float'; value: number } | { type: 'complex'; imag: number }
  | { type: 'str'; value: string } | { type: 'bytes'; value: Uint8Array } | { type: 'bool'; value: boolean }
  | { type: 'None' } | { type: 'Ellipsis' };

export function constRepr(c: ConstLike): string {
  switch (c.type) {
    case 'int': return c.value.toString();
    case 'float': return floatRepr(c.value);
    case 'complex': {
      const r = floatRepr(c.imag);
      return (r.endsWith('.0') ? r.slice(0, -2) : r) + 'j';
    }
    case 'str': return pyStrRepr(c.value);
    case 'bytes': return bytesRepr(c.value);
    case 'bool': return c.value ? 'True' : 'False';
    case 'None': return 'None';
    case 'Ellipsis': return 'Ellipsis';
  }
}

/** Python's repr(float): shortest round-trip digits, exponent form outside 1e-4 <= |x| < 1e16. */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  const [mant, expS] = Math.abs(x).toExponential().split('e');
  const exp = Number(expS);
  const digits = mant.replace('.', '');
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? digits[0] + '.' + digits.slice(1) : digits;
    const e = Math.abs(exp) < 10 ? '0' + Math.abs(exp) : String(Math.abs(exp));
    return `${sign}${m}e${exp < 0 ? '-' : '+'}${e}`;
  }
  let s: string;
  if (exp >= 0) {
    if (digits.length <= exp + 1) s = digits + '0'.repeat(exp + 1 - digits.length) + '.0';
    else s = digits.slice(0, exp + 1) + '.' + digits.slice(exp + 1);
  } else {
    s = '0.' + '0'.repeat(-exp - 1) + digits;
  }
  return sign + s;
}

const NONPRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;

/** Python's repr(str). */
export function pyStrRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (let i = 0; i < s.length; i++) {
    const code = s.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(code);
    if (code > 0xffff) i++;
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += '\\x' + code.toString(16).padStart(2, '0');
    else if (code < 0x7f) out += ch;
    else if (code !== 0x20 && NONPRINTABLE.test(ch)) {
      if (code <= 0xff) out += '\\x' + code.toString(16).padStart(2, '0');
      else if (code <= 0xffff) out += '\\u' + code.toString(16).padStart(4, '0');
      else out += '\\U' + code.toString(16).padStart(8, '0');
    } else out += ch;
  }
  return out + quote;
}

/** Python's repr(bytes). */
export function bytesRepr(b: Uint8Array): string {
  let hasSingle = false, hasDouble = false;
  for (const x of b) { if (x === 39) hasSingle = true; if (x === 34) hasDouble = true; }
  const quote = hasSingle && !hasDouble ? '"' : "'";
  let out = 'b' + quote;
  for (const x of b) {
    const ch = String.fromCharCode(x);
    if (ch === quote || ch === '\\') out += '\\' + ch;
    else if (x === 9) out += '\\t';
    else if (x === 10) out += '\\n';
    else if (x === 13) out += '\\r';
    else if (x < 0x20 || x >= 0x7f) out += '\\x' + x.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + quote;
}
