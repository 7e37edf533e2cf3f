/**
 * The engine's public entry point for Node (CLI, tests, bench): run a Python
 * program the way `python3.12 FILE.py` does. Every standard-library module the
 * simulator has is loaded before this module finishes loading, so any program
 * can import any of them, and so is the code of every part of the builtin
 * types (ondemand.ts). (The browser's worker uses core.ts and loads modules
 * and parts on demand; see modules/stdlib.ts and ondemand.ts.)
 */

import { loadStdlib, lazyStdlibNames } from './modules/stdlib.js';
import { loadParts, partNames } from './ondemand.js';

await Promise.all([loadStdlib(lazyStdlibNames), loadParts(partNames)]);

export * from './core.js';
