/**
 * The engine's public entry point for Node (CLI, tests, bench): run a Python
 * program the way `python3.12 FILE.py` does. Every standard-library module the
 * simulator has is loaded before this module finishes loading, so any program
 * can import any of them. (The browser's worker uses core.ts and loads modules
 * on demand; see modules/stdlib.ts.)
 */

import { loadStdlib, lazyStdlibNames } from './modules/stdlib.js';

await loadStdlib(lazyStdlibNames);

export * from './core.js';
