/**
 * Code objects as Python objects, and how compile-time constants become
 * runtime objects. CPython counterpart: Objects/codeobject.c, plus the
 * constant handling of Python/compile.c (merge_consts_recursive, the
 * compiler's c_const_cache) and Python/pythonrun.c (the parser's arena).
 *
 * What this reproduces, because sys.getrefcount shows it:
 * - Equal constants are one object across a whole compilation (3.12's const
 *   cache), so `x = 1000` at module level and `return 1000` in a function
 *   give the same object.
 * - Each code object's co_consts is a tuple, and equal co_consts tuples are
 *   merged too: two functions that both `return 1000` share one tuple.
 * - The parser's arena holds one more reference to every literal constant
 *   until the main module finishes running, which is why
 *   `x = 1000; sys.getrefcount(x)` prints 4 (arena, co_consts, x, argument).
 */

import { PyObject, decref, incref } from './object.js';
import { builtinType, TPFLAGS_HAVE_GC } from './typeobject.js';
import type { CodeObject, ConstSpec } from '../bytecode/code.js';
import { heap } from '../memory/heap.js';
import { newInt } from './longobject.js';
import { newFloat } from './floatobject.js';
import { newStr, internStr } from './unicodeobject.js';
import { newBytes } from './bytesobject.js';
import { newComplex } from './complexobject.js';
import { newTuple, PyTuple } from './tupleobject.js';
import { newFrozenSet } from './setobject.js';
import { PyNone, Ellipsis } from './singletons.js';
import { PyTrue, PyFalse } from './boolobject.js';
import { parts, deferred, CODE_ATTRIBUTES } from '../ondemand.js';

/** sizeof(PyCodeObject) without its bytecode, roughly; code objects are rarely measured */
export const CodeType = builtinType('code', 200, 0);

export class PyCode extends PyObject {
  /** co_consts as a tuple object (shared between code objects with equal constants) */
  constsTuple: PyTuple | null = null;
  /** finished frames of this code, ready for reuse: a list linked through Frame.nextFree (see eval/frame.ts acquireFrame) */
  freeFrames: import('../eval/frame.js').Frame | null = null;
  /** how many frames freeFrames holds */
  freeFrameCount = 0;
  /**
   * LOAD_GLOBAL's cache, per instruction: the entry index where the name was
   * last found in the globals dict (-1: none yet). A hint only: the eval loop
   * checks that the entry still holds that name before using it.
   */
  globalIndex: Int32Array | null = null;
  /** this code compiled to a JS function (eval/ceval.ts runLoop): undefined until it is hot, null if it is not compiled */
  jit: import('../eval/ceval.js').CompiledCode | null | undefined = undefined;
  /** `jit` was compiled with the trace hooks (jit/compile.ts) */
  jitTraced = false;
  /** how often this code was entered or jumped back in while not compiled (runLoop compiles it when hot) */
  heat = 0;
  constructor(readonly code: CodeObject) {
    super(CodeType);
  }
  /** the runtime constant objects, borrowed from constsTuple */
  get consts(): PyObject[] {
    return this.constsTuple!.items;
  }
}

CodeType.tp_repr = (o) => {
  const c = (o as PyCode).code;
  return newStr(
    `<code object ${c.co_name} at 0x${o.addr.toString(16)}, file "${c.co_filename}", line ${c.co_firstlineno}>`,
  );
};

/** A compilation's const cache and the parser arena's references. */
export class ConstantPool {
  private cache = new Map<string, PyObject>();
  /** objects the parser arena holds a reference to, released when the module finishes */
  private arena: PyObject[] = [];

  /** Materializes a whole module: returns the module's PyCode. */
  load(code: CodeObject): PyCode {
    const c = new PyCode(code);
    heap.allocObject(c, 200 + code.code.length * 2);
    const items: PyObject[] = [];
    const keys: string[] = [];
    for (const spec of code.co_consts) {
      const [obj, key] = this.constant(spec);
      items.push(obj);
      keys.push(key);
    }
    const tupleKey = 't(' + keys.join(',') + ')';
    const shared = this.cache.get(tupleKey) as PyTuple | undefined;
    if (shared) {
      for (const o of items) decref(o);
      incref(shared);
      c.constsTuple = shared;
    } else {
      const t = newTuple(items);
      incref(t);
      this.cache.set(tupleKey, t);
      this.arena.push(t);
      c.constsTuple = t;
    }
    code.constObjects = c.consts;
    return c;
  }

