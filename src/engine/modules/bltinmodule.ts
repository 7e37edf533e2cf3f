/**
 * The builtins module: print, len, id, isinstance, sorted …
 * CPython counterpart: Python/bltinmodule.c.
 */

import { PyObject, decref, incref, xdecref, makeImmortal } from '../objects/object.js';
import {
  PyTypeObject, TypeType, ObjectType, isSubtype, builtinType, TPFLAGS_HAVE_GC, type BuiltinMethod,
} from '../objects/typeobject.js';
import { raise, unsupported } from '../eval/errors.js';
import { Exc, builtinExceptionTypes, PyBaseException } from '../objects/exceptions.js';
import {
  repr, str, strString, hash, length, isTrue, richCompare, absolute,
} from '../objects/abstract.js';
import { noKeywords, checkArity } from '../objects/args.js';
import { PyNone, NotImplemented, Ellipsis } from '../objects/singletons.js';
import { newBool, PyTrue, PyFalse, BoolType } from '../objects/boolobject.js';
import { newInt, LongType } from '../objects/longobject.js';
import { FloatType } from '../objects/floatobject.js';
import { PyStr, StrType } from '../objects/unicodeobject.js';
import { PyTuple, TupleType } from '../objects/tupleobject.js';
import { ListType } from '../objects/listobject.js';
import { DictType, newDict, dictGetItemStr, dictSetItemStr } from '../objects/dictobject.js';
import { SetType, FrozenSetType } from '../objects/setobject.js';
import { RangeType } from '../objects/rangeobject.js';
import { SliceType } from '../objects/sliceobject.js';
import { EnumerateType, ZipType, MapType, FilterType, ReversedType, CallIterType } from '../objects/iterobject.js';
import { BytesType } from '../objects/bytesobject.js';
import { ByteArrayType } from '../objects/bytearrayobject.js';
import { ComplexType } from '../objects/complexobject.js';
import { PropertyType } from '../objects/descrobject.js';
import { ReferenceType } from '../objects/weakrefobject.js';
import { StaticMethodType, ClassMethodType } from '../objects/funcobject.js';
import { SuperType } from '../objects/superobject.js';
import { Py_LT, Py_GT } from '../objects/typeobject.js';
import { callDunder } from '../objects/typeslots.js';
// evaluated here as before bltinextra.ts took its user (module order fixes the builtin types' ids)
import '../objects/formatting.js';
import '../objects/typenew.js';
import { PyCell } from '../objects/cellobject.js';
import '../eval/ceval.js';
import { tstate } from '../eval/pystate.js';
import { importModule } from './importer.js';
import type { ModuleDef } from './moduledef.js';
// exec() and eval() (execeval.ts) use these: still evaluated from here, in the
// same order, as start-up depends on module evaluation order (see complexobject.ts)
import '../parse/index.js';
import '../compile/index.js';
import '../objects/codeobject.js';
import '../bytecode/opcodes.js';
import '../eval/frame.js';
import { writeStdout, writeStderr, fileWrite } from './sysmodule.js';
import { parts, deferred, deferredMethods } from '../ondemand.js';

function none(): PyObject {
  incref(PyNone);
  return PyNone;
}

// ---------------------------------------------------------------- I/O

const print: BuiltinMethod = (_self, args, kwnames) => {
  const nkw = kwnames ? kwnames.length : 0;
  const npos = args.length - nkw;
  let sep = ' ', end = '\n';
  let file: PyObject | null = null;
  for (let k = 0; k < nkw; k++) {
    const name = kwnames![k], v = args[npos + k];
    if (name === 'sep' || name === 'end') {
      if (v !== PyNone && !(v instanceof PyStr)) raise(Exc.TypeError, `${name} must be None or a string, not ${v.type.name}`);
      if (v instanceof PyStr) {
        if (name === 'sep') sep = v.value;
        else end = v.value;
      }
    } else if (name === 'file') {
      file = v === PyNone ? null : v;
    } else if (name !== 'flush') {
      raise(Exc.TypeError, `'${name}' is an invalid keyword argument for print()`);
    }
  }
  let out = '';
  for (let i = 0; i < npos; i++) {
    if (i > 0) out += sep;
    const a = args[i];
    out += a instanceof PyStr && a.type === StrType ? a.value : strString(a);
  }
  out += end;
  if (file === null) writeStdout(out);
  else fileWrite(file, out);
  return none();
};

