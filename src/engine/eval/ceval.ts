/**
 * The evaluation loop: runs code objects instruction by instruction.
 * CPython counterpart: Python/ceval.c (_PyEval_EvalFrameDefault) and
 * Python/bytecodes.c (what each instruction does, with its stack effect).
 *
 * As in CPython 3.11+, a call from Python code to a Python function does not
 * recurse in the host language: the new frame is pushed and the same loop
 * continues, and a return pops back to the caller. Only calls that come from
 * builtins (sorted's key=, __del__, __repr__ called by print …) start a
 * nested loop, whose entry frame returns to them.
 *
 * Reference counting follows bytecodes.c: every push of a borrowed value is
 * an incref, every pop that drops a value is a decref, and arguments move
 * into the callee's frame. Each `case` names its instruction; the numbers
 * are 3.12's opcodes (a test checks every label against bytecode/opcodes.ts).
 */

import { PyObject, decref, incref, xdecref, dealloc } from '../objects/object.js';
import { heap } from '../memory/heap.js';
import { PyTypeObject, isSubtype, TypeType, ObjectType } from '../objects/typeobject.js';
import { slotInit } from '../objects/typeslots.js';
import { typeLookup } from '../objects/typeready.js';
import { Frame, FrameState, acquireFrame, releaseFrame } from './frame.js';
import { tstate, StepBudgetExceeded } from './pystate.js';
import { PyRaise, raise, isPyRaise } from './errors.js';
import { Exc, PyBaseException, newException, raiseNameError } from '../objects/exceptions.js';
import {
  binaryOp, richCompare, isTrue, getIter, getItem, setItem, getAttr, setAttr, call,
  negative, invert, positive, contains, length, iterableToArray, str, repr,
} from '../objects/abstract.js';
import { getMethod, methodLookup } from '../objects/typeready.js';
import { MethodDescrType, PyMethodDescr } from '../objects/descrobject.js';
import { resetCRecursion, enterCUnits, leaveCUnits } from '../objects/abstract.js';
import { PyFunction, newFunction, FunctionType } from '../objects/funcobject.js';
import { PyMethod, MethodType } from '../objects/classobject.js';
import { PyCode } from '../objects/codeobject.js';
import { PyCell, newCell } from '../objects/cellobject.js';
import { PyLong, newInt, LongType } from '../objects/longobject.js';
import { PyFloat, FloatType, newFloat } from '../objects/floatobject.js';
import { PyTrue, PyFalse, newBool } from '../objects/boolobject.js';
import { PyNone } from '../objects/singletons.js';
import { PyStr, newStr, StrType } from '../objects/unicodeobject.js';
import { newTuple, PyTuple, TupleType } from '../objects/tupleobject.js';
import { newList, PyList, ListType, listExtend, listAppendSteal } from '../objects/listobject.js';
import {
  newDict, newDictPresized, dictGetItemStr, dictSetItemStr, dictSetItem, PyDict, DictType,
  dictIndexOfStr, dictReplaceValueAt,
} from '../objects/dictobject.js';
// evaluated here, where the instructions that build sets were (module order fixes the builtin types' ids)
import '../objects/setobject.js';
import { newSlice } from '../objects/sliceobject.js';
import { initializeLocals, takesExactPositional } from './call.js';
import {
  CO_GENERATOR, CO_COROUTINE, CO_ASYNC_GENERATOR, CO_FAST_FREE, CO_FAST_CELL,
} from '../bytecode/code.js';
import { tracebackHere } from '../objects/traceback.js';
import { frameObjectTakeOwnership } from '../objects/frameobject.js';
import { newGenerator, setResumeFrame, setClearFrame } from '../objects/genobject.js';
import { gcstate } from '../gc/gcobject.js';
import { importName, importFrom, importStar } from '../modules/importer.js';
import { formatValue } from '../objects/formatting.js';
// evaluated here, where LOAD_SUPER_ATTR was (module order fixes the builtin types' ids)
import '../objects/superobject.js';
import { unsupported } from './errors.js';
import { parts, deferred } from '../ondemand.js';

/** Observes execution for the trace (src/engine/trace/recorder.ts). */
export interface ExecObserver {
  /** a new line starts in `frame` */
  line(frame: Frame, line: number): void;
  call(frame: Frame): void;
  ret(frame: Frame): void;
}
let observer: ExecObserver | null = null;
export function setExecObserver(o: ExecObserver | null): void {
  observer = o;
  tierOut.obs = o;
}

/** Set by the gc module wiring: runs a collection the allocator scheduled. */
let runScheduledGC: () => void = () => {
  gcstate.collectionScheduled = false;
};
export function setScheduledGC(f: () => void): void {
  runScheduledGC = f;
}

/** RERAISE and re-raising from `raise` in a handler must not add a traceback entry. */
export class Reraise {
  constructor(public exc: PyBaseException) {}
}

// ---------------------------------------------------------------- frame life

/** Creates the frame for calling `func` (not yet linked to a caller). */
export function makeFrame(func: PyFunction, locals: PyDict | null = null): Frame {
  const f = new Frame(func.codeObj, func, func.globals as PyDict, func.builtins as PyDict, locals);
  incref(func);
  return f;
}

/** clear_thread_frame: drops a finished frame's references (unless a frame object owns them). */
export function clearFrame(f: Frame): void {
  if (f.state === FrameState.Cleared) return;
  f.state = FrameState.Cleared;
  if (f.frameObject === null || !frameObjectTakeOwnership(f)) {
    const ls = f.localsplus;
    for (let i = 0; i < ls.length; i++) {
      const v = ls[i];
      if (v !== null) {
        ls[i] = null;
        if (heap.tracing) heap.onDecref(v); // decref(v), inlined
        if (--v.refcnt === 0) dealloc(v);
      }
    }
    const st = f.stack;
    for (let i = 0; i < f.sp; i++) {
      const v = st[i];
      st[i] = null;
      if (v !== null) decref(v);
    }
    f.sp = 0;
  }
  const func = f.func;
  if (func !== null) {
    f.func = null;
    decref(func);
  }
  releaseFrame(f);
}

/**
 * Calls a Python function from JS (a builtin calling back into Python):
 * a nested evaluation loop whose entry frame returns here.
 */
export function callPythonFunction(func: PyFunction, args: PyObject[], kwnames: string[] | null, locals: PyDict | null = null): PyObject {
  let f: Frame;
  if (locals === null) {
    f = acquireFrame(func.codeObj, func, func.globals as PyDict, func.builtins as PyDict);
    incref(func);
  } else {
    f = makeFrame(func, locals);
  }
  // initializeLocals steals references: hand it new ones.
  for (let i = 0; i < args.length; i++) incref(args[i]);
  try {
    initializeLocals(f, func, args, 0, args.length, kwnames);
  } catch (e) {
    decref(func);
    throw e;
  }
  f.entry = true;
  return runFrame(f);
}

/** Pushes a ready frame on the thread's stack and runs it to completion. */
export function runFrame(f: Frame): PyObject {
  enterFrame(f);
  return evalFrame(f, null);
}

/** Links a ready frame on top of the thread's stack and marks it executing; RecursionError (the frame cleared) past the limit. */
export function enterFrame(f: Frame): void {
  const depth = tstate.depth + 1;
  if (depth > tstate.recursionLimit) {
    clearFrame(f);
    raise(Exc.RecursionError, 'maximum recursion depth exceeded');
  }
  tstate.depth = depth;
  f.depth = depth;
  f.previous = tstate.frame;
  tstate.frame = f;
  f.state = FrameState.Executing;
}

export function leaveFrame(f: Frame): void {
  tstate.frame = f.previous;
  tstate.depth--;
  if (f.initArgc >= 0) leaveCUnits(f.cUnits);
}

/**
 * CALL of a class whose `__init__` is a plain Python function: makes the
 * instance and pushes `__init__`'s frame (entered; the caller resumes in
 * finishInitCall when it ends). The caller's stack, [NULL, class, args…],
 * becomes [instance, class, args…]: the instance in the NULL's slot is
 * type_call's reference, and the class and arguments stay, as 3.12's CALL
 * keeps them for the call's duration.
 */
