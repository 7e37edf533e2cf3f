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
  const name = t.module === 'builtins' || t.module === '__main__' ? t.qualname : `${t.module}.${t.qualname}`;
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
  const line = msg === '' ? name : `${name}: ${msg}`;
  return line + suggestionFor(exc);
}

const STDLIB_NAMES = new Set(
  'sys os gc math time random re json itertools collections functools weakref copy string typing dis tracemalloc threading inspect contextlib operator'.split(' '),
);

/** print_exception_suggestions: ". Did you mean: 'x'?" */
function suggestionFor(exc: PyBaseException): string {
  const nameObj = exc.extra?.get('name');
  if (!nameObj || !(nameObj instanceof PyStr)) return '';
  const name = nameObj.value;
  if (isSubtype(exc.type, Exc.NameError)) {
    let tb = exc.traceback as PyTraceBack | null;
    if (tb === null) return '';
    while (tb.next !== null) tb = tb.next;
    const f = tb.frame.frame;
    const varnames = f.code.co_localsplusnames.filter((_, i) => (f.code.co_localspluskinds[i] & 0x20) !== 0);
    if (varnames.includes('self')) {
      const self = f.localsplus[f.code.co_localsplusnames.indexOf('self')];
      if (self && lookupAttrQuiet(self, name)) return `. Did you mean: 'self.${name}'?`;
    }
    const s = calculateSuggestion(varnames, name)
      ?? calculateSuggestion(dictKeyStrings(f.globals), name)
      ?? calculateSuggestion(dictKeyStrings(f.builtins), name);
    if (s !== null) return `. Did you mean: '${s}'?`;
    if (STDLIB_NAMES.has(name)) return `. Did you forget to import '${name}'?`;
    return '';
  }
  if (isSubtype(exc.type, Exc.AttributeError)) {
    const obj = exc.extra?.get('obj');
    if (!obj) return '';
    const s = calculateSuggestion(dirNames(obj), name);
    return s !== null ? `. Did you mean: '${s}'?` : '';
  }
  return '';
}

function dictKeyStrings(d: PyObject): string[] {
  return dictItems(d as PyDict).map(([k]) => (k instanceof PyStr ? k.value : '')).filter((k) => k !== '');
}

function lookupAttrQuiet(o: PyObject, name: string): boolean {
  try {
    const v = lookupAttr(o, name);
    if (v === null) return false;
    decref(v);
    return true;
  } catch (e) {
    if (!isPyRaise(e)) throw e;
    decref(e.exc);
    return false;
  }
}

/** dir(obj) as strings, quietly (suggestions must never raise) */
function dirNames(o: PyObject): string[] {
  try {
    const r = callDunder(o, '__dir__', []);
    if (r === null) return [];
    const items = iterableToArray(r);
    decref(r);
    const out = items.map((x) => (x instanceof PyStr ? x.value : ''));
    for (const x of items) decref(x);
    return out;
  } catch (e) {
    if (!isPyRaise(e)) throw e;
    decref(e.exc);
    return [];
  }
}

import { PyStr } from './unicodeobject.js';
import { calculateSuggestion } from './suggestions.js';
import { dictItems, PyDict } from './dictobject.js';
import { lookupAttr, iterableToArray } from './abstract.js';
import { callDunder } from './typeslots.js';

// ---------------------------------------------------------------- attributes

import { newInt } from './longobject.js';
import { PyNone } from './singletons.js';

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
