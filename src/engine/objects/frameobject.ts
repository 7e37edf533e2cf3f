/**
 * Frame objects: the Python-visible face of an interpreter frame.
 * CPython counterpart: Objects/frameobject.c (PyFrameObject, take_ownership).
 *
 * While the call runs, the frame object just points at the interpreter frame.
 * When the call ends and the frame object is still referenced (a traceback
 * holds it), it takes the frame's locals over, keeping those objects alive.
 */

import { PyObject, decref, incref } from './object.js';
import { builtinType, TPFLAGS_HAVE_GC, type Visit } from './typeobject.js';
import { gcAlloc, gcFree, gcTrack, gcUntrack } from '../gc/gcobject.js';
import { Frame } from '../eval/frame.js';
import { newStr } from './unicodeobject.js';
import { newInt } from './longobject.js';
import { PyNone } from './singletons.js';

export class PyFrameObject extends PyObject {
  /** the interpreter frame; after the call ended, a frozen copy owned by this object */
  owned = false;
  constructor(public frame: Frame) {
    super(FrameType);
  }
}

export const FrameType = builtinType('frame', 72, TPFLAGS_HAVE_GC);
FrameType.weakrefable = true;

/** _PyFrame_GetFrameObject: the frame object for an interpreter frame, made on demand. */
export function getFrameObject(f: Frame): PyFrameObject {
  if (f.frameObject) return f.frameObject as PyFrameObject;
  const fo = new PyFrameObject(f);
  gcAlloc(fo, FrameType.basicsize);
  f.frameObject = fo;
  gcTrack(fo);
  return fo;
}

/**
 * Called when the interpreter frame is done (clear_thread_frame). Returns true
 * if a frame object took ownership of the locals (the caller must not drop them).
 */
export function frameObjectTakeOwnership(f: Frame): boolean {
  const fo = f.frameObject as PyFrameObject | null;
  if (fo === null) return false;
  if (fo.refcnt > 1) {
    fo.owned = true;
    f.frameObject = null;
    decref(fo);
    return true;
  }
  f.frameObject = null;
  fo.frame = f;
  decref(fo);
  return false;
}

function ownedRefs(fo: PyFrameObject): PyObject[] {
  if (!fo.owned) return [];
  const f = fo.frame;
  const out: PyObject[] = [];
  for (const v of f.localsplus) if (v) out.push(v);
  for (let i = 0; i < f.sp; i++) {
    const v = f.stack[i];
    if (v) out.push(v);
  }
  return out;
}

FrameType.tp_traverse = (o: PyObject, visit: Visit) => {
  for (const r of ownedRefs(o as PyFrameObject)) visit(r);
};
FrameType.tp_clear = (o: PyObject) => {
  const fo = o as PyFrameObject;
  if (!fo.owned) return;
  const refs = ownedRefs(fo);
  fo.frame.localsplus.fill(null);
  fo.frame.sp = 0;
  fo.owned = false;
  for (const r of refs) decref(r);
};
FrameType.tp_dealloc = (o: PyObject) => {
  gcUntrack(o);
  FrameType.tp_clear!(o);
  gcFree(o);
};
FrameType.tp_repr = (o) => {
  const f = (o as PyFrameObject).frame;
  return newStr(`<frame at 0x${o.addr.toString(16)}, file '${f.code.co_filename}', line ${f.currentLine()}, code ${f.code.co_name}>`);
};
FrameType.getsets = {
  f_lineno: { get: (self) => newInt((self as PyFrameObject).frame.currentLine()) },
  f_code: {
    get: (self) => {
      const c = (self as PyFrameObject).frame.codeObj;
      incref(c);
      return c;
    },
  },
  f_back: {
    get: (self) => {
      const p = (self as PyFrameObject).frame.previous;
      if (!p || (self as PyFrameObject).owned) {
        incref(PyNone);
        return PyNone;
      }
      const fo = getFrameObject(p);
      incref(fo);
      return fo;
    },
  },
  f_globals: {
    get: (self) => {
      const g = (self as PyFrameObject).frame.globals;
      incref(g);
      return g;
    },
  },
};
