/**
 * Vitest setup (vitest.config.ts): every test file sees the builtin types
 * whole, as Node's entry src/engine/index.ts gives them, even when it imports
 * engine modules directly. Tests of on-demand loading (ondemand.test.ts)
 * unload a part themselves to see what the browser's worker starts with.
 */
import { loadParts, partNames } from '../src/engine/ondemand.js';

await loadParts(partNames);
