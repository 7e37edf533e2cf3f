/**
 * The builtins module: print, len, id, isinstance, sorted …
 * CPython counterpart: Python/bltinmodule.c.
 */

import { PyObject, decref, incref, xdecref } from '../objects/object.js';
import { PyTypeObject, TypeType, ObjectType, isSubtype, type BuiltinMethod } from '../objects/typeobject.js';
import { raise, unsupported } from '../eval/errors.js';
import { Exc, builtinExceptionTypes, PyBaseException } from '../objects/exceptions.js';
import {
  repr, str, strString, hash, getIter, iterNext, iterableToArray, call, getAttr, setAttr, lookupAttr,
  length, isTrue, richCompare, richCompareBool, absolute, binaryOp, isCallable, isExceptionOf, clearRaise,
} from '../objects/abstract.js';
import { parseArgs, noKeywords, checkArity } from '../objects/args.js';
import { PyNone, NotImplemented, Ellipsis } from '../objects/singletons.js';
import { newBool, PyTrue, PyFalse, BoolType } from '../objects/boolobject.js';
import { PyLong, newInt, LongType, intValue, asIndex } from '../objects/longobject.js';
import { PyFloat, FloatType, roundFloat, newFloat } from '../objects/floatobject.js';
import { PyStr, newStr, StrType, strValue, asciiOf } from '../objects/unicodeobject.js';
import { newTuple, PyTuple, TupleType } from '../objects/tupleobject.js';
import { newList, PyList, ListType } from '../objects/listobject.js';
import { PyDict, DictType, newDict, dictGetItemStr, dictSetItemStr, dictItems } from '../objects/dictobject.js';
import { SetType, FrozenSetType } from '../objects/setobject.js';
import { RangeType } from '../objects/rangeobject.js';
import { SliceType } from '../objects/sliceobject.js';
import { EnumerateType, ZipType, MapType, FilterType, ReversedType, CallIterType, newCallIter } from '../objects/iterobject.js';
import { BytesType } from '../objects/bytesobject.js';
import { ByteArrayType } from '../objects/bytearrayobject.js';
import { ComplexType } from '../objects/complexobject.js';
import { PropertyType } from '../objects/descrobject.js';
import { StaticMethodType, ClassMethodType, PyFunction } from '../objects/funcobject.js';
import { SuperType } from '../objects/superobject.js';
import { Py_LT, Py_GT } from '../objects/typeobject.js';
import { callDunder } from '../objects/typeslots.js';
import { formatValue } from '../objects/formatting.js';
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

const ascii: BuiltinMethod = (_s, args) => {
  checkArity('ascii', args, 1, 1);
  return asciiOf(args[0]);
};

const format: BuiltinMethod = (_s, args) => {
  checkArity('format', args, 1, 2);
  const spec = args[1] ? strValue(args[1]) : '';
  return formatValue(args[0], spec);
};

