/**
 * Cells: the boxes closures share variables through.
 * CPython counterpart: Objects/cellobject.c.
 */

import { PyObject, decref, xdecref } from './object.js';
import { builtinType, TPFLAGS_HAVE_GC, type Visit } from './typeobject.js';
import { gcAlloc, gcFree, gcTrack, gcUntrack } from '../gc/gcobject.js';

export class PyCell extends PyObject {
  /** the variable's current value; null when unbound */
  ref: PyObject | null = null;
}

export const CellType = builtinType('cell', 24, TPFLAGS_HAVE_GC);
CellType.tp_traverse = (o: PyObject, visit: Visit) => {
  const c = o as PyCell;
  if (c.ref) visit(c.ref);
};
CellType.tp_clear = (o: PyObject) => {
  const c = o as PyCell;
  const r = c.ref;
  c.ref = null;
  xdecref(r);
};
CellType.tp_dealloc = (o: PyObject) => {
  gcUntrack(o);
  const c = o as PyCell;
  const r = c.ref;
  c.ref = null;
  if (r) decref(r);
  gcFree(o);
};

/** PyCell_New: steals `value` (may be null). */
export function newCell(value: PyObject | null): PyCell {
  const c = new PyCell(CellType);
  gcAlloc(c, CellType.basicsize);
  c.ref = value;
  gcTrack(c);
  return c;
}
