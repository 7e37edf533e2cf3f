/**
 * Messages between the page and the engine's Web Worker (worker.ts).
 *
 * The engine never runs on the main thread: the page posts a `run`, the
 * worker runs the program with a trace, keeps a `TraceReplay` of it and
 * answers `state` requests for any step. Everything crossing the boundary is
 * plain JSON-able data (the replay's `Map` of objects becomes an array).
 *
 *   main → worker  { kind: 'run', runId, source, python, stepBudget }
 *   worker → main  { kind: 'done', runId, stdout, stderr, exitCode, steps, … }
 *   main → worker  { kind: 'state', runId, step }
 *   worker → main  { kind: 'state', runId, step, state }
 *   worker → main  { kind: 'error', runId, message }   (a bug in the host, never a Python error)
 *
 * Stopping a run is not a message: the page terminates the worker
 * (client.ts) and starts a fresh one.
 */

import type { ObjectState, FrameState, FreedObject, GCEvent } from '../engine/trace/replay.js';

export type { ObjectState, FrameState, FreedObject, GCEvent };

export type PythonVersion = '3.11' | '3.12' | '3.13';

/** The versions the simulator has a profile for (the selector enables only these). */
export const AVAILABLE_VERSIONS: readonly PythonVersion[] = ['3.12'];

/** Instructions a browser run may execute (≈ 1–2 s of a tight loop) before it is ended with a clear message. */
export const DEFAULT_STEP_BUDGET = 10_000_000;

export interface RunRequest {
  kind: 'run';
  runId: number;
  source: string;
  python: PythonVersion;
  stepBudget?: number;
}

export interface StateRequest {
  kind: 'state';
  runId: number;
  step: number;
}

export type ToWorker = RunRequest | StateRequest;

export interface DoneMessage {
  kind: 'done';
  runId: number;
  stdout: string;
  /** the traceback or SyntaxError report, exactly as CPython prints it */
  stderr: string;
  exitCode: number;
  /** steps in the trace (LINE events, the final one included); 0 when the run made no trace */
  steps: number;
  /** the run hit a simulator limit and its trace stops early */
  truncated: boolean;
  /** objects made and freed within one step (not shown) */
  transient: number;
}

/** `TraceReplay.stateAt(step, { reachable: true })` as plain data. */
export interface WireState {
  step: number;
  /** the line about to run; 0 at the final step */
  line: number;
  /** innermost last */
  frames: FrameState[];
  /** the objects reachable from the frames */
  objects: ObjectState[];
  newObjects: number[];
  changedRefcounts: number[];
  freedObjects: FreedObject[];
  gc: GCEvent[];
  /** stdout and stderr so far */
  output: string;
}

export interface StateMessage {
  kind: 'state';
  runId: number;
  step: number;
  state: WireState;
}

export interface ErrorMessage {
  kind: 'error';
  runId: number;
  message: string;
}

export type FromWorker = DoneMessage | StateMessage | ErrorMessage;