// ---------------------------------------------------------------- objects

const len: BuiltinMethod = (_s, args, kw) => {
  noKeywords('len', kw);
  checkArity('len', args, 1, 1);
  return newInt(length(args[0]));
};

const id: BuiltinMethod = (_s, args, kw) => {
  noKeywords('id', kw);
  checkArity('id', args, 1, 1);
  return newInt(args[0].addr);
};

const hashFn: BuiltinMethod = (_s, args, kw) => {
  noKeywords('hash', kw);
  checkArity('hash', args, 1, 1);
  return newInt(hash(args[0]));
};

const reprFn: BuiltinMethod = (_s, args, kw) => {
  noKeywords('repr', kw);
  checkArity('repr', args, 1, 1);
  return repr(args[0]);
};

const unionArgs = deferred<(o: PyObject) => PyTuple>(parts.generic, 'unionArgs');

export function classInfoCheck(name: string, o: PyObject, cls: PyObject, sub: boolean): boolean {
  if (cls instanceof PyTuple) return cls.items.some((c) => classInfoCheck(name, o, c, sub));
  // A union checks its arguments (object_recursive_isinstance; objects/unionobject.ts).
  if (cls.type.name === 'types.UnionType') return classInfoCheck(name, o, unionArgs(cls), sub);
  // A metaclass may override the check (abc.ABCMeta does), and so may any object (types.GenericAlias).
  if (cls.type !== TypeType) {
    const r = callDunder(cls, sub ? '__subclasscheck__' : '__instancecheck__', [o]);
    if (r !== null) {
      const b = isTrue(r);
      decref(r);
      return b;
    }
  }
  if (!(cls instanceof PyTypeObject)) {
    raise(Exc.TypeError, `${name}() arg 2 must be a type, a tuple of types, or a union`);
  }
  if (sub) return isSubtype(o as PyTypeObject, cls);
  if (isSubtype(o.type, cls)) return true;
  // obj.__class__ may differ from type(obj) (proxies)
  return false;
}

const isinstance: BuiltinMethod = (_s, args, kw) => {
  noKeywords('isinstance', kw);
  if (args.length !== 2) raise(Exc.TypeError, `isinstance expected 2 arguments, got ${args.length}`);
  return newBool(classInfoCheck('isinstance', args[0], args[1], false));
};

export const locals_: BuiltinMethod = () => {
  const f = tstate.frame!;
  if (f.locals !== null) {
    incref(f.locals);
    return f.locals;
  }
  // A function's locals(): a snapshot dict of its bound variables.
  const d = newDict();
  const names = f.code.co_localsplusnames;
  for (let i = 0; i < names.length; i++) {
    let v = f.localsplus[i];
    if (v instanceof PyCell && f.code.co_localspluskinds[i] & 0xc0) v = v.ref;
    if (v !== null) dictSetItemStr(d, names[i], v);
  }
  return d;
};

// ---------------------------------------------------------------- numbers

const abs: BuiltinMethod = (_s, args) => {
  checkArity('abs', args, 1, 1);
  return absolute(args[0]);
};

const NB_TRUE_DIV = 11, NB_FLOOR = 2, NB_MOD = 6, NB_POW = 8;

// ---------------------------------------------------------------- iteration

// ---------------------------------------------------------------- classes

/** __build_class__: an on-demand part with the rest of class creation (objects/classcreation.ts) */
const buildClass = deferred<BuiltinMethod>(parts.classes, 'buildClass');

const importFn: BuiltinMethod = (_s, args) => {
  const name = args[0];
  if (!(name instanceof PyStr)) raise(Exc.TypeError, '__import__() argument 1 must be str');
  return importModule(name.value);
};

const unsupportedFn = (name: string): BuiltinMethod => () => unsupported(`${name}()`);

/**
 * exec() and eval() of a source string: their code is in modules/execeval.ts,
 * loaded on demand (a program that names `exec` or `eval` loads it; see
 * src/engine/ondemand.ts).
 */
// min, max, sum and sorted: an on-demand part (objects/sorting.ts)
const { max, min, sorted, sum } = deferredMethods<BuiltinMethod>(parts.sorting, ['max', 'min', 'sorted', 'sum']);

const execOrEval = deferred<(name: 'exec' | 'eval', args: PyObject[], kwnames: string[] | null) => PyObject>(
  parts.exec, 'execOrEval',
);

