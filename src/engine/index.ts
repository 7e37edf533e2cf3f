/**
 * The engine's public entry point for Node (CLI, tests, bench): run a Python
 * program the way `python3.12 FILE.py` does. Every standard-library module the
 * simulator has is loaded before this module finishes loading, so any program
 * can import any of them, and so is the code of every part of the builtin
 * types (ondemand.ts), and runs use the compiled tier. (The browser's worker uses core.ts and loads modules
 * and parts on demand; see modules/stdlib.ts and ondemand.ts.)
 */

import { loadStdlib, lazyStdlibNames } from './modules/stdlib.js';
import { loadParts, partNames } from './ondemand.js';
import { setCompiledTier } from './eval/ceval.js';
import { compiledTier } from './jit/compile.js';

// One at a time, in a fixed order: a module creates its types (and their
// static addresses) when it is first evaluated, and modules imported together
// are evaluated in the order their files happen to arrive, so loading them at
// once would give the same program different ids from one process to the next.
for (const name of lazyStdlibNames) await loadStdlib([name]);
for (const name of partNames) await loadParts([name]);

// Hot code objects are compiled to JS (jit/compile.ts), traced runs too. The
// browser's worker loads the tier as a separate chunk after start-up.
setCompiledTier(compiledTier);

export * from './core.js';
