/**
 * Run a Python program the way `python3.12 FILE.py` does, with the core
 * engine only: the standard-library modules of modules/stdlib.ts can be
 * imported once the host has loaded them (`loadStdlib`). Node code imports
 * index.ts, which loads them all; the browser's worker imports this file and
 * loads what each program names, so their code is not part of its download.
 */

import { runMain, type RunOptions as LifecycleOptions } from './pylifecycle.js';
import { TraceRecorder, recorderRunOptions } from './trace/recorder.js';
import type { Trace } from './trace/events.js';

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
