/**
 * The sys functions most programs never call: intern, the recursion limit,
 * exc_info and exception, _getframe, exit and getallocatedblocks (an
 * on-demand part, see ondemand.ts: each one's name loads it). Moved here
 * verbatim from sysmodule.ts, which keeps their stubs.
 * CPython counterpart: Python/sysmodule.c.
 */
import { incref } from '../objects/object.js';
import type { BuiltinMethod } from '../objects/typeobject.js';
import { raise, PyRaise } from '../eval/errors.js';
import { Exc, type PyBaseException } from '../objects/exceptions.js';
import { checkArity } from '../objects/args.js';
import { PyNone } from '../objects/singletons.js';
import { newInt, asIndex } from '../objects/longobject.js';
import { PyStr, internInPlace } from '../objects/unicodeobject.js';
import { newTuple } from '../objects/tupleobject.js';
import { call } from '../objects/abstract.js';
import { tstate } from '../eval/pystate.js';
import { getFrameObject } from '../objects/frameobject.js';
import { heap } from '../memory/heap.js';
// the module whose functions are this part's stubs, evaluated first (ondemand.ts checks every stub has its code)
import './sysmodule.js';

const intern: BuiltinMethod = (_s, args) => {
  checkArity('intern', args, 1, 1);
  const s = args[0];
  if (!(s instanceof PyStr) || s.type.name !== 'str') {
    raise(Exc.TypeError, `intern() argument must be str, not ${s.type.name}`);
  }
  incref(s);
  return internInPlace(s);
};

const getrecursionlimit: BuiltinMethod = () => newInt(tstate.recursionLimit);

const setrecursionlimit: BuiltinMethod = (_s, args) => {
  checkArity('setrecursionlimit', args, 1, 1);
  const n = asIndex(args[0]);
  if (n < 1) raise(Exc.ValueError, 'recursion limit must be greater or equal than 1');
  if (n <= tstate.depth) {
    raise(Exc.RecursionError, `cannot set the recursion limit to ${n} at the recursion depth ${tstate.depth}: the limit is too low`);
  }
  tstate.recursionLimit = n;
  incref(PyNone);
  return PyNone;
};

const exc_info: BuiltinMethod = () => {
  const e = tstate.excInfo as PyBaseException | null;
  if (e === null || e === PyNone) {
    for (let i = 0; i < 3; i++) incref(PyNone);
    return newTuple([PyNone, PyNone, PyNone]);
  }
  incref(e.type);
  incref(e);
  const tb = e.traceback ?? PyNone;
  incref(tb);
  return newTuple([e.type, e, tb]);
};

const exception: BuiltinMethod = () => {
  const e = tstate.excInfo ?? PyNone;
  incref(e);
  return e;
};

const _getframe: BuiltinMethod = (_s, args) => {
  let depth = args.length > 0 ? asIndex(args[0]) : 0;
  let f = tstate.frame;
  while (depth > 0 && f !== null) {
    f = f.previous;
    depth--;
  }
  if (f === null) raise(Exc.ValueError, 'call stack is not deep enough');
  const fo = getFrameObject(f);
  incref(fo);
  return fo;
};

const exit: BuiltinMethod = (_s, args) => {
  const code = args[0];
  const exc = Exc.SystemExit;
  if (code === undefined) raise(exc);
  throw new PyRaise(call(exc, [code]) as PyBaseException);
};

const getallocatedblocks: BuiltinMethod = () => newInt(heap.allocator.blocksInUse);

/** The implementations, by `sys.name`. */
export const sysExtra = {
  'sys.intern': intern, 'sys.getrecursionlimit': getrecursionlimit, 'sys.setrecursionlimit': setrecursionlimit,
  'sys.exc_info': exc_info, 'sys.exception': exception, 'sys._getframe': _getframe, 'sys.exit': exit,
  'sys.getallocatedblocks': getallocatedblocks,
};
