/**
 * Exception objects and the builtin exception hierarchy.
 * CPython counterpart: Objects/exceptions.c.
 */

import { PyObject, decref, incref, xdecref } from './object.js';
import { raise, unsupported } from '../eval/errors.js';
import {
  PyTypeObject, builtinType, ObjectType, TPFLAGS_BASETYPE, TPFLAGS_HAVE_GC,
  TPFLAGS_BASE_EXC_SUBCLASS, type Visit, type BuiltinMethod,
} from './typeobject.js';
import { gcAlloc, gcFree, gcTrack, gcUntrack } from '../gc/gcobject.js';
import { parts, deferred, deferredMethodsOf } from '../ondemand.js';
import { newStr } from './unicodeobject.js';
import { newTuple, PyTuple, EmptyTuple } from './tupleobject.js';

/** PyBaseExceptionObject; user exception classes use the same layout. */
export class PyBaseException extends PyObject {
  /** the args tuple */
  args: PyObject = EmptyTuple;
  /** __traceback__: a traceback object or null */
  traceback: PyObject | null = null;
  /** __context__ */
  context: PyObject | null = null;
  /** __cause__ */
  cause: PyObject | null = null;
  /** __suppress_context__ */
  suppressContext = false;
  /** __notes__ (PEP 678), when set */
  notes: PyObject | null = null;
  /** StopIteration.value, SystemExit.code, NameError.name …: extra fields by name */
  extra: Map<string, PyObject> | null = null;
}

/** sizeof(PyBaseExceptionObject) in 3.12 */
const BASE_EXC_SIZE = 72;

const EXC_FLAGS = TPFLAGS_BASETYPE | TPFLAGS_HAVE_GC | TPFLAGS_BASE_EXC_SUBCLASS;

function excType(name: string, base: PyTypeObject | null, size = BASE_EXC_SIZE): PyTypeObject {
  const t = builtinType(name, size, EXC_FLAGS, base ?? ObjectType);
  t.tp_dealloc = excDealloc;
  t.tp_traverse = excTraverse;
  t.tp_clear = excClear;
  return t;
}

export function excTraverse(o: PyObject, visit: Visit): void {
  const e = o as PyBaseException;
  if (e.dict) visit(e.dict);
  visit(e.args);
  if (e.traceback) visit(e.traceback);
  if (e.context) visit(e.context);
  if (e.cause) visit(e.cause);
  if (e.notes) visit(e.notes);
  if (e.extra) for (const v of e.extra.values()) visit(v);
}

export function excClear(o: PyObject): void {
  const e = o as PyBaseException;
  const dict = e.dict, args = e.args, tb = e.traceback, ctx = e.context, cause = e.cause, notes = e.notes;
  const extra = e.extra;
  e.dict = null;
  e.args = EmptyTuple;
  incref(EmptyTuple);
  e.traceback = e.context = e.cause = e.notes = null;
  e.extra = null;
  xdecref(dict);
  decref(args);
  xdecref(tb);
  xdecref(ctx);
  xdecref(cause);
  xdecref(notes);
  if (extra) for (const v of extra.values()) decref(v);
}

function excDealloc(o: PyObject): void {
  gcUntrack(o);
  excClear(o);
  decref((o as PyBaseException).args);
  gcFree(o);
}

/**
 * Creates an exception instance of `type` with args `(msg,)` (or `()` when
 * msg is undefined), as PyErr_SetString does.
 */
export function newException(type: PyTypeObject, msg?: string): PyBaseException {
  const args = msg === undefined ? newTuple([]) : newTuple([newStr(msg)]);
  return newExceptionWithArgs(type, args);
}

/** Creates an exception instance of `type`; steals the reference to `args`. */
export function newExceptionWithArgs(type: PyTypeObject, args: PyObject): PyBaseException {
  const e = new PyBaseException(type);
  gcAlloc(e, type.basicsize);
  e.args = args;
  gcTrack(e);
  return e;
}

export function excArgs(e: PyBaseException): PyObject[] {
  return (e.args as PyTuple).items;
}

// ---- the hierarchy (Lib/test/exception_hierarchy.txt) ----

