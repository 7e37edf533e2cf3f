/**
 * Compile-time SyntaxWarnings that learners meet, printed the way the
 * warnings module prints them (`file:line: SyntaxWarning: msg` + the line).
 * CPython counterpart: Python/compile.c (check_compare, compiler_warn).
 *
 * Only the `is`-with-a-literal warning is produced: it is the one the course
 * shows (`x is 256`). CPython checks after constant folding, so `x is -1`
 * (a folded constant) warns too. A part loaded on demand (ondemand.ts): only
 * a program with the word `is` in it can warn.
 */

import type { Module, Expr } from '../parse/ast.js';

export interface SyntaxWarning {
  lineno: number;
  message: string;
}

/** The Python type name of a literal, or null if `e` is not a literal (check_is_arg). */
function literalType(e: Expr): string | null {
  if (e.kind === 'Constant') {
    const v = e.value;
    switch (v.type) {
      case 'None':
      case 'bool':
      case 'Ellipsis':
        return null;
      case 'int': return 'int';
      case 'float': return 'float';
      case 'complex': return 'complex';
      case 'str': return 'str';
      case 'bytes': return 'bytes';
    }
  }
  if (e.kind === 'UnaryOp' && e.op !== 'Not' && e.operand.kind === 'Constant') {
    const t = literalType(e.operand);
    return t === 'int' || t === 'float' || t === 'complex' ? t : null;
  }
  if (e.kind === 'Tuple' && e.elts.every((x) => x.kind === 'Constant')) return 'tuple';
  return null;
}

/** Walks the module in source order and collects check_compare warnings. */
export function syntaxWarnings(mod: Module): SyntaxWarning[] {
  const out: SyntaxWarning[] = [];
  const seen = new Set<number>();
  const visit = (node: unknown): void => {
    if (node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const n of node) visit(n);
      return;
    }
    const n = node as { kind?: string };
    if (n.kind === 'Compare') {
      const c = node as Extract<Expr, { kind: 'Compare' }>;
      let left: Expr = c.left;
      for (let i = 0; i < c.ops.length; i++) {
        const right = c.comparators[i];
        const op = c.ops[i];
        if (op === 'Is' || op === 'IsNot') {
          const lt = literalType(left), rt = literalType(right);
          const lit = lt ?? rt;
          if (lit !== null && !seen.has(c.lineno)) {
            seen.add(c.lineno);
            out.push({
              lineno: c.lineno,
              message: op === 'Is'
                ? `"is" with '${lit}' literal. Did you mean "=="?`
                : `"is not" with '${lit}' literal. Did you mean "!="?`,
            });
            break;
          }
        }
        left = right;
      }
    }
    for (const [k, v] of Object.entries(node)) {
      if (k === 'kind' || typeof v !== 'object') continue;
      visit(v);
    }
  };
  visit(mod.body);
  return out.sort((a, b) => a.lineno - b.lineno);
}

/**
 * The warnings module's default format, as _warnings.c's show_warning writes it: the
 * line (_Py_DisplaySourceLine) without its indentation (spaces, tabs, form feeds; the
 * end is kept). `source` null for code whose lines cannot be read (exec and eval of a
 * string, "<string>"): no line is shown.
 */
export function formatSyntaxWarning(w: SyntaxWarning, filename: string, source: string | null): string {
  const line = source?.split('\n')[w.lineno - 1]?.replace(/^[ \t\f]+/, '') ?? '';
  return `${filename}:${w.lineno}: SyntaxWarning: ${w.message}\n${line ? `  ${line}\n` : ''}`;
}

/**
 * What the part gives pylifecycle.ts and exec/eval: the compiler's warnings for the
 * module, and the parser's (invalid escapes, given before the compiler runs), as
 * stderr shows them.
 */
export const syntaxWarningChecks = {
  text: (mod: Module, filename: string, source: string | null): string =>
    syntaxWarnings(mod).map((w) => formatSyntaxWarning(w, filename, source)).join(''),
  parseText: (warnings: SyntaxWarning[], filename: string, source: string | null): string =>
    warnings.map((w) => formatSyntaxWarning(w, filename, source)).join(''),
};
