/**
 * The contextlib module: contextmanager, suppress, nullcontext, closing.
 * CPython counterpart: Lib/contextlib.py (3.12) — Python code in CPython,
 * written natively here with the same semantics (_GeneratorContextManager's
 * __enter__/__exit__ follow the Python source line by line).
 *
 * Differences a learner could notice: `contextmanager(f)` returns a native
 * callable (repr `<function f at 0x…>` like CPython's wrapper function, but
 * its type is `contextlib._GeneratorContextManagerFactory`); the context
 * manager objects are native objects laid out like instances of a Python
 * class (16-byte object, managed __dict__/__weakref__ pre-header), without
 * an instance __dict__. Using a @contextmanager object as a decorator
 * (ContextDecorator) is not supported.
 */

import { PyObject, decref, incref, newref } from '../objects/object.js';
import { PyTypeObject, isSubtype, TypeType } from '../objects/typeobject.js';
import { raise, PyRaise, unsupported } from '../eval/errors.js';
import { Exc, PyBaseException, newException } from '../objects/exceptions.js';
import { call, callMethod, getAttr, isExceptionOf, clearRaise } from '../objects/abstract.js';
import { PyNone } from '../objects/singletons.js';
import { newBool } from '../objects/longobject.js';
import { PyTuple, newTuple } from '../objects/tupleobject.js';
import { newDict, dictSetItemStr, dictItems, PyDict } from '../objects/dictobject.js';
import { newStr, strValue } from '../objects/unicodeobject.js';
import { PyGen, GenType, genSendEx, genClose } from '../objects/genobject.js';
import { checkArity, parseArgs } from '../objects/args.js';
import { genericGetAttr } from '../objects/typeready.js';
import { nativeType, allocNative, none } from './itertoolsmodule.js';
import type { ModuleDef } from './moduledef.js';

const M = 'contextlib';

/** A native type laid out like a Python class's instances (16 bytes + managed pre-header). */
function classLike(name: string): PyTypeObject {
  const t = nativeType(M, name, 16);
  // a Python class's tp_name is its bare name (C types use 'module.name')
  t.name = name;
  t.preheader = 16;
  t.weakrefable = true;
  return t;
}

// ===================================================================== contextmanager

class Factory extends PyObject {
  func: PyObject | null = null;
}
/** what contextmanager(func) returns: calling it makes a _GeneratorContextManager */
export const FactoryType = nativeType(M, '_GeneratorContextManagerFactory', 144);

class GCM extends PyObject {
  gen: PyObject | null = null;
  func: PyObject | null = null;
  args: PyObject | null = null;
  kwds: PyObject | null = null;
}
export const GCMType = classLike('_GeneratorContextManager');

FactoryType.tp_call = (self, args, kwnames) => {
  const func = (self as Factory).func!;
  const gen = call(func, args, kwnames);
  const nkw = kwnames ? kwnames.length : 0;
  const g = new GCM(GCMType);
  g.gen = gen;
  g.func = newref(func);
  g.args = newTuple(args.slice(0, args.length - nkw).map((a) => newref(a)));
  const kw = newDict();
  for (let i = 0; i < nkw; i++) dictSetItemStr(kw, kwnames![i], args[args.length - nkw + i]);
  g.kwds = kw;
  return allocNative(g);
};
FactoryType.tp_repr = (o) => {
  const f = (o as Factory).func!;
  let qn: string;
  try {
    const q = getAttr(f, '__qualname__');
    qn = strValue(q);
    decref(q);
  } catch (e) {
    if (!isExceptionOf(e, Exc.AttributeError)) throw e;
    clearRaise(e);
    qn = '?';
  }
  return newStr(`<function ${qn} at 0x${o.addr.toString(16)}>`);
};
/** functools.wraps copies these onto CPython's wrapper; here they are read from the wrapped function. */
FactoryType.tp_getattro = (o, name) => {
  const f = (o as Factory).func!;
  if (name === '__wrapped__') return newref(f);
  if (name === '__name__' || name === '__qualname__' || name === '__doc__' || name === '__module__') return getAttr(f, name);
  return genericGetAttr(o, name);
};