/** The builtin exception classes' names. */
export type ExcName =
  | 'BaseException' | 'BaseExceptionGroup' | 'GeneratorExit' | 'KeyboardInterrupt' | 'SystemExit' | 'Exception'
  | 'ArithmeticError' | 'FloatingPointError' | 'OverflowError' | 'ZeroDivisionError' | 'AssertionError'
  | 'AttributeError' | 'BufferError' | 'EOFError' | 'ImportError' | 'ModuleNotFoundError' | 'LookupError'
  | 'IndexError' | 'KeyError' | 'MemoryError' | 'NameError' | 'UnboundLocalError' | 'OSError'
  | 'FileNotFoundError' | 'PermissionError' | 'TimeoutError' | 'ReferenceError' | 'RuntimeError'
  | 'NotImplementedError' | 'RecursionError' | 'StopAsyncIteration' | 'StopIteration' | 'SyntaxError'
  | 'IndentationError' | 'TabError' | 'SystemError' | 'TypeError' | 'ValueError' | 'UnicodeError'
  | 'UnicodeDecodeError' | 'UnicodeEncodeError' | 'UnicodeTranslateError' | 'Warning' | 'DeprecationWarning'
  | 'RuntimeWarning' | 'UserWarning' | 'SyntaxWarning' | 'ResourceWarning' | 'BlockingIOError'
  | 'ChildProcessError' | 'ConnectionError' | 'FileExistsError' | 'InterruptedError' | 'IsADirectoryError'
  | 'NotADirectoryError' | 'ProcessLookupError' | 'BrokenPipeError' | 'ConnectionAbortedError'
  | 'ConnectionRefusedError' | 'ConnectionResetError' | 'BytesWarning' | 'EncodingWarning' | 'FutureWarning'
  | 'ImportWarning' | 'PendingDeprecationWarning' | 'UnicodeWarning' | 'ExceptionGroup';

/** OSError and its subclasses' names, with the other names of OSError and its fields' (they load the raise part) */
const osErrors = ['IOError', 'EnvironmentError', 'errno', 'strerror', 'filename', 'filename2', 'characters_written'];

/** The builtin exception classes, by name, each made after its base. */
export const Exc = { BaseException: excType('BaseException', null) } as Record<ExcName, PyTypeObject>;
// `Name:Base` or `Name:Base:size` (the size the base's when not given)
for (const entry of ('BaseExceptionGroup:BaseException:88 GeneratorExit:BaseException KeyboardInterrupt:BaseException ' +
  'SystemExit:BaseException:80 Exception:BaseException ArithmeticError:Exception ' +
  'FloatingPointError:ArithmeticError OverflowError:ArithmeticError ZeroDivisionError:ArithmeticError ' +
  'AssertionError:Exception AttributeError:Exception:88 BufferError:Exception EOFError:Exception ' +
  'ImportError:Exception:104 ModuleNotFoundError:ImportError LookupError:Exception ' +
  'IndexError:LookupError KeyError:LookupError MemoryError:Exception NameError:Exception:80 ' +
  'UnboundLocalError:NameError OSError:Exception:112 FileNotFoundError:OSError PermissionError:OSError ' +
  'TimeoutError:OSError ReferenceError:Exception RuntimeError:Exception ' +
  'NotImplementedError:RuntimeError RecursionError:RuntimeError StopAsyncIteration:Exception ' +
  'StopIteration:Exception:80 SyntaxError:Exception:136 IndentationError:SyntaxError ' +
  'TabError:IndentationError SystemError:Exception TypeError:Exception ValueError:Exception ' +
  'UnicodeError:ValueError UnicodeDecodeError:UnicodeError:112 UnicodeEncodeError:UnicodeError:112 ' +
  'UnicodeTranslateError:UnicodeError:112 Warning:Exception DeprecationWarning:Warning ' +
  'RuntimeWarning:Warning UserWarning:Warning SyntaxWarning:Warning ResourceWarning:Warning ' +
  'BlockingIOError:OSError ChildProcessError:OSError ConnectionError:OSError FileExistsError:OSError ' +
  'InterruptedError:OSError IsADirectoryError:OSError NotADirectoryError:OSError ' +
  'ProcessLookupError:OSError BrokenPipeError:ConnectionError ConnectionAbortedError:ConnectionError ' +
  'ConnectionRefusedError:ConnectionError ConnectionResetError:ConnectionError BytesWarning:Warning ' +
  'EncodingWarning:Warning FutureWarning:Warning ImportWarning:Warning ' +
  'PendingDeprecationWarning:Warning UnicodeWarning:Warning ExceptionGroup:BaseExceptionGroup').split(' ')) {
  const [name, base, size] = entry.split(':');
  const b = Exc[base as ExcName];
  Exc[name as ExcName] = excType(name, b, size ? +size : b.basicsize);
  if (name === 'OSError' || osErrors.includes(base)) osErrors.push(name);
}
// ExceptionGroup(BaseExceptionGroup, Exception): exception groups are not modelled, making one says so;
// so does making a UnicodeTranslateError (its fields and message are not modelled)
Exc.ExceptionGroup.bases.push(Exc.Exception);
Exc.BaseExceptionGroup.tp_new = () => unsupported('exception groups');
Exc.UnicodeTranslateError.tp_new = () => unsupported('UnicodeTranslateError');

