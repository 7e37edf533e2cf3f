/**
 * Starting the interpreter, running a program as `python3 FILE.py` does, and
 * shutting down. CPython counterpart: Python/pylifecycle.c (Py_Initialize,
 * Py_FinalizeEx, finalize_modules) and Python/pythonrun.c
 * (_PyRun_SimpleFileObject, PyErr_Print).
 */

import { PyObject, decref, incref } from './objects/object.js';
import { allBuiltinTypes, PyTypeObject, TypeType } from './objects/typeobject.js';
import { readyType } from './objects/typeready.js';
import { resetHeap, heap, HeapCapExceeded, setMemoryErrorHook } from './memory/heap.js';
import { resetGC, gcstate, gcAlloc, gcTrack } from './gc/gcobject.js';
import { setProfile, profiles, profile } from './profiles/index.js';
import { resetThreadState, tstate, StepBudgetExceeded } from './eval/pystate.js';
import { Unsupported, isPyRaise, raise } from './eval/errors.js';
import { Exc, PyBaseException, setExceptionHooks } from './objects/exceptions.js';
import { Frame, FrameState } from './eval/frame.js';
import { runFrame, functionCall, setScheduledGC, setExecObserver, resetNestedEvals, type ExecObserver } from './eval/ceval.js';
import { FunctionType, setFuncobjectHooks } from './objects/funcobject.js';
import { ConstantPool } from './objects/codeobject.js';
import { newInt, setSubtypeAlloc, PyLong } from './objects/longobject.js';
import { newBool } from './objects/boolobject.js';
import { newStr, internStr, resetInterned, setStrSubtypeAlloc, PyStr } from './objects/unicodeobject.js';
import { setBytesSubtypeAlloc } from './objects/bytesobject.js';
import { resetFloatFreeList } from './objects/floatobject.js';
// evaluated here, as when the exception hooks used it (module order fixes the builtin types' ids)
import './objects/listobject.js';
import { newDict, dictSetItemStr, dictGetItemStr, dictDelItemStr, dictItems, PyDict } from './objects/dictobject.js';
import { PyNone, setSingletonStr, setSingletonTypeError } from './objects/singletons.js';
import { str, repr, contains, resetReprStack, call } from './objects/abstract.js';
import { setInternName, setIntHooks, setWriteUnraisable, setContainsByIteration } from './objects/typeslots.js';
import { setTypenewHooks, setGlobalsModuleName } from './objects/typenew.js';
import { setGenBool, setGenUnraisable, setGenWeakrefHook } from './objects/genobject.js';
import { clearWeakrefs, resetWeakContainers } from './objects/weakrefobject.js';
import { formatException, formatUnraisable, sourceFiles, exceptionLine } from './objects/traceback.js';
import { collect, runScheduledCollection, setUnraisableHook, hooks as gcHooks } from './gc/gc.js';
// the collector's hooks into the gc module's state (the module itself loads on demand)
import './gc/gcmodulestate.js';
import { createModule, setSysModules } from './modules/importer.js';
import { builtinsDef } from './modules/bltinmodule.js';
import { sysDef, output, resetOutput, writeStderr } from './modules/sysmodule.js';
import { registerStdlib } from './modules/stdlib.js';
import { parse, formatSyntaxError } from './parse/index.js';
import { compile } from './compile/index.js';
import { PyModule } from './objects/moduleobject.js';
import { parseWarningsText, syntaxWarningsText } from './ondemand.js';
import type { Hash } from './objects/hash.js';
import { PyTuple } from './objects/tupleobject.js';

export interface RunOptions {
  python?: '3.11' | '3.12' | '3.13';
  filename?: string;
  stepBudget?: number;
  heapCap?: number;
  /** receives line/call/return events (the trace recorder) */
  observer?: ExecObserver | null;
  /** called once the interpreter is up, before the program runs (the trace recorder attaches here) */
  onStart?: () => void;
  /** called when the program has finished (traceback printed), before shutdown (the trace recorder stops here) */
  onEnd?: () => void;
}

export interface RunResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

let initialized = false;