function pushInitFrame(caller: Frame, cls: PyTypeObject, func: PyFunction, base: number, argc: number, kwnames: string[] | null): Frame {
  const stack = caller.stack;
  const argStart = base + 2;
  const co = func.codeObj.code;
  // CPython 3.12 enters its C recursion guard three times per
  // such call (the type call, __init__'s call, the new eval loop)
  // against a fixed limit: that, not the recursion limit, is what
  // stops __init__ recursing into its own class.
  enterCUnits(INIT_C_UNITS);
  let obj: PyObject;
  try {
    obj = cls.tp_new!(cls, NO_ARGS, null);
  } catch (e) {
    leaveCUnits(INIT_C_UNITS);
    throw e;
  }
  // The references CPython's C path holds while __init__ runs:
  // type_call's to the instance (kept in the NULL's slot), the
  // argument tuple's and keyword dict's (one per argument), with
  // keywords the copies _PyStack_UnpackDict makes (one more for
  // the instance and each argument), and slot_tp_init's to the
  // __init__ it looked up. The arguments stay on the stack, as
  // CALL keeps them; finishInitCall drops all of this.
  stack[base] = obj;
  const nkw = kwnames === null ? 0 : kwnames.length;
  for (let i = 0; i < argc; i++) incref(stack[argStart + i]!);
  if (nkw > 0) {
    incref(obj);
    for (let i = 0; i < argc; i++) incref(stack[argStart + i]!);
  }
  incref(func); // slot_tp_init's lookup
  const f = acquireFrame(func.codeObj, func, func.globals as PyDict, func.builtins as PyDict);
  incref(func); // the frame's
  // the frame's own references to `self` and the arguments
  incref(obj);
  for (let i = 0; i < argc; i++) incref(stack[argStart + i]!);
  if (takesExactPositional(co, argc + 1, kwnames)) {
    const fl = f.localsplus;
    fl[0] = obj;
    for (let i = 0; i < argc; i++) fl[i + 1] = stack[argStart + i];
  } else {
    const args = [obj];
    for (let i = 0; i < argc; i++) args.push(stack[argStart + i]!);
    try {
      initializeLocals(f, func, args, 0, argc + 1, kwnames);
    } catch (e) {
      clearFrame(f);
      leaveCUnits(INIT_C_UNITS);
      finishInitCall(caller, argc, nkw, func, null);
      throw e;
    }
  }
  try {
    enterFrame(f); // clears f if it raises
  } catch (e) {
    leaveCUnits(INIT_C_UNITS);
    finishInitCall(caller, argc, nkw, func, null);
    throw e;
  }
  f.initArgc = argc;
  f.initKw = nkw;
  f.cUnits = INIT_C_UNITS;
  return f;
}

/**
 * Ends a class call whose `__init__` ran inline (see CALL), once its frame
 * is gone: drops, in CPython 3.12's order, the references the C path holds
 * while `__init__` runs, and leaves the caller's stack as CALL does —
 * the instance on top, or nothing if `retval` is null (an exception is
 * propagating) or not None (TypeError, raised here).
 *
 * The caller's stack is [instance, class, arguments…] (see CALL).
 */
export function finishInitCall(caller: Frame, argc: number, nkw: number, func: PyObject, retval: PyObject | null): void {
  if (nkw < 0) {
    // not an __init__: a bound method CALL_FUNCTION_EX ran inline (eval/unpacking.ts)
    finishMethodCallEx(caller, argc, retval);
    return;
  }
  const st = caller.stack;
  const base = caller.sp - argc - 2;
  const obj = st[base]!;
  const args = base + 2;
  // _PyStack_UnpackDict_Free: the copies made to pass keywords to a vectorcall
  if (nkw > 0) {
    decref(obj);
    for (let i = 0; i < argc; i++) decref(st[args + i]!);
  }
  decref(func); // slot_tp_init's reference to the __init__ it looked up
  let badType: string | null = null;
  if (retval !== null) {
    if (retval !== PyNone) badType = retval.type.name;
    decref(retval);
  }
  const failed = retval === null || badType !== null;
  if (failed) {
    // type_call drops the instance __init__ failed to initialize
    st[base] = null;
    decref(obj);
  }
  // _PyObject_MakeTpCall: the positional-argument tuple (freed last item
  // first) and the keyword dict
  const npos = argc - nkw;
  for (let i = npos - 1; i >= 0; i--) decref(st[args + i]!);
  for (let i = npos; i < argc; i++) decref(st[args + i]!);
  // CALL: the callable, then the arguments
  const cls = st[base + 1]!;
  st[base + 1] = null;
  caller.sp = base + (failed ? 0 : 1);
  decref(cls);
  for (let i = 0; i < argc; i++) {
    const v = st[args + i]!;
    st[args + i] = null;
    decref(v);
  }
  if (badType !== null) raise(Exc.TypeError, `__init__() should return None, not '${badType}'`);
}

/**
 * CALL, once the callable and its arguments are known (`callable` at
 * stack[base] or stack[base + 1], the `argc` arguments from argStart), in
 * every case but the interpreter's inline call of a Python function taking
 * exactly these positional arguments, which the loop makes itself:
 *   - a Python function's frame, its arguments bound, is pushed and entered
 *     and returned;
 *   - so is the inline `__init__` frame of a class call (pushInitFrame);
 *   - anything else is called here: the result replaces the call's stack
 *     entries (frame.sp = base + 1) and null is returned.
 * `steps` is the budget left, handed to builtins (which may run Python code)
 * through tstate; what is left after is in tierOut.steps. The caller has
 * saved frame.sp and frame.pc; if this raises, frame.sp is where the stack
 * ends.
 */
export function callGeneral(
  frame: Frame, callable: PyObject, base: number, argStart: number, argc: number, kwnames: string[] | null, steps: number,
): Frame | null {
  const stack = frame.stack;
  tierOut.steps = steps;
  if (callable.type === FunctionType && FunctionType.tp_call === functionCall) {
    // The new frame takes the arguments and the function reference.
    const func = callable as PyFunction;
    const f = acquireFrame(func.codeObj, func, func.globals as PyDict, func.builtins as PyDict);
    frame.sp = base;
    try {
      initializeLocals(f, func, stack as PyObject[], argStart, argc, kwnames);
    } catch (e) {
      for (let i = base; i < argStart + argc; i++) stack[i] = null;
      decref(func);
      throw e;
    }
    for (let i = base; i < argStart + argc; i++) stack[i] = null;
    enterFrame(f);
    return f;
  }
  if (callable.type === TypeType && argStart === base + 2 && (callable as PyTypeObject).tp_init === slotInit &&
      (callable as PyTypeObject).tp_new === ObjectType.tp_new) {
    // A class whose __init__ is a Python function: type.__call__ makes
    // the instance, then the loop runs __init__ as an inline frame
    // (what 3.13's CALL_ALLOC_AND_ENTER_INIT does) instead of a
    // nested evaluation loop (see pushInitFrame).
    const cls = callable as PyTypeObject;
    const init = typeLookup(cls, '__init__');
    if (init !== null && init.type === FunctionType &&
        ((init as PyFunction).codeObj.code.co_flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) === 0) {
      return pushInitFrame(frame, cls, init as PyFunction, base, argc, kwnames);
    }
  }
  tstate.stepsLeft = steps;
  let res: PyObject;
  try {
    const self = argc > 0 && kwnames === null ? stack[argStart]! : null;
    if (callable.type === MethodDescrType && self !== null && isSubtype(self.type, (callable as PyMethodDescr).owner)) {
      // `lst.append(x)`: a builtin method called with self, without a bound method or arg copies
      res = (callable as PyMethodDescr).impl(self, argsArray(stack, argStart + 1, argStart + argc), null);
    } else {
      res = call(callable, argsArray(stack, argStart, argStart + argc), kwnames);
    }
  } finally {
    for (let i = base; i < argStart + argc; i++) {
      const v = stack[i];
      stack[i] = null;
      if (v !== null) decref(v);
    }
    frame.sp = base;
  }
  stack[frame.sp++] = res;
  tierOut.steps = tstate.stepsLeft;
  if (gcstate.collectionScheduled) runScheduledGC();
  return null;
}

/**
 * A builtin's arguments stack[from..to) as a new array (the callee may keep
 * it): a literal for the common short lists, which V8 allocates inline where
 * slice is a call.
 */
function argsArray(stack: (PyObject | null)[], from: number, to: number): PyObject[] {
  switch (to - from) {
    case 0: return [];
    case 1: return [stack[from]!];
    case 2: return [stack[from]!, stack[from + 1]!];
    default: return stack.slice(from, to) as PyObject[];
  }
}

/** C recursion guards (abstract.ts) a class call running a Python __init__ enters in CPython 3.12 */
const INIT_C_UNITS = 3;
const NO_ARGS: PyObject[] = [];

/**
 * FORMAT_VALUE's work: `v` converted (`conv`: 1 str, 2 repr, 3 ascii) and
 * formatted with `spec` (whose reference it drops); a new reference.
 */
export function formatValueOp(v: PyObject, conv: number, spec: PyObject | null): PyObject {
  try {
    let conv2: PyObject = v;
    if (conv === 1) conv2 = str(v);
    else if (conv === 2) conv2 = repr(v);
    else if (conv === 3) conv2 = asciiRepr(v);
    else incref(v);
    try {
      if (spec === null && conv2.type === StrType) {
        incref(conv2);
        return conv2;
      }
      return formatValue(conv2, spec === null ? '' : (spec as PyStr).value);
    } finally {
      decref(conv2);
    }
  } finally {
    if (spec !== null) decref(spec);
  }
}

/** KW_NAMES: the keyword names of the next CALL, from their constant tuple. */
export function kwNamesOf(t: PyObject): string[] {
  return ((t as PyTuple).items as PyStr[]).map((s) => s.value);
}

/** STORE_NAME in a frame without a locals dict. */
export function noLocalsToStore(name: string): never {
  raise(Exc.SystemError, `no locals found when storing '${name}'`);
}

