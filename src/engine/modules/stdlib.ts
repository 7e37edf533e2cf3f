/**
 * The pure-simulator versions of the standard-library modules that teaching
 * examples import (itertools, collections, …). Each module lives in its own
 * file next to this one.
 *
 * Most of them are not part of the core engine: a program that imports none
 * of them should not pay for them in the browser, where the engine's worker
 * is downloaded before the first Run. So they are loaded by the host before
 * a run, with `loadStdlib`:
 *   - in Node (CLI, tests, bench) src/engine/index.ts loads every one of them
 *     once, before anything runs;
 *   - the browser's worker (src/runner/worker.ts) loads the ones a program
 *     names (`stdlibModulesNamedIn`) before running it; the bundler puts each
 *     in its own chunk.
 * Either way `runProgram` stays synchronous: `import itertools` finds the
 * module already registered.
 */

import { registerModule, isModuleRegistered } from './importer.js';
import { unsupported } from '../eval/errors.js';
import { allBuiltinTypes } from '../objects/typeobject.js';
import { readyType } from '../objects/typeready.js';
import { ObjectType } from '../objects/typeobject.js';
// evaluated here, as when this module imported the lab's (module order fixes the builtin types' ids)
import '../objects/listobject.js';
import '../objects/longobject.js';
import '../objects/args.js';
import '../objects/exceptions.js';
import '../memory/heap.js';
import './sysmodule.js';
import '../trace/tally.js';
import type { ModuleDef } from './moduledef.js';

type ModuleLoader = () => Promise<() => ModuleDef>;

/** Standard-library modules loaded on demand, and how to load each. */
const lazyStdlib: Readonly<Record<string, ModuleLoader>> = {
  itertools: async () => (await import('./itertoolsmodule.js')).itertoolsDef,
  contextlib: async () => (await import('./contextlibmodule.js')).contextlibDef,
  inspect: async () => (await import('./inspectmodule.js')).inspectDef,
  math: async () => (await import('./mathmodule.js')).mathDef,
  functools: async () => (await import('./functoolsmodule.js')).functoolsDef,
  operator: async () => (await import('./operatormodule.js')).operatorDef,
  copy: async () => (await import('./copymodule.js')).copyDef,
  random: async () => (await import('./randommodule.js')).randomDef,
  collections: async () => (await import('./collectionsmodule.js')).collectionsDef,
  weakref: async () => (await import('./weakrefmodule.js')).weakrefDef,
  time: async () => (await import('./timemodule.js')).timeDef,
  gc: async () => (await import('./gcmodule.js')).gcDef,
  // the lab's trace checks: importable only in a traced run
  _lab: async () => (await import('./labmodule.js')).labDef,
};

/** The names of the modules `loadStdlib` can load. */
export const lazyStdlibNames: readonly string[] = Object.keys(lazyStdlib);

/**
 * Modules every run has (called once at interpreter start-up), and a clear
 * error for a lazily loaded module that the host did not load before the run.
 */
export function registerStdlib(): void {
  for (const name of lazyStdlibNames) {
    if (isModuleRegistered(name)) continue;
    registerModule(name, notLoaded(name));
  }
}

/** Stands for a lazily loaded module until it is loaded: importing it ends the run. */
function notLoaded(name: string): () => ModuleDef {
  return () => {
    missedModule = name;
    return unsupported(`importing the '${name}' module here (it was not loaded before the run; name it plainly, as in 'import ${name}')`);
  };
}

/** Forgets that the named modules were loaded, as a fresh worker would be (tests). */
export function unloadStdlib(names: Iterable<string>): void {
  for (const name of names) {
    if (!Object.hasOwn(lazyStdlib, name)) continue;
    loaded.delete(name);
    registerModule(name, notLoaded(name));
  }
}

let missedModule: string | null = null;

/**
 * Did the last run end importing a module that was not loaded? (Cleared by
 * reading it.) runProgramLoading then loads every module and runs again.
 */
export function takeMissedModule(): string | null {
  const m = missedModule;
  missedModule = null;
  return m;
}

const loaded = new Set<string>();

/** Loads and registers the named standard-library modules (unknown names are ignored). */
export async function loadStdlib(names: Iterable<string>): Promise<void> {
  const todo = [...new Set(names)].filter((n) => !loaded.has(n) && Object.hasOwn(lazyStdlib, n));
  if (todo.length === 0) return;
  const defs = await Promise.all(todo.map((n) => lazyStdlib[n]()));
  todo.forEach((n, i) => {
    registerModule(n, defs[i]);
    loaded.add(n);
  });
  // A module file creates its types when it is first evaluated. The interpreter
  // readies every builtin type at start-up; types that arrive after it started
  // are readied here, between runs (readyType is idempotent).
  if (ObjectType.tpDict !== null) for (const t of allBuiltinTypes) readyType(t);
}

/**
 * The lazily loaded modules a program's text names as whole words. This
 * over-approximates `import` statements on purpose: a module named in a
 * comment, a string or `__import__('math')` is loaded too, which costs one
 * small download and never changes what the program does.
 */
export function stdlibModulesNamedIn(source: string): string[] {
  const words = new Set(source.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []);
  return lazyStdlibNames.filter((n) => words.has(n));
}
