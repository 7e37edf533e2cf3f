/**
 * Annotations: SETUP_ANNOTATIONS, which makes a module's or class's
 * `__annotations__` dict. An on-demand part (see ondemand.ts). Moved here
 * verbatim from eval/ceval.ts, which keeps its stub (its `rareOps`).
 */
import { decref } from '../objects/object.js';
import { newDict, dictGetItemStr, dictSetItemStr } from '../objects/dictobject.js';
import type { Frame } from './frame.js';
// the module that holds this part's stubs, evaluated first (ondemand.ts checks every stub has its code)
import './ceval.js';

/** SETUP_ANNOTATIONS */
function setupAnnotations(f: Frame, oparg: number): void {
  const l = f.locals!;
  if (dictGetItemStr(l, '__annotations__') === null) {
  const d = newDict();
    dictSetItemStr(l, '__annotations__', d);
    decref(d);
  }
}

export const annotations = { SETUP_ANNOTATIONS: setupAnnotations };
