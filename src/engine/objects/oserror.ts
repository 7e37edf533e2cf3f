/**
 * OSError and its subclasses: the errno, strerror, filename and filename2
 * fields, BlockingIOError's characters_written, the class chosen by errno
 * (`OSError(2, 'x')` is a FileNotFoundError) and `[Errno 2] x: 'f'`. With the
 * raise part (eval/raise.ts, see ondemand.ts), which the names of OSError and
 * its subclasses load; objects/exceptions.ts keeps the stubs.
 * CPython counterpart: Objects/exceptions.c (OSError_new, OSError_init,
 * oserror_parse_args, oserror_init, OSError_str, OSError_written_get/set), 3.12
 * on Linux (its errno values).
 *
 * The fields live in the exception's `extra` map; a field that is not there is
 * CPython's NULL (None to Python code, but `str()` tells the two apart).
 */
import { PyObject, decref, incref } from './object.js';
import type { PyTypeObject } from './typeobject.js';
import { Exc, PyBaseException, newExceptionWithArgs, optional, setExtra, type ExcName } from './exceptions.js';
import { PyLong, asIndex, newInt } from './longobject.js';
import { newTuple, PyTuple } from './tupleobject.js';
import { PyNone } from './singletons.js';
import { newStr } from './unicodeobject.js';
import { reprString, strString } from './abstract.js';
import { raise } from '../eval/errors.js';

/** errnomap: the subclass for an errno (Linux's values) */
const ERRNO_CLASSES: Record<number, ExcName> = {
  1: 'PermissionError', 13: 'PermissionError', 2: 'FileNotFoundError', 3: 'ProcessLookupError', 4: 'InterruptedError',
  10: 'ChildProcessError', 11: 'BlockingIOError', 114: 'BlockingIOError', 115: 'BlockingIOError', 17: 'FileExistsError',
  20: 'NotADirectoryError', 21: 'IsADirectoryError', 32: 'BrokenPipeError', 108: 'BrokenPipeError',
  103: 'ConnectionAbortedError', 104: 'ConnectionResetError', 110: 'TimeoutError', 111: 'ConnectionRefusedError',
};

/**
 * oserror_use_init: a subclass with its own __init__ (and OSError's __new__)
 * is initialised by __init__, with the arguments __init__ passes on.
 */
function useInit(type: PyTypeObject): boolean {
  return type.tp_init !== Exc.OSError.tp_init && type.tp_new === Exc.OSError.tp_new;
}

function noKeywords(type: PyTypeObject, kwnames: string[] | null): void {
  if (kwnames !== null && kwnames.length > 0) raise(Exc.TypeError, `${type.name}() takes no keyword arguments`);
}

/** PyNumber_Check */
function isNumber(o: PyObject): boolean {
  const t = o.type;
  return t.nb_index !== null || t.nb_int !== null || t.nb_float !== null || t.name === 'complex';
}

/** oserror_parse_args + oserror_init: the fields from 2 to 5 arguments, and args cut to (errno, strerror) when a filename was given */
function initFields(e: PyBaseException, items: PyObject[]): void {
  const n = items.length;
  let args = items;
  if (n >= 2 && n <= 5) {
    const [errno, strerror, filename, , filename2] = items;
    if (filename !== undefined && filename !== PyNone) {
      if (e.type === Exc.BlockingIOError && isNumber(filename)) {
        setWritten(e, filename);
      } else {
        setExtra(e, 'filename', filename);
        if (filename2 !== undefined && filename2 !== PyNone) setExtra(e, 'filename2', filename2);
        args = items.slice(0, 2);
      }
    }
    setExtra(e, 'errno', errno);
    setExtra(e, 'strerror', strerror);
  }
  for (const a of args) incref(a);
  const old = e.args;
  e.args = newTuple(args);
  decref(old);
}