/**
 * The builtins most programs never call: an on-demand part
 * (modules/bltinextra.ts); a program that names one of them loads it.
 */
const x = deferredMethods<BuiltinMethod>(parts.builtins, [
  'all', 'any', 'ascii', 'bin', 'callable', 'chr', 'delattr', 'dir', 'divmod', 'format', 'getattr', 'globals', 'hasattr',
  'hex', 'issubclass', 'iter', 'next', 'oct', 'ord', 'pow', 'round', 'setattr', 'vars',
]);

const functions: Record<string, BuiltinMethod> = {
  __build_class__: buildClass,
  __import__: importFn,
  abs, all: x.all, any: x.any, ascii: x.ascii, bin: x.bin, callable: x.callable, chr: x.chr, delattr: x.delattr,
  dir: x.dir, divmod: x.divmod, format: x.format, getattr: x.getattr, globals: x.globals, hasattr: x.hasattr,
  hash: hashFn, hex: x.hex, id, isinstance, issubclass: x.issubclass, iter: x.iter, len, locals: locals_, max, min,
  next: x.next, oct: x.oct, ord: x.ord, pow: x.pow, print, repr: reprFn, round: x.round, setattr: x.setattr, sorted,
  sum, vars: x.vars,
  input: unsupportedFn('input'), open: unsupportedFn('open'),
  eval: (_s, args, kw) => execOrEval('eval', args, kw),
  exec: (_s, args, kw) => execOrEval('exec', args, kw),
  compile: unsupportedFn('compile'), breakpoint: unsupportedFn('breakpoint'),
  help: unsupportedFn('help'), aiter: unsupportedFn('aiter'), anext: unsupportedFn('anext'),
};

/**
 * site.py's exit, quit (_sitebuiltins.Quitter) and copyright, credits, license
 * (_sitebuiltins._Printer): their code is with the rarely called builtins (sitebuiltins.ts)
 */
export const siteObjects: Record<string, PyObject> = {};
for (const [name, objects] of [['Quitter', 'exit quit'], ['_Printer', 'copyright credits license']]) {
  const t = builtinType(name, 16, TPFLAGS_HAVE_GC);
  t.module = '_sitebuiltins';
  t.preheader = 16;
  t.tp_repr = deferred(parts.builtins, 'site.repr');
  t.tp_call = deferred(parts.builtins, 'site.call');
  for (const n of objects.split(' ')) {
    parts.builtins.words.add(n);
    makeImmortal(siteObjects[n] = new PyObject(t));
  }
}

/** memoryview: the type exists, making one is not supported */
const MemoryViewType = builtinType('memoryview', 144, TPFLAGS_HAVE_GC);
MemoryViewType.tp_new = () => unsupported('memoryview');

// list[int] … : __class_getitem__ makes a types.GenericAlias (an on-demand part, objects/genericalias.ts)
for (const t of [ListType, DictType, TupleType, SetType, FrozenSetType, EnumerateType, Exc.BaseExceptionGroup, ReferenceType]) {
  t.classMethods.__class_getitem__ = deferred(parts.generic, 'classGetItem');
}

/** The builtins module definition. */
export function builtinsDef(): ModuleDef {
  return {
    name: 'builtins',
    functions,
    attrs: () => {
      const a: Record<string, PyObject> = {
        None: PyNone, Ellipsis, NotImplemented, True: PyTrue, False: PyFalse,
        object: ObjectType, type: TypeType, int: LongType, bool: BoolType, float: FloatType, str: StrType,
        bytes: BytesType, tuple: TupleType, list: ListType, dict: DictType, set: SetType, frozenset: FrozenSetType,
        range: RangeType, slice: SliceType, enumerate: EnumerateType, zip: ZipType, map: MapType, filter: FilterType,
        reversed: ReversedType, property: PropertyType, staticmethod: StaticMethodType,
        classmethod: ClassMethodType, super: SuperType,
        bytearray: ByteArrayType, complex: ComplexType, memoryview: MemoryViewType, __debug__: PyTrue,
        ...siteObjects,
      };
      for (const et of builtinExceptionTypes) a[et.name] = et;
      a.EnvironmentError = a.IOError = Exc.OSError;
      for (const v of Object.values(a)) incref(v);
      return a;
    },
  };
}

export { CallIterType, PyBaseException, xdecref, richCompare, str, NB_TRUE_DIV, NB_FLOOR, NB_MOD, NB_POW, dictGetItemStr };
