/**
 * Traceback objects, and the entry points for printing an uncaught exception
 * the way CPython does (the code is in tracebackprint.ts, loaded on demand).
 * CPython counterpart: Python/traceback.c (PyTraceBack_Here, tb_displayline,
 * PyTraceBack_Print) and the chaining logic of Python/pythonrun.c
 * (print_exception_recursive).
 */

import { PyObject, decref, incref, xdecref } from './object.js';
import { builtinType, TPFLAGS_HAVE_GC, type Visit } from './typeobject.js';
import { gcAlloc, gcFree, gcTrack, gcUntrack } from '../gc/gcobject.js';
import { PyFrameObject, getFrameObject } from './frameobject.js';
import type { Frame } from '../eval/frame.js';
import type { PyBaseException } from './exceptions.js';
import { parts, deferred } from '../ondemand.js';
// The modules the printing code uses are still evaluated from here, in the
// order they were before it moved: the engine's start-up depends on the order
// its modules are evaluated in (see complexobject.ts).
import './exceptions.js';
import './abstract.js';
import './tupleobject.js';
import '../eval/errors.js';
import './unicodeobject.js';
import './dictobject.js';
import '../parse/index.js';
import './typeslots.js';
import { newInt } from './longobject.js';
import { PyNone } from './singletons.js';

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

// ---------------------------------------------------------------- attributes

TraceBackType.getsets = {
  tb_frame: {
    get: (o) => {
      const f = (o as PyTraceBack).frame;
      incref(f);
      return f;
    },
  },
  tb_next: {
    get: (o) => {
      const n = (o as PyTraceBack).next ?? PyNone;
      incref(n);
      return n;
    },
  },
  tb_lineno: { get: (o) => newInt((o as PyTraceBack).lineno) },
  tb_lasti: { get: (o) => newInt((o as PyTraceBack).lasti * 2) },
};

// ---------------------------------------------------------------- printing

const P = parts.traceback;

/** The text CPython prints for an exception, chained ones first (pythonrun.c print_exception_recursive). */
export const formatException = deferred<(exc: PyBaseException) => string>(P, 'formatException');

/** The last line: `NameError: name 'x' is not defined` */
export const exceptionLine = deferred<(exc: PyBaseException) => string>(P, 'exceptionLine');

/** write_unraisable_exc_file: "Exception ignored in: <obj>", the traceback, and `Type: str`. */
export const formatUnraisable = deferred<(exc: PyBaseException, where: string | null, msg?: string) => string>(P, 'formatUnraisable');