/** MAKE_FUNCTION's work: the function, taking the references to its parts. */
export function makeFunction(
  frame: Frame, codeObj: PyCode, closure: PyObject | null, annotations: PyObject | null,
  kwdefaults: PyObject | null, defaults: PyObject | null,
): PyFunction {
  const modName = dictGetItemStr(frame.globals, '__name__');
  const fn = newFunction(codeObj, frame.globals, frame.builtins, modName);
  decref(codeObj);
  fn.closure = closure;
  fn.annotations = annotations;
  fn.kwdefaults = kwdefaults;
  fn.defaults = defaults;
  // 3.12 puts a function's docstring first in co_consts, and None there otherwise.
  const c0 = codeObj.consts[0];
  if (c0 instanceof PyStr) {
    incref(c0);
    fn.doc = c0;
  }
  return fn;
}

/** Resumes a generator's frame (genobject.ts). */
function resumeGenFrame(f: Frame, value: PyObject | null, exc: PyBaseException | null): PyObject {
  f.entry = true;
  if (value !== null) {
    incref(value);
    f.stack[f.sp++] = value;
  }
  const depth = tstate.depth + 1;
  if (depth > tstate.recursionLimit) raise(Exc.RecursionError, 'maximum recursion depth exceeded');
  tstate.depth = depth;
  f.depth = depth;
  f.previous = tstate.frame;
  tstate.frame = f;
  f.state = FrameState.Executing;
  if (exc !== null) incref(exc);
  return evalFrame(f, exc);
}
setResumeFrame(resumeGenFrame);
setClearFrame(clearFrame);

// ---------------------------------------------------------------- the loop

function findHandler(f: Frame, index: number): number {
  const table = f.code.exceptiontable;
  for (let i = 0; i < table.length; i++) {
    const e = table[i];
    if (index >= e.start && index < e.end) return i;
  }
  return -1;
}

const CMP_FROM_OPARG = 4;

/**
 * _PyEval_EvalFrameDefault. `throwing` starts the frame by raising it at the
 * current instruction (gen.throw()). Returns the entry frame's result.
 */
export function evalFrame(entry: Frame, throwing: PyBaseException | null): PyObject {
  // Python calling Python never recurses here; builtins calling back into Python
  // (repr, sorted's key, __eq__ …) do. The host's stack is far smaller than
  // CPython's C stack, so such recursion is stopped early — still with
  // CPython's RecursionError, raised where Python code can catch it.
  if (nestedEvals >= MAX_NESTED_EVALS) {
    clearFrame(entry);
    leaveFrame(entry);
    raise(Exc.RecursionError, 'maximum recursion depth exceeded');
  }
  nestedEvals++;
  try {
    return evalFrameInner(entry, throwing);
  } finally {
    nestedEvals--;
  }
}

/** evalFrame calls in progress (see MAX_NESTED_EVALS) */
let nestedEvals = 0;
/** nested evaluation loops the host stack safely holds (measured with repr recursion) */
const MAX_NESTED_EVALS = 160;
export function resetNestedEvals(): void {
  nestedEvals = 0;
  tierOut.depth = 0;
  resetCRecursion();
}

function evalFrameInner(entry: Frame, throwing: PyBaseException | null): PyObject {
  let frame = entry;
  let pending: PyRaise | Reraise | null = throwing ? new Reraise(throwing) : null;
  if (throwing) {
    // gen.throw() adds the generator frame to the traceback.
    tracebackHere(throwing, frame);
  }
  for (;;) {
    try {
      if (pending !== null) {
        const p = pending;
        pending = null;
        throw p;
      }
      return runLoop(entry);
    } catch (e) {
      // ---- exception_unwind ----
      // The frame that raised is the thread's current frame (calls and returns keep it current).
      frame = tstate.frame!;
      let exc: PyBaseException;
      if (e instanceof Reraise) {
        exc = e.exc;
      } else if (isPyRaise(e)) {
        exc = e.exc;
        // _PyErr_SetObject: chain the exception being handled as __context__.
        const handled = tstate.excInfo;
        if (handled !== null && handled !== exc && exc.context === null && handled !== PyNone) {
          if (!chainContains(handled as PyBaseException, exc)) {
            incref(handled);
            exc.context = handled;
          }
        }
        tracebackHere(exc, frame);
      } else if (e instanceof RangeError && e.message.indexOf('call stack') >= 0) {
        // The host's own stack ran out first (deep builtin→Python recursion).
        exc = newException(Exc.RecursionError, 'maximum recursion depth exceeded');
        tracebackHere(exc, frame);
      } else {
        // StepBudgetExceeded, Unsupported, HeapCapExceeded, engine bugs: unwind everything.
        unwindAll(entry, frame);
        throw e;
      }
      for (;;) {
        const h = findHandler(frame, frame.lasti);
        if (h >= 0) {
          const entryH = frame.code.exceptiontable[h];
          const st = frame.stack;
          while (frame.sp > entryH.depth) {
            const v = st[--frame.sp];
            st[frame.sp] = null;
            if (v !== null) decref(v);
          }
          if (entryH.lasti) st[frame.sp++] = newInt(frame.lasti);
          st[frame.sp++] = exc;
          frame.pc = entryH.target;
          break;
        }
        // No handler here: this frame is done; the caller gets the exception.
        if (observer !== null) observer.ret(frame);
        const finished = frame;
        // Read what we need before clearing: clearing may run __del__, which may reuse the frame.
        const prev = finished.previous;
        const wasEntry = finished === entry || finished.entry;
        const initArgc = finished.initArgc, initKw = finished.initKw, initFunc = finished.func;
        finished.state = FrameState.Completed;
        leaveFrame(finished);
        clearFrame(finished);
        if (wasEntry) {
          throw new PyRaise(exc);
        }
        frame = prev!;
        if (initArgc >= 0) finishInitCall(frame, initArgc, initKw, initFunc!, null);
        tracebackHere(exc, frame);
      }
    }
  }

  function unwindAll(stop: Frame, from: Frame): void {
    let f: Frame | null = from;
    while (f !== null) {
      const prev: Frame | null = f.previous;
      f.state = FrameState.Completed;
      clearFrame(f);
      leaveFrame(f);
      if (f === stop || f.entry) break;
      f = prev;
    }
  }

  /** The dispatch loop proper; returns when the entry frame returns or yields. */
}

// ---------------------------------------------------------------- the compiled tier

/**
 * A code object compiled to a JS function (src/engine/jit/, installed by
 * the Node entry, and by the browser's worker once its chunk has loaded). It runs its frame from
 * `f.pc` and returns the frame to run next (a callee it pushed, or the caller
 * it returned to, with the result on the caller's stack), null when `entry`
 * returned (the result in `tierOut.retval`), or undefined to have the
 * interpreter run `f` from `f.pc` (an instruction it leaves to the
 * interpreter). Either way the step budget left is in `tierOut.steps`.
 */
export type CompiledCode = (f: Frame, entry: Frame, steps: number) => Frame | null | undefined;

export interface CompiledTier {
  /**
   * the code object's compiled function, compiling it now (null: the
   * interpreter runs it); `traced`: with the trace hooks (line, call and
   * return events, refcount changes) the interpreter calls
   */
  compile(codeObj: PyCode, traced: boolean): CompiledCode | null;
  /**
   * How hot a code object gets (entries and backward jumps, see PyCode.heat)
   * before it is compiled: compiling costs more than interpreting code that
   * runs a few times.
   */
  hot: number;
}

/** What a compiled function or a dispatch that handed over leaves behind. */
export const tierOut = {
  steps: 0,
  retval: null as PyObject | null,
  /** compiled functions running inside another's direct call (jit/compile.ts CALL) */
  depth: 0,
  /** the trace's observer (setExecObserver), which traced compiled code calls as dispatch calls `obs` */
  obs: null as ExecObserver | null,
};

let tier: CompiledTier | null = null;
export function setCompiledTier(t: CompiledTier | null): void {
  tier = t;
}
/** The installed tier's `hot` (compiled code asks it before compiling a callee). */
export function compileThreshold(): number {
  return tier === null ? Infinity : tier.hot;
}

/**
 * dispatch's answer when the next frame to run has compiled code (or may
 * have: not compiled yet), or is one an instruction outside the loop pushed
 * (CALL_FUNCTION_EX), with the step budget left in tierOut.steps: runLoop
 * goes on with the thread's current frame.
 */
const SWITCH = Object.freeze({ switch: true }) as unknown as PyObject;

/**
 * Runs the thread's current frame until the entry frame returns or yields:
 * compiled code where a code object has it (with the trace's hooks while a
 * trace is recorded) and the interpreter for the rest, handing the frames and the step budget back and
 * forth. Both keep every frame's state (stack, locals, pc) in the Frame, so
 * either can take over any frame.
 */
