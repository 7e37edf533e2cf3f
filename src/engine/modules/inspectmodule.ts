/**
 * The inspect module, reduced to what teaching examples use: the generator
 * state functions and the is* predicates.
 * CPython counterpart: Lib/inspect.py (3.12) — getgeneratorstate,
 * getgeneratorlocals, isfunction, isclass, isgenerator, isgeneratorfunction …
 *
 * inspect.signature and everything built on it raise "not supported by the
 * simulator".
 */

import { PyObject, newref } from '../objects/object.js';
import { PyTypeObject, isSubtype } from '../objects/typeobject.js';
import { raise, unsupported } from '../eval/errors.js';
import { Exc } from '../objects/exceptions.js';
import { newBool } from '../objects/longobject.js';
import { newStr } from '../objects/unicodeobject.js';
import { PyFunction } from '../objects/funcobject.js';
import { PyGen, GenType } from '../objects/genobject.js';
import { PyCFunction } from '../objects/methodobject.js';
import { PyMethod } from '../objects/classobject.js';
import { PyModule } from '../objects/moduleobject.js';
import { newDict, dictSetItemStr } from '../objects/dictobject.js';
import { FrameState } from '../eval/frame.js';
import { CO_GENERATOR } from '../bytecode/code.js';
import { checkArity } from '../objects/args.js';
import { lookupAttr } from '../objects/abstract.js';
import { decref } from '../objects/object.js';
import type { BuiltinMethod } from '../objects/typeobject.js';
import type { ModuleDef } from './moduledef.js';

const GEN_CREATED = 'GEN_CREATED';
const GEN_RUNNING = 'GEN_RUNNING';
const GEN_SUSPENDED = 'GEN_SUSPENDED';
const GEN_CLOSED = 'GEN_CLOSED';

function genOf(fname: string, o: PyObject, attr: string): PyGen {
  if (o instanceof PyGen) return o;
  void fname;
  raise(Exc.AttributeError, `'${o.type.name}' object has no attribute '${attr}'`);
}

/** getgeneratorstate: gi_running, gi_suspended, gi_frame is None, else created */
function getgeneratorstate(_m: PyObject, args: PyObject[]): PyObject {
  checkArity('getgeneratorstate', args, 1, 1);
  const g = genOf('getgeneratorstate', args[0], 'gi_running');
  const st = g.frame.state;
  if (g.running) return newStr(GEN_RUNNING);
  if (st === FrameState.Suspended) return newStr(GEN_SUSPENDED);
  if (st >= FrameState.Completed) return newStr(GEN_CLOSED);
  return newStr(GEN_CREATED);
}

/** getgeneratorlocals: the suspended frame's bound local variables ({} once closed) */
function getgeneratorlocals(_m: PyObject, args: PyObject[]): PyObject {
  checkArity('getgeneratorlocals', args, 1, 1);
  const o = args[0];
  if (!(o instanceof PyGen)) raise(Exc.TypeError, `${reprType(o)} is not a Python generator`);
  const d = newDict();
  const f = o.frame;
  if (f.state >= FrameState.Completed) return d;
  const names = f.code.co_localsplusnames;
  for (let i = 0; i < names.length; i++) {
    let v = f.localsplus[i];
    if (v === null) continue;
    // cells hold the value (LOAD_DEREF's view)
    const cell = v as PyObject & { ref?: PyObject | null };
    if (v.type.name === 'cell') {
      if (!cell.ref) continue;
      v = cell.ref;
    }
    dictSetItemStr(d, names[i], v);
  }
  return d;
}
function reprType(o: PyObject): string {
  return `<class '${o.type.name}'>`;
}

function pred(test: (o: PyObject) => boolean): BuiltinMethod {
  return (_m, args) => {
    checkArity('predicate', args, 1, 1);
    return newBool(test(args[0]));
  };
}

function isGeneratorFunction(o: PyObject): boolean {
  let f: PyObject = o;
  if (f instanceof PyMethod) f = f.func;
  return f instanceof PyFunction && (f.codeObj.code.co_flags & CO_GENERATOR) !== 0;
}

export function inspectDef(): ModuleDef {
  return {
    name: 'inspect',
    functions: {
      getgeneratorstate,
      getgeneratorlocals,
      isfunction: pred((o) => o instanceof PyFunction),
      isclass: pred((o) => o instanceof PyTypeObject),
      isgenerator: pred((o) => o.type === GenType),
      isgeneratorfunction: pred(isGeneratorFunction),
      ismethod: pred((o) => o instanceof PyMethod),
      isbuiltin: pred((o) => o instanceof PyCFunction),
      ismodule: pred((o) => o instanceof PyModule),
      isroutine: pred((o) => o instanceof PyFunction || o instanceof PyCFunction || o instanceof PyMethod
        || o.type.name === 'method_descriptor' || o.type.name === 'wrapper_descriptor'),
      iscoroutinefunction: pred(() => false),
      isabstract: pred(() => false),
      isexception: pred((o) => o instanceof PyTypeObject && isSubtype(o, Exc.BaseException)),
      getdoc: (_m, args) => {
        checkArity('getdoc', args, 1, 1);
        const d = lookupAttr(args[0], '__doc__');
        if (d === null) return newref(noneObj());
        return d;
      },
      signature: () => unsupported('inspect.signature'),
      getsource: () => unsupported('inspect.getsource'),
      getmembers: () => unsupported('inspect.getmembers'),
      currentframe: () => unsupported('inspect.currentframe (use sys._getframe)'),
      stack: () => unsupported('inspect.stack'),
    },
    attrs: () => ({
      GEN_CREATED: newStr(GEN_CREATED),
      GEN_RUNNING: newStr(GEN_RUNNING),
      GEN_SUSPENDED: newStr(GEN_SUSPENDED),
      GEN_CLOSED: newStr(GEN_CLOSED),
    }),
  };
}

import { PyNone } from '../objects/singletons.js';
function noneObj(): PyObject {
  return PyNone;
}
void decref;
