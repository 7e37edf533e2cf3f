/**
 * exit, quit, copyright, credits and license: the objects site.py adds to
 * builtins, whose code is with the rarely called builtins (an on-demand part,
 * see ondemand.ts); the objects and their types (_sitebuiltins.Quitter and
 * _sitebuiltins._Printer) are made at start-up in bltinmodule.ts.
 * CPython counterpart: Lib/_sitebuiltins.py, as CPython 3.12 runs it on Linux.
 *
 * copyright's text changes with CPython's patch release and license's with
 * how CPython was installed (whether its LICENSE file is there), so showing
 * either says it is not supported; credits' text is the same everywhere.
 */

import { PyObject, incref } from '../objects/object.js';
import { PyRaise, raise, unsupported } from '../eval/errors.js';
import { Exc, newExceptionWithArgs } from '../objects/exceptions.js';
import { PyNone } from '../objects/singletons.js';
import { newStr } from '../objects/unicodeobject.js';
import { newTuple } from '../objects/tupleobject.js';
import type { BuiltinMethod } from '../objects/typeobject.js';
import { writeStdout } from './sysmodule.js';
import { siteObjects } from './bltinmodule.js';

const CREDITS = '    Thanks to CWI, CNRI, BeOpen.com, Zope Corporation and a cast of thousands\n' +
  '    for supporting Python development.  See www.python.org for more information.';

/** The builtins name of one of the objects. */
function nameOf(self: PyObject): string {
  return Object.keys(siteObjects).find((n) => siteObjects[n] === self)!;
}

const isQuitter = (name: string): boolean => name === 'exit' || name === 'quit';

/** A _Printer's text: credits'; copyright's and license's are not modelled. */
function printerText(name: string): string {
  if (name !== 'credits') unsupported(`showing ${name}`);
  return CREDITS;
}

/** Binds the arguments of a Python method `def __call__(self, <params>)`, with its errors. */
function bind(fname: string, params: string[], args: PyObject[], kwnames: string[] | null): (PyObject | undefined)[] {
  const nkw = kwnames ? kwnames.length : 0;
  const npos = args.length - nkw;
  if (npos > params.length) {
    const takes = params.length === 0 ? '1 positional argument' : `from 1 to ${params.length + 1} positional arguments`;
    raise(Exc.TypeError, `${fname}() takes ${takes} but ${npos + 1} were given`);
  }
  const out: (PyObject | undefined)[] = args.slice(0, npos);
  for (let k = 0; k < nkw; k++) {
    const i = params.indexOf(kwnames![k]);
    if (i < 0) raise(Exc.TypeError, `${fname}() got an unexpected keyword argument '${kwnames![k]}'`);
    if (out[i] !== undefined) raise(Exc.TypeError, `${fname}() got multiple values for argument '${kwnames![k]}'`);
    out[i] = args[npos + k];
  }
  return out;
}

export const siteBuiltins: Record<string, BuiltinMethod> = {
  /** Quitter.__repr__, and _Printer.__repr__ (the text, when it has at most MAXLINES = 23 lines) */
  'site.repr': (self) => {
    const name = nameOf(self);
    return newStr(isQuitter(name) ? `Use ${name}() or Ctrl-D (i.e. EOF) to exit` : printerText(name));
  },
  /** Quitter.__call__(self, code=None) raises SystemExit(code); _Printer.__call__(self) prints the text (one page: no prompt) */
  'site.call': (self, args, kwnames) => {
    const name = nameOf(self);
    if (isQuitter(name)) {
      const code = bind('Quitter.__call__', ['code'], args, kwnames)[0] ?? PyNone;
      incref(code);
      throw new PyRaise(newExceptionWithArgs(Exc.SystemExit, newTuple([code])));
    }
    bind('_Printer.__call__', [], args, kwnames);
    writeStdout(printerText(name) + '\n');
    incref(PyNone);
    return PyNone;
  },
};
