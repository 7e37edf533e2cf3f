/**
 * Traceback objects and printing an uncaught exception the way CPython does.
 * CPython counterpart: Python/traceback.c (PyTraceBack_Here, tb_displayline,
 * PyTraceBack_Print) and the chaining logic of Python/pythonrun.c
 * (print_exception_recursive).
 */

import { PyObject, decref, incref, xdecref } from './object.js';
import { builtinType, TPFLAGS_HAVE_GC, isSubtype, type Visit } from './typeobject.js';
import { gcAlloc, gcFree, gcTrack, gcUntrack } from '../gc/gcobject.js';
import { PyFrameObject, getFrameObject } from './frameobject.js';
import type { Frame } from '../eval/frame.js';
import { PyBaseException, Exc } from './exceptions.js';
import { strString, reprString } from './abstract.js';
import { PyTuple } from './tupleobject.js';
import { isPyRaise } from '../eval/errors.js';

export class PyTraceBack extends PyObject {
  constructor(
    public next: PyTraceBack | null,
    public frame: PyFrameObject,
    public lasti: number,
    public lineno: number,
  ) {
    super(TraceBackType);
  }
}

export const TraceBackType = builtinType('traceback', 48, TPFLAGS_HAVE_GC);
TraceBackType.tp_traverse = (o: PyObject, visit: Visit) => {
  const tb = o as PyTraceBack;
  if (tb.next) visit(tb.next);
  visit(tb.frame);
};
TraceBackType.tp_dealloc = (o: PyObject) => {
  gcUntrack(o);
  const tb = o as PyTraceBack;
  const n = tb.next;
  tb.next = null;
  xdecref(n);
  decref(tb.frame);
  gcFree(o);
};

/** PyTraceBack_Here: the exception passed through `frame` at instruction lasti. */
export function tracebackHere(exc: PyBaseException, frame: Frame): void {
  const fo = getFrameObject(frame);
  incref(fo);
  const tb = new PyTraceBack(exc.traceback as PyTraceBack | null, fo, frame.lasti, frame.currentLine());
  gcAlloc(tb, TraceBackType.basicsize);
  gcTrack(tb);
  exc.traceback = tb;
}

/** Source lines of the files the program has (for `    line text` in tracebacks). */
export const sourceFiles = new Map<string, string[]>();

/** The text CPython prints for an exception, chained ones first. */
export function formatException(exc: PyBaseException): string {
  const seen = new Set<PyObject>();
  return formatRecursive(exc, seen);
}

function formatRecursive(exc: PyBaseException, seen: Set<PyObject>): string {
  seen.add(exc);
  let out = '';
  const cause = exc.cause as PyBaseException | null;
  const context = exc.context as PyBaseException | null;
  if (cause && !seen.has(cause)) {
    out += formatRecursive(cause, seen);
    out += '\nThe above exception was the direct cause of the following exception:\n\n';
  } else if (context && !exc.suppressContext && !seen.has(context)) {
    out += formatRecursive(context, seen);
    out += '\nDuring handling of the above exception, another exception occurred:\n\n';
  }
  return out + formatOne(exc);
}

function formatOne(exc: PyBaseException): string {
  let out = '';
  if (exc.traceback) {
    out += 'Traceback (most recent call last):\n';
    const entries: PyTraceBack[] = [];
    for (let tb = exc.traceback as PyTraceBack | null; tb; tb = tb.next) entries.push(tb);
    let last = '';
    let repeat = 0;
    const flush = (): void => {
      if (repeat > 3) {
        const n = repeat - 3;
        out += `  [Previous line repeated ${n} more time${n > 1 ? 's' : ''}]\n`;
      }
    };
    for (const tb of entries) {
      const code = tb.frame.frame.code;
      const line = `  File "${code.co_filename}", line ${tb.lineno}, in ${code.co_name}\n`;
      if (line === last) {
        repeat++;
        if (repeat > 3) continue;
      } else {
        flush();
        last = line;
        repeat = 1;
      }
      out += line;
      const src = sourceFiles.get(code.co_filename)?.[tb.lineno - 1];
      if (src !== undefined && src.trim() !== '') out += `    ${src.trim()}\n`;
    }
    flush();
  }
  return out + exceptionLine(exc) + '\n';
}

/** The last line: `NameError: name 'x' is not defined` */
export function exceptionLine(exc: PyBaseException): string {
  const t = exc.type;
  const name = t.module === 'builtins' || t.module === '__main__' && false ? t.qualname : `${t.module}.${t.qualname}`;
  let msg: string;
  try {
    msg = isSubtype(t, Exc.KeyError) && (exc.args as PyTuple).items.length === 1
      ? reprString((exc.args as PyTuple).items[0])
      : strString(exc);
  } catch (e) {
    if (!isPyRaise(e)) throw e;
    decref(e.exc);
    msg = `<exception str() failed>`;
  }
  return msg === '' ? name : `${name}: ${msg}`;
}