function runLoop(entry: Frame): PyObject {
  let steps = tstate.stepsLeft;
  // A trace records the line, call and return events and the refcount changes
  // together: compiled code runs with all of them (traced) or none of them.
  const traced = observer !== null;
  if (tier === null || heap.tracing !== traced) {
    for (;;) {
      // (dispatch hands over only when an instruction outside the loop pushed a frame)
      const r = dispatch(entry, steps, false);
      if (r !== SWITCH) return r;
      steps = tierOut.steps;
    }
  }
  for (;;) {
    const f = tstate.frame!;
    const codeObj = f.codeObj;
    let fn = codeObj.jit;
    // code compiled without the hooks never runs while a trace is recorded (code compiled
    // with them may run untraced: the hooks check for the observer, as dispatch's do)
    if (traced && fn && !codeObj.jitTraced) fn = codeObj.jit = undefined;
    if (fn === undefined && ++codeObj.heat >= tier.hot) {
      fn = codeObj.jit = tier.compile(codeObj, traced);
      codeObj.jitTraced = traced;
    }
    if (fn !== undefined && fn !== null) {
      const next = fn(f, entry, steps);
      steps = tierOut.steps;
      if (next === null) {
        tstate.stepsLeft = steps;
        const r = tierOut.retval!;
        tierOut.retval = null;
        return r;
      }
      if (next !== undefined) continue; // tstate.frame is next
    }
    const r = dispatch(entry, steps, true);
    if (r !== SWITCH) return r;
    steps = tierOut.steps;
  }
}

/** The scheduled collection RESUME and JUMP_BACKWARD run, for compiled code. */
export function collectScheduled(): void {
  runScheduledGC();
}

/**
 * The dispatch loop proper: runs the thread's current frame (and the frames
 * it calls inline) until the entry frame returns or yields (or, with `jit`,
 * until it reaches a frame whose code is or may become compiled: SWITCH). Everything the
 * loop touches per instruction is a local, so V8 keeps it in registers.
 *
 * Inlined refcounting: the hottest instructions spell out incref/decref
 * (`v.refcnt++` / `if (--v.refcnt === 0) dealloc(v)`, with the same tracing
 * hooks) instead of calling object.ts's functions. V8 does not inline those
 * into this large function, so every call shared one inline cache for
 * `o.refcnt` that saw every PyObject class and went megamorphic (a stub-cache
 * lookup per access, about a quarter of b3_fib's time). Spelled out here,
 * each instruction's access has its own cache, which sees the few classes
 * that instruction meets (ints in fib's LOAD_FAST and BINARY_OP).
 */
