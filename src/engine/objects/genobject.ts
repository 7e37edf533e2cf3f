/**
 * Generator objects: a suspended frame you can resume.
 * CPython counterpart: Objects/genobject.c (gen_send_ex2, gen_close,
 * _gen_throw, _PyGen_Finalize, gen_dealloc).
 *
 * The generator owns its frame; the frame's locals stay alive (and count as
 * references) for as long as the generator is suspended — the learner-visible
 * reason a half-consumed generator keeps its data alive.
 */

import { PyObject, decref, incref } from './object.js';
import { builtinType, TPFLAGS_HAVE_GC, type Visit } from './typeobject.js';
import { gcAlloc, gcFree, gcTrack, gcUntrack } from '../gc/gcobject.js';
import { Frame, FrameState } from '../eval/frame.js';
import { raise, PyRaise, isPyRaise } from '../eval/errors.js';
import { Exc, newException, newExceptionWithArgs, PyBaseException } from './exceptions.js';
import { newStr } from './unicodeobject.js';
import { PyNone } from './singletons.js';
import { isExceptionOf, clearRaise } from './abstract.js';
import { newTuple } from './tupleobject.js';
import { frameObjectTakeOwnership } from './frameobject.js';
import { parts, deferredMethodsOf } from '../ondemand.js';
import type { BuiltinMethod } from './typeobject.js';

export class PyGen extends PyObject {
  running = false;
  name: string;
  qualname: string;
  /** the exception this generator was handling when it yielded (gi_exc_state) */
  excState: PyObject | null = null;
  constructor(public frame: Frame) {
    super(GenType);
    this.name = frame.code.co_name;
    this.qualname = frame.code.co_qualname;
  }
}

export const GenType = builtinType('generator', 144, TPFLAGS_HAVE_GC);
GenType.weakrefable = true;

/** Set by ceval: runs a generator's frame until it yields, returns or raises. */
export let resumeFrame: (f: Frame, value: PyObject | null, exc: PyBaseException | null) => PyObject = () => {
  throw new Error('resumeFrame not set');
};
export function setResumeFrame(f: typeof resumeFrame): void {
  resumeFrame = f;
}
/** Set by ceval: releases a finished frame's locals. */
export let clearFrame: (f: Frame) => void = () => {};
export function setClearFrame(f: typeof clearFrame): void {
  clearFrame = f;
}

export function newGenerator(frame: Frame): PyGen {
  const g = new PyGen(frame);
  gcAlloc(g, GenType.basicsize);
  frame.generator = g;
  gcTrack(g);
  return g;
}

function isFinished(g: PyGen): boolean {
  return g.frame.state >= FrameState.Completed;
}

/**
 * gen_send_ex2: resume with `value` (or by raising `exc` at the yield point).
 * Returns [result, done]: done is true when the generator returned `result`.
 */
export function genSendEx(g: PyGen, value: PyObject | null, exc: PyBaseException | null, closing = false): [PyObject, boolean] {
  const f = g.frame;
  if (g.running) raise(Exc.ValueError, 'generator already executing');
  if (isFinished(g)) {
    if (exc) {
      // Throwing into a finished generator re-raises the exception.
      incref(exc);
      throw new PyRaise(exc);
    }
    if (closing) return [(incref(PyNone), PyNone), true];
    raise(Exc.StopIteration);
  }
  if (f.state === FrameState.Created && value !== null && value !== PyNone && exc === null) {
    raise(Exc.TypeError, "can't send non-None value to a just-started generator");
  }
  g.running = true;
  let result: PyObject;
  try {
    result = resumeFrame(f, exc ? null : value ?? PyNone, exc);
  } catch (e) {
    g.running = false;
    if (isExceptionOf(e, Exc.StopIteration)) {
      // PEP 479: StopIteration escaping a generator becomes RuntimeError.
      const err = newException(Exc.RuntimeError, 'generator raised StopIteration');
      err.cause = e.exc;
      err.context = e.exc;
      incref(e.exc);
      throw new PyRaise(err);
    }
    throw e;
  }
  g.running = false;
  return [result, isFinished(g)];
}

/** tp_iternext: the next value, or null when the generator returned (its value is dropped). */
GenType.tp_iternext = (o) => {
  const g = o as PyGen;
  if (isFinished(g)) return null;
  const [r, done] = genSendEx(g, PyNone, null);
  if (done) {
    if (r !== PyNone) {
      // A `return x` ends iteration with StopIteration(x) when called via next().
      const e = newExceptionWithArgs(Exc.StopIteration, newTuple([r]));
      throw new PyRaise(e);
    }
    decref(r);
    return null;
  }
  return r;
};
GenType.tp_iter = (o) => {
  incref(o);
  return o;
};
GenType.tp_repr = (o) => newStr(`<generator object ${(o as PyGen).qualname} at 0x${o.addr.toString(16)}>`);



