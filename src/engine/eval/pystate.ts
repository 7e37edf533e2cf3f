/**
 * The running thread's state: its current frame, the exception being handled
 * (sys.exc_info), how deep the Python call stack is, and the run's limits.
 * CPython counterpart: Include/cpython/pystate.h (PyThreadState), Python/pystate.c.
 */

import type { PyObject } from '../objects/object.js';
import type { Frame } from './frame.js';

/** Ends a run that used up its instruction budget (not catchable by Python code). */
export class StepBudgetExceeded {
  constructor(public steps: number) {}
}

/** Ends a run the host asked to stop. */
export class RunInterrupted {}

export interface ThreadState {
  /** the innermost running frame */
  frame: Frame | null;
  /** the exception being handled, or null (exc_info->exc_value) */
  excInfo: PyObject | null;
  /** Python frames on the stack */
  depth: number;
  recursionLimit: number;
  /** instructions left before the run is ended */
  stepsLeft: number;
  stepBudget: number;
}

export const tstate: ThreadState = {
  frame: null,
  excInfo: null,
  depth: 0,
  recursionLimit: 1000,
  stepsLeft: Infinity,
  stepBudget: Infinity,
};

export function resetThreadState(recursionLimit: number, stepBudget: number): void {
  tstate.frame = null;
  tstate.excInfo = null;
  tstate.depth = 0;
  tstate.recursionLimit = recursionLimit;
  tstate.stepsLeft = stepBudget;
  tstate.stepBudget = stepBudget;
}