function dispatch(entry: Frame, stepsIn: number, jit: boolean): PyObject {
  let frame = tstate.frame!;
  let code = frame.code.code;
  let stack = frame.stack;
  let locals = frame.localsplus;
  let consts = frame.consts;
  let names = frame.code.co_names;
  let sp = frame.sp;
  let pc = frame.pc;
  const obs = observer;
  let positions = frame.code.positions;
  // The step budget counts down in a local; tstate sees it whenever code
  // outside the loop runs (builtin calls) and when the loop exits.
  let steps = stepsIn;
  // returning SWITCH: the budget goes to the compiled code, as from one frame to the next here
  let switching = false;

  try {
    for (;;) {
      if (--steps < 0) {
        tstate.stepsLeft = steps;
        throw new StepBudgetExceeded(tstate.stepBudget);
      }
      const i2 = pc << 1;
      const op = code[i2];
      const oparg = code[i2 + 1];
      pc++;
      if (obs !== null) {
        const line = positions[(pc - 1) << 2];
        if (line > 0 && (line !== frame.traceLine || op === 140)) {
          frame.traceLine = line;
          frame.sp = sp;
          frame.pc = pc - 1;
          obs.line(frame, line);
        }
      }
      switch (op) {
        case 9: // NOP
          break;
        case 151: // RESUME
          if (gcstate.collectionScheduled) {
            frame.sp = sp;
            frame.pc = pc;
            runScheduledGC();
          }
          break;
        case 1: { // POP_TOP
          const v = stack[--sp]!;
          stack[sp] = null;
          decref(v);
          break;
        }
        case 2: // PUSH_NULL
          stack[sp++] = null;
          break;
        case 4: { // END_FOR
          const a = stack[--sp];
          const b = stack[--sp];
          stack[sp] = stack[sp + 1] = null;
          xdecref(a);
          xdecref(b);
          break;
        }
        case 5: { // END_SEND (receiver, value -- value)
          const v = stack[--sp]!;
          const r = stack[sp - 1]!;
          stack[sp - 1] = v;
          stack[sp] = null;
          decref(r);
          break;
        }
        case 99: { // SWAP
          const t = stack[sp - 1];
          stack[sp - 1] = stack[sp - oparg];
          stack[sp - oparg] = t;
          break;
        }
        case 120: { // COPY
          const v = stack[sp - oparg]!;
          incref(v);
          stack[sp++] = v;
          break;
        }
        case 100: { // LOAD_CONST
          const v = consts[oparg];
          v.refcnt++; // incref(v), inlined (see "Inlined refcounting" above dispatch)
          if (heap.tracing) heap.onIncref(v);
          stack[sp++] = v;
          break;
        }
        case 124: { // LOAD_FAST
          const v = locals[oparg]!;
          v.refcnt++; // incref(v), inlined
          if (heap.tracing) heap.onIncref(v);
          stack[sp++] = v;
          break;
        }
        case 127: { // LOAD_FAST_CHECK
          const v = locals[oparg];
          if (v === null) {
            frame.sp = sp;
            frame.pc = pc;
            raise(
              Exc.UnboundLocalError,
              `cannot access local variable '${frame.code.co_localsplusnames[oparg]}' where it is not associated with a value`,
            );
          }
          incref(v);
          stack[sp++] = v;
          break;
        }
        case 143: { // LOAD_FAST_AND_CLEAR
          stack[sp++] = locals[oparg];
          locals[oparg] = null;
          break;
        }
        case 125: { // STORE_FAST
          const v = stack[--sp];
          stack[sp] = null;
          const old = locals[oparg];
          locals[oparg] = v;
          if (old !== null) {
            frame.sp = sp;
            frame.pc = pc;
            if (heap.tracing) heap.onDecref(old); // decref(old), inlined
            if (--old.refcnt === 0) dealloc(old);
          }
          break;
        }
        case 135: { // MAKE_CELL
          const init = locals[oparg];
          locals[oparg] = newCell(init);
          break;
        }
        case 149: { // COPY_FREE_VARS
          const closure = (frame.func!.closure as PyTuple).items;
          const offset = frame.code.co_localsplusnames.length - oparg;
          for (let i = 0; i < oparg; i++) {
            incref(closure[i]);
            locals[offset + i] = closure[i];
          }
          break;
        }
        case 136: { // LOAD_CLOSURE
          const v = locals[oparg]!;
          incref(v);
          stack[sp++] = v;
          break;
        }
        case 137: { // LOAD_DEREF
          const v = (locals[oparg] as PyCell).ref;
          if (v === null) {
            frame.sp = sp;
            frame.pc = pc;
            unboundDeref(frame, oparg);
          }
          incref(v!);
          stack[sp++] = v;
          break;
        }
        case 138: { // STORE_DEREF
          const v = stack[--sp];
          stack[sp] = null;
          const cell = locals[oparg] as PyCell;
          const old = cell.ref;
          cell.ref = v;
          if (old !== null) {
            frame.sp = sp;
            frame.pc = pc;
            decref(old);
          }
          break;
        }
        case 101: { // LOAD_NAME
          const name = names[oparg];
          frame.sp = sp;
          frame.pc = pc;
          const v = loadName(frame, name, pc - 1);
          stack[sp++] = v;
          break;
        }
        case 90: { // STORE_NAME
          const v = stack[--sp]!;
          stack[sp] = null;
          frame.sp = sp;
          frame.pc = pc;
          storeName(frame, names[oparg], v, pc - 1);
          break;
        }
        case 116: { // LOAD_GLOBAL
          const name = names[oparg >> 1];
          // The entry this instruction found its name in last time: if it still
          // holds that name (an exact str key, so the only key equal to it),
          // its value is what the lookup would return.
          const g = frame.globals;
          const cache = frame.codeObj.globalIndex ?? newGlobalIndex(frame.codeObj);
          const ix = cache[pc - 1];
          if (ix >= 0 && ix < g.ekeys.length) {
            const k = g.ekeys[ix];
            const cv = g.evalues[ix];
            if (k !== null && cv !== null && k.type === StrType && (k as PyStr).value === name) {
              cv.refcnt++; // incref(cv), inlined
              if (heap.tracing) heap.onIncref(cv);
              if (oparg & 1) stack[sp++] = null;
              stack[sp++] = cv;
              break;
            }
          }
          frame.sp = sp;
          frame.pc = pc;
          const v = loadGlobal(frame, name);
          cache[pc - 1] = dictIndexOfStr(g, name);
          if (oparg & 1) stack[sp++] = null;
          stack[sp++] = v;
          break;
        }
        case 97: { // STORE_GLOBAL
          const v = stack[--sp]!;
          stack[sp] = null;
          frame.sp = sp;
          frame.pc = pc;
          try {
            dictSetItemStr(frame.globals, names[oparg], v);
          } finally {
            decref(v);
          }
          break;
        }
        case 106: { // LOAD_ATTR
          const owner = stack[sp - 1]!;
          const name = names[oparg >> 1];
          frame.sp = sp;
          frame.pc = pc;
          if (oparg & 1) {
            const meth = getMethod(owner, name);
            if (methodLookup.unbound) {
              stack[sp - 1] = meth;
              stack[sp++] = owner;
            } else {
              stack[sp - 1] = null;
              stack[sp++] = meth;
              decref(owner);
            }
          } else {
            const v = getAttr(owner, name);
            stack[sp - 1] = v;
            if (heap.tracing) heap.onDecref(owner); // decref(owner), inlined
            if (--owner.refcnt === 0) dealloc(owner);
          }
          break;
        }
        case 95: { // STORE_ATTR (v, owner --)
          const owner = stack[--sp]!;
          const v = stack[--sp]!;
          stack[sp] = stack[sp + 1] = null;
          frame.sp = sp;
          frame.pc = pc;
          try {
            setAttr(owner, names[oparg], v);
          } finally {
            if (heap.tracing) heap.onDecref(v); // decref(v), decref(owner), inlined
            if (--v.refcnt === 0) dealloc(v);
            if (heap.tracing) heap.onDecref(owner);
            if (--owner.refcnt === 0) dealloc(owner);
          }
          break;
        }
        case 25: { // BINARY_SUBSCR
          const sub = stack[--sp]!;
          const container = stack[sp - 1]!;
          stack[sp] = null;
          frame.sp = sp;
          frame.pc = pc;
          let r: PyObject;
          try {
            r = getItem(container, sub);
          } finally {
            decref(sub);
          }
          stack[sp - 1] = r;
          decref(container);
          break;
        }
        case 60: { // STORE_SUBSCR (v, container, sub --)
          const sub = stack[--sp]!;
          const container = stack[--sp]!;
          const v = stack[--sp]!;
          stack[sp] = stack[sp + 1] = stack[sp + 2] = null;
          frame.sp = sp;
          frame.pc = pc;
          try {
            setItem(container, sub, v);
          } finally {
            decref(v);
            decref(container);
            decref(sub);
          }
          break;
        }
        case 26: { // BINARY_SLICE (container, start, stop -- res)
          const stop = stack[--sp]!;
          const start = stack[--sp]!;
          const container = stack[sp - 1]!;
          stack[sp] = stack[sp + 1] = null;
          frame.sp = sp;
          frame.pc = pc;
          const slice = newSlice(start, stop, (incref(PyNone), PyNone));
          let r: PyObject;
          try {
            r = getItem(container, slice);
          } finally {
            decref(slice);
          }
          stack[sp - 1] = r;
          decref(container);
          break;
        }
        case 122: { // BINARY_OP
          const rhs = stack[--sp]!;
          const lhs = stack[sp - 1]!;
          stack[sp] = null;
          frame.sp = sp;
          frame.pc = pc;
          let r: PyObject | null = null;
          if (lhs.type === LongType && rhs.type === LongType) r = fastIntOp(lhs as PyLong, rhs as PyLong, oparg);
          else if (lhs.type === FloatType && rhs.type === FloatType) r = fastFloatOp((lhs as PyFloat).value, (rhs as PyFloat).value, oparg);
          if (r === null) {
            try {
              r = binaryOp(lhs, rhs, oparg);
            } catch (e) {
              decref(rhs);
              throw e;
            }
          }
          stack[sp - 1] = r;
          if (heap.tracing) heap.onDecref(lhs); // decref(lhs), decref(rhs), inlined
          if (--lhs.refcnt === 0) dealloc(lhs);
          if (heap.tracing) heap.onDecref(rhs);
          if (--rhs.refcnt === 0) dealloc(rhs);
          break;
        }
        case 107: { // COMPARE_OP
          const rhs = stack[--sp]!;
          const lhs = stack[sp - 1]!;
          stack[sp] = null;
          frame.sp = sp;
          frame.pc = pc;
          const cmp = oparg >> CMP_FROM_OPARG;
          let r: PyObject;
          if (lhs.type === LongType && rhs.type === LongType && typeof (lhs as PyLong).value === 'number' && typeof (rhs as PyLong).value === 'number') {
            const b = compareNumbers((lhs as PyLong).value as number, (rhs as PyLong).value as number, cmp);
            const next = code[pc << 1];
            if ((next === 114 || next === 115) && obs === null && steps > 0) {
              // COMPARE_OP then POP_JUMP_IF_FALSE/TRUE (what `if a < b:` and
              // `while a < b:` compile to) in one go: the bool, immortal, is
              // never pushed; the operands are released in the same order, and
              // the jump still counts against the step budget. Not while a trace
              // is recorded, which sees every instruction.
              steps--;
              const target = code[(pc << 1) + 1];
              pc++;
              if (b === (next === 115)) pc = target;
              stack[--sp] = null;
              if (heap.tracing) heap.onDecref(lhs);
              if (--lhs.refcnt === 0) dealloc(lhs);
              if (heap.tracing) heap.onDecref(rhs);
              if (--rhs.refcnt === 0) dealloc(rhs);
              break;
            }
            r = newBool(b);
          } else {
            try {
              r = richCompare(lhs, rhs, cmp);
            } catch (e) {
              decref(rhs);
              throw e;
            }
          }
          stack[sp - 1] = r;
          if (heap.tracing) heap.onDecref(lhs); // decref(lhs), decref(rhs), inlined
          if (--lhs.refcnt === 0) dealloc(lhs);
          if (heap.tracing) heap.onDecref(rhs);
          if (--rhs.refcnt === 0) dealloc(rhs);
          break;
        }
        case 117: { // IS_OP
          const rhs = stack[--sp]!;
          const lhs = stack[sp - 1]!;
          stack[sp] = null;
          const b = (lhs === rhs) !== (oparg === 1);
          const r = b ? PyTrue : PyFalse;
          incref(r);
          stack[sp - 1] = r;
          frame.sp = sp;
          frame.pc = pc;
          decref(lhs);
          decref(rhs);
          break;
        }
        case 118: { // CONTAINS_OP
          const rhs = stack[--sp]!;
          const lhs = stack[sp - 1]!;
          stack[sp] = null;
          frame.sp = sp;
          frame.pc = pc;
          let b: boolean;
          try {
            b = contains(rhs, lhs);
          } catch (e) {
            decref(rhs);
            throw e;
          }
          const r = b !== (oparg === 1) ? PyTrue : PyFalse;
          incref(r);
          stack[sp - 1] = r;
          if (heap.tracing) heap.onDecref(lhs); // decref(lhs), decref(rhs), inlined
          if (--lhs.refcnt === 0) dealloc(lhs);
          if (heap.tracing) heap.onDecref(rhs);
          if (--rhs.refcnt === 0) dealloc(rhs);
          break;
        }
        case 11: { // UNARY_NEGATIVE
          const v = stack[sp - 1]!;
          frame.sp = sp;
          frame.pc = pc;
          const r = negative(v);
          stack[sp - 1] = r;
          decref(v);
          break;
        }
        case 12: { // UNARY_NOT
          const v = stack[sp - 1]!;
          frame.sp = sp;
          frame.pc = pc;
          const r = isTrue(v) ? PyFalse : PyTrue;
          incref(r);
          stack[sp - 1] = r;
          decref(v);
          break;
        }
        case 15: { // UNARY_INVERT
          const v = stack[sp - 1]!;
          frame.sp = sp;
          frame.pc = pc;
          const r = invert(v);
          stack[sp - 1] = r;
          decref(v);
          break;
        }
        case 110: // JUMP_FORWARD
        case 134: // JUMP_BACKWARD_NO_INTERRUPT
          pc = oparg;
          break;
        case 140: // JUMP_BACKWARD
          pc = oparg;
          if (gcstate.collectionScheduled) {
            frame.sp = sp;
            frame.pc = pc;
            runScheduledGC();
          }
          if (jit && frame.codeObj.jit !== null) {
            // a compiled frame that left an instruction to the interpreter goes
            // on compiled at its loop's head (and a loop warms its code up)
            switching = true;
            return SWITCH;
          }
          break;
        case 114: { // POP_JUMP_IF_FALSE
          const v = stack[--sp]!;
          stack[sp] = null;
          if (v === PyFalse) pc = oparg;
          else if (v !== PyTrue) {
            frame.sp = sp;
            frame.pc = pc;
            let t: boolean;
            try {
              t = isTrue(v);
            } finally {
              decref(v);
            }
            if (!t) pc = oparg;
            break;
          }
          if (heap.tracing) heap.onDecref(v); // decref(v), inlined
          if (--v.refcnt === 0) dealloc(v);
          break;
        }
        case 115: { // POP_JUMP_IF_TRUE
          const v = stack[--sp]!;
          stack[sp] = null;
          if (v === PyTrue) pc = oparg;
          else if (v !== PyFalse) {
            frame.sp = sp;
            frame.pc = pc;
            let t: boolean;
            try {
              t = isTrue(v);
            } finally {
              decref(v);
            }
            if (t) pc = oparg;
            break;
          }
          if (heap.tracing) heap.onDecref(v); // decref(v), inlined
          if (--v.refcnt === 0) dealloc(v);
          break;
        }
        case 129: { // POP_JUMP_IF_NONE
          const v = stack[--sp]!;
          stack[sp] = null;
          if (v === PyNone) pc = oparg;
          frame.sp = sp;
          frame.pc = pc;
          decref(v);
          break;
        }
        case 128: { // POP_JUMP_IF_NOT_NONE
          const v = stack[--sp]!;
          stack[sp] = null;
          if (v !== PyNone) pc = oparg;
          frame.sp = sp;
          frame.pc = pc;
          decref(v);
          break;
        }
        case 68: { // GET_ITER
          const v = stack[sp - 1]!;
          frame.sp = sp;
          frame.pc = pc;
          const it = getIter(v);
          stack[sp - 1] = it;
          decref(v);
          break;
        }
        case 93: { // FOR_ITER
          const it = stack[sp - 1]!;
          frame.sp = sp;
          frame.pc = pc;
          const next = it.type.tp_iternext!(it);
          if (next === null) {
            // Exhausted: pop the iterator and skip the END_FOR at the target.
            stack[--sp] = null;
            decref(it);
            pc = oparg + 1;
          } else {
            stack[sp++] = next;
          }
          break;
        }
        case 102: { // BUILD_TUPLE
          const items = stack.slice(sp - oparg, sp) as PyObject[];
          for (let i = sp - oparg; i < sp; i++) stack[i] = null;
          sp -= oparg;
          frame.sp = sp;
          frame.pc = pc;
          stack[sp++] = newTuple(items);
          break;
        }
        case 103: { // BUILD_LIST
          const items = stack.slice(sp - oparg, sp) as PyObject[];
          for (let i = sp - oparg; i < sp; i++) stack[i] = null;
          sp -= oparg;
          frame.sp = sp;
          frame.pc = pc;
          stack[sp++] = newList(items);
          break;
        }
        case 105: { // BUILD_MAP
          frame.sp = sp;
          frame.pc = pc;
          const d = newDictPresized(oparg);
          let err: unknown = null;
          const base = sp - 2 * oparg;
          for (let i = 0; i < oparg; i++) {
            const k = stack[base + 2 * i]!, v = stack[base + 2 * i + 1]!;
            if (err === null) {
              try {
                dictSetItem(d, k, v);
              } catch (e) {
                err = e;
              }
            }
          }
          for (let i = base; i < sp; i++) {
            const v = stack[i]!;
            stack[i] = null;
            decref(v);
          }
          sp = base;
          if (err !== null) {
            decref(d);
            throw err;
          }
          stack[sp++] = d;
          break;
        }
        case 156: { // BUILD_CONST_KEY_MAP
          const keys = stack[--sp] as PyTuple;
          stack[sp] = null;
          frame.sp = sp;
          frame.pc = pc;
          const d = newDictPresized(oparg);
          const base = sp - oparg;
          let err: unknown = null;
          for (let i = 0; i < oparg; i++) {
            if (err === null) {
              try {
                dictSetItem(d, keys.items[i], stack[base + i]!);
              } catch (e) {
                err = e;
              }
            }
          }
          for (let i = base; i < sp; i++) {
            const v = stack[i]!;
            stack[i] = null;
            decref(v);
          }
          sp = base;
          decref(keys);
          if (err !== null) {
            decref(d);
            throw err;
          }
          stack[sp++] = d;
          break;
        }
        case 157: { // BUILD_STRING
          let s = '';
          for (let i = sp - oparg; i < sp; i++) s += (stack[i] as PyStr).value;
          frame.sp = sp;
          frame.pc = pc;
          for (let i = sp - oparg; i < sp; i++) {
            const v = stack[i]!;
            stack[i] = null;
            decref(v);
          }
          sp -= oparg;
          stack[sp++] = newStr(s);
          break;
        }
        case 155: { // FORMAT_VALUE
          const spec = (oparg & 4) !== 0 ? stack[--sp] : null;
          if (spec !== null) stack[sp] = null;
          const v = stack[sp - 1]!;
          frame.sp = sp;
          frame.pc = pc;
          stack[sp - 1] = formatValueOp(v, oparg & 3, spec);
          decref(v);
          break;
        }
        case 145: { // LIST_APPEND
          const v = stack[--sp]!;
          stack[sp] = null;
          frame.sp = sp;
          frame.pc = pc;
          listAppendSteal(stack[sp - oparg] as PyList, v);
          break;
        }
        case 147: { // MAP_ADD (key, value --), dict at PEEK(oparg + 2)
          const v = stack[--sp]!;
          const k = stack[--sp]!;
          stack[sp] = stack[sp + 1] = null;
          frame.sp = sp;
          frame.pc = pc;
          try {
            dictSetItem(stack[sp - oparg] as PyDict, k, v);
          } finally {
            decref(k);
            decref(v);
          }
          break;
        }
        case 162: { // LIST_EXTEND
          const iterable = stack[--sp]!;
          stack[sp] = null;
          frame.sp = sp;
          frame.pc = pc;
          const list = stack[sp - oparg] as PyList;
          try {
            listExtendChecked(list, iterable);
          } finally {
            decref(iterable);
          }
          break;
        }
        case 92: { // UNPACK_SEQUENCE
          const seq = stack[--sp]!;
          stack[sp] = null;
          frame.sp = sp;
          frame.pc = pc;
          let items: PyObject[];
          if ((seq.type === TupleType || seq.type === ListType) && (seq as PyTuple).items.length === oparg) {
            items = (seq as PyTuple).items;
            for (let i = oparg - 1; i >= 0; i--) {
              incref(items[i]);
              stack[sp++] = items[i];
            }
            decref(seq);
            break;
          }
          try {
            items = unpackIterable(seq, oparg, -1);
          } finally {
            decref(seq);
          }
          for (let i = oparg - 1; i >= 0; i--) stack[sp++] = items[i];
          break;
        }
        case 172: // KW_NAMES
          frame.kwnames = kwNamesOf(consts[oparg]);
          break;
        case 171: { // CALL
          let argc = oparg;
          const kwnames = frame.kwnames;
          frame.kwnames = null;
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
              frame.sp = sp;
              frame.pc = pc;
              decref(callable);
              callable = fn;
              argStart = base + 1;
              argc++;
            }
          }
          if (callable.type === FunctionType && FunctionType.tp_call === functionCall) {
            // Inline call: the new frame takes the arguments and the function reference.
            const func = callable as PyFunction;
            const co = func.codeObj.code;
            const depth = tstate.depth + 1;
            if (takesExactPositional(co, argc, kwnames) && depth <= tstate.recursionLimit) {
              // CALL_PY_EXACT_ARGS: exactly the positional parameters, so the
              // arguments move straight into the new frame's first locals (no
              // binding to do, nothing that can raise before the frame runs).
              const f = acquireFrame(func.codeObj, func, func.globals as PyDict, func.builtins as PyDict);
              const fl = f.localsplus;
              for (let i = 0; i < argc; i++) {
                fl[i] = stack[argStart + i];
                stack[argStart + i] = null;
              }
              stack[base] = null;
              stack[base + 1] = null;
              sp = base;
              frame.sp = sp;
              frame.pc = pc;
              // enterFrame, without the recursion check made above
              tstate.depth = depth;
              f.depth = depth;
              f.previous = frame;
              tstate.frame = f;
              f.state = FrameState.Executing;
              frame = f;
              if (obs !== null) obs.call(frame);
              code = co.code;
              stack = f.stack;
              locals = fl;
              consts = f.consts;
              names = co.co_names;
              sp = 0;
              pc = 0;
              positions = co.positions;
              if (jit && func.codeObj.jit !== null) {
                switching = true;
                return SWITCH;
              }
              break;
            }
          }
          frame.sp = sp;
          frame.pc = pc;
          let f: Frame | null;
          try {
            f = callGeneral(frame, callable, base, argStart, argc, kwnames, steps);
          } catch (e) {
            sp = frame.sp; // it dropped the call's stack entries
            throw e;
          }
          if (f !== null) {
            frame = f;
            if (obs !== null) obs.call(frame);
            code = frame.code.code;
            stack = frame.stack;
            locals = frame.localsplus;
            consts = frame.consts;
            names = frame.code.co_names;
            sp = frame.sp;
            pc = frame.pc;
            positions = frame.code.positions;
            if (jit && frame.codeObj.jit !== null) {
              switching = true;
              return SWITCH;
            }
            break;
          }
          sp = frame.sp;
          steps = tierOut.steps;
          if (jit && frame.codeObj.jit) {
            // a compiled frame that left this call to the interpreter goes on compiled
            switching = true;
            return SWITCH;
          }
          break;
        }
        case 132: { // MAKE_FUNCTION
          const codeObj = stack[--sp] as PyCode;
          stack[sp] = null;
          const closure = (oparg & 8) !== 0 ? stack[--sp] : null;
          const annotations = (oparg & 4) !== 0 ? stack[--sp] : null;
          const kwdefaults = (oparg & 2) !== 0 ? stack[--sp] : null;
          const defaults = (oparg & 1) !== 0 ? stack[--sp] : null;
          for (let i = sp; i < sp + 5; i++) stack[i] = null;
          frame.sp = sp;
          frame.pc = pc;
          stack[sp++] = makeFunction(frame, codeObj, closure, annotations, kwdefaults, defaults);
          break;
        }
        case 74: { // LOAD_ASSERTION_ERROR
          incref(Exc.AssertionError);
          stack[sp++] = Exc.AssertionError;
          break;
        }
        case 130: { // RAISE_VARARGS
          const cause = oparg === 2 ? stack[--sp] : null;
          const exc = oparg >= 1 ? stack[--sp] : null;
          stack[sp] = null;
          if (oparg === 2) stack[sp + 1] = null;
          frame.sp = sp;
          frame.pc = pc;
          doRaise(exc, cause);
          break;
        }
        case 119: { // RERAISE
          const exc = stack[--sp] as PyBaseException;
          stack[sp] = null;
          // With oparg, CPython restores f_lasti from the stack for line numbers only:
          // the handler is still looked up from this RERAISE (see exception_unwind).
          frame.sp = sp;
          frame.pc = pc;
          throw new Reraise(exc);
        }
        case 35: { // PUSH_EXC_INFO (new_exc -- prev_exc, new_exc)
          const exc = stack[sp - 1]!;
          // The previously handled exception's reference moves to the stack.
          const prev = tstate.excInfo ?? PyNone;
          stack[sp - 1] = prev;
          stack[sp++] = exc;
          incref(exc);
          tstate.excInfo = exc;
          break;
        }
        case 89: { // POP_EXCEPT
          const prev = stack[--sp]!;
          stack[sp] = null;
          const cur = tstate.excInfo;
          tstate.excInfo = prev === PyNone ? null : prev;
          frame.sp = sp;
          frame.pc = pc;
          xdecref(cur);
          break;
        }
        case 36: { // CHECK_EXC_MATCH (left, right -- left, b)
          const right = stack[--sp]!;
          stack[sp] = null;
          const left = stack[sp - 1]!;
          frame.sp = sp;
          frame.pc = pc;
          try {
            checkExceptType(right);
            const r = exceptionMatches(left, right) ? PyTrue : PyFalse;
            incref(r);
            stack[sp++] = r;
          } finally {
            decref(right);
          }
          break;
        }
        case 75: { // RETURN_GENERATOR
          frame.sp = sp;
          frame.pc = pc;
          const gen = newGenerator(frame);
          frame.state = FrameState.Created;
          // The generator's frame is suspended before its first instruction;
          // the caller gets the generator.
          const finished = frame;
          leaveFrame(finished);
          if (obs !== null) obs.ret(finished);
          if (finished === entry || finished.entry) {
            finished.entry = false;
            finished.previous = null;
            return gen;
          }
          frame = finished.previous!;
          finished.previous = null;
          code = frame.code.code;
          stack = frame.stack;
          locals = frame.localsplus;
          consts = frame.consts;
          names = frame.code.co_names;
          sp = frame.sp;
          pc = frame.pc;
          positions = frame.code.positions;
          stack[sp++] = gen;
          if (jit && frame.codeObj.jit !== null) {
            switching = true;
            return SWITCH;
          }
          break;
        }
        case 150: { // YIELD_VALUE
          const v = stack[--sp]!;
          stack[sp] = null;
          frame.sp = sp;
          frame.pc = pc;
          frame.state = FrameState.Suspended;
          leaveFrame(frame);
          if (obs !== null) obs.ret(frame);
          frame.previous = null;
          return v;
        }
        case 173: { // CALL_INTRINSIC_1
          const v = stack[sp - 1]!;
          frame.sp = sp;
          frame.pc = pc;
          const r = intrinsic1(oparg, v, frame);
          stack[sp - 1] = r;
          decref(v);
          break;
        }
        case 174: { // CALL_INTRINSIC_2
          frame.sp = sp;
          frame.pc = pc;
          unsupported('CALL_INTRINSIC_2 (except* / type parameters)');
          break;
        }
        case 30: { // GET_LEN
          const v = stack[sp - 1]!;
          frame.sp = sp;
          frame.pc = pc;
          stack[sp++] = newInt(length(v));
          break;
        }
        case 108: { // IMPORT_NAME (level, fromlist -- module)
          const fromlist = stack[--sp]!;
          const level = stack[--sp]!;
          stack[sp] = stack[sp + 1] = null;
          frame.sp = sp;
          frame.pc = pc;
          try {
            stack[sp++] = importName(names[oparg], fromlist, level, frame);
          } finally {
            decref(fromlist);
            decref(level);
          }
          break;
        }
        case 109: { // IMPORT_FROM
          const mod = stack[sp - 1]!;
          frame.sp = sp;
          frame.pc = pc;
          stack[sp++] = importFrom(mod, names[oparg]);
          break;
        }
        case 83: // RETURN_VALUE
        case 121: { // RETURN_CONST
          let retval: PyObject;
          if (op === 83) {
            retval = stack[--sp]!;
            stack[sp] = null;
          } else {
            retval = consts[oparg];
            incref(retval);
          }
          frame.sp = sp;
          frame.pc = pc;
          const finished = frame;
          if (obs !== null) obs.ret(finished);
          // Read what we need before clearing: clearing may run __del__, which may reuse the frame.
          const prev = finished.previous;
          const wasEntry = finished === entry || finished.entry;
          const initArgc = finished.initArgc, initKw = finished.initKw, initFunc = finished.func;
          finished.state = FrameState.Completed;
          leaveFrame(finished);
          clearFrame(finished);
          if (wasEntry) return retval;
          frame = prev!;
          code = frame.code.code;
          stack = frame.stack;
          locals = frame.localsplus;
          consts = frame.consts;
          names = frame.code.co_names;
          sp = frame.sp;
          pc = frame.pc;
          positions = frame.code.positions;
          if (initArgc >= 0) {
            // an inline __init__ (see CALL): the instance is already on the caller's stack
            try {
              finishInitCall(frame, initArgc, initKw, initFunc!, retval);
            } finally {
              sp = frame.sp;
            }
          } else {
            stack[sp++] = retval;
          }
          if (jit && frame.codeObj.jit !== null) {
            switching = true;
            return SWITCH;
          }
          break;
        }
        default: {
          // an instruction most programs never run: its code is in an on-demand part
          const run = rareOps[op];
          frame.sp = sp;
          frame.pc = pc;
          if (run === undefined) unsupported(`the ${opName(op)} instruction`);
          let pushed: Frame | void;
          try {
            pushed = run(frame, oparg);
          } finally {
            sp = frame.sp;
            pc = frame.pc;
          }
          if (pushed !== undefined) {
            // it pushed a Python frame (CALL_FUNCTION_EX): runLoop goes on with it
            if (obs !== null) obs.call(pushed);
            switching = true;
            return SWITCH;
          }
        }
      }
    }
  } finally {
    frame.sp = sp;
    frame.pc = pc;
    if (switching) tierOut.steps = steps;
    else tstate.stepsLeft = steps;
  }
}

