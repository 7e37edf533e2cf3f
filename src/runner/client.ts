/**
 * The page's side of the engine worker: a promise API over protocol.ts.
 *
 *   const c = new RunnerClient();
 *   const r = await c.run(source);            // status 'done' | 'stopped' | 'timeout' | 'error'
 *   const s = await c.state(0);               // WireState of step 0 of that run
 *   c.stop();                                 // kills the worker at once; the next call makes a new one
 *
 * A run that takes longer than `wallClockMs` is stopped the same way as the
 * Stop button stops it (the step budget normally ends a runaway program
 * first, with the engine's own message).
 */

import type { FromWorker, ToWorker, WireState, PythonVersion, DoneMessage } from './protocol.js';

/** A finished run as the worker reported it (DoneMessage), or how it ended without one. */
export interface RunOutcome extends Omit<DoneMessage, 'kind'> {
  status: 'done' | 'stopped' | 'timeout' | 'error';
  /** for 'stopped', 'timeout' and 'error': what to tell the learner */
  message?: string;
}

export interface RunnerOptions {
  /** a run still going after this long is stopped (default 20 s) */
  wallClockMs?: number;
}

interface PendingRun {
  runId: number;
  resolve: (r: RunOutcome) => void;
  timer: ReturnType<typeof setTimeout>;
}

interface PendingState {
  runId: number;
  resolve: (s: WireState) => void;
  reject: (e: Error) => void;
}

export class RunnerClient {
  private worker: Worker | null = null;
  private nextRunId = 1;
  private pendingRun: PendingRun | null = null;
  /** answered in order: the worker handles messages one at a time */
  private pendingStates: PendingState[] = [];
  /** the last run that finished normally: the one whose states can be asked for */
  private lastDone = -1;
  private readonly wallClockMs: number;

  constructor(opts: RunnerOptions = {}) {
    this.wallClockMs = opts.wallClockMs ?? 20_000;
  }

  get running(): boolean {
    return this.pendingRun !== null;
  }

  /** Starts the worker ahead of time (it takes a moment to load the engine). */
  warm(): void {
    this.ensureWorker();
  }

  private ensureWorker(): Worker {
    if (this.worker !== null) return this.worker;
    const w = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'python-engine' });
    w.onmessage = (e: MessageEvent<FromWorker>) => this.onMessage(e.data);
    w.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      this.kill('error', `the simulator's worker failed: ${e.message || 'unknown error'}`);
    };
    this.worker = w;
    return w;
  }

  private send(m: ToWorker): void {
    this.ensureWorker().postMessage(m);
  }

  private onMessage(m: FromWorker): void {
    if (m.kind === 'done') {
      const p = this.pendingRun;
      if (p === null || p.runId !== m.runId) return;
      clearTimeout(p.timer);
      this.pendingRun = null;
      this.lastDone = m.runId;
      p.resolve(outcome('done', m));
    } else if (m.kind === 'state' || m.kind === 'error') {
      if (m.kind === 'error' && this.pendingRun !== null && this.pendingRun.runId === m.runId) {
        const p = this.pendingRun;
        clearTimeout(p.timer);
        this.pendingRun = null;
        p.resolve({ ...emptyOutcome('error', m.runId), message: m.message });
        return;
      }
      const q = this.pendingStates.shift();
      if (q === undefined) return;
      if (m.kind === 'state') q.resolve(m.state);
      else q.reject(new Error(m.message));
    }
  }

  /** Runs `source`; a run still going is stopped first. */
  run(source: string, python: PythonVersion = '3.12', stepBudget?: number): Promise<RunOutcome> {
    if (this.pendingRun !== null) this.stop();
    const runId = this.nextRunId++;
    return new Promise<RunOutcome>((resolve) => {
      const timer = setTimeout(() => {
        this.kill('timeout', `Stopped: the program ran for more than ${Math.round(this.wallClockMs / 1000)} seconds.`);
      }, this.wallClockMs);
      this.pendingRun = { runId, resolve, timer };
      this.send({ kind: 'run', runId, source, python, stepBudget });
    });
  }

  /** The memory state at `step` of the last finished run. */
  state(step: number): Promise<WireState> {
    const runId = this.lastDone;
    if (runId < 0 || this.pendingRun !== null) return Promise.reject(new Error('no finished run'));
    return new Promise<WireState>((resolve, reject) => {
      this.pendingStates.push({ runId, resolve, reject });
      this.send({ kind: 'state', runId, step });
    });
  }

  /** Ends a running program at once (terminates the worker; a new one is made when needed). */
  stop(): void {
    this.kill('stopped', 'Stopped.');
  }

  private kill(status: RunOutcome['status'], message: string): void {
    if (this.worker !== null) {
      this.worker.terminate();
      this.worker = null;
    }
    this.lastDone = -1;
    const p = this.pendingRun;
    this.pendingRun = null;
    if (p !== null) {
      clearTimeout(p.timer);
      p.resolve({ ...emptyOutcome(status, p.runId), message });
    }
    const states = this.pendingStates;
    this.pendingStates = [];
    for (const s of states) s.reject(new Error(message));
  }

  /** Terminates the worker for good (the element was removed from the page). */
  dispose(): void {
    this.kill('stopped', 'Stopped.');
  }
}

function outcome(status: RunOutcome['status'], m: DoneMessage): RunOutcome {
  return {
    status, runId: m.runId, stdout: m.stdout, stderr: m.stderr, exitCode: m.exitCode,
    steps: m.steps, truncated: m.truncated, transient: m.transient,
  };
}

function emptyOutcome(status: RunOutcome['status'], runId: number): RunOutcome {
  return { status, runId, stdout: '', stderr: '', exitCode: 1, steps: 0, truncated: false, transient: 0 };
}
