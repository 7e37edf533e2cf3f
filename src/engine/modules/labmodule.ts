/**
 * `_lab`: the lab's own module, for the hidden checks of an exercise. It
 * answers questions about the run so far that Python itself cannot:
 *
 *   import _lab
 *   _lab.freed('Node')      # ['refcount', 'gc'] — why each freed Node went, in order
 *   _lab.allocated('list')  # how many lists were made
 *   _lab.max_depth()        # the deepest Python call stack (the module's frame is 1)
 *   _lab.output()           # what the program printed to stdout so far
 *
 * It exists only while the run is traced (`runProgram(src, { trace: true })`,
 * which is how the browser runs every program): the answers come from the
 * trace recorder's tally (trace/tally.ts), which counts every allocation and
 * free, including objects made and freed within one line. Without a trace
 * `import _lab` fails exactly as it does in CPython, where there is no such
 * module.
 *
 * CPython counterpart: none (the simulator's own instrument).
 */

import type { PyObject } from '../objects/object.js';
import { PyStr, newStr, strValue } from '../objects/unicodeobject.js';
import { PyTypeObject } from '../objects/typeobject.js';
import { newList } from '../objects/listobject.js';
import { newInt } from '../objects/longobject.js';
import { checkArity, noKeywords } from '../objects/args.js';
import { raise } from '../eval/errors.js';
import { Exc } from '../objects/exceptions.js';
import { heap, FreeReason } from '../memory/heap.js';
import { output } from './sysmodule.js';
import { MemoryTally } from '../trace/tally.js';
import type { ModuleDef } from './moduledef.js';

/** The tally of the recorder tracing this run, or null when the run is not traced. */
function currentTally(): MemoryTally | null {
  if (!heap.tracing) return null;
  const t = (heap.observer as { tally?: unknown } | null)?.tally;
  return t instanceof MemoryTally ? t : null;
}

/** The type name a check asks about: a str, or a class (its `__name__`). */
function typeName(fname: string, args: PyObject[], kwnames: string[] | null): string {
  noKeywords(fname, kwnames);
  checkArity(fname, args, 1, 1);
  const a = args[0];
  if (a instanceof PyStr) return strValue(a);
  if (a instanceof PyTypeObject) return a.name;
  return raise(Exc.TypeError, `${fname}() argument must be a type name (str) or a class, not ${a.type.name}`);
}

const REASON: Record<FreeReason, string> = {
  [FreeReason.Refcount]: 'refcount',
  [FreeReason.Collected]: 'gc',
};

export function labDef(): ModuleDef {
  const tally = currentTally();
  // CPython has no `_lab`: an untraced run (the CLI, the conformance suite) must not either
  if (tally === null) raise(Exc.ModuleNotFoundError, "No module named '_lab'");
  return {
    name: '_lab',
    doc: "The Python Memory Lab's view of the current run (exists only in the lab).",
    functions: {
      freed: (_self, args, kwnames) => {
        const name = typeName('freed', args, kwnames);
        return newList(tally.freed(name).map((r) => newStr(REASON[r])));
      },
      allocated: (_self, args, kwnames) => newInt(tally.allocated(typeName('allocated', args, kwnames))),
      max_depth: (_self, args, kwnames) => {
        noKeywords('max_depth', kwnames);
        checkArity('max_depth', args, 0, 0);
        return newInt(tally.maxDepth);
      },
      output: (_self, args, kwnames) => {
        noKeywords('output', kwnames);
        checkArity('output', args, 0, 0);
        return newStr(output.stdout.join(''));
      },
    },
  };
}
