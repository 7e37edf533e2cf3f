/**
 * SyntaxError objects (an on-demand part, see ondemand.ts): SyntaxError_init,
 * SyntaxError_str, its fields, and the location exec()/eval() give one. The
 * interpreter reports a program that does not parse without making a
 * SyntaxError object, so the worker loads this only for a program that names
 * SyntaxError, IndentationError or TabError, or calls exec or eval. Moved
 * here verbatim from objects/exceptions.ts, which keeps the stubs.
 * CPython counterpart: Objects/exceptions.c (SyntaxError_init, SyntaxError_str).
 */
import { PyObject, decref, incref } from './object.js';
import type { PyTypeObject } from './typeobject.js';
import { raise } from '../eval/errors.js';
import { Exc, PyBaseException, excInit, setExtra, optional, type SyntaxErrorLocation } from './exceptions.js';
import { newStr, PyStr } from './unicodeobject.js';
import { newTuple, PyTuple } from './tupleobject.js';
import { newInt } from './longobject.js';
import { strString } from './abstract.js';
import { PyNone } from './singletons.js';

/** SyntaxError_init: `SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset]))` */
const syntaxErrorInit: NonNullable<PyTypeObject['tp_init']> = (self, args, kwnames) => {
  excInit(self, args, kwnames);
  const e = self as PyBaseException;
  const npos = args.length - (kwnames ? kwnames.length : 0);
  if (npos >= 1) setExtra(e, 'msg', args[0]);
  if (npos === 2) {
    const info = args[1] as PyObject & { items?: PyObject[] };
    if (!Array.isArray(info.items)) raise(Exc.TypeError, `'${info.type.name}' object is not iterable`);
    const items = info.items;
    if (items.length < 4) raise(Exc.TypeError, `function takes at least 4 arguments (${items.length} given)`);
    if (items.length > 6) raise(Exc.TypeError, `function takes at most 6 arguments (${items.length} given)`);
    const names = ['filename', 'lineno', 'offset', 'text', 'end_lineno', 'end_offset'];
    items.forEach((v, i) => setExtra(e, names[i], v));
    if (items.length === 5) raise(Exc.TypeError, 'end_offset must be provided when end_lineno is provided');
  }
};

/** SyntaxError_str: "msg (file.py, line 3)" with the file's basename */
const syntaxErrorStr: NonNullable<PyTypeObject['tp_str']> = (o) => {
  const e = o as PyBaseException;
  const msgObj = syntaxErrorField(e, 'msg');
  const fn = e.extra?.get('filename');
  const filename = fn instanceof PyStr ? fn.value.slice(fn.value.lastIndexOf('/') + 1) : null;
  const ln = e.extra?.get('lineno');
  const haveLineno = ln !== undefined && ln.type.name === 'int';
  const msg = strString(msgObj ?? PyNone);
  if (filename === null && !haveLineno) return newStr(msg);
  if (filename !== null && haveLineno) return newStr(`${msg} (${filename}, line ${strString(ln!)})`);
  if (filename !== null) return newStr(`${msg} (${filename})`);
  return newStr(`${msg} (line ${strString(ln!)})`);
};

/**
 * A field's value, null for NULL. The fields are T_OBJECT members set only by
 * SyntaxError_init (or the parser's location): `SyntaxError.__new__(SyntaxError, "m")`
 * or a subclass whose __init__ does not call SyntaxError's has msg None, and
 * `del e.msg` makes it NULL, read as None.
 */
function syntaxErrorField(e: PyBaseException, name: string): PyObject | null {
  return e.extra?.get(name) ?? null;
}

/** a field's getter and setter (every field is one getset on SyntaxError) */
function getField(self: PyObject, name: string): PyObject {
  return optional(syntaxErrorField(self as PyBaseException, name));
}
function setField(self: PyObject, name: string, v: PyObject | null): void {
  const e = self as PyBaseException;
  if (v === null) {
    const old = e.extra?.get(name);
    e.extra?.delete(name);
    if (old) decref(old);
  } else setExtra(e, name, v);
}

/** Sets the fields PyErr_SyntaxLocation / _PyPegen_raise_error give a SyntaxError. */
function setSyntaxErrorLocation(e: PyBaseException, loc: SyntaxErrorLocation): void {
  const put = (name: string, v: PyObject): void => {
    setExtra(e, name, v);
    decref(v);
  };
  const items = (e.args as PyTuple).items;
  if (items[0]) setExtra(e, 'msg', items[0]);
  put('filename', newStr(loc.filename));
  put('lineno', newInt(loc.lineno));
  put('offset', newInt(loc.offset));
  if (loc.text !== null) put('text', newStr(loc.text));
  put('end_lineno', newInt(loc.end_lineno));
  put('end_offset', newInt(loc.end_offset));
  // args become (msg, (filename, lineno, offset, text, end_lineno, end_offset)), as CPython builds them
  if (loc.attributesOnly) return;
  const get = (n: string): PyObject => {
    const v = e.extra?.get(n) ?? PyNone;
    incref(v);
    return v;
  };
  const msg = items[0] ?? PyNone;
  incref(msg);
  const info = newTuple(['filename', 'lineno', 'offset', 'text', 'end_lineno', 'end_offset'].map(get));
  const old = e.args;
  e.args = newTuple([msg, info]);
  decref(old);
}

export const syntaxErrorOps = {
  'SyntaxError.tp_init': syntaxErrorInit,
  'SyntaxError.tp_str': syntaxErrorStr,
  'SyntaxError.get': getField,
  'SyntaxError.set': setField,
  setSyntaxErrorLocation,
};