/** Every builtin exception type, in definition order (for the builtins module). */
export const builtinExceptionTypes: PyTypeObject[] = Object.values(Exc);

// ---------------------------------------------------------------- BaseException's behaviour

import { parseArgs } from './args.js';
import { reprString, strString } from './abstract.js';
import { PyNone } from './singletons.js';

function excNew(type: PyTypeObject, args: PyObject[], kwnames: string[] | null): PyObject {
  const npos = args.length - (kwnames ? kwnames.length : 0);
  const items = args.slice(0, npos);
  for (const a of items) incref(a);
  return newExceptionWithArgs(type, newTuple(items));
}

export function excInit(self: PyObject, args: PyObject[], kwnames: string[] | null): void {
  const e = self as PyBaseException;
  if (kwnames && kwnames.length > 0 && !e.type.hasFlag(1 << 9)) {
    raise(Exc.TypeError, `${e.type.name}() takes no keyword arguments`);
  }
  const npos = args.length - (kwnames ? kwnames.length : 0);
  const items = args.slice(0, npos);
  for (const a of items) incref(a);
  const old = e.args;
  e.args = newTuple(items);
  decref(old);
  if (e.type === Exc.StopIteration || isSubtypeOf(e.type, Exc.StopIteration)) setExtra(e, 'value', items[0] ?? PyNone);
  if (isSubtypeOf(e.type, Exc.SystemExit)) setExtra(e, 'code', items.length === 0 ? PyNone : items.length === 1 ? items[0] : e.args);
}

function isSubtypeOf(a: PyTypeObject, b: PyTypeObject): boolean {
  return a === b || a.mro.includes(b);
}

export function setExtra(e: PyBaseException, name: string, v: PyObject): void {
  if (!e.extra) e.extra = new Map();
  const old = e.extra.get(name);
  incref(v);
  e.extra.set(name, v);
  if (old) decref(old);
}

function excStr(o: PyObject): PyObject {
  const e = o as PyBaseException;
  const items = (e.args as PyTuple).items;
  if (items.length === 0) return newStr('');
  if (items.length === 1) {
    if (isSubtypeOf(e.type, Exc.KeyError)) return newStr(reprString(items[0]));
    return newStr(strString(items[0]));
  }
  return newStr(reprString(e.args));
}

function excRepr(o: PyObject): PyObject {
  const e = o as PyBaseException;
  const items = (e.args as PyTuple).items;
  const name = e.type.name;
  if (items.length === 1) return newStr(`${name}(${reprString(items[0])})`);
  return newStr(`${name}${reprString(e.args)}`);
}

export function optional(o: PyObject | null): PyObject {
  const r = o ?? PyNone;
  incref(r);
  return r;
}

const BaseException = Exc.BaseException;
BaseException.tp_new = excNew;
BaseException.tp_init = excInit;
BaseException.tp_str = excStr;
BaseException.tp_repr = excRepr;
BaseException.weakrefable = false;
BaseException.dictSlot = true;
/** A getset whose code is in the raise part (eval/raise.ts): its name loads it. */
function later(name: string): { get: (self: PyObject) => PyObject; set: (self: PyObject, v: PyObject | null) => void } {
  parts.raise.words.add(name);
  return { get: deferred(parts.raise, `BaseException.${name}.get`), set: deferred(parts.raise, `BaseException.${name}.set`) };
}
BaseException.getsets = {
  args: {
    get: (self) => optional((self as PyBaseException).args),
    set: (self, v) => {
      const e = self as PyBaseException;
      if (v === null) raise(Exc.TypeError, 'args may not be deleted');
      const items = (v as PyTuple).items ?? [];
      for (const a of items) incref(a);
      const old = e.args;
      e.args = newTuple(items);
      decref(old);
    },
  },
  // the rest of the exception chain's attributes: in the raise part (eval/raise.ts), which their names load
  __traceback__: later('__traceback__'),
  __context__: later('__context__'),
  __cause__: later('__cause__'),
  __suppress_context__: later('__suppress_context__'),
  __dict__: {
    get: (self) => {
      if (self.dict === null) self.dict = dictHook();
      incref(self.dict);
      return self.dict;
    },
  },
};
BaseException.methods = deferredMethodsOf<BuiltinMethod>(parts.raise, 'BaseException', ['with_traceback', 'add_note']);

