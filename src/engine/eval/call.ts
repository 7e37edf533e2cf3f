/**
 * Binding call arguments to a Python function's parameters.
 * CPython counterpart: Python/ceval.c (initialize_locals, too_many_positional,
 * missing_arguments, positional_only_passed_as_keyword).
 *
 * The references to positional and keyword argument values move into the new
 * frame (CPython 3.12 steals them from the caller's stack), so a parameter
 * counts once, not twice, in sys.getrefcount.
 */

import { PyObject, incref, decref } from '../objects/object.js';
import { raise } from './errors.js';
import { Exc } from '../objects/exceptions.js';
import { CO_VARARGS, CO_VARKEYWORDS, type CodeObject } from '../bytecode/code.js';
import type { Frame } from './frame.js';
import type { PyFunction } from '../objects/funcobject.js';
import { newTuple, PyTuple } from '../objects/tupleobject.js';
import { newDict, dictGetItemStr, dictSetItemStr, PyDict } from '../objects/dictobject.js';
import { dictItems } from '../objects/dictobject.js';
import { strValue } from '../objects/unicodeobject.js';

/**
 * True when a call passing `argc` positional arguments and no keywords binds
 * them exactly to the code's positional parameters (no defaults, *args,
 * **kwargs or keyword-only parameters involved): the arguments simply become
 * the first locals (3.12's CALL_PY_EXACT_ARGS condition).
 */
export function takesExactPositional(code: CodeObject, argc: number, kwnames: string[] | null): boolean {
  return kwnames === null && argc === code.co_argcount && code.co_kwonlyargcount === 0 &&
    (code.co_flags & (CO_VARARGS | CO_VARKEYWORDS)) === 0;
}

/**
 * Fills `frame.localsplus` from `args` (positionals, then keyword values named
 * by kwnames). Steals every reference in `args`, even when it raises.
 */
export function initializeLocals(
  frame: Frame,
  func: PyFunction,
  args: PyObject[],
  argStart: number,
  argc: number,
  kwnames: string[] | null,
): void {
  const code = frame.code;
  const locals = frame.localsplus;
  // The common case: exactly the positional parameters, nothing else.
  if (takesExactPositional(code, argc, kwnames)) {
    for (let i = 0; i < argc; i++) locals[i] = args[argStart + i];
    return;
  }
  const nkw = kwnames ? kwnames.length : 0;
  const npos = argc - nkw;
  const co_argcount = code.co_argcount;
  const total = co_argcount + code.co_kwonlyargcount;
  const hasVarargs = (code.co_flags & CO_VARARGS) !== 0;
  const hasVarkw = (code.co_flags & CO_VARKEYWORDS) !== 0;
  // References not yet moved into the frame; dropped if binding fails.
  let next = argStart;
  const end = argStart + argc;
  let ok = false;
  try {
    let kwdict: PyDict | null = null;
    if (hasVarkw) {
      kwdict = newDict();
      locals[total + (hasVarargs ? 1 : 0)] = kwdict;
    }
    const n = Math.min(npos, co_argcount);
    for (let i = 0; i < n; i++) locals[i] = args[next++];
    if (hasVarargs) {
      const extra: PyObject[] = [];
      for (let i = n; i < npos; i++) extra.push(args[next++]);
      locals[total] = newTuple(extra);
    }
    const names = code.co_localsplusnames;
    for (let k = 0; k < nkw; k++) {
      const name = kwnames![k];
      let idx = -1;
      for (let j = code.co_posonlyargcount; j < total; j++) {
        if (names[j] === name) {
          idx = j;
          break;
        }
      }
      const vi = argStart + npos + k;
      if (idx < 0) {
        if (kwdict === null) {
          if (names.slice(0, code.co_posonlyargcount).includes(name)) {
            raise(Exc.TypeError, `${func.qualname}() got some positional-only arguments passed as keyword arguments: '${name}'`);
          }
          raise(Exc.TypeError, `${func.qualname}() got an unexpected keyword argument '${name}'`);
        }
        dictSetItemStr(kwdict, name, args[vi]);
        continue;
      }
      if (locals[idx] !== null) raise(Exc.TypeError, `${func.qualname}() got multiple values for argument '${name}'`);
      incref(args[vi]);
      locals[idx] = args[vi];
    }
    if (!hasVarargs && npos > co_argcount) tooManyPositional(func, npos, locals);
    // Defaults for missing positionals.
    if (npos < co_argcount) {
      const defaults = func.defaults as PyTuple | null;
      const ndefs = defaults ? defaults.items.length : 0;
      const firstDefault = co_argcount - ndefs;
      const missing: string[] = [];
      for (let i = npos; i < co_argcount; i++) {
        if (locals[i] !== null) continue;
        if (i >= firstDefault) {
          const d = defaults!.items[i - firstDefault];
          incref(d);
          locals[i] = d;
        } else {
          missing.push(names[i]);
        }
      }
      if (missing.length > 0) missingArguments(func, missing, 'positional');
    }
    if (code.co_kwonlyargcount > 0) {
      const missing: string[] = [];
      const kwdefaults = func.kwdefaults as PyDict | null;
      for (let i = co_argcount; i < total; i++) {
        if (locals[i] !== null) continue;
        const name = names[i];
        const d = kwdefaults ? dictGetItemStr(kwdefaults, name) : null;
        if (d !== null) {
          incref(d);
          locals[i] = d;
        } else {
          missing.push(name);
        }
      }
      if (missing.length > 0) missingArguments(func, missing, 'keyword-only');
    }
    ok = true;
  } finally {
    // Keyword values were increfed into the frame (or the **kwargs dict):
    // the caller's references, and surplus positionals, are dropped here.
    for (let i = next; i < end; i++) decref(args[i]);
    if (!ok) {
      for (let i = 0; i < locals.length; i++) {
        const v = locals[i];
        if (v !== null) {
          locals[i] = null;
          decref(v);
        }
      }
    }
  }
}