/** self.args / self.kwds / self.func are deleted by __enter__, as in Lib/contextlib.py */
function dropCall(g: GCM): void {
  const a = g.args, k = g.kwds, f = g.func;
  g.args = g.kwds = g.func = null;
  if (a) decref(a);
  if (k) decref(k);
  if (f) decref(f);
}

function asGen(g: GCM): PyGen | null {
  return g.gen instanceof PyGen ? g.gen : null;
}

GCMType.methods.__enter__ = (self) => {
  const g = self as GCM;
  if (g.args === null) raise(Exc.AttributeError, 'args');
  dropCall(g);
  const gen = g.gen!;
  try {
    if (gen instanceof PyGen) {
      const [r, done] = genSendEx(gen, PyNone, null);
      if (done) {
        decref(r);
        raise(Exc.StopIteration);
      }
      return r;
    }
    return callMethod(gen, '__next__');
  } catch (e) {
    if (isExceptionOf(e, Exc.StopIteration)) {
      clearRaise(e);
      const err = newException(Exc.RuntimeError, "generator didn't yield");
      err.suppressContext = true;
      throw new PyRaise(err);
    }
    throw e;
  }
};

function closeGen(g: GCM): void {
  const gen = asGen(g);
  if (gen) genClose(gen);
  else decref(callMethod(g.gen!, 'close'));
}

/** raise RuntimeError(msg) … finally: self.gen.close() */
function raiseAndClose(g: GCM, msg: string): never {
  const err = newException(Exc.RuntimeError, msg);
  try {
    closeGen(g);
  } catch (e) {
    if (e instanceof PyRaise && e.exc.context === null) e.exc.context = err;
    else decref(err);
    throw e;
  }
  throw new PyRaise(err);
}

function setTraceback(exc: PyBaseException, tb: PyObject): void {
  const old = exc.traceback;
  exc.traceback = tb === PyNone ? null : newref(tb);
  if (old) decref(old);
}

GCMType.methods.__exit__ = (self, args) => {
  checkArity('__exit__', args, 3, 3);
  const g = self as GCM;
  const [typ, value0, tb] = args;
  const gen = asGen(g);
  if (typ === PyNone) {
    try {
      if (gen) {
        const [r, done] = genSendEx(gen, PyNone, null);
        decref(r);
        if (done) return newBool(false);
      } else decref(callMethod(g.gen!, '__next__'));
    } catch (e) {
      if (isExceptionOf(e, Exc.StopIteration)) {
        clearRaise(e);
        return newBool(false);
      }
      throw e;
    }
    raiseAndClose(g, "generator didn't stop");
  }
  let value: PyObject;
  if (value0 === PyNone) value = call(typ, []);
  else value = newref(value0);
  try {
    try {
      if (gen) {
        if (!(value instanceof PyBaseException)) {
          raise(Exc.TypeError, 'exceptions must be classes or instances deriving from BaseException, not ' + value.type.name);
        }
        const [r, done] = genSendEx(gen, null, value);
        if (done) {
          // gen.throw() raises StopIteration: `return exc is not value`
          decref(r);
          return newBool(true);
        }
        decref(r);
      } else decref(callMethod(g.gen!, 'throw', [value]));
    } catch (e) {
      if (!(e instanceof PyRaise)) throw e;
      const exc = e.exc;
      if (isExceptionOf(e, Exc.StopIteration)) {
        const suppress = exc !== value;
        clearRaise(e);
        return newBool(suppress);
      }
      if (isExceptionOf(e, Exc.RuntimeError)) {
        if (exc === value) {
          setTraceback(exc, tb);
          clearRaise(e);
          return newBool(false);
        }
        if (isSubtype(value.type, Exc.StopIteration) && exc.cause === value) {
          setTraceback(value as PyBaseException, tb);
          clearRaise(e);
          return newBool(false);
        }
        throw e;
      }
      if (exc !== value) throw e;
      setTraceback(exc, tb);
      clearRaise(e);
      return newBool(false);
    }
    raiseAndClose(g, "generator didn't stop after throw()");
  } finally {
    decref(value);
  }
};
GCMType.methods.__call__ = () => unsupported('using a @contextmanager function as a decorator');
GCMType.getsets = {
  gen: { get: (self) => newref((self as GCM).gen ?? PyNone) },
  func: { get: (self) => attrOrError(self as GCM, 'func') },
  args: { get: (self) => attrOrError(self as GCM, 'args') },
  kwds: { get: (self) => attrOrError(self as GCM, 'kwds') },
};
function attrOrError(g: GCM, name: 'func' | 'args' | 'kwds'): PyObject {
  const v = g[name];
  if (v === null) raise(Exc.AttributeError, `'_GeneratorContextManager' object has no attribute '${name}'`);
  return newref(v);
}
void GenType;

