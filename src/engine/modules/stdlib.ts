/**
 * Registers the pure-simulator versions of standard-library modules that
 * teaching examples import (itertools, contextlib, …). Each module lives in
 * its own file next to this one.
 */

export function registerStdlib(): void {
  // Filled in as modules are added: registerModule('itertools', itertoolsDef) …
}
