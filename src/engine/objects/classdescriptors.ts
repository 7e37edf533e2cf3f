/**
 * property objects made, read through, written through, and their getter,
 * setter and deleter methods: with the code that makes classes, an on-demand
 * part (see ondemand.ts; the word `property` loads it too). Moved here
 * verbatim from descrobject.ts, which keeps the type, its layout and stubs.
 * CPython counterpart: Objects/descrobject.c (property_*).
 */
import { type PyObject, decref, incref } from './object.js';
import type { PyTypeObject, BuiltinMethod } from './typeobject.js';
import { gcAlloc, gcTrack } from '../gc/gcobject.js';
import { raise } from '../eval/errors.js';
import { Exc } from './exceptions.js';
import { call } from './abstract.js';
import { PyNone } from './singletons.js';
import { parseArgs } from './args.js';
import { PyProperty, PropertyType } from './descrobject.js';

function newProperty(fget: PyObject | null, fset: PyObject | null, fdel: PyObject | null, doc: PyObject | null): PyProperty {
  const p = new PyProperty(PropertyType);
  gcAlloc(p, PropertyType.basicsize);
  for (const r of [fget, fset, fdel, doc]) if (r && r !== PyNone) incref(r);
  p.fget = fget === PyNone ? null : fget;
  p.fset = fset === PyNone ? null : fset;
  p.fdel = fdel === PyNone ? null : fdel;
  p.doc = doc === PyNone ? null : doc;
  gcTrack(p);
  return p;
}

function propertyNew(_type: PyTypeObject, args: PyObject[], kwnames: string[] | null): PyObject {
  const [fget, fset, fdel, doc] = parseArgs('property', args, kwnames, ['fget', 'fset', 'fdel', 'doc'], 0);
  return newProperty(fget ?? null, fset ?? null, fdel ?? null, doc ?? null);
}
function propertyGet(descr: PyObject, obj: PyObject | null): PyObject {
  const p = descr as PyProperty;
  if (obj === null) {
    incref(p);
    return p;
  }
  if (p.fget === null) {
    raise(Exc.AttributeError, p.name ? `property '${p.name}' of '${obj.type.name}' object has no getter` : `unreadable attribute`);
  }
  return call(p.fget, [obj]);
}
function propertySet(descr: PyObject, obj: PyObject, value: PyObject | null): void {
  const p = descr as PyProperty;
  const f = value === null ? p.fdel : p.fset;
  if (f === null) {
    const what = value === null ? 'deleter' : 'setter';
    raise(Exc.AttributeError, p.name ? `property '${p.name}' of '${obj.type.name}' object has no ${what}` : `can't set attribute`);
  }
  const r = value === null ? call(f, [obj]) : call(f, [obj, value]);
  decref(r);
}
function propertyCopy(p: PyProperty, which: 'fget' | 'fset' | 'fdel', f: PyObject): PyObject {
  const q = newProperty(
    which === 'fget' ? f : p.fget,
    which === 'fset' ? f : p.fset,
    which === 'fdel' ? f : p.fdel,
    p.doc,
  );
  q.name = p.name;
  return q;
}
const methods: Record<string, BuiltinMethod> = {
  getter: (self, args) => propertyCopy(self as PyProperty, 'fget', args[0]),
  setter: (self, args) => propertyCopy(self as PyProperty, 'fset', args[0]),
  deleter: (self, args) => propertyCopy(self as PyProperty, 'fdel', args[0]),
  __set_name__: (self, args) => {
    const n = args[1] as PyObject & { value?: string };
    (self as PyProperty).name = n.value ?? null;
    incref(PyNone);
    return PyNone;
  },
};

/** The implementations of descrobject.ts's stubs. */
export const classDescriptors = {
  'property.tp_new': propertyNew, 'property.tp_descr_get': propertyGet, 'property.tp_descr_set': propertySet,
  'property.getter': methods.getter, 'property.setter': methods.setter, 'property.deleter': methods.deleter,
  'property.__set_name__': methods.__set_name__,
};