// OSError's constructor, str and fields: with the raise part too (objects/oserror.ts), which the names of
// OSError, its subclasses and its fields load
for (const n of osErrors) parts.raise.words.add(n);
const OSE = Exc.OSError;
OSE.tp_new = deferred(parts.raise, 'OSError.tp_new');
OSE.tp_init = deferred(parts.raise, 'OSError.tp_init');
OSE.tp_str = deferred(parts.raise, 'OSError.tp_str');
// the fields: osErrors[2] to [6]
for (const n of osErrors.slice(2, 7)) {
  OSE.getsets[n] = { get: deferred(parts.raise, `OSError.${n}.get`), set: deferred(parts.raise, `OSError.${n}.set`) };
}
for (const [t, name] of [[Exc.StopIteration, 'value'], [Exc.SystemExit, 'code']] as const) {
  t.getsets = {
    [name]: {
      get: (self) => {
        const e = self as PyBaseException;
        const v = e.extra?.get(name);
        if (v) return optional(v);
        // Exceptions made by the interpreter (not through __init__) keep the value in args.
        const items = (e.args as PyTuple).items;
        return optional(items.length === 0 ? null : items.length === 1 || name === 'value' ? items[0] : e.args);
      },
    },
  };
}
void parseArgs;

let dictHook: () => PyObject = () => PyNone;
export function setExceptionHooks(h: { dict: () => PyObject }): void {
  dictHook = h.dict;
}

// ---------------------------------------------------------------- NameError.name, AttributeError.name/obj

/** Raises NameError("name 'x' is not defined") with its `name` attribute set (for suggestions). */
export function raiseNameError(name: string): never {
  const e = newException(Exc.NameError, `name '${name}' is not defined`);
  const n = newStr(name);
  setExtra(e, 'name', n);
  decref(n);
  throw new PyRaiseCtor(e);
}

/** Raises AttributeError with `name` and `obj` set, as PyObject_GenericGetAttr does in 3.12. */
export function raiseAttributeError(obj: PyObject, name: string, msg: string): never {
  const e = newException(Exc.AttributeError, msg);
  const n = newStr(name);
  setExtra(e, 'name', n);
  decref(n);
  setExtra(e, 'obj', obj);
  throw new PyRaiseCtor(e);
}

import { PyRaise as PyRaiseCtor } from '../eval/errors.js';

Exc.NameError.getsets = { name: { get: (self) => optional((self as PyBaseException).extra?.get('name') ?? null) } };
Exc.AttributeError.getsets = {
  name: { get: (self) => optional((self as PyBaseException).extra?.get('name') ?? null) },
  obj: { get: (self) => optional((self as PyBaseException).extra?.get('obj') ?? null) },
};

// ---------------------------------------------------------------- SyntaxError's fields

// evaluated here as before: module order fixes the builtin types' ids
import './longobject.js';

// SyntaxError_init, SyntaxError_str and its fields' code: an on-demand part
// (objects/syntaxerror.ts). The interpreter reports a program that does not
// parse without a SyntaxError object; one is made only by exec()/eval() or by
// a program that names SyntaxError (or IndentationError, TabError).
const SE = parts.syntaxerror;
const SYNTAX_ERROR_FIELDS = ['msg', 'filename', 'lineno', 'offset', 'text', 'end_lineno', 'end_offset', 'print_file_and_line'] as const;
Exc.SyntaxError.tp_init = deferred(SE, 'SyntaxError.tp_init');
Exc.SyntaxError.tp_str = deferred(SE, 'SyntaxError.tp_str');
const getField = deferred<(self: PyObject, name: string) => PyObject>(SE, 'SyntaxError.get');
const setField = deferred<(self: PyObject, name: string, v: PyObject | null) => void>(SE, 'SyntaxError.set');
Exc.SyntaxError.getsets = Object.fromEntries(SYNTAX_ERROR_FIELDS.map((name) => [name, {
  get: (self: PyObject) => getField(self, name),
  set: (self: PyObject, v: PyObject | null) => setField(self, name, v),
}]));

/** Where a SyntaxError raised at run time (exec/eval) points; text null means None. */
export interface SyntaxErrorLocation {
  filename: string;
  lineno: number;
  offset: number;
  text: string | null;
  end_lineno: number;
  end_offset: number;
  /** symtable errors set the attributes only (PyErr_RangedSyntaxLocationObject), args stay (msg,) */
  attributesOnly?: boolean;
}

/** Sets the fields PyErr_SyntaxLocation / _PyPegen_raise_error give a SyntaxError. */
export const setSyntaxErrorLocation = deferred<(e: PyBaseException, loc: SyntaxErrorLocation) => void>(
  SE, 'setSyntaxErrorLocation',
);
