/**
 * Code objects' attributes (co_name, co_consts, co_varnames …): an on-demand
 * part (see ondemand.ts) that their names load; codeobject.ts keeps the
 * getset stubs in the code type's dict. Moved from codeobject.ts unchanged.
 * CPython counterpart: Objects/codeobject.c (code_memberlist, code_getsetlist).
 */
import { PyObject, incref } from './object.js';
import { CO_FAST_LOCAL as LOCAL, CO_FAST_CELL as CELL, CO_FAST_FREE as FREE, type CodeObject } from '../bytecode/code.js';
import { PyCode } from './codeobject.js';
import { newInt } from './longobject.js';
import { newStr, internStr } from './unicodeobject.js';
import { newTuple } from './tupleobject.js';
// the module that holds this part's stubs, evaluated first (ondemand.ts checks every stub has its code)
import './codeobject.js';

function namesTuple(names: string[]): PyObject {
  return newTuple(names.map((n) => internStr(n)));
}
function kindNames(c: CodeObject, kind: number): string[] {
  return c.co_localsplusnames.filter((_, i) => (c.co_localspluskinds[i] & kind) !== 0);
}
const int = (n: number): PyObject => newInt(n);
export const codeAttrs: Record<string, (o: PyObject) => PyObject> = {
  co_name: (o) => internStr((o as PyCode).code.co_name),
  co_qualname: (o) => newStr((o as PyCode).code.co_qualname),
  co_filename: (o) => newStr((o as PyCode).code.co_filename),
  co_firstlineno: (o) => int((o as PyCode).code.co_firstlineno),
  co_argcount: (o) => int((o as PyCode).code.co_argcount),
  co_posonlyargcount: (o) => int((o as PyCode).code.co_posonlyargcount),
  co_kwonlyargcount: (o) => int((o as PyCode).code.co_kwonlyargcount),
  co_flags: (o) => int((o as PyCode).code.co_flags),
  co_stacksize: (o) => int((o as PyCode).code.co_stacksize),
  co_nlocals: (o) => int((o as PyCode).code.co_nlocals),
  co_names: (o) => namesTuple((o as PyCode).code.co_names),
  co_varnames: (o) => namesTuple(kindNames((o as PyCode).code, LOCAL)),
  co_cellvars: (o) => namesTuple(kindNames((o as PyCode).code, CELL)),
  co_freevars: (o) => namesTuple(kindNames((o as PyCode).code, FREE)),
  co_consts: (o) => {
    const t = (o as PyCode).constsTuple!;
    incref(t);
    return t;
  },
};