function tooManyPositional(func: PyFunction, given: number, locals: (PyObject | null)[]): never {
  const code = func.codeObj.code;
  const co_argcount = code.co_argcount;
  const defaults = func.defaults as PyTuple | null;
  const ndefs = defaults ? defaults.items.length : 0;
  let kwonlyGiven = 0;
  for (let i = co_argcount; i < co_argcount + code.co_kwonlyargcount; i++) if (locals[i] !== null) kwonlyGiven++;
  const sig = ndefs > 0 ? `from ${co_argcount - ndefs} to ${co_argcount}` : `${co_argcount}`;
  const plural = ndefs === 0 && co_argcount === 1 ? '' : 's';
  const kwText = kwonlyGiven > 0
    ? ` positional argument${given !== 1 ? 's' : ''} (and ${kwonlyGiven} keyword-only argument${kwonlyGiven !== 1 ? 's' : ''})`
    : '';
  const givenText = kwText
    ? `${given}${kwText} were given`
    : `${given} ${given === 1 ? 'was' : 'were'} given`;
  raise(Exc.TypeError, `${func.qualname}() takes ${sig} positional argument${plural} but ${givenText}`);
}

function missingArguments(func: PyFunction, names: string[], kind: string): never {
  const quoted = names.map((n) => `'${n}'`);
  let list: string;
  if (quoted.length === 1) list = quoted[0];
  else if (quoted.length === 2) list = `${quoted[0]} and ${quoted[1]}`;
  else list = `${quoted.slice(0, -1).join(', ')}, and ${quoted[quoted.length - 1]}`;
  const n = names.length;
  raise(Exc.TypeError, `${func.qualname}() missing ${n} required ${kind} argument${n > 1 ? 's' : ''}: ${list}`);
}

/** Unpacks a `**mapping` into kwnames/values for CALL_FUNCTION_EX (new references). */
export function mappingToKeywords(func: PyObject, kwargs: PyDict, names: string[], values: PyObject[]): void {
  for (const [k, v] of dictItems(kwargs)) {
    if (!(k.type.name === 'str' || k.type.mro.some((t) => t.name === 'str'))) {
      raise(Exc.TypeError, `keywords must be strings`);
    }
    const name = strValue(k);
    if (names.includes(name)) {
      raise(Exc.TypeError, `${funcName(func)}() got multiple values for keyword argument '${name}'`);
    }
    names.push(name);
    incref(v);
    values.push(v);
  }
}

export function funcName(f: PyObject): string {
  const q = (f as PyObject & { qualname?: string; name?: string });
  return q.qualname ?? q.name ?? f.type.name;
}
