/**
 * Interpreter frames: one per running call, holding its local variables
 * ("fast locals", cells and free variables) and its value stack.
 * CPython counterpart: Include/internal/pycore_frame.h (_PyInterpreterFrame),
 * Python/frame.c.
 *
 * Like CPython 3.11+, an interpreter frame is not a Python object. A frame
 * object (`frameobject.ts`) is made only when Python code needs one — a
 * traceback, sys._getframe — and if it outlives the call it takes ownership
 * of the frame's locals, which is why a traceback keeps a function's local
 * objects alive.
 */

import { keepShape } from '../memory/shapekeeper.js';
import type { PyObject } from '../objects/object.js';
import type { CodeObject } from '../bytecode/code.js';
import type { PyCode } from '../objects/codeobject.js';
import type { PyFunction } from '../objects/funcobject.js';
import type { PyDict } from '../objects/dictobject.js';

/** Where a frame is in its life (_PyFrameState). */
export const enum FrameState {
  Created = 0,
  Suspended = 1,
  Executing = 2,
  Completed = 3,
  Cleared = 4,
}

export class Frame {
  readonly code: CodeObject;
  /** runtime constants (borrowed from the code object's co_consts tuple) */
  readonly consts: PyObject[];
  /** localsplus: locals, then cells, then free variables; null = unbound */
  readonly localsplus: (PyObject | null)[];
  /** the value stack; `null` entries are the NULLs PUSH_NULL pushes */
  readonly stack: (PyObject | null)[];
  sp = 0;
  /** index of the next instruction to run */
  pc = 0;
  /**
   * f_lasti: the instruction running now (or, for a suspended or calling
   * frame, the one it stopped at) — always the one before `pc`, which the
   * loop saves before anything that can look at the frame.
   */
  get lasti(): number {
    return this.pc - 1;
  }
  previous: Frame | null = null;
  /** the eval loop that started this frame returns when it returns (a call from JS) */
  entry = false;
  state: FrameState = FrameState.Created;
  /** the frame object made for this frame, if any (f_frame_obj) */
  frameObject: PyObject | null = null;
  /** the generator that owns this frame, if any */
  generator: PyObject | null = null;
  /** names for the next CALL (set by KW_NAMES) */
  kwnames: string[] | null = null;
  /** line of the last line event emitted for this frame (tracing) */
  traceLine = -1;
  /** id of this frame in the trace */
  traceId = 0;
  /** the trace recorder's record of this frame (recorder.ts FrameRec), reused along with the frame */
  traceRec: object | null = null;
  /** how many Python frames are below this one, this one included (for RecursionError) */
  depth = 0;

  /**
   * For a frame the evaluation loop runs inline where CPython 3.12 calls
   * through C, whose caller's stack keeps what that C path holds until the
   * frame ends (finishInitCall in ceval.ts): for an `__init__` of a class
   * call (see CALL in ceval.ts), the number of arguments the class was called
   * with; for a bound method called by CALL_FUNCTION_EX (eval/unpacking.ts),
   * 0 without a keyword dict, 1 with an empty one, 2 with keywords. -1 for
   * every other frame.
   */
  initArgc = -1;
  /** …and how many of the `__init__` arguments were passed by keyword; -1 for the bound method */
  initKw = 0;
  /** …and the units of CPython's C recursion limit that C path holds (objects/abstract.ts enterCUnits) */
  cUnits = 0;
  /** true while the frame may go back to its code object's pool when it finishes */
  poolable = false;
  /** the next frame in its code object's free list (PyCode.freeFrames) */
  nextFree: Frame | null = null;

  constructor(
    readonly codeObj: PyCode,
    public func: PyFunction | null,
    public globals: PyDict,
    public builtins: PyDict,
    /** f_locals for module and class bodies (LOAD_NAME/STORE_NAME); null in functions */
    public locals: PyDict | null,
  ) {
    const code = codeObj.code;
    this.code = code;
    this.consts = codeObj.consts;
    const n = code.co_localsplusnames.length;
    this.localsplus = nulls(n);
    this.stack = nulls(code.co_stacksize + 1);
  }

  /** The line of the instruction at `index` (or -1). */
  lineAt(index: number): number {
    const p = this.code.positions;
    return index >= 0 && index * 4 < p.length ? p[index * 4] : -1;
  }

  /** f_lineno */
  currentLine(): number {
    const i = this.lasti >= 0 ? this.lasti : this.pc;
    let line = this.lineAt(i);
    // Artificial instructions (RESUME, cleanup code) have no line: look back.
    for (let j = i - 1; line < 0 && j >= 0; j--) line = this.lineAt(j);
    return line < 0 ? this.code.co_firstlineno : line;
  }
}

/**
 * An array of n nulls that is always PACKED_ELEMENTS, whatever n is.
 * `new Array(n).fill(null)` is holey, and for n = 0 (a module's locals) it
 * keeps the empty array's SMI kind: frames then come in several element
 * kinds, and every new kind met deoptimizes the evaluation loop.
 */
function nulls(n: number): (PyObject | null)[] {
  const a: (PyObject | null)[] = [null];
  for (let i = 1; i < n; i++) a.push(null);
  if (n === 0) a.pop(); // an element kind never reverts: still PACKED_ELEMENTS
  return a;
}

/**
 * Frames are made for every call, so finished ones are kept per code object
 * and reused (CPython likewise reuses its frame stack's memory). A frame is
 * reused only if nothing outside the interpreter could still see it: no
 * frame object and no generator ever referred to it.
 */
export function acquireFrame(codeObj: PyCode, func: PyFunction, globals: PyDict, builtins: PyDict): Frame {
  // A linked list rather than an array: an array that keeps emptying and
  // refilling (recursion going down and up) has V8 shrink and regrow its store.
  const f = codeObj.freeFrames;
  if (f === null) {
    const nf = new Frame(codeObj, func, globals, builtins, null);
    nf.poolable = true;
    keepShape(nf);
    return nf;
  }
  codeObj.freeFrames = f.nextFree;
  codeObj.freeFrameCount--;
  f.nextFree = null;
  f.func = func;
  f.globals = globals;
  f.builtins = builtins;
  f.locals = null;
  f.sp = 0;
  f.pc = 0;
  f.previous = null;
  f.entry = false;
  f.state = FrameState.Created;
  f.kwnames = null;
  f.traceLine = -1;
  f.traceId = 0;
  f.depth = 0;
  f.initArgc = -1;
  return f;
}

/** Returns a cleared frame to its pool if nothing else can still see it. */
export function releaseFrame(f: Frame): void {
  if (f.poolable && f.frameObject === null && f.generator === null) {
    const codeObj = f.codeObj;
    if (codeObj.freeFrameCount < 64) {
      f.nextFree = codeObj.freeFrames;
      codeObj.freeFrames = f;
      codeObj.freeFrameCount++;
    }
  }
}