function opName(op: number): string {
  return `opcode ${op}`;
}

function chainContains(start: PyBaseException, target: PyObject): boolean {
  let o: PyBaseException | null = start;
  let n = 0;
  while (o !== null && n++ < 1000) {
    if (o === target) return true;
    o = o.context as PyBaseException | null;
  }
  return false;
}

// ---------------------------------------------------------------- helpers

export function functionCall(callable: PyObject, args: PyObject[], kwnames: string[] | null): PyObject {
  return callPythonFunction(callable as PyFunction, args, kwnames);
}

export function unboundDeref(frame: Frame, oparg: number): never {
  const name = frame.code.co_localsplusnames[oparg];
  if (frame.code.co_localspluskinds[oparg] & CO_FAST_FREE) {
    raise(Exc.NameError, `cannot access free variable '${name}' where it is not associated with a value in enclosing scope`);
  }
  raise(Exc.UnboundLocalError, `cannot access local variable '${name}' where it is not associated with a value`);
}
void CO_FAST_CELL;

/**
 * LOAD_NAME: the locals, then the globals, then the builtins. The entry the
 * name was last found in among the locals is cached per instruction, as
 * LOAD_GLOBAL's is, and checked the same way; a module's code, where the
 * locals are the globals, looks there only once.
 */
