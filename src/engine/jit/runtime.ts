/**
 * What compiled code (compile.ts) calls: the interpreter's own helpers, and
 * the few pieces of instructions it runs differently from the interpreter.
 * Everything here does, to the frame and to reference counts, exactly what
 * the corresponding `case` of eval/ceval.ts's dispatch does.
 */

import { decref, xdecref, dealloc } from '../objects/object.js';
import { Frame, releaseFrame } from '../eval/frame.js';
import { tstate, StepBudgetExceeded } from '../eval/pystate.js';
import {
  tierOut, collectScheduled, loadName, loadGlobal, newGlobalIndex, fastIntOp, fastFloatOp,
  compareNumbers, unboundDeref, unpackIterable, formatValueOp, checkExceptType, exceptionMatches, makeFunction,
  kwNamesOf, storeName,
} from '../eval/ceval.js';
import { callAt, returnFrom } from './calls.js';
import { dictIndexOfStr } from '../objects/dictobject.js';
import { binaryOp, richCompare, isTrue, getIter, getItem, setItem, getAttr, setAttr, contains, negative } from '../objects/abstract.js';
import { getMethod, methodLookup } from '../objects/typeready.js';
import { LongType, newInt } from '../objects/longobject.js';
import { FloatType } from '../objects/floatobject.js';
import { PyTrue, PyFalse, newBool } from '../objects/boolobject.js';
import { PyNone } from '../objects/singletons.js';
import { StrType, newStr } from '../objects/unicodeobject.js';
import { newTuple, TupleType } from '../objects/tupleobject.js';
import { newList, listAppendSteal, ListType } from '../objects/listobject.js';
import { gcstate } from '../gc/gcobject.js';
import { heap } from '../memory/heap.js';

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

/** The names compiled code sees (compile.ts binds each to a local of the same name). */
export const runtime = {
  tstate, tierOut, gcstate, heap, budget, callAt, kwNamesOf, storeName, returnFrom, collectScheduled,
  decref, xdecref, dealloc, loadName, loadGlobal, newGlobalIndex, dictIndexOfStr,
  fastIntOp, fastFloatOp, compareNumbers, binaryOp, richCompare, isTrue, getIter, getItem, setItem, getAttr, setAttr,
  contains, getMethod, methodLookup, LongType, FloatType, StrType, PyTrue, PyFalse, PyNone, newBool, newTuple, newList,
  listAppendSteal, newInt, releaseFrame, unpackIterable, formatValueOp, checkExceptType, exceptionMatches, unboundDeref,
  TupleType, ListType, newStr, negative, makeFunction,
};
