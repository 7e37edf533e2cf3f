/**
 * The engine's host in the browser: a module Web Worker (see protocol.ts).
 * It runs a program with a trace, keeps the last run's `TraceReplay` and
 * answers state requests for it. The page kills this worker to stop a run.
 */

// core.ts, not index.ts: standard-library modules and the rarely used parts
// of the builtin types are loaded per program (runProgramLoading)
import { runProgramLoading } from '../engine/core.js';
import { prefetchParts } from '../engine/ondemand.js';
import { setCompiledTier } from '../engine/eval/ceval.js';
import type { TraceReplay } from '../engine/trace/replay.js';
import type { ToWorker, FromWorker, WireState } from './protocol.js';
import { DEFAULT_STEP_BUDGET } from './protocol.js';

const scope = self as unknown as DedicatedWorkerGlobalScope;

// The replay rebuilds states from a finished run's trace: nothing needs it before
// the first run ends, so its code (a separate chunk) loads while that run executes.
const replayModule = import('../engine/trace/replay.js');
replayModule.catch(() => {}); // a failed load is reported by the run that awaits it
// The compiled tier (hot code as JS functions, jit/compile.ts): runs are the same
// without it, only slower, so it is a chunk that arrives in the background too.
import('../engine/jit/compile.js').then((m) => setCompiledTier(m.compiledTier), () => {});
// Printing a traceback: most runs never need it and no program text announces
// it, so it arrives in the background (a run that needs it first runs again).
prefetchParts(['traceback']);

let replay: TraceReplay | null = null;
let currentRun = -1;

function post(m: FromWorker): void {
  scope.postMessage(m);
}

// Messages are handled one at a time, in order: a run may first wait for the
// standard-library modules its program names to load (each is a separate
// chunk, fetched once), and a state request must not overtake that run.
let queue: Promise<void> = Promise.resolve();

scope.onmessage = (e: MessageEvent<ToWorker>) => {
  const m = e.data;
  queue = queue.then(() => handle(m));
};

async function handle(m: ToWorker): Promise<void> {
  try {
    if (m.kind === 'run') {
      replay = null;
      currentRun = m.runId;
      const r = await runProgramLoading(m.source, {
        python: m.python,
        stepBudget: m.stepBudget ?? DEFAULT_STEP_BUDGET,
        trace: true,
      });
      let steps = 0;
      if (r.trace !== undefined && r.trace.stepCount > 0) {
        replay = new (await replayModule).TraceReplay(r.trace);
        // keyframes now, so that the first jump far ahead is as fast as the rest
        replay.prepare();
        steps = r.trace.stepCount;
      }
      post({
        kind: 'done', runId: m.runId, stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode, steps,
        truncated: r.trace?.truncated ?? false, transient: r.trace?.transient ?? 0,
      });
    } else if (m.kind === 'state') {
      if (replay === null || m.runId !== currentRun) {
        post({ kind: 'error', runId: m.runId, message: 'no recorded run to show' });
        return;
      }
      const s = replay.stateAt(m.step, { reachable: true });
      const state: WireState = {
        step: s.step, line: s.line, frames: s.frames, objects: [...s.objects.values()],
        newObjects: s.newObjects, changedRefcounts: s.changedRefcounts, freedObjects: s.freedObjects,
        gc: s.gc, output: s.output,
      };
      post({ kind: 'state', runId: m.runId, step: s.step, state });
    }
  } catch (err) {
    post({ kind: 'error', runId: m.runId, message: `internal error in the simulator: ${String(err)}` });
  }
}
