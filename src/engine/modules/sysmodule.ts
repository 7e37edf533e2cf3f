/**
 * The sys module: getrefcount, getsizeof, intern, the recursion limit,
 * exc_info, stdout/stderr and version information.
 * CPython counterpart: Python/sysmodule.c.
 */

import { PyObject, decref, incref, isImmortal } from '../objects/object.js';
import { builtinType, PyTypeObject, type BuiltinMethod } from '../objects/typeobject.js';
import { raise, unsupported } from '../eval/errors.js';
import { Exc } from '../objects/exceptions.js';
import { checkArity, noKeywords } from '../objects/args.js';
import { PyNone } from '../objects/singletons.js';
import { newInt, PyLong, asIndex } from '../objects/longobject.js';
import { newBool } from '../objects/boolobject.js';
import { PyStr, newStr, strValue } from '../objects/unicodeobject.js';
import { newTuple } from '../objects/tupleobject.js';
import { newList } from '../objects/listobject.js';
import { newDict, dictSetItemStr, PyDict } from '../objects/dictobject.js';
import { callDunder } from '../objects/typeslots.js';
import { profile } from '../profiles/index.js';
// evaluated here, where the functions that use them were (module order fixes the builtin types' ids)
import '../eval/pystate.js';
import '../objects/frameobject.js';
import type { ModuleDef } from './moduledef.js';
import { heap } from '../memory/heap.js';
import { strString } from '../objects/abstract.js';
import { parts, deferredMethodsOf } from '../ondemand.js';

// ---------------------------------------------------------------- program output

/** What the program printed; the trace recorder may also listen. */
export interface OutputSink {
  stdout: string[];
  stderr: string[];
  /** notified of every write (the trace records output events) */
  listener: ((stream: 'stdout' | 'stderr', text: string) => void) | null;
}
export const output: OutputSink = { stdout: [], stderr: [], listener: null };

export function resetOutput(): void {
  output.stdout = [];
  output.stderr = [];
  output.listener = null;
}
export function writeStdout(s: string): void {
  output.stdout.push(s);
  output.listener?.('stdout', s);
}
export function writeStderr(s: string): void {
  output.stderr.push(s);
  output.listener?.('stderr', s);
}

/** sys.stdout / sys.stderr: minimal text files. */
class PyTextFile extends PyObject {
  constructor(public stream: 'stdout' | 'stderr') {
    super(TextFileType);
  }
}
export const TextFileType = builtinType('_io.TextIOWrapper', 208, 0);
TextFileType.methods = {
  write: (self, args) => {
    checkArity('write', args, 1, 1);
    const s = args[0];
    if (!(s instanceof PyStr)) raise(Exc.TypeError, `write() argument must be str, not ${s.type.name}`);
    fileWrite(self, s.value);
    return newInt([...s.value].length);
  },
  flush: () => (incref(PyNone), PyNone),
  isatty: () => newBool(false),
};
TextFileType.tp_repr = (o) => newStr(`<_io.TextIOWrapper name='<${(o as PyTextFile).stream}>' mode='w' encoding='utf-8'>`);

/** print(..., file=f): our own streams are written directly, anything else via f.write(). */
export function fileWrite(file: PyObject, s: string): void {
  if (file instanceof PyTextFile) {
    if (file.stream === 'stdout') writeStdout(s);
    else writeStderr(s);
    return;
  }
  const str = newStr(s);
  try {
    const r = callDunder(file, 'write', [str]);
    if (r === null) raise(Exc.AttributeError, `'${file.type.name}' object has no attribute 'write'`);
    decref(r);
  } finally {
    decref(str);
  }
}

let stdoutObj: PyTextFile | null = null;
let stderrObj: PyTextFile | null = null;

// ---------------------------------------------------------------- memory

const getrefcount: BuiltinMethod = (_s, args, kw) => {
  noKeywords('getrefcount', kw);
  checkArity('getrefcount', args, 1, 1);
  const o = args[0];
  if (isImmortal(o) && profile.immortalRefcount !== null) return newInt(profile.immortalRefcount);
  // CPython's internals hold references to modules and builtin functions that
  // the simulator does not model: say so rather than print a wrong number.
  if (heap.isInterpreterOwned(o)) {
    unsupported(`the reference count of an object the interpreter made for itself (the ${o.type.name} here)`);
  }
  return newInt(o.refcnt);
};

