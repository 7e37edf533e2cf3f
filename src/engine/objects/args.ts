/**
 * Argument parsing for builtin functions and methods.
 * CPython counterpart: Python/getargs.c and the Argument Clinic helpers
 * (Python/modsupport.c), reduced to what the simulator's builtins need.
 */

import type { PyObject } from './object.js';
import { raise } from '../eval/errors.js';
import { Exc } from './exceptions.js';
import { TPFLAGS_UNICODE_SUBCLASS } from './typeobject.js';

/**
 * Binds vectorcall arguments (`args` = positionals then keyword values named
 * by `kwnames`) to parameter `names`. The first `required` are mandatory;
 * parameters at index < posOnly cannot be given by keyword. Returns one slot
 * per name (undefined where not given). Messages follow CPython's.
 */
export function parseArgs(
  fname: string,
  args: PyObject[],
  kwnames: string[] | null,
  names: readonly string[],
  required: number,
  posOnly = 0,
): (PyObject | undefined)[] {
  const nkw = kwnames ? kwnames.length : 0;
  const npos = args.length - nkw;
  if (npos > names.length) {
    if (names.length === 0) raise(Exc.TypeError, `${fname}() takes no arguments (${npos} given)`);
    raise(
      Exc.TypeError,
      required === names.length
        ? `${fname}() takes exactly ${plural(names.length, 'argument')} (${npos} given)`
        : `${fname}() takes at most ${plural(names.length, 'argument')} (${npos} given)`,
    );
  }
  const out: (PyObject | undefined)[] = new Array(names.length).fill(undefined);
  for (let i = 0; i < npos; i++) out[i] = args[i];
  for (let k = 0; k < nkw; k++) {
    const name = kwnames![k];
    const idx = names.indexOf(name);
    if (idx < 0 || idx < posOnly) {
      raise(Exc.TypeError, `${fname}() got an unexpected keyword argument '${name}'`);
    }
    if (out[idx] !== undefined) {
      raise(Exc.TypeError, `argument for ${fname}() given by name ('${name}') and position (${idx + 1})`);
    }
    out[idx] = args[npos + k];
  }
  for (let i = 0; i < required; i++) {
    if (out[i] === undefined) {
      if (i < npos || nkw > 0 || posOnly <= i) {
        raise(Exc.TypeError, `${fname}() missing required argument '${names[i]}' (pos ${i + 1})`);
      }
      raise(
        Exc.TypeError,
        required === names.length
          ? `${fname}() takes exactly ${plural(required, 'argument')} (${npos} given)`
          : `${fname}() takes at least ${plural(required, 'argument')} (${npos} given)`,
      );
    }
  }
  return out;
}

/** For builtins that accept no keyword arguments: `f() takes no keyword arguments`. */
export function noKeywords(fname: string, kwnames: string[] | null): void {
  if (kwnames && kwnames.length > 0) raise(Exc.TypeError, `${fname}() takes no keyword arguments`);
}

/** Checks a positional-only arity, with CPython's common wordings. */
export function checkArity(fname: string, args: PyObject[], min: number, max: number): void {
  const n = args.length;
  if (n >= min && n <= max) return;
  if (min === max) {
    if (min === 0) raise(Exc.TypeError, `${fname}() takes no arguments (${n} given)`);
    if (min === 1) raise(Exc.TypeError, `${fname}() takes exactly one argument (${n} given)`);
    raise(Exc.TypeError, `${fname} expected ${min} arguments, got ${n}`);
  }
  if (n < min) raise(Exc.TypeError, `${fname} expected at least ${plural(min, 'argument')}, got ${n}`);
  raise(Exc.TypeError, `${fname} expected at most ${plural(max, 'argument')}, got ${n}`);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * The argument of a number's __format__(spec) (`fname`: 'int.__format__',
 * the defining type's, as CPython's messages name it): checks it is one str
 * and returns its text. An empty spec formats as str(self), which the caller does.
 */
export function formatSpecArg(fname: string, args: PyObject[], kwnames: string[] | null): string {
  noKeywords(fname, kwnames);
  checkArity(fname, args, 1, 1);
  const spec = args[0];
  if ((spec.type.flags & TPFLAGS_UNICODE_SUBCLASS) === 0) {
    raise(Exc.TypeError, `__format__() argument must be str, not ${spec.type.name}`);
  }
  return (spec as PyObject & { value: string }).value;
}