  /** Drops the arena's references (the main module finished). */
  release(): void {
    const a = this.arena;
    this.arena = [];
    this.cache.clear();
    for (const o of a) decref(o);
  }

  /** Returns a new reference to the runtime object for `spec`, and its cache key. */
  private constant(spec: ConstSpec): [PyObject, string] {
    const key = constKey(spec);
    if (spec.type === 'code') {
      const c = this.load(spec.code);
      return [c, key];
    }
    const hit = this.cache.get(key);
    if (hit) {
      incref(hit);
      return [hit, key];
    }
    const obj = this.create(spec);
    // The cache keeps the canonical object; the arena's reference keeps it alive.
    this.cache.set(key, obj);
    this.arena.push(obj);
    incref(obj);
    return [obj, key];
  }

  private create(spec: ConstSpec): PyObject {
    switch (spec.type) {
      case 'int': {
        const v = spec.value;
        return newInt(v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v);
      }
      case 'float':
        return newFloat(spec.value);
      case 'str':
        return isNameLike(spec.value) ? internStr(spec.value) : newStr(spec.value);
      case 'bytes':
        return newBytes(spec.value);
      case 'bool':
        incref(spec.value ? PyTrue : PyFalse);
        return spec.value ? PyTrue : PyFalse;
      case 'None':
        incref(PyNone);
        return PyNone;
      case 'Ellipsis':
        incref(Ellipsis);
        return Ellipsis;
      case 'tuple':
        return newTuple(spec.items.map((s) => this.constant(s)[0]));
      case 'frozenset':
        return newFrozenSet(spec.items.map((s) => this.constant(s)[0]));
      case 'complex':
        return newComplex(spec.real ?? 0, spec.imag);
      case 'code':
        return this.load(spec.code);
    }
  }
}

/** all_name_chars in Objects/codeobject.c: such string constants are interned */
function isNameLike(s: string): boolean {
  return /^[A-Za-z0-9_]*$/.test(s);
}

let codeSerial = 0;
const codeKeys = new WeakMap<CodeObject, string>();

/** _PyCode_ConstantKey: equal keys mean "the same constant" (so 1 and 1.0 and True differ). */
export function constKey(spec: ConstSpec): string {
  switch (spec.type) {
    case 'int':
      return 'i' + spec.value.toString();
    case 'float':
      return Object.is(spec.value, -0) ? 'f-0' : 'f' + String(spec.value);
    case 'complex':
      return 'c' + keyFloat(spec.real ?? 0) + ',' + keyFloat(spec.imag);
    case 'str':
      return 's' + JSON.stringify(spec.value);
    case 'bytes':
      return 'b' + Array.from(spec.value).join('.');
    case 'bool':
      return spec.value ? 'T' : 'F';
    case 'None':
      return 'N';
    case 'Ellipsis':
      return 'E';
    case 'tuple':
      return 't(' + spec.items.map(constKey).join(',') + ')';
    case 'frozenset':
      return 'z(' + spec.items.map(constKey).sort().join(',') + ')';
    case 'code': {
      let k = codeKeys.get(spec.code);
      if (!k) codeKeys.set(spec.code, (k = 'code#' + codeSerial++));
      return k;
    }
  }
}

void TPFLAGS_HAVE_GC;

// ---------------------------------------------------------------- attributes (code_memberlist)

// their code is an on-demand part (objects/codeattrs.ts) that their names load
for (const n of CODE_ATTRIBUTES.split(' ')) CodeType.getsets[n] = { get: deferred(parts.codeattrs, n) };

function keyFloat(x: number): string {
  return Object.is(x, -0) ? '-0' : String(x);
}
