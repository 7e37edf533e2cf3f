/**
 * The engine's public entry point: run a Python program the way `python3.12 FILE.py` does.
 */

import { runMain, type RunOptions as LifecycleOptions } from './pylifecycle.js';

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
}

export interface RunResult {
  stdout: string;
  /** the traceback (or SyntaxError report) exactly as CPython prints it */
  stderr: string;
  /** 0 on success, 1 on an uncaught exception, as CPython */
  exitCode: number;
}

export function runProgram(source: string, options: RunOptions = {}): RunResult {
  const opts: LifecycleOptions = { ...options };
  return runMain(source, opts);
}
