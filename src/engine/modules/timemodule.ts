/**
 * The time module, reduced to what teaching examples use.
 * CPython counterpart: Modules/timemodule.c.
 *
 * Simulated time: time() and perf_counter() advance with the instructions
 * executed, and sleep() advances the clock, so runs stay reproducible.
 */

import { incref } from '../objects/object.js';
import { PyNone } from '../objects/singletons.js';
import { newFloat, asDouble } from '../objects/floatobject.js';
import { newInt } from '../objects/longobject.js';
import { tstate } from '../eval/pystate.js';
import { checkArity } from '../objects/args.js';
import { raise } from '../eval/errors.js';
import { Exc } from '../objects/exceptions.js';
import type { ModuleDef } from './moduledef.js';

/** seconds of simulated time per executed instruction (about CPython's speed) */
const SECONDS_PER_STEP = 2e-8;
const EPOCH = 1_767_225_600; // a fixed wall-clock start (2026-01-01)
let slept = 0;

function now(): number {
  const steps = tstate.stepBudget - tstate.stepsLeft;
  return steps * SECONDS_PER_STEP + slept;
}

export function timeDef(): ModuleDef {
  slept = 0;
  return {
    name: 'time',
    functions: {
      time: () => newFloat(EPOCH + now()),
      time_ns: () => newInt(BigInt(Math.round((EPOCH + now()) * 1e9))),
      perf_counter: () => newFloat(now()),
      perf_counter_ns: () => newInt(Math.round(now() * 1e9)),
      monotonic: () => newFloat(now()),
      process_time: () => newFloat(now()),
      sleep: (_s, args) => {
        checkArity('sleep', args, 1, 1);
        const secs = asDouble(args[0]);
        if (secs < 0) raise(Exc.ValueError, 'sleep length must be non-negative');
        slept += secs;
        incref(PyNone);
        return PyNone;
      },
    },
  };
}
