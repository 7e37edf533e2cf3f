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

CellType.getsets = {
  cell_contents: {
    get: (o) => {
      const v = (o as PyCell).ref;
      if (v === null) raiseValueError('Cell is empty');
      incref(v!);
      return v!;
    },
    set: (o, v) => {
      const c = o as PyCell;
      const old = c.ref;
      if (v) incref(v);
      c.ref = v;
      if (old) decref(old);
    },
  },
};
CellType.tp_repr = (o) => {
  const v = (o as PyCell).ref;
  const inner = v === null ? 'empty' : `${v.type.name} object at 0x${v.addr.toString(16)}`;
  return newStr(`<cell at 0x${o.addr.toString(16)}: ${inner}>`);
};
import { incref } from './object.js';
import { raise } from '../eval/errors.js';
import { Exc } from './exceptions.js';
import { newStr } from './unicodeobject.js';
function raiseValueError(msg: string): never {
  raise(Exc.ValueError, msg);
}
