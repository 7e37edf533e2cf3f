/**
 * What compiled code (compile.ts) calls: the interpreter's own helpers, and
 * the few pieces of instructions it runs differently from the interpreter.
 * Everything here does, to the frame and to reference counts, exactly what
 * the corresponding `case` of eval/ceval.ts's dispatch does.
 */

import { decref, xdecref, dealloc, incref, type PyObject } from '../objects/object.js';
import { Frame, FrameState, acquireFrame, releaseFrame } from '../eval/frame.js';
import { tstate, StepBudgetExceeded } from '../eval/pystate.js';
import {
  tierOut, returnFrom, collectScheduled, loadName, loadGlobal, newGlobalIndex, fastIntOp, fastFloatOp,
  compareNumbers, unboundDeref, functionCall,
} from '../eval/ceval.js';
import { takesExactPositional } from '../eval/call.js';
import { FunctionType, type PyFunction } from '../objects/funcobject.js';
import type { PyDict } from '../objects/dictobject.js';
import { dictSetItemStr, dictIndexOfStr } from '../objects/dictobject.js';
import { binaryOp, richCompare, isTrue, getIter, getItem, setItem, getAttr, setAttr, contains } from '../objects/abstract.js';
import { getMethod } from '../objects/typeready.js';
import { LongType, newInt } from '../objects/longobject.js';
import { FloatType } from '../objects/floatobject.js';
import { PyTrue, PyFalse, newBool } from '../objects/boolobject.js';
import { PyNone } from '../objects/singletons.js';
import { StrType, type PyStr } from '../objects/unicodeobject.js';
import { newTuple, type PyTuple } from '../objects/tupleobject.js';
import { newList, listAppendSteal } from '../objects/listobject.js';
import { gcstate } from '../gc/gcobject.js';
import { raise } from '../eval/errors.js';
import { Exc } from '../objects/exceptions.js';

/**
 * Ends the run when the step budget runs out before instruction `pc` (stack
 * depth `sp`), leaving the frame as the interpreter's check does.
 */
function budget(f: Frame, pc: number, sp: number, steps: number): never {
  f.pc = pc;
  f.sp = sp;
  tstate.stepsLeft = steps;
  throw new StepBudgetExceeded(tstate.stepBudget);
}

/**
 * CALL `argc` at instruction `pc` with the stack `sp` deep, when it is the
 * interpreter's inline call of a Python function taking exactly these
 * positional arguments (CALL_PY_EXACT_ARGS): pushes and enters the callee's
 * frame and returns it. Returns null, having changed nothing, for every other
 * call, which the interpreter then runs.
 */
function callPython(f: Frame, pc: number, sp: number, argc: number): Frame | null {
  if (f.kwnames !== null) return null;
  const stack = f.stack;
  const base = sp - argc - 2;
  let callable = stack[base];
  let argStart: number;
  if (callable !== null) {
    argStart = base + 1;
    argc++;
  } else {
    callable = stack[base + 1]!;
    argStart = base + 2;
  }
  if (callable.type !== FunctionType || FunctionType.tp_call !== functionCall) return null;
  const func = callable as PyFunction;
  const depth = tstate.depth + 1;
  if (!takesExactPositional(func.codeObj.code, argc, null) || depth > tstate.recursionLimit) return null;
  const nf = acquireFrame(func.codeObj, func, func.globals as PyDict, func.builtins as PyDict);
  const fl = nf.localsplus;
  for (let i = 0; i < argc; i++) {
    fl[i] = stack[argStart + i];
    stack[argStart + i] = null;
  }
  stack[base] = null;
  stack[base + 1] = null;
  f.sp = base;
  f.pc = pc + 1;
  tstate.depth = depth;
  nf.depth = depth;
  nf.previous = f;
  tstate.frame = nf;
  nf.state = FrameState.Executing;
  return nf;
}

/** KW_NAMES */
function kwNames(t: PyObject): string[] {
  return ((t as PyTuple).items as PyStr[]).map((s) => s.value);
}

function unboundLocal(f: Frame, pc: number, sp: number, oparg: number): never {
  f.pc = pc + 1;
  f.sp = sp;
  unboundDeref(f, oparg);
}

function noLocals(name: string): never {
  raise(Exc.SystemError, `no locals found when storing '${name}'`);
}

/** The names compiled code sees (compile.ts binds each to a local of the same name). */
export const runtime = {
  tstate, tierOut, gcstate, budget, callPython, kwNames, unboundLocal, noLocals, returnFrom, collectScheduled,
  incref, decref, xdecref, dealloc, loadName, loadGlobal, newGlobalIndex, dictSetItemStr, dictIndexOfStr,
  fastIntOp, fastFloatOp, compareNumbers, binaryOp, richCompare, isTrue, getIter, getItem, setItem, getAttr, setAttr,
  contains, getMethod, LongType, FloatType, StrType, PyTrue, PyFalse, PyNone, newBool, newTuple, newList,
  listAppendSteal, newInt, releaseFrame,
};
