/**
 * What an instance's deallocation, clearing and traversal (subtype_dealloc,
 * subtype_clear, subtype_traverse) do to its inline values
 * (instancevalues.ts), and its dict made when asked for: apart from
 * instancevalues.ts because their only user, objects/classcreation.ts, is an
 * on-demand part, while the worker core stores and reads attributes.
 * CPython counterpart: Objects/dictobject.c.
 */
import { type PyObject, dealloc, xdecref } from './object.js';
import type { Visit } from './typeobject.js';
import { heap } from '../memory/heap.js';
import { type InlineValuesOwner, makeDictFromInstanceAttributes } from './instancevalues.js';

/** The instance's own dict, made from its inline values if it has none yet (_PyObject_GetDictPtr). */
export function materializeInstanceDict(o: PyObject): void {
  const io = o as InlineValuesOwner;
  if (o.dict === null && io.values) o.dict = makeDictFromInstanceAttributes(io, o.type.cachedKeys!);
}

/** _PyObject_FreeInstanceAttributes (subtype_dealloc): values in shared-key order, then the array. */
export function freeInstanceAttributes(o: InlineValuesOwner): void {
  const vals = o.values!;
  const addr = o.valuesAddr;
  o.values = null;
  o.order = null;
  o.valuesAddr = 0;
  for (let i = 0; i < vals.length; i++) xdecref(vals[i]);
  heap.freeBuffer(addr);
}

/** _PyObject_ClearInstanceAttributes (subtype_clear): the values go, the array stays. */
export function clearInstanceAttributes(o: InlineValuesOwner): void {
  const vals = o.values!;
  for (let i = 0; i < vals.length; i++) {
    const v = vals[i];
    if (v === null) continue;
    vals[i] = null;
    // decref(v), spelled out: object.ts's decref is megamorphic (one inline
    // cache for every class); this one sees only attribute values.
    if (heap.tracing) heap.onDecref(v);
    if (--v.refcnt === 0) dealloc(v);
  }
  const order = o.order;
  if (order !== null && o.values) o.order = order.filter((ix) => o.values![ix] != null);
}

/** _PyObject_VisitInstanceAttributes: in shared-key order. */
export function visitInstanceAttributes(vals: (PyObject | null)[], visit: Visit): void {
  for (let i = 0; i < vals.length; i++) {
    const v = vals[i];
    if (v !== null) visit(v);
  }
}
