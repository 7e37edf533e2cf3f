/**
 * The builtins most programs never call (an on-demand part, see ondemand.ts):
 * each one's name in a program's text loads it. Moved here verbatim from
 * modules/bltinmodule.ts, which keeps their stubs in the builtins module.
 * CPython counterpart: Python/bltinmodule.c.
 */
import { PyObject, decref, incref } from '../objects/object.js';
import { PyTypeObject, NB_DIVMOD, type BuiltinMethod } from '../objects/typeobject.js';
import { raise } from '../eval/errors.js';
import { Exc } from '../objects/exceptions.js';
import {
  getIter, iterNext, iterableToArray, getAttr, setAttr, lookupAttr, isTrue, binaryOp, isCallable, isExceptionOf,
  clearRaise, binaryOp1,
} from '../objects/abstract.js';
import { parseArgs, noKeywords, checkArity } from '../objects/args.js';
import { PyNone, NotImplemented } from '../objects/singletons.js';
import { newBool } from '../objects/boolobject.js';
import { PyLong, newInt, intValue, asIndex } from '../objects/longobject.js';
import { PyFloat, FloatType, roundFloat } from '../objects/floatobject.js';
import { PyStr, newStr, strValue } from '../objects/unicodeobject.js';
import { asciiOf } from '../objects/ascii.js';
import { newList } from '../objects/listobject.js';
import { dictItems } from '../objects/dictobject.js';
import { newCallIter } from '../objects/iterobject.js';
import { BytesType } from '../objects/bytesobject.js';
import { callDunder } from '../objects/typeslots.js';
import { formatValue } from '../objects/formatting.js';
import { tstate } from '../eval/pystate.js';
import { classInfoCheck, locals_, NB_POW } from './bltinmodule.js';
import { siteBuiltins } from './sitebuiltins.js';

function none(): PyObject {
  incref(PyNone);
  return PyNone;
}

const ascii: BuiltinMethod = (_s, args) => {
  checkArity('ascii', args, 1, 1);
  return asciiOf(args[0]);
};

const format: BuiltinMethod = (_s, args) => {
  checkArity('format', args, 1, 2);
  const spec = args[1] ? strValue(args[1]) : '';
  return formatValue(args[0], spec);
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

/** PyNumber_Divmod: binary_op1 on the nb_divmod slots (the right operand's first when its type is a subclass) */
const divmod: BuiltinMethod = (_s, args) => {
  if (args.length !== 2) raise(Exc.TypeError, `divmod expected 2 arguments, got ${args.length}`);
  const [v, w] = args;
  const r = binaryOp1(v, w, NB_DIVMOD);
  if (r !== NotImplemented) return r;
  raise(Exc.TypeError, `unsupported operand type(s) for divmod(): '${v.type.name}' and '${w.type.name}'`);
};

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


export const bltinExtra: Record<string, BuiltinMethod> = {
  all: anyAll('all', false), any: anyAll('any', true), ascii, bin, callable, chr, delattr, dir, divmod, format, getattr,
  globals, hasattr, hex, issubclass, iter, next, oct, ord, pow, round, setattr, vars,
  ...siteBuiltins,
};
