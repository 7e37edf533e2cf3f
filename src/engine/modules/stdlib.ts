/**
 * Registers the pure-simulator versions of standard-library modules that
 * teaching examples import (itertools, contextlib, …). Each module lives in
 * its own file next to this one.
 */

import { registerModule } from './importer.js';
import { itertoolsDef } from './itertoolsmodule.js';
import { contextlibDef } from './contextlibmodule.js';
import { inspectDef } from './inspectmodule.js';
import { mathDef } from './mathmodule.js';
import { functoolsDef } from './functoolsmodule.js';
import { operatorDef } from './operatormodule.js';
import { copyDef } from './copymodule.js';
import { randomDef } from './randommodule.js';
import { collectionsDef } from './collectionsmodule.js';
import { labDef } from './labmodule.js';

export function registerStdlib(): void {
  registerModule('itertools', itertoolsDef);
  registerModule('contextlib', contextlibDef);
  registerModule('inspect', inspectDef);
  registerModule('math', mathDef);
  registerModule('functools', functoolsDef);
  registerModule('operator', operatorDef);
  registerModule('copy', copyDef);
  registerModule('random', randomDef);
  registerModule('collections', collectionsDef);
  registerModule('_lab', labDef); // the lab's trace checks: importable only in a traced run
}