function classInfoCheck(name: string, o: PyObject, cls: PyObject, sub: boolean): boolean {
  if (cls instanceof PyTuple) return cls.items.some((c) => classInfoCheck(name, o, c, sub));
  if (!(cls instanceof PyTypeObject)) {
    raise(Exc.TypeError, `${name}() arg 2 must be a type, a tuple of types, or a union`);
  }
  // A metaclass may override the check (abc.ABCMeta does).
  if (cls.type !== TypeType) {
    const r = callDunder(cls, sub ? '__subclasscheck__' : '__instancecheck__', [o]);
    if (r !== null) {
      const b = isTrue(r);
      decref(r);
      return b;
    }
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

const issubclass: BuiltinMethod = (_s, args, kw) => {
  noKeywords('issubclass', kw);
  if (args.length !== 2) raise(Exc.TypeError, `issubclass expected 2 arguments, got ${args.length}`);
  if (!(args[0] instanceof PyTypeObject)) raise(Exc.TypeError, 'issubclass() arg 1 must be a class');
  return newBool(classInfoCheck('issubclass', args[0], args[1], true));
};

const callable: BuiltinMethod = (_s, args) => {
  checkArity('callable', args, 1, 1);
  return newBool(isCallable(args[0]));
};

const getattr: BuiltinMethod = (_s, args, kw) => {
  noKeywords('getattr', kw);
  if (args.length < 2) raise(Exc.TypeError, `getattr expected at least 2 arguments, got ${args.length}`);
  if (args.length > 3) raise(Exc.TypeError, `getattr expected at most 3 arguments, got ${args.length}`);
  const name = args[1];
  if (!(name instanceof PyStr)) raise(Exc.TypeError, `attribute name must be string, not '${name.type.name}'`);
  if (args.length === 3) {
    const v = lookupAttr(args[0], name.value);
    if (v !== null) return v;
    incref(args[2]);
    return args[2];
  }
  return getAttr(args[0], name.value);
};

const hasattr: BuiltinMethod = (_s, args) => {
  if (args.length !== 2) raise(Exc.TypeError, `hasattr expected 2 arguments, got ${args.length}`);
  const name = args[1];
  if (!(name instanceof PyStr)) raise(Exc.TypeError, `attribute name must be string, not '${name.type.name}'`);
  const v = lookupAttr(args[0], name.value);
  if (v === null) return newBool(false);
  decref(v);
  return newBool(true);
};

const setattr: BuiltinMethod = (_s, args) => {
  if (args.length !== 3) raise(Exc.TypeError, `setattr expected 3 arguments, got ${args.length}`);
  const name = args[1];
  if (!(name instanceof PyStr)) raise(Exc.TypeError, `attribute name must be string, not '${name.type.name}'`);
  setAttr(args[0], name.value, args[2]);
  return none();
};

const delattr: BuiltinMethod = (_s, args) => {
  if (args.length !== 2) raise(Exc.TypeError, `delattr expected 2 arguments, got ${args.length}`);
  const name = args[1];
  if (!(name instanceof PyStr)) raise(Exc.TypeError, `attribute name must be string, not '${name.type.name}'`);
  setAttr(args[0], name.value, null);
  return none();
};

const vars: BuiltinMethod = (_s, args) => {
  if (args.length === 0) return locals_(_s, [], null);
  const v = lookupAttr(args[0], '__dict__');
  if (v === null) raise(Exc.TypeError, 'vars() argument must have __dict__ attribute');
  return v;
};

const dir: BuiltinMethod = (_s, args) => {
  if (args.length === 0) {
    const f = tstate.frame!;
    const d = f.locals ?? f.globals;
    const names = dictItems(d).map(([k]) => strValue(k)).sort();
    return newList(names.map((n) => newStr(n)));
  }
  const r = callDunder(args[0], '__dir__', []);
  if (r === null) raise(Exc.TypeError, 'object does not provide __dir__');
  const items = iterableToArray(r);
  decref(r);
  const names = items.map((x) => strValue(x)).sort();
  for (const x of items) decref(x);
  return newList(names.map((n) => newStr(n)));
};

const globals: BuiltinMethod = () => {
  const g = tstate.frame!.globals;
  incref(g);
  return g;
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

const divmod: BuiltinMethod = (_s, args) => {
  if (args.length !== 2) raise(Exc.TypeError, `divmod expected 2 arguments, got ${args.length}`);
  const [a, b] = args;
  const viaDunder = callDunderPair(a, b, '__divmod__', '__rdivmod__');
  if (viaDunder !== null) return viaDunder;
  raise(Exc.TypeError, `unsupported operand type(s) for divmod(): '${a.type.name}' and '${b.type.name}'`);
};

function callDunderPair(a: PyObject, b: PyObject, name: string, rname: string): PyObject | null {
  if ((a.type === LongType || a.type === BoolType || a.type === FloatType) && (b.type === LongType || b.type === BoolType || b.type === FloatType)) {
    const q = binaryOp(a, b, NB_FLOOR);
    try {
      const r = binaryOp(a, b, NB_MOD);
      return newTuple([q, r]);
    } catch (e) {
      decref(q);
      throw e;
    }
  }
  const r = callDunder(a, name, [b]);
  if (r !== null && r !== NotImplemented) return r;
  const r2 = callDunder(b, rname, [a]);
  if (r2 !== null && r2 !== NotImplemented) return r2;
  return null;
}

const pow: BuiltinMethod = (_s, args, kw) => {
  const [base, exp, mod] = parseArgs('pow', args, kw, ['base', 'exp', 'mod'], 2);
  if (mod === undefined || mod === PyNone) return binaryOp(base!, exp!, NB_POW);
  const f = base!.type.nb_power3;
  if (f === null) raise(Exc.TypeError, `unsupported operand type(s) for ** or pow(): '${base!.type.name}', '${exp!.type.name}', '${mod.type.name}'`);
  return f(base!, exp!, mod);
};

const round: BuiltinMethod = (_s, args, kw) => {
  const [num, nd] = parseArgs('round', args, kw, ['number', 'ndigits'], 1);
  const x = num!;
  if (x.type === FloatType) return roundFloat((x as PyFloat).value, nd === undefined || nd === PyNone ? null : asIndex(nd));
  const r = callDunder(x, '__round__', nd === undefined ? [] : [nd]);
  if (r === null) raise(Exc.TypeError, `type ${x.type.name} doesn't define __round__ method`);
  return r;
};

function intToBase(args: PyObject[], name: string, prefix: string, radix: number): PyObject {
  checkArity(name, args, 1, 1);
  const o = args[0];
  let v: number | bigint;
  if (o instanceof PyLong) v = o.value;
  else {
    const idx = callDunder(o, '__index__', []);
    if (idx === null) raise(Exc.TypeError, `'${o.type.name}' object cannot be interpreted as an integer`);
    v = intValue(idx);
    decref(idx);
  }
  const neg = v < 0;
  const digits = (neg ? (typeof v === 'bigint' ? -v : -v) : v).toString(radix);
  return newStr(`${neg ? '-' : ''}${prefix}${digits}`);
}
const hex: BuiltinMethod = (_s, args) => intToBase(args, 'hex', '0x', 16);
const oct: BuiltinMethod = (_s, args) => intToBase(args, 'oct', '0o', 8);
const bin: BuiltinMethod = (_s, args) => intToBase(args, 'bin', '0b', 2);

const ord: BuiltinMethod = (_s, args) => {
  checkArity('ord', args, 1, 1);
  const o = args[0];
  if (o instanceof PyStr) {
    const cps = [...o.value];
    if (cps.length !== 1) raise(Exc.TypeError, `ord() expected a character, but string of length ${cps.length} found`);
    return newInt(cps[0].codePointAt(0)!);
  }
  const b = o as PyObject & { value?: unknown };
  if (o.type === BytesType && b.value instanceof Uint8Array) {
    if (b.value.length !== 1) raise(Exc.TypeError, `ord() expected a character, but string of length ${b.value.length} found`);
    return newInt(b.value[0]);
  }
  raise(Exc.TypeError, `ord() expected string of length 1, but ${o.type.name} found`);
};

const chr: BuiltinMethod = (_s, args) => {
  checkArity('chr', args, 1, 1);
  const o = args[0];
  if (!(o instanceof PyLong)) raise(Exc.TypeError, `'${o.type.name}' object cannot be interpreted as an integer`);
  const v = o.value;
  if (typeof v !== 'number' || v < 0 || v > 0x10ffff) raise(Exc.ValueError, 'chr() arg not in range(0x110000)');
  return newStr(String.fromCodePoint(v));
};

// ---------------------------------------------------------------- iteration

const iter: BuiltinMethod = (_s, args, kw) => {
  noKeywords('iter', kw);
  checkArity('iter', args, 1, 2);
  if (args.length === 2) {
    if (!isCallable(args[0])) raise(Exc.TypeError, 'iter(v, w): v must be callable');
    return newCallIter(args[0], args[1]);
  }
  return getIter(args[0]);
};

const next: BuiltinMethod = (_s, args, kw) => {
  noKeywords('next', kw);
  checkArity('next', args, 1, 2);
  const it = args[0];
  if (it.type.tp_iternext === null) raise(Exc.TypeError, `'${it.type.name}' object is not an iterator`);
  let r: PyObject | null;
  try {
    r = it.type.tp_iternext(it);
  } catch (e) {
    if (args.length === 2 && isExceptionOf(e, Exc.StopIteration)) {
      clearRaise(e);
      incref(args[1]);
      return args[1];
    }
    throw e;
  }
  if (r !== null) return r;
  if (args.length === 2) {
    incref(args[1]);
    return args[1];
  }
  raise(Exc.StopIteration);
};

function anyAll(name: string, want: boolean): BuiltinMethod {
  return (_s, args) => {
    checkArity(name, args, 1, 1);
    const it = getIter(args[0]);
    try {
      for (let x = iterNext(it); x !== null; x = iterNext(it)) {
        const t = isTrue(x);
        decref(x);
        if (t === want) return newBool(want);
      }
      return newBool(!want);
    } finally {
      decref(it);
    }
  };
}

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

const functions: Record<string, BuiltinMethod> = {
  __build_class__: buildClass,
  __import__: importFn,
  abs, all: anyAll('all', false), any: anyAll('any', true), ascii, bin, callable, chr, delattr, dir, divmod,
  format, getattr, globals, hasattr, hash: hashFn, hex, id, isinstance, issubclass, iter, len, locals: locals_, max, min,
  next, oct, ord, pow, print, repr: reprFn, round, setattr, sorted, sum, vars,
  input: unsupportedFn('input'), open: unsupportedFn('open'),
  eval: (_s, args, kw) => execOrEval('eval', args, kw),
  exec: (_s, args, kw) => execOrEval('exec', args, kw),
  compile: unsupportedFn('compile'), breakpoint: unsupportedFn('breakpoint'),
  help: unsupportedFn('help'), aiter: unsupportedFn('aiter'), anext: unsupportedFn('anext'),
};

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
        bytearray: ByteArrayType, complex: ComplexType,
      };
      for (const et of builtinExceptionTypes) a[et.name] = et;
      for (const v of Object.values(a)) incref(v);
      return a;
    },
  };
}

export { CallIterType, PyBaseException, xdecref, richCompare, str, NB_TRUE_DIV, dictGetItemStr };