export function loadName(frame: Frame, name: string, pc: number): PyObject {
  const l = frame.locals;
  if (l !== null && l.type === DictType) {
    const d = l as PyDict;
    const ix = cachedNameIndex(frame, d, name, pc);
    if (ix >= 0) {
      const v = d.evalues[ix]!;
      incref(v);
      return v;
    }
    const v = d.nonStr === 0 ? null : dictGetItemStr(d, name);
    if (v !== null) {
      incref(v);
      return v;
    }
    if (d === frame.globals) {
      const b = dictGetItemStr(frame.builtins, name);
      if (b === null) raiseNameError(name);
      incref(b);
      return b;
    }
  }
  return loadGlobal(frame, name);
}

/**
 * The entry of exact-str key `name` in `d` (-1: none), found through the
 * instruction's cache entry when that entry still holds the name (an exact
 * str key is the only key equal to it), and remembered there otherwise.
 * LOAD_GLOBAL (here and in jit/compile.ts) spells the same check out inline:
 * calling this from compiled code measured b3_fib +3.8% instructions.
 */
function cachedNameIndex(frame: Frame, d: PyDict, name: string, pc: number): number {
  const cache = frame.codeObj.globalIndex ?? newGlobalIndex(frame.codeObj);
  const ix = cache[pc];
  if (ix >= 0 && ix < d.ekeys.length) {
    const k = d.ekeys[ix];
    if (k !== null && k.type === StrType && (k as PyStr).value === name) return ix;
  }
  return (cache[pc] = dictIndexOfStr(d, name));
}

/**
 * STORE_NAME (`v` moves from the stack): with the same per-instruction
 * cache as LOAD_NAME, an existing name's value is replaced without a lookup,
 * with the references counted as dictSetItemStr counts them.
 */
