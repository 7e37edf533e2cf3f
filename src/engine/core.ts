/**
 * Run a Python program the way `python3.12 FILE.py` does, with the core
 * engine only: the standard-library modules of modules/stdlib.ts can be
 * imported once the host has loaded them (`loadStdlib`). Node code imports
 * index.ts, which loads them all; the browser's worker imports this file and
 * loads what each program names, so their code is not part of its download.
 * The same holds for the rarely used parts of the builtin types (ondemand.ts).
 */

import { runMain, type RunOptions as LifecycleOptions } from './pylifecycle.js';
import { TraceRecorder, recorderRunOptions } from './trace/recorder.js';
import type { Trace } from './trace/events.js';
import { unsupported } from './eval/errors.js';
import { setMissHandler, loadParts, partsNamedIn, partNames, takeMissedPart } from './ondemand.js';
import { loadStdlib, stdlibModulesNamedIn, lazyStdlibNames, takeMissedModule } from './modules/stdlib.js';

export type { Trace };

export type PythonVersion = '3.11' | '3.12' | '3.13';

export interface RunOptions {
  /** CPython profile to simulate; default '3.12' */
  python?: PythonVersion;
  /** shown in tracebacks and SyntaxErrors; default '<stdin>' */
  filename?: string;
  /** instructions executed before the run is ended with a clear message */
  stepBudget?: number;
  /** simulated bytes the heap may hold before the run is ended with a clear message */
  heapCap?: number;
  /** also record the run's trace (src/engine/trace/events.ts), for the memory view */
  trace?: boolean;
}

export interface RunResult {
  stdout: string;
  /** the traceback (or SyntaxError report) exactly as CPython prints it */
  stderr: string;
  /** 0 on success, 1 on an uncaught exception, as CPython */
  exitCode: number;
  /** the recorded run when `trace` was asked for; read it with TraceReplay (src/engine/trace/replay.ts) */
  trace?: Trace;
}

export function runProgram(source: string, options: RunOptions = {}): RunResult {
  const { trace, ...rest } = options;
  const opts: LifecycleOptions = { ...rest };
  if (!trace) return runMain(source, opts);
  const rec = new TraceRecorder();
  const result: RunResult = runMain(source, { ...opts, ...recorderRunOptions(rec) });
  // a run stopped by a simulator limit never reaches onEnd: its trace ends where it stopped
  result.trace = rec.trace();
  return result;
}

// a stub of a part that was not loaded ends the run with the simulator's "not supported" error
setMissHandler(unsupported);

/**
 * runProgram for a host that loads code on demand (the browser's worker):
 * first loads the standard-library modules and the parts of the builtin types
 * the program's text names, then runs it. Should the run reach code that was
 * not loaded (a method name built at run time, `__import__('weak' + 'ref')`),
 * every part, or every module, is loaded and the program runs again from the
 * start: runs are deterministic, so the result is the one a host that loaded
 * everything first would give.
 */
export async function runProgramLoading(source: string, options: RunOptions = {}): Promise<RunResult> {
  await Promise.all([loadStdlib(stdlibModulesNamedIn(source)), loadParts(partsNamedIn(source))]);
  takeMissedPart();
  takeMissedModule();
  let r = runProgram(source, options);
  // at most twice more: once for what the run missed, once for what that code needs in turn
  for (let again = 0; again < 2; again++) {
    const part = takeMissedPart(), module = takeMissedModule();
    if (part === null && module === null) break;
    await Promise.all([part === null ? null : loadParts(partNames), module === null ? null : loadStdlib(lazyStdlibNames)]);
    r = runProgram(source, options);
  }
  return r;
}
