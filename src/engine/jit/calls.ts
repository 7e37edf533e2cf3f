/**
 * The calls and returns of compiled code (compile.ts): what the
 * interpreter's CALL and RETURN do, as functions compiled code calls. They
 * live with the tier (a chunk of its own in the browser), not in ceval.ts.
 */

import type { PyObject } from '../objects/object.js';
import { decref, incref } from '../objects/object.js';
import type { PyDict } from '../objects/dictobject.js';
import { FunctionType, type PyFunction } from '../objects/funcobject.js';
import { MethodType, type PyMethod } from '../objects/classobject.js';
import { type Frame, FrameState, acquireFrame } from '../eval/frame.js';
import { tstate } from '../eval/pystate.js';
import { takesExactPositional } from '../eval/call.js';
import { tierOut, callGeneral, leaveFrame, clearFrame, finishInitCall, functionCall } from '../eval/ceval.js';

/**
 * CALL `argc` at instruction `pc` with the stack `sp` deep, for compiled code
 * (jit/compile.ts): what the interpreter's CALL does, returning the frame it
 * pushed (and entered), or null with the result on the stack (frame.sp =
 * base + 1) and the budget left in tierOut.steps. The inline call of a Python
 * function with exactly its positional parameters is the interpreter's,
 * spelled out again: the loop's copy keeps everything in its registers.
 */
export function callAt(frame: Frame, pc: number, sp: number, argc: number, steps: number): Frame | null {
  const stack = frame.stack;
  const kwnames = frame.kwnames;
  frame.kwnames = null;
  frame.pc = pc + 1;
  frame.sp = sp;
  const base = sp - argc - 2;
  let callable = stack[base];
  let argStart: number;
  if (callable !== null) {
    argStart = base + 1;
    argc++;
  } else {
    callable = stack[base + 1]!;
    argStart = base + 2;
    if (callable.type === MethodType) {
      // Unpack a bound method into function + self (3.12's CALL does this).
      const fn = (callable as PyMethod).func, self = (callable as PyMethod).self;
      incref(fn);
      incref(self);
      stack[base] = fn;
      stack[base + 1] = self;
      decref(callable);
      callable = fn;
      argStart = base + 1;
      argc++;
    }
  }
  if (callable.type === FunctionType && FunctionType.tp_call === functionCall) {
    const func = callable as PyFunction;
    const depth = tstate.depth + 1;
    if (takesExactPositional(func.codeObj.code, argc, kwnames) && depth <= tstate.recursionLimit) {
      const f = acquireFrame(func.codeObj, func, func.globals as PyDict, func.builtins as PyDict);
      const fl = f.localsplus;
      for (let i = 0; i < argc; i++) {
        fl[i] = stack[argStart + i];
        stack[argStart + i] = null;
      }
      stack[base] = null;
      stack[base + 1] = null;
      frame.sp = base;
      tstate.depth = depth;
      f.depth = depth;
      f.previous = frame;
      tstate.frame = f;
      f.state = FrameState.Executing;
      tierOut.steps = steps;
      return f;
    }
  }
  return callGeneral(frame, callable, base, argStart, argc, kwnames, steps);
}

/**
 * RETURN_VALUE / RETURN_CONST for compiled code, as the interpreter's: ends
 * `finished` (its pc and sp saved) and returns the caller, with `retval` on
 * its stack, or null when `finished` was the entry frame (retval in tierOut).
 */
export function returnFrom(finished: Frame, entry: Frame, retval: PyObject): Frame | null {
  // Read what we need before clearing: clearing may run __del__, which may reuse the frame.
  const prev = finished.previous;
  const wasEntry = finished === entry || finished.entry;
  const initArgc = finished.initArgc, initKw = finished.initKw, initFunc = finished.func;
  finished.state = FrameState.Completed;
  leaveFrame(finished);
  clearFrame(finished);
  if (wasEntry) {
    tierOut.retval = retval;
    return null;
  }
  const caller = prev!;
  if (initArgc >= 0) finishInitCall(caller, initArgc, initKw, initFunc!, retval);
  else caller.stack[caller.sp++] = retval;
  return caller;
}