/** One-time start-up: ready every builtin type and connect the modules to each other. */
function initialize(): void {
  if (initialized) return;
  initialized = true;
  FunctionType.tp_call = functionCall;
  setSingletonStr((s) => newStr(s));
  setSingletonTypeError((m) => raise(Exc.TypeError, m));
  setFuncobjectHooks((o) => { const r = repr(o); const v = r.value; decref(r); return v; }, (f, a, k) => call(f, a, k));
  setInternName((s) => internStr(s));
  setIntHooks((n) => newInt(n), (h: Hash) => newInt(h));
  setTypenewHooks((n) => newInt(n), (o) => str(o));
  setContainsByIteration((o, item) => contains(o, item));
  setExceptionHooks({ dict: newDict });
  setGenBool(newBool);
  setGenUnraisable((e, o) => writeUnraisable(e, o));
  setGenWeakrefHook(clearWeakrefs);
  setWriteUnraisable((e, o) => writeUnraisable(e, o));
  setUnraisableHook((e, o, msg) => writeUnraisable(e, o, msg));
  setMemoryErrorHook(() => raise(Exc.MemoryError));
  setScheduledGC(runScheduledCollection);
  setGlobalsModuleName(() => {
    const f = tstate.frame;
    return f ? dictGetItemStr(f.globals, '__name__') : null;
  });
  const subtypeAlloc = (o: PyObject, nbytes: number): void => {
    gcAlloc(o, nbytes);
    gcTrack(o);
  };
  setSubtypeAlloc(subtypeAlloc);
  setStrSubtypeAlloc(subtypeAlloc);
  setBytesSubtypeAlloc(subtypeAlloc);
  for (const t of allBuiltinTypes) readyType(t);
  registerStdlib();
}

/** PyErr_WriteUnraisable: "Exception ignored in: <obj>" and the traceback, on stderr. */
function writeUnraisable(e: unknown, obj: PyObject | null, msg?: string): void {
  if (!isPyRaise(e)) throw e;
  const exc = e.exc;
  let where = '';
  if (obj !== null) {
    try {
      const r = repr(obj);
      where = r.value;
      decref(r);
    } catch (e2) {
      if (!isPyRaise(e2)) throw e2;
      decref(e2.exc);
      where = '<object repr() failed>';
    }
  }
  writeStderr(formatUnraisable(exc, obj === null ? null : where, msg));
  decref(exc);
}

/**
 * Runs `source` as the main program. Never throws: every outcome is program
 * output, a traceback, or a clear message about a simulator limit.
 */
export function runMain(source: string, options: RunOptions = {}): RunResult {
  initialize();
  const version = options.python ?? '3.12';
  const prof = profiles[version];
  if (!prof) {
    return { stdout: '', stderr: `not supported by the simulator: Python ${version} (available: ${Object.keys(profiles).join(', ')})\n`, exitCode: 1 };
  }
  setProfile(prof);
  const filename = options.filename ?? '<stdin>';
  // A fresh interpreter state for every run.
  resetHeap();
  if (options.heapCap) heap.cap = options.heapCap;
  resetGC();
  resetInterned();
  resetFloatFreeList();
  resetOutput();
  resetReprStack();
  resetThreadState(prof.recursionLimit, options.stepBudget ?? 50_000_000);
  setExecObserver(null);
  resetNestedEvals();
  resetWeakContainers();
  sourceFiles.clear();
  sourceFiles.set(filename, source.split('\n'));

  let exitCode = 0;
  try {
    exitCode = runSource(source, filename, options);
  } catch (e) {
    exitCode = 1;
    writeStderr(limitMessage(e));
  }
  setExecObserver(null);
  return { stdout: output.stdout.join(''), stderr: output.stderr.join(''), exitCode };
}

function limitMessage(e: unknown): string {
  if (e instanceof StepBudgetExceeded) {
    return `SimulatorLimit: the program was stopped after ${e.steps.toLocaleString('en-US')} steps (is there an infinite loop?)\n`;
  }
  if (e instanceof HeapCapExceeded) return `SimulatorLimit: ${e.message}\n`;
  if (e instanceof Unsupported) return `NotSupported: not supported by the simulator: ${e.feature}\n`;
  if (e instanceof RangeError) {
    return e.message.indexOf('call stack') >= 0
      ? `SimulatorLimit: the simulator ran out of stack space\n`
      : `SimulatorLimit: the program needs more memory than the simulator can give it (${e.message})\n`;
  }
  const msg = e instanceof Error ? (process.env.PML_DEBUG ? `${e.stack}` : `${e.message}`) : String(e);
  return `SimulatorError: internal error in the simulator: ${msg}\n`;
}

