/**
 * Registers the pure-simulator versions of standard-library modules that
 * teaching examples import (itertools, contextlib, …). Each module lives in
 * its own file next to this one.
 */

import { registerModule } from './importer.js';
import { itertoolsDef } from './itertoolsmodule.js';
import { contextlibDef } from './contextlibmodule.js';
import { inspectDef } from './inspectmodule.js';

export function registerStdlib(): void {
  registerModule('itertools', itertoolsDef);
  registerModule('contextlib', contextlibDef);
  registerModule('inspect', inspectDef);
}
