/**
 * exec() and eval() of a source string, loaded on demand (see bltinmodule.ts
 * and src/engine/ondemand.ts). CPython counterpart: Python/bltinmodule.c
 * (builtin_exec_impl, builtin_eval_impl) and Python/pythonrun.c.
 */

import { PyObject, decref, incref } from '../objects/object.js';
import { raise, unsupported, PyRaise } from '../eval/errors.js';
import { Exc, newException, setSyntaxErrorLocation, type SyntaxErrorLocation } from '../objects/exceptions.js';
import { parseArgs } from '../objects/args.js';
import { PyNone } from '../objects/singletons.js';
import { PyStr } from '../objects/unicodeobject.js';
import { PyDict, dictGetItemStr, dictSetItemStr } from '../objects/dictobject.js';
import { tstate } from '../eval/pystate.js';
import { parse, type SyntaxErrorInfo } from '../parse/index.js';
import { compile } from '../compile/index.js';
import { ConstantPool, PyCode } from '../objects/codeobject.js';
import { Frame } from '../eval/frame.js';
import { runFrame } from '../eval/ceval.js';
import { locals_ } from './bltinmodule.js';
import { writeStderr } from './sysmodule.js';
import { parseWarningsText, syntaxWarningsText } from '../ondemand.js';

/**
 * exec() and eval() of a source string: compiled like a module ('exec'), or
 * as an expression whose value is returned ('eval': `<expr>; RETURN_VALUE`,
 * compile()'s eval mode).
 * The code's constants get their own arena, freed when it finishes.
 */
function execOrEval(name: 'exec' | 'eval', args: PyObject[], kwnames: string[] | null): PyObject {
  const [src, g, l] = parseArgs(name, args, kwnames, ['source', 'globals', 'locals'], 1, 1);
  if (!(src instanceof PyStr)) {
    if (src instanceof PyCode) unsupported(`${name}() of a code object`);
    raise(Exc.TypeError, `${name}() arg 1 must be a string, bytes or code object`);
  }
  const frame = tstate.frame!;
  let globals: PyDict;
  if (g === undefined || g === PyNone) globals = frame.globals;
  else if (g instanceof PyDict) globals = g;
  else raise(Exc.TypeError, `${name}() globals must be a dict, not ${g.type.name}`);
  let locals: PyDict;
  let ownLocals = false;
  if (l !== undefined && l !== PyNone) {
    if (!(l instanceof PyDict)) unsupported(`${name}() with a non-dict locals mapping`);
    locals = l;
  } else if (g !== undefined && g !== PyNone) {
    locals = globals;
  } else if (frame.locals !== null) {
    locals = frame.locals;
  } else {
    locals = locals_(null as unknown as PyObject, [], null) as PyDict;
    ownLocals = true;
  }
  if (dictGetItemStr(globals, '__builtins__') === null) dictSetItemStr(globals, '__builtins__', frame.builtins);
  const filename = '<string>';
  const source = name === 'eval' ? src.value.replace(/^[ \t]+/, '') : src.value;
  const parsed = parse(source, filename);
  // SyntaxWarnings are printed as they are given, each time the string is compiled
  // (the warnings module's default action); "<string>" has no lines to show
  if (parsed.warnings.length > 0) writeStderr(parseWarningsText(parsed.warnings, filename, null));
  if (!parsed.ok) throw syntaxError(parsed.error, source, name, 'parse');
  if (name === 'eval' && (parsed.module.body.length !== 1 || parsed.module.body[0].kind !== 'Expr')) {
    throw syntaxError({ ...parseErrorAt(source), msg: 'invalid syntax' }, source, name, 'parse');
  }
  if (/\bis\b/.test(source)) {
    const warnings = syntaxWarningsText(parsed.module, filename, null);
    if (warnings !== '') writeStderr(warnings);
  }
  const compiled = compile(parsed.module, filename, source, name);
  if (!compiled.ok) throw syntaxError(compiled.error, source, name, 'compile');
  const codeObj = compiled.code;
  const pool = new ConstantPool();
  const code = pool.load(codeObj);
  const f = new Frame(code, null, globals, (dictGetItemStr(globals, '__builtins__') as PyDict | null) instanceof PyDict ? dictGetItemStr(globals, '__builtins__') as PyDict : frame.builtins, locals);
  f.entry = true;
  try {
    const r = runFrame(f);
    if (name === 'exec') {
      decref(r);
      incref(PyNone);
      return PyNone;
    }
    return r;
  } finally {
    decref(code);
    pool.release();
    if (ownLocals) decref(locals);
  }
}

function parseErrorAt(source: string): SyntaxErrorInfo {
  return { type: 'SyntaxError', msg: 'invalid syntax', lineno: 1, offset: 1, end_lineno: 1, end_offset: 1, text: source.split('\n')[0] };
}

/** A SyntaxError instance carrying CPython's fields, raised from exec/eval. */
function syntaxError(info: SyntaxErrorInfo, source?: string, mode?: 'exec' | 'eval', phase?: 'parse' | 'compile'): PyRaise {
  if (info.unsupported) unsupported(info.msg.replace(/^not supported by the simulator: /, ''));
  const t = info.type === 'IndentationError' ? Exc.IndentationError : info.type === 'TabError' ? Exc.TabError : Exc.SyntaxError;
  const e = newException(t, info.msg);
  const loc = source === undefined ? undefined : syntaxErrorLocation(info, source, mode ?? 'exec', phase ?? 'parse');
  if (loc) setSyntaxErrorLocation(e, loc);
  return new PyRaise(e);
}

/**
 * The location fields CPython gives a SyntaxError from a string: the parser's errors carry the
 * line's text (with its newline: exec appends one to a source that lacks it); the compiler's
 * (symtable) errors have no text, since "<string>" cannot be re-read; symtable.c's errors set the
 * location attributes but leave args as (msg,).
 */
const SYMTABLE_ERROR = /nonlocal|global declaration|is parameter and global|is nonlocal and global|annotated name/;

function syntaxErrorLocation(info: SyntaxErrorInfo, source: string, mode: 'exec' | 'eval', phase: 'parse' | 'compile'): SyntaxErrorLocation | undefined {
  const lines = source.split('\n');
  const hasNewline = info.lineno < lines.length || mode === 'exec';
  // tokenizer errors at EOF take the text from the tokenizer's buffer, without a newline
  const eofError = /^unterminated (triple-quoted )?string literal/.test(info.msg)
    || (/was never closed$/.test(info.msg) && info.lineno < lines.length);
  const line = info.text.endsWith('\n') ? info.text.slice(0, -1) : info.text;
  const text = phase === 'compile' ? null : line + (hasNewline && !eofError ? '\n' : '');
  const endOffset = info.type === 'SyntaxError' ? info.end_offset : -1;
  const attributesOnly = phase === 'compile' && SYMTABLE_ERROR.test(info.msg);
  return { filename: '<string>', lineno: info.lineno, offset: info.offset, text, end_lineno: info.end_lineno, end_offset: endOffset, attributesOnly };
}

/** The implementation of bltinmodule.ts's stub (src/engine/ondemand.ts checks it matches). */
export const execEval = { execOrEval };
