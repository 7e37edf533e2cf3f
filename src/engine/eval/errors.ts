/**
 * How a Python exception travels through the engine's TypeScript code.
 * CPython counterpart: Python/errors.c (PyErr_SetString, PyErr_Format …).
 *
 * CPython sets a per-thread error indicator and returns NULL; here the
 * function that fails throws a PyRaise carrying the exception object, and
 * the evaluation loop catches it and looks up the exception table. PyRaise
 * does not extend Error on purpose: capturing a JS stack trace for every
 * Python exception (StopIteration ends every loop over a generator) is slow.
 */

import type { PyObject } from '../objects/object.js';
import type { PyTypeObject } from '../objects/typeobject.js';
import { newException, type PyBaseException } from '../objects/exceptions.js';

export class PyRaise {
  constructor(public exc: PyBaseException) {}
}

/** PyErr_SetString: raise `type(msg)`. Never returns. */
export function raise(type: PyTypeObject, msg?: string): never {
  throw new PyRaise(newException(type, msg));
}

/** Raise an existing exception instance (the caller's reference is kept: this takes a new one). */
export function raiseInstance(exc: PyBaseException): never {
  exc.refcnt++;
  throw new PyRaise(exc);
}

/** Is `e` a Python exception (rather than a bug in the engine)? */
export function isPyRaise(e: unknown): e is PyRaise {
  return e instanceof PyRaise;
}

/**
 * Raised for valid Python the simulator does not implement: it names the
 * feature, so the learner never gets a plausible wrong answer.
 */
export class Unsupported {
  constructor(public feature: string) {}
}

export function unsupported(feature: string): never {
  throw new Unsupported(feature);
}

export type { PyObject };