function runSource(source: string, filename: string, options: RunOptions): number {
  const parsed = parse(source, filename);
  if (parsed.warnings.length > 0) writeStderr(parseWarningsText(parsed.warnings, filename, source));
  if (!parsed.ok) {
    if (parsed.error.unsupported) {
      writeStderr(`NotSupported: ${parsed.error.msg}\n`);
      return 1;
    }
    writeStderr(formatSyntaxError(parsed.error, filename));
    return 1;
  }
  if (/\bis\b/.test(source)) {
    const warnings = syntaxWarningsText(parsed.module, filename, source);
    if (warnings !== '') writeStderr(warnings);
  }
  const compiled = compile(parsed.module, filename, source);
  if (!compiled.ok) {
    if (compiled.error.unsupported) {
      writeStderr(`NotSupported: ${compiled.error.msg}\n`);
      return 1;
    }
    writeStderr(formatSyntaxError(compiled.error, filename));
    return 1;
  }

  // Py_Initialize: builtins, sys, __main__.
  const modules = newDict();
  setSysModules(modules);
  const builtins = createModule(builtinsDef());
  dictSetItemStr(modules, 'builtins', builtins);
  const sys = createModule(sysDef(modules, filename));
  dictSetItemStr(modules, 'sys', sys);
  const main = newModuleMain(builtins, filename);
  dictSetItemStr(modules, '__main__', main);
  decref(builtins);
  decref(sys);

  // Everything made so far is the interpreter's own (its reference counts are not CPython's).
  heap.startupSerial = heap.nextSerial;
  const pool = new ConstantPool();
  const code = pool.load(compiled.code);
  const globals = main.md_dict;
  const frame = new Frame(code, null, globals, builtins.md_dict, globals);
  frame.entry = true;
  setExecObserver(options.observer ?? null);
  options.onStart?.();

  let exitCode = 0;
  let uncaught: PyBaseException | null = null;
  try {
    const r = runFrame(frame);
    decref(r);
  } catch (e) {
    if (!isPyRaise(e)) {
      setExecObserver(null);
      throw e;
    }
    uncaught = e.exc;
  }
  decref(code);
  // The parser's arena is freed once the module has run (pyrun_file).
  pool.release();
  if (uncaught !== null) exitCode = handleUncaught(uncaught);
  options.onEnd?.();
  setExecObserver(null);
  finalize(main, modules);
  return exitCode;
}

/**
 * __main__ as pylifecycle.c's add_main_module leaves it (an empty `__annotations__`
 * dict, whether or not the program has annotations, then `__builtins__`), with the
 * `__file__` and `__cached__` that running a file adds.
 */
function newModuleMain(builtins: PyModule, filename: string): PyModule {
  const m = createModule({ name: '__main__', functions: {} });
  const annotations = newDict();
  dictSetItemStr(m.md_dict, '__annotations__', annotations);
  decref(annotations);
  dictSetItemStr(m.md_dict, '__builtins__', builtins);
  const f = newStr(filename);
  dictSetItemStr(m.md_dict, '__file__', f);
  decref(f);
  const cached = PyNone;
  dictSetItemStr(m.md_dict, '__cached__', cached);
  return m;
}

/** PyErr_Print for the exception that ended the program; returns the exit status. */
function handleUncaught(exc: PyBaseException): number {
  if (exc.type === Exc.SystemExit || exc.type.mro.includes(Exc.SystemExit)) {
    const items = (exc.args as PyTuple).items;
    const code = items.length === 0 ? PyNone : items[0];
    let status = 0;
    if (code === PyNone) status = 0;
    else if (code instanceof PyLong) status = Number(code.value);
    else {
      writeStderr(strOf(code) + '\n');
      status = 1;
    }
    decref(exc);
    return status;
  }
  writeStderr(formatException(exc));
  decref(exc);
  return 1;
}

function strOf(o: PyObject): string {
  const s = str(o);
  const v = s.value;
  decref(s);
  return v;
}

/**
 * Py_FinalizeEx's finalize_modules, as far as a single-module program can see
 * it. sys.modules lets go of `__main__` (finalize_remove_modules +
 * finalize_clear_modules_dict); the module is freed, and with it the
 * reference to its dict — which usually survives, because every function
 * defined in the module holds it as `__globals__`. The collector then runs
 * (_PyGC_CollectNoFail): module, dict, classes and functions form garbage
 * cycles, and the `__del__` methods of everything unreachable run before any
 * of it is cleared, with the globals still intact (PEP 442). Only a module
 * still alive after that has its names set to None, underscore names first
 * (finalize_modules_clear_weaklist → _PyModule_ClearDict), and the collector
 * runs once more.
 */
function finalize(main: PyModule, modules: PyDict): void {
  try {
    gcstate.enabled = true;
    // Our own reference to `main` is one CPython does not have (PyImport_AddModule's is borrowed).
    const heldElsewhere = main.refcnt > 2;
    dictDelItemStr(modules, '__main__');
    if (!heldElsewhere) {
      decref(main); // module_dealloc: releases the dict
      collect(2);
    } else {
      collect(2);
      const d = main.md_dict;
      const clearPass = (pick: (k: string) => boolean): void => {
        for (const [k, v] of dictItems(d)) {
          const name = (k as PyStr).value;
          if (v !== PyNone && pick(name)) dictSetItemStr(d, name, PyNone);
        }
      };
      clearPass((k) => k.startsWith('_') && !k.startsWith('__'));
      clearPass((k) => k !== '__builtins__');
      decref(main);
    }
    collect(2);
  } catch (e) {
    if (!isPyRaise(e)) throw e;
    decref(e.exc);
  }
}