/** self->written = PyNumber_AsSsize_t(x, ValueError), kept as an int object */
function setWritten(e: PyBaseException, x: PyObject): void {
  const n = newInt(asIndex(x, Exc.ValueError));
  setExtra(e, 'characters_written', n);
  decref(n);
}

/** OSError_new */
function osErrorNew(type: PyTypeObject, args: PyObject[], kwnames: string[] | null): PyObject {
  const init = !useInit(type);
  if (init) {
    noKeywords(type, kwnames);
    const first = args[0];
    const npos = args.length - (kwnames ? kwnames.length : 0);
    if (npos >= 2 && npos <= 5 && first instanceof PyLong && typeof first.value === 'number' && type === Exc.OSError) {
      const cls = ERRNO_CLASSES[first.value];
      if (cls !== undefined) type = Exc[cls];
    }
  }
  const e = newExceptionWithArgs(type, newTuple([]));
  if (init) {
    const npos = args.length - (kwnames ? kwnames.length : 0);
    try {
      initFields(e, args.slice(0, npos));
    } catch (err) {
      decref(e);
      throw err;
    }
  }
  return e;
}

/** OSError_init: nothing left to do, unless a subclass's __init__ called it */
function osErrorInit(self: PyObject, args: PyObject[], kwnames: string[] | null): void {
  if (!useInit(self.type)) return;
  noKeywords(self.type, kwnames);
  initFields(self as PyBaseException, args);
}

/** OSError_str */
function osErrorStr(self: PyObject): PyObject {
  const x = (self as PyBaseException).extra;
  const field = (name: string): PyObject | undefined => x?.get(name);
  const errno = field('errno'), strerror = field('strerror'), filename = field('filename');
  if (filename !== undefined) {
    const head = `[Errno ${strString(errno ?? PyNone)}] ${strString(strerror ?? PyNone)}: ${reprString(filename)}`;
    const filename2 = field('filename2');
    return newStr(filename2 === undefined ? head : `${head} -> ${reprString(filename2)}`);
  }
  if (errno !== undefined && strerror !== undefined) return newStr(`[Errno ${strString(errno)}] ${strString(strerror)}`);
  const items = (self as PyBaseException & { args: PyTuple }).args.items;
  if (items.length === 0) return newStr('');
  return newStr(items.length === 1 ? strString(items[0]) : reprString((self as PyBaseException).args));
}

/** the fields as members (T_OBJECT: None when unset, deleting unsets) */
function fieldGetSet(name: string): Record<string, (self: PyObject, v?: PyObject | null) => PyObject | void> {
  return {
    [`OSError.${name}.get`]: (self) => optional((self as PyBaseException).extra?.get(name) ?? null),
    [`OSError.${name}.set`]: (self, v) => {
      const e = self as PyBaseException;
      if (v) setExtra(e, name, v);
      else {
        const old = e.extra?.get(name);
        if (old !== undefined) {
          e.extra!.delete(name);
          decref(old);
        }
      }
    },
  };
}

/** characters_written: an AttributeError when unset */
const written = {
  'OSError.characters_written.get': (self: PyObject): PyObject => {
    const w = (self as PyBaseException).extra?.get('characters_written');
    if (w === undefined) raise(Exc.AttributeError, 'characters_written');
    incref(w);
    return w;
  },
  'OSError.characters_written.set': (self: PyObject, v: PyObject | null): void => {
    const e = self as PyBaseException;
    const old = e.extra?.get('characters_written');
    if (v === null) {
      if (old === undefined) raise(Exc.AttributeError, 'characters_written');
      e.extra!.delete('characters_written');
      decref(old);
      return;
    }
    setWritten(e, v);
  },
};

export const osError = {
  'OSError.tp_new': osErrorNew,
  'OSError.tp_init': osErrorInit,
  'OSError.tp_str': osErrorStr,
  ...fieldGetSet('errno'),
  ...fieldGetSet('strerror'),
  ...fieldGetSet('filename'),
  ...fieldGetSet('filename2'),
  ...written,
};
