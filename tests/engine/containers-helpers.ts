/** Shared helpers for the container tests: values from containers-recorded.json as engine objects. */
import { readFileSync } from 'node:fs';
import { PyObject, decref } from '../../src/engine/objects/object.js';
import { newInt } from '../../src/engine/objects/longobject.js';
import { newStr, PyStr } from '../../src/engine/objects/unicodeobject.js';
import { PyNone } from '../../src/engine/objects/singletons.js';
import { isPyRaise } from '../../src/engine/eval/errors.js';
import { excArgs } from '../../src/engine/objects/exceptions.js';
import { reprString } from '../../src/engine/objects/abstract.js';
import { PyLong } from '../../src/engine/objects/longobject.js';

export const rec = JSON.parse(readFileSync(new URL('./containers-recorded.json', import.meta.url), 'utf8'));

/** A new reference for a JSON scalar (int or str or null). */
export function py(v: unknown): PyObject {
  if (v === null) return PyNone;
  if (typeof v === 'number') return newInt(v);
  if (typeof v === 'string') return newStr(v);
  throw new Error(`py(): unsupported ${String(v)}`);
}

/** JS view of a simple Python object (int, str) for comparisons. */
export function js(o: PyObject): unknown {
  if (o instanceof PyLong) return typeof o.value === 'bigint' ? Number(o.value) : o.value;
  if (o instanceof PyStr) return o.value;
  return reprString(o);
}

/** "Type: message" of the Python exception `f` raises, or null. */
export function pyErr(f: () => unknown): string | null {
  try {
    const r = f();
    if (r instanceof PyObject) decref(r);
  } catch (e) {
    if (!isPyRaise(e)) throw e;
    const args = excArgs(e.exc);
    const msg = args.length === 0 ? '' : args[0] instanceof PyStr && e.exc.type.name !== 'KeyError' ? args[0].value : reprString(args[0]);
    const s = `${e.exc.type.name}: ${msg}`;
    decref(e.exc);
    return s;
  }
  return null;
}