export function storeName(frame: Frame, name: string, v: PyObject, pc: number): void {
  const l = frame.locals;
  if (l === null) {
    decref(v);
    noLocalsToStore(name);
  }
  try {
    const d = l as PyDict;
    if (l.type === DictType) {
      const ix = cachedNameIndex(frame, d, name, pc);
      if (ix >= 0) {
        dictReplaceValueAt(d, ix, v);
        return;
      }
    }
    dictSetItemStr(d, name, v);
  } finally {
    decref(v);
  }
}

export function newGlobalIndex(codeObj: PyCode): Int32Array {
  const c = new Int32Array(codeObj.code.code.length >> 1).fill(-1);
  codeObj.globalIndex = c;
  return c;
}

export function loadGlobal(frame: Frame, name: string): PyObject {
  let v = dictGetItemStr(frame.globals, name);
  if (v === null) v = dictGetItemStr(frame.builtins, name);
  if (v === null) raiseNameError(name);
  incref(v);
  return v;
}



function listExtendChecked(list: PyList, iterable: PyObject): void {
  if (iterable.type.tp_iter === null && iterable.type.mp_subscript === null) {
    raise(Exc.TypeError, `Value after * must be an iterable, not ${iterable.type.name}`);
  }
  listExtend(list, iterable);
}

/** Collects exactly `before` (+ a starred list + `after`, when after >= 0) items, as new references. */
export function unpackIterable(seq: PyObject, before: number, after: number): PyObject[] {
  if (seq.type.tp_iter === null && seq.type.mp_subscript === null) {
    raise(Exc.TypeError, `cannot unpack non-iterable ${seq.type.name} object`);
  }
  const items = iterableToArray(seq);
  if (after < 0) {
    if (items.length === before) return items;
    for (const x of items) decref(x);
    if (items.length < before) {
      raise(Exc.ValueError, `not enough values to unpack (expected ${before}, got ${items.length})`);
    }
    raise(Exc.ValueError, `too many values to unpack (expected ${before})`);
  }
  if (items.length < before + after) {
    for (const x of items) decref(x);
    raise(Exc.ValueError, `not enough values to unpack (expected at least ${before + after}, got ${items.length})`);
  }
  const starred = newList(items.slice(before, items.length - after));
  return [...items.slice(0, before), starred, ...items.slice(items.length - after)];
}


// the except clause's type check: with the parser's and compiler's code for
// try and with statements, an on-demand part (eval/handlers.ts)
export const checkExceptType = deferred<(right: PyObject) => void>(parts.trywith, 'checkExceptType');
// raise statements (and assert's): an on-demand part (eval/raise.ts)
const doRaise = deferred<(exc: PyObject | null, cause: PyObject | null) => never>(parts.raise, 'doRaise');
// the end of a bound method's inline CALL_FUNCTION_EX (see finishInitCall): with the instruction (eval/unpacking.ts)
const finishMethodCallEx = deferred<(caller: Frame, kind: number, retval: PyObject | null) => void>(
  parts.unpacking, 'finishMethodCallEx',
);

/**
 * An instruction run outside the loop: it takes the frame (with the loop's
 * sp and pc saved in it) and leaves its stack pointer, and for a jump its pc,
 * in the frame too. One that calls a Python function inline (CALL_FUNCTION_EX)
 * returns the frame it pushed and entered, which the loop runs next.
 */
export type RareOp = (f: Frame, oparg: number) => Frame | void;

/**
 * The instructions most programs never run, each with its code in the
 * on-demand part that the program text that compiles to it loads (its key
 * there is the instruction's name): the loop's `default` runs them.
 */
const rareOps: (RareOp | undefined)[] = [];
for (const [part, ops] of [
  [parts.trywith, { 53: 'BEFORE_WITH', 49: 'WITH_EXCEPT_START' }], // eval/handlers.ts
  [parts.classes, { // eval/classbody.ts
    141: 'LOAD_SUPER_ATTR', 87: 'LOAD_LOCALS', 176: 'LOAD_FROM_DICT_OR_DEREF', 175: 'LOAD_FROM_DICT_OR_GLOBALS',
    71: 'LOAD_BUILD_CLASS',
  }],
  [parts.sets, { 104: 'BUILD_SET', 146: 'SET_ADD', 163: 'SET_UPDATE' }], // eval/setdisplays.ts
  [parts.unpacking, { 142: 'CALL_FUNCTION_EX', 164: 'DICT_MERGE', 165: 'DICT_UPDATE', 94: 'UNPACK_EX' }], // eval/unpacking.ts
  [parts.del, { // eval/deletion.ts
    126: 'DELETE_FAST', 139: 'DELETE_DEREF', 91: 'DELETE_NAME', 98: 'DELETE_GLOBAL', 96: 'DELETE_ATTR', 61: 'DELETE_SUBSCR',
  }],
  [parts.handlers, { 123: 'SEND', 55: 'CLEANUP_THROW', 69: 'GET_YIELD_FROM_ITER' }], // eval/yieldfrom.ts
  [parts.slices, { 27: 'STORE_SLICE', 133: 'BUILD_SLICE' }], // eval/slicing.ts
  [parts.annotations, { 85: 'SETUP_ANNOTATIONS' }], // eval/annotations.ts
] as const) {
  for (const [op, name] of Object.entries(ops)) rareOps[+op] = deferred<RareOp>(part, name);
}

/** PyErr_GivenExceptionMatches */
export function exceptionMatches(exc: PyObject, spec: PyObject): boolean {
  if (spec instanceof PyTuple) return spec.items.some((t) => exceptionMatches(exc, t));
  return spec instanceof PyTypeObject && isSubtype(exc.type, spec);
}





function intrinsic1(which: number, v: PyObject, frame: Frame): PyObject {
  switch (which) {
    case 2: // INTRINSIC_IMPORT_STAR
      importStar(v, frame);
      incref(PyNone);
      return PyNone;
    case 3: { // INTRINSIC_STOPITERATION_ERROR
      const exc = v as PyBaseException;
      if (isSubtype(exc.type, Exc.StopIteration)) {
        const err = newException(Exc.RuntimeError, 'generator raised StopIteration');
        incref(exc);
        err.cause = exc;
        incref(exc);
        err.context = exc;
        return err;
      }
      incref(v);
      return v;
    }
    case 5: // INTRINSIC_UNARY_POSITIVE
      return positive(v);
    case 6: // INTRINSIC_LIST_TO_TUPLE
      return newTuple((v as PyList).items.map((x) => (incref(x), x)));
    default:
      return unsupported(`intrinsic function ${which}`);
  }
}

function asciiRepr(v: PyObject): PyObject {
  const r = repr(v);
  const s = r.value;
  decref(r);
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 128) out += ch;
    else if (cp < 0x100) out += '\\x' + cp.toString(16).padStart(2, '0');
    else if (cp < 0x10000) out += '\\u' + cp.toString(16).padStart(4, '0');
    else out += '\\U' + cp.toString(16).padStart(8, '0');
  }
  return newStr(out);
}

// ---------------------------------------------------------------- fast paths

const TWO53 = 9007199254740992;

/** int (op) int for small values without going through the slot machinery. */
export function fastIntOp(a: PyLong, b: PyLong, nb: number): PyObject | null {
  const x = a.value, y = b.value;
  if (typeof x !== 'number' || typeof y !== 'number') return null;
  let r: number;
  switch (nb) {
    case 0: case 13: r = x + y; break; // + +=
    case 10: case 23: r = x - y; break; // - -=
    case 5: case 18: r = x * y; break; // * *=
    case 2: case 15: // // //=
      if (y === 0) return null;
      r = Math.floor(x / y);
      if (Math.abs(x) >= TWO53 || Math.abs(y) >= TWO53) return null;
      break;
    case 6: case 19: // % %=
      if (y === 0) return null;
      r = x % y;
      if (r !== 0 && (r < 0) !== (y < 0)) r += y;
      break;
    case 1: case 14: if (x < 0 || y < 0 || x > 0x7fffffff || y > 0x7fffffff) return null; r = x & y; break;
    case 7: case 20: if (x < 0 || y < 0 || x > 0x7fffffff || y > 0x7fffffff) return null; r = x | y; break;
    case 12: case 25: if (x < 0 || y < 0 || x > 0x7fffffff || y > 0x7fffffff) return null; r = x ^ y; break;
    default:
      return null;
  }
  if (r > -TWO53 && r < TWO53) return newInt(r === 0 ? 0 : r);
  return null;
}

export function fastFloatOp(x: number, y: number, nb: number): PyObject | null {
  switch (nb) {
    case 0: case 13: return newFloat(x + y);
    case 10: case 23: return newFloat(x - y);
    case 5: case 18: return newFloat(x * y);
    case 11: case 24: return y === 0 ? null : newFloat(x / y);
    default: return null;
  }
}

export function compareNumbers(x: number, y: number, op: number): boolean {
  switch (op) {
    case 0: return x < y;
    case 1: return x <= y;
    case 2: return x === y;
    case 3: return x !== y;
    case 4: return x > y;
    default: return x >= y;
  }
}

export { CO_GENERATOR, CO_COROUTINE, CO_ASYNC_GENERATOR, PyRaise, newDict, xdecref };