function contextmanager(_m: PyObject, args: PyObject[]): PyObject {
  checkArity('contextmanager', args, 1, 1);
  const f = new Factory(FactoryType);
  f.func = newref(args[0]);
  return allocNative(f);
}

// ===================================================================== suppress / nullcontext / closing

class Holder extends PyObject {
  value: PyObject | null = null;
}
export const SuppressType = classLike('suppress');
export const NullContextType = classLike('nullcontext');
export const ClosingType = classLike('closing');

SuppressType.tp_new = (type, args, kwnames) => {
  const h = new Holder(type);
  if (kwnames && kwnames.length) raise(Exc.TypeError, `suppress.__init__() got an unexpected keyword argument '${kwnames[0]}'`);
  h.value = newTuple(args.map((a) => newref(a)));
  return allocNative(h);
};
SuppressType.methods.__enter__ = () => none();

/** issubclass(cls, classinfo) for a class or (nested) tuple of classes */
function isSubclassOf(cls: PyTypeObject, info: PyObject): boolean {
  if (info instanceof PyTuple) return info.items.some((x) => isSubclassOf(cls, x));
  if (!(info instanceof PyTypeObject)) raise(Exc.TypeError, 'issubclass() arg 2 must be a class, a tuple of classes, or a union');
  return isSubtype(cls, info);
}
SuppressType.methods.__exit__ = (self, args) => {
  checkArity('__exit__', args, 3, 3);
  const typ = args[0];
  if (typ === PyNone) return newBool(false);
  if (!(typ instanceof PyTypeObject)) raise(Exc.TypeError, 'issubclass() arg 1 must be a class');
  return newBool(isSubclassOf(typ, (self as Holder).value!));
};

NullContextType.tp_new = (type, args, kwnames) => {
  const [r] = parseArgs('nullcontext', args, kwnames, ['enter_result'], 0);
  const h = new Holder(type);
  h.value = newref(r ?? PyNone);
  return allocNative(h);
};
NullContextType.methods.__enter__ = (self) => newref((self as Holder).value!);
NullContextType.methods.__exit__ = () => none();
NullContextType.getsets = { enter_result: { get: (self) => newref((self as Holder).value!) } };

ClosingType.tp_new = (type, args, kwnames) => {
  const [thing] = parseArgs('closing', args, kwnames, ['thing'], 1);
  const h = new Holder(type);
  h.value = newref(thing!);
  return allocNative(h);
};
ClosingType.methods.__enter__ = (self) => newref((self as Holder).value!);
ClosingType.methods.__exit__ = (self) => {
  decref(callMethod((self as Holder).value!, 'close'));
  return none();
};
ClosingType.getsets = { thing: { get: (self) => newref((self as Holder).value!) } };

export function contextlibDef(): ModuleDef {
  return {
    name: 'contextlib',
    functions: { contextmanager },
    attrs: () => ({
      _GeneratorContextManager: newref(GCMType),
      suppress: newref(SuppressType),
      nullcontext: newref(NullContextType),
      closing: newref(ClosingType),
    }),
  };
}

void TypeType;
void dictItems;
void incref;
export type { PyDict };