/** gen_close: throw GeneratorExit in; it must not yield again. */
export function genClose(g: PyGen): void {
  if (isFinished(g)) return;
  if (g.frame.state === FrameState.Created) {
    // Never started: nothing to run, just finish it.
    g.frame.state = FrameState.Completed;
    clearFrame(g.frame);
    return;
  }
  const exc = newException(Exc.GeneratorExit);
  try {
    const [r, done] = genSendEx(g, null, exc, true);
    if (!done) {
      decref(r);
      raise(Exc.RuntimeError, 'generator ignored GeneratorExit');
    }
    decref(r);
  } catch (e) {
    if (isExceptionOf(e, Exc.GeneratorExit) || isExceptionOf(e, Exc.StopIteration)) {
      clearRaise(e);
      return;
    }
    throw e;
  } finally {
    decref(exc);
  }
}

// send and throw: with the passes for exception handlers, an on-demand part
// (objects/genmethods.ts) that any text making a generator loads
const later = deferredMethodsOf<BuiltinMethod>(parts.handlers, 'generator', ['send', 'throw']);
GenType.methods = {
  send: later.send,
  throw: later.throw,
  close: (self) => {
    genClose(self as PyGen);
    incref(PyNone);
    return PyNone;
  },
};
GenType.getsets = {
  __name__: { get: (self) => newStr((self as PyGen).name) },
  __qualname__: { get: (self) => newStr((self as PyGen).qualname) },
  gi_running: { get: (self) => boolObj((self as PyGen).running) },
  gi_suspended: { get: (self) => boolObj((self as PyGen).frame.state === FrameState.Suspended) },
};
let boolObj: (b: boolean) => PyObject = () => PyNone;
export function setGenBool(f: (b: boolean) => PyObject): void {
  boolObj = f;
}

GenType.tp_traverse = (o: PyObject, visit: Visit) => {
  const f = (o as PyGen).frame;
  if (f.state >= FrameState.Completed) return;
  for (const v of f.localsplus) if (v) visit(v);
  for (let i = 0; i < f.sp; i++) {
    const v = f.stack[i];
    if (v) visit(v);
  }
};

/** _PyGen_Finalize: a suspended generator being destroyed is closed (its finally blocks run). */
GenType.tp_finalize = (o: PyObject) => {
  const g = o as PyGen;
  if (isFinished(g) || g.frame.state === FrameState.Created) return;
  try {
    genClose(g);
  } catch (e) {
    if (!isPyRaise(e)) throw e;
    unraisableHook(e, o);
  }
};
let unraisableHook: (e: PyRaise, o: PyObject) => void = () => {};
export function setGenUnraisable(f: (e: PyRaise, o: PyObject) => void): void {
  unraisableHook = f;
}

GenType.tp_dealloc = (o: PyObject) => {
  const g = o as PyGen;
  gcUntrack(o);
  if (!o.finalized && !isFinished(g) && g.frame.state !== FrameState.Created) {
    gcTrack(o);
    o.refcnt = 1;
    o.finalized = true;
    GenType.tp_finalize!(o);
    if (--o.refcnt !== 0) return;
    gcUntrack(o);
  }
  if (o.weakrefs !== null) genWeakrefHook(o);
  if (g.frame.state < FrameState.Cleared) {
    g.frame.state = FrameState.Completed;
    clearFrame(g.frame);
  }
  frameObjectTakeOwnership(g.frame);
  gcFree(o);
};
let genWeakrefHook: (o: PyObject) => void = () => {};
export function setGenWeakrefHook(f: (o: PyObject) => void): void {
  genWeakrefHook = f;
}

// ---------------------------------------------------------------- more attributes

import { getFrameObject } from './frameobject.js';
GenType.getsets.gi_frame = {
  get: (self) => {
    const g = self as PyGen;
    if (isFinished(g)) {
      incref(PyNone);
      return PyNone;
    }
    const fo = getFrameObject(g.frame);
    incref(fo);
    return fo;
  },
};
GenType.getsets.gi_code = {
  get: (self) => {
    const c = (self as PyGen).frame.codeObj;
    incref(c);
    return c;
  },
};
GenType.getsets.gi_yieldfrom = {
  get: () => {
    incref(PyNone);
    return PyNone;
  },
};
/** gen_sizeof: the generator embeds its frame (locals and value stack). */
GenType.tp_sizeof = (o) => {
  const c = (o as PyGen).frame.code;
  return 144 + 8 * (c.co_localsplusnames.length + c.co_stacksize);
};