/** sys.getsizeof: __sizeof__() plus the GC header and managed pre-header (sys_getsizeof). */
export function sizeOf(o: PyObject): number {
  const r = callDunder(o, '__sizeof__', []);
  if (r === null) raise(Exc.TypeError, `Type ${o.type.name} doesn't define __sizeof__`);
  let size: number;
  try {
    if (!(r instanceof PyLong)) raise(Exc.TypeError, 'an integer is required');
    size = asIndex(r);
  } finally {
    decref(r);
  }
  if (size < 0) raise(Exc.ValueError, '__sizeof__() should return >= 0');
  const isStaticType = o instanceof PyTypeObject && !o.hasFlag(1 << 9);
  if (!isStaticType) {
    if (o.type.isGC()) size += profile.gcHeaderSize;
    size += o.type.preheader;
  }
  return size;
}

const getsizeof: BuiltinMethod = (_s, args) => {
  checkArity('getsizeof', args, 1, 2);
  if (args.length === 2) {
    try {
      return newInt(sizeOf(args[0]));
    } catch {
      incref(args[1]);
      return args[1];
    }
  }
  return newInt(sizeOf(args[0]));
};


// ---------------------------------------------------------------- the interpreter

// The functions most programs never call: an on-demand part (modules/sysextra.ts)
// that each one's name loads
const later = deferredMethodsOf<BuiltinMethod>(parts.sysextra, 'sys', [
  'intern', 'getrecursionlimit', 'setrecursionlimit', 'exc_info', 'exception', '_getframe', 'exit', 'getallocatedblocks',
]);







function versionString(): string {
  const [a, b, c] = profile.versionInfo;
  return `${a}.${b}.${c} (main, simulated) [Python Memory Lab]`;
}

function structSeq(values: Record<string, PyObject>): PyObject {
  // A plain tuple stands in for sys's struct sequences (named fields are not modelled).
  return newTuple(Object.values(values));
}

export function sysDef(modules: PyDict, argv0: string): ModuleDef {
  return {
    name: 'sys',
    functions: {
      getrefcount, getsizeof, intern: later.intern, getrecursionlimit: later.getrecursionlimit,
      setrecursionlimit: later.setrecursionlimit, exc_info: later.exc_info, exception: later.exception,
      _getframe: later._getframe, exit: later.exit, getallocatedblocks: later.getallocatedblocks,
    },
    attrs: () => {
      stdoutObj = new PyTextFile('stdout');
      heap.allocObject(stdoutObj, 208);
      stderrObj = new PyTextFile('stderr');
      heap.allocObject(stderrObj, 208);
      incref(modules);
      const [major, minor, micro] = profile.versionInfo;
      const vi = structSeq({
        major: newInt(major), minor: newInt(minor), micro: newInt(micro), releaselevel: newStr('final'), serial: newInt(0),
      });
      incref(stdoutObj);
      incref(stderrObj);
      return {
        modules,
        stdout: stdoutObj,
        stderr: stderrObj,
        __stdout__: stdoutObj,
        __stderr__: stderrObj,
        argv: newList([newStr(argv0)]),
        path: newList([]),
        version: newStr(versionString()),
        version_info: vi,
        hexversion: newInt((major << 24) | (minor << 16) | (micro << 8) | 0xf0),
        platform: newStr('linux'),
        byteorder: newStr('little'),
        maxsize: newInt(9223372036854775807n),
        maxunicode: newInt(0x10ffff),
        implementation: newStr('cpython'),
        builtin_module_names: newTuple(['builtins', 'gc', 'sys', 'time', 'weakref'].map((n) => newStr(n))),
        flags: newTuple([]),
        executable: newStr('/usr/bin/python3'),
        dont_write_bytecode: newBool(true),
      };
    },
  };
}

export { newDict, dictSetItemStr, strValue, strString };
