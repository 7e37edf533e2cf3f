/**
 * The compiled tier: turns a code object into one JS function that runs its
 * instructions as straight-line JS (eval/ceval.ts runLoop). The
 * interpreter's cost per instruction is mostly its own machinery — fetching
 * and decoding the instruction, the big switch, the stack pointer kept in
 * memory — and compiled code has none of it: each
 * instruction's oparg and stack depth are constants in the JS, and V8
 * optimizes each code object's function on its own.
 *
 * What it must not change is anything a program can observe, so compiled
 * code works on the same Frame as the interpreter — the values on
 * `f.stack` at the same depths, locals in `f.localsplus`, `f.pc` and `f.sp`
 * saved before everything that can raise or look at the frame — and does
 * every incref and decref the interpreter's `case` does, in its order. The
 * two can hand a frame to each other at any instruction that starts a block,
 * which is how this file stays small: an instruction it does not compile
 * goes back to the interpreter, which hands the frame back at the next call
 * or return.
 *
 * The step budget is counted per instruction, as the interpreter counts it,
 * so a run stops at the same instruction either way.
 *
 * A traced run gets code compiled with the trace's hooks: each refcount
 * change reported as dispatch reports it, the line event before an
 * instruction whose line differs from the frame's last (the line is a
 * constant here, so it is one comparison), and the call and return events.
 * The trace is then the interpreter's byte for byte (tests/engine/jit.test.ts).
 */

import { compileThreshold, type CompiledCode, type CompiledTier } from '../eval/ceval.js';
import type { PyCode } from '../objects/codeobject.js';
import type { CodeObject } from '../bytecode/code.js';
import { CO_GENERATOR, CO_COROUTINE, CO_ASYNC_GENERATOR } from '../bytecode/code.js';
import { HAS_JUMP } from '../bytecode/opcodes.js';
import { FrameState } from '../eval/frame.js';
import { stackEffect } from '../compile/flowgraph.js';
import { runtime } from './runtime.js';

/** How one instruction compiles: its JS, and where control goes after it. */
interface Emitted {
  js: string;
  /** the stack depth after it when it falls through to the next instruction; null: it never does */
  next: number | null;
  /** jumps it may take, with the stack depth at the target */
  jumps: [target: number, depth: number][];
  /** the interpreter runs it (compiled code hands the frame over there) */
  handsOver?: true;
  /** the stack depth at the next instruction when the frame comes back there (after a call, or from the interpreter) */
  resume?: number;
  /** where it falls through to, if not the next instruction (a COMPARE_OP that runs the jump after it too) */
  nextPc?: number;
}

/** What emit() knows of the code object besides the instruction. */
interface Context {
  ops: Int32Array;
  /** instructions something jumps to (or an exception handler starts at) */
  targets: Set<number>;
  /** co_nlocalsplus: the locals a returning frame clears */
  nlocalsplus: number;
  /** compiled with the trace hooks (see traceLine below) */
  traced: boolean;
  /** the source line of each instruction (co_positions' first column; 0 or less: none) */
  lines: (pc: number) => number;
}

const TWO53 = 9007199254740992;

/**
 * Compiled frames called directly (JS recursion) at most this deep, so that
 * deep Python recursion does not spend the host stack that builtins calling
 * back into Python need (see MAX_NESTED_EVALS in eval/ceval.ts).
 */
const MAX_DIRECT = 40;

/** BINARY_OP's int operations compiled code spells out (the rest go through fastIntOp, as in the interpreter). */
const INLINE_INT_OPS: Record<number, string> = { 0: '+', 13: '+', 10: '-', 23: '-' };

/** Instructions after which the next one never runs (they raise). */
const NO_FALLTHROUGH = new Set([119, 130]); // RERAISE, RAISE_VARARGS

/**
 * An instruction compiled code leaves to the interpreter: hands the frame
 * over at it. The interpreter may hand the frame back at any later
 * instruction where it changes frames (after a call, a return to it, a
 * backward jump), so the code after it is compiled too, from the depth the
 * compiler's stack effect gives (what it computed co_stacksize with).
 */
function handOver(op: number, a: number, pc: number, sp: number): Emitted {
  return {
    js: `f.pc = ${pc}; f.sp = ${sp}; tierOut.steps = steps; return undefined;`,
    next: null, jumps: [], handsOver: true,
    resume: NO_FALLTHROUGH.has(op) || HAS_JUMP.has(op) ? undefined : sp + stackEffect(op, a, false),
  };
}

/** Saves pc (of the next instruction, as the interpreter does) and sp before something that can raise. */
const save = (pc: number, sp: number): string => `f.sp = ${sp}; f.pc = ${pc + 1};`;
/** Py_INCREF, inlined: with the trace's hook when `traced`, as dispatch spells it */
const incJs = (v: string, traced: boolean): string =>
  `${v}.refcnt++;${traced ? ` if (heap.tracing) heap.onIncref(${v});` : ''}`;
/** Py_DECREF, inlined (the hook first, as dispatch calls it) */
const decJs = (v: string, traced: boolean): string =>
  `${traced ? `if (heap.tracing) heap.onDecref(${v}); ` : ''}if (--${v}.refcnt === 0) dealloc(${v});`;

/**
 * The trace's line event before instruction `pc` (stack `sp` deep), as
 * dispatch fires it: when the frame's line changes, and at every backward
 * jump (each round of a loop is a new step).
 */
function traceLine(pc: number, sp: number, line: number, always: boolean): string {
  const fire = `f.traceLine = ${line}; f.sp = ${sp}; f.pc = ${pc}; obs.line(f, ${line});`;
  return always ? `if (obs !== null) { ${fire} }` : `if (obs !== null && f.traceLine !== ${line}) { ${fire} }`;
}

/**
 * The JS for instruction `pc` (opcode `op`, argument `a`) with the stack `d`
 * deep before it, or null if the interpreter runs it. Each mirrors its `case`
 * in dispatch (eval/ceval.ts), with its trace hooks when `cx.traced`.
 */
function emit(op: number, a: number, pc: number, d: number, cx: Context): Emitted | null {
  const inc = (v: string): string => incJs(v, cx.traced);
  const dec = (v: string): string => decJs(v, cx.traced);
  const fall = (js: string, next: number): Emitted => ({ js, next, jumps: [] });
  const top = `S[${d - 1}]`;
  switch (op) {
    case 9: // NOP
      return fall('', d);
    case 151: // RESUME
    case 140: { // JUMP_BACKWARD
      const gc = (resumeAt: number): string =>
        `if (gcstate.collectionScheduled) { f.sp = ${d}; f.pc = ${resumeAt}; collectScheduled(); }`;
      if (op === 151) return fall(gc(pc + 1), d);
      return { js: `${gc(a)} pc = ${a}; continue;`, next: null, jumps: [[a, d]] };
    }
    case 110: // JUMP_FORWARD
    case 134: // JUMP_BACKWARD_NO_INTERRUPT
      return { js: `pc = ${a}; continue;`, next: null, jumps: [[a, d]] };
    case 1: // POP_TOP
      return fall(`{ const v = ${top}; ${top} = null; ${dec('v')} }`, d - 1);
    case 2: // PUSH_NULL
      return fall(`S[${d}] = null;`, d + 1);
    case 4: // END_FOR
      return fall(`{ const a = S[${d - 1}], b = S[${d - 2}]; S[${d - 1}] = S[${d - 2}] = null; xdecref(a); xdecref(b); }`, d - 2);
    case 99: // SWAP
      return fall(`{ const t = ${top}; ${top} = S[${d - a}]; S[${d - a}] = t; }`, d);
    case 120: // COPY
      return fall(`{ const v = S[${d - a}]; ${inc('v')} S[${d}] = v; }`, d + 1);
    case 100: // LOAD_CONST
      return fall(`{ const v = C[${a}]; ${inc('v')} S[${d}] = v; }`, d + 1);
    case 124: // LOAD_FAST
      return fall(`{ const v = L[${a}]; ${inc('v')} S[${d}] = v; }`, d + 1);
    case 127: // LOAD_FAST_CHECK
      return fall(`{ const v = L[${a}]; if (v === null) { ${save(pc, d)} unboundDeref(f, ${a}); } ${inc('v')} S[${d}] = v; }`, d + 1);
    case 143: // LOAD_FAST_AND_CLEAR
      return fall(`S[${d}] = L[${a}]; L[${a}] = null;`, d + 1);
    case 125: // STORE_FAST
      return fall(
        `{ const v = ${top}; ${top} = null; const old = L[${a}]; L[${a}] = v; ` +
        `if (old !== null) { ${save(pc, d - 1)} ${dec('old')} } }`, d - 1);
    case 101: // LOAD_NAME
      return fall(`${save(pc, d)} S[${d}] = loadName(f, N[${a}], ${pc});`, d + 1);
    case 90: // STORE_NAME
      return fall(
        `{ const v = ${top}; ${top} = null; ${save(pc, d - 1)} storeName(f, N[${a}], v, ${pc}); }`, d - 1);
    case 116: { // LOAD_GLOBAL
      const push = a & 1 ? `S[${d}] = null; S[${d + 1}] = ` : `S[${d}] = `;
      return fall(
        `{ const g = f.globals; const cache = f.codeObj.globalIndex ?? newGlobalIndex(f.codeObj); const ix = cache[${pc}]; ` +
        `let v = null; if (ix >= 0 && ix < g.ekeys.length) { const k = g.ekeys[ix]; const cv = g.evalues[ix]; ` +
        `if (k !== null && cv !== null && k.type === StrType && k.value === N[${a >> 1}]) { ${inc('cv')} v = cv; } } ` +
        `if (v === null) { ${save(pc, d)} v = loadGlobal(f, N[${a >> 1}]); cache[${pc}] = dictIndexOfStr(g, N[${a >> 1}]); } ` +
        `${push}v; }`, d + 1 + (a & 1));
    }
    case 106: // LOAD_ATTR
      if (a & 1) {
        return fall(
          `{ const owner = ${top}; ${save(pc, d)} const m = getMethod(owner, N[${a >> 1}]); ` +
          `if (methodLookup.unbound) { ${top} = m; S[${d}] = owner; } else { ${top} = null; S[${d}] = m; decref(owner); } }`, d + 1);
      }
      return fall(`{ const owner = ${top}; ${save(pc, d)} ${top} = getAttr(owner, N[${a >> 1}]); ${dec('owner')} }`, d);
    case 95: // STORE_ATTR (v, owner --)
      return fall(
        `{ const owner = S[${d - 1}], v = S[${d - 2}]; S[${d - 2}] = S[${d - 1}] = null; ${save(pc, d - 2)} ` +
        `try { setAttr(owner, N[${a}], v); } finally { ${dec('v')} ${dec('owner')} } }`, d - 2);
    case 25: // BINARY_SUBSCR
      return fall(
        `{ const sub = S[${d - 1}], container = S[${d - 2}]; S[${d - 1}] = null; ${save(pc, d - 1)} let r; ` +
        `try { r = getItem(container, sub); } finally { decref(sub); } S[${d - 2}] = r; decref(container); }`, d - 1);
    case 60: // STORE_SUBSCR (v, container, sub --)
      return fall(
        `{ const sub = S[${d - 1}], container = S[${d - 2}], v = S[${d - 3}]; S[${d - 3}] = S[${d - 2}] = S[${d - 1}] = null; ` +
        `${save(pc, d - 3)} try { setItem(container, sub, v); } finally { decref(v); decref(container); decref(sub); } }`, d - 3);
    case 122: // BINARY_OP
      return fall(
        `{ const rhs = S[${d - 1}], lhs = S[${d - 2}]; S[${d - 1}] = null; ${save(pc, d - 1)} let r = null; ` +
        (a in INLINE_INT_OPS
          ? `if (lhs.type === LongType && rhs.type === LongType) { const x = lhs.value, y = rhs.value; ` +
            `if (typeof x === 'number' && typeof y === 'number') { const z = x ${INLINE_INT_OPS[a]} y; ` +
            `if (z > -${TWO53} && z < ${TWO53}) r = newInt(z === 0 ? 0 : z); } } `
          : `if (lhs.type === LongType && rhs.type === LongType) r = fastIntOp(lhs, rhs, ${a}); `) +
        `else if (lhs.type === FloatType && rhs.type === FloatType) r = fastFloatOp(lhs.value, rhs.value, ${a}); ` +
        `if (r === null) { try { r = binaryOp(lhs, rhs, ${a}); } catch (e) { decref(rhs); throw e; } } ` +
        `S[${d - 2}] = r; ${dec('lhs')} ${dec('rhs')} }`, d - 1);
    case 107: { // COMPARE_OP
      const cmp = a >> 4;
      const next = cx.ops[(pc + 1) << 1], target = cx.ops[((pc + 1) << 1) + 1];
      const nextLine = cx.lines(pc + 1);
      const lineBetween = cx.traced && nextLine > 0 && nextLine !== cx.lines(pc);
      if ((next === 114 || next === 115) && !cx.targets.has(pc + 1) && !lineBetween) {
        // COMPARE_OP then POP_JUMP_IF_FALSE/TRUE, as the interpreter runs them
        // untraced: the bool, immortal, is pushed only if the budget runs out
        // between the two instructions. (Traced, only when no line event can
        // come between them: the step it starts would show the bool.)
        const jumpIf = next === 115;
        return {
          js: `{ const rhs = S[${d - 1}], lhs = S[${d - 2}]; S[${d - 1}] = null; ${save(pc, d - 1)} let b; ` +
            `if (lhs.type === LongType && rhs.type === LongType && typeof lhs.value === 'number' && typeof rhs.value === 'number') ` +
            `b = compareNumbers(lhs.value, rhs.value, ${cmp}); ` +
            `else { let r; try { r = richCompare(lhs, rhs, ${cmp}); } catch (e) { decref(rhs); throw e; } ` +
            `S[${d - 2}] = r; ${dec('lhs')} ${dec('rhs')} ` +
            `if (--steps < 0) budget(f, ${pc + 1}, ${d - 1}, steps); ` +
            `S[${d - 2}] = null; if (r === PyTrue || r === PyFalse) { b = r === PyTrue; ${dec('r')} } ` +
            `else { f.sp = ${d - 2}; f.pc = ${pc + 2}; try { b = isTrue(r); } finally { decref(r); } } ` +
            `if (b === ${jumpIf}) { pc = ${target}; continue; } pc = ${pc + 2}; continue; } ` +
            `S[${d - 2}] = null; ${dec('lhs')} ${dec('rhs')} ` +
            `if (--steps < 0) { S[${d - 2}] = newBool(b); budget(f, ${pc + 1}, ${d - 1}, steps); } ` +
            `if (b === ${jumpIf}) { pc = ${target}; continue; } }`,
          next: d - 2, nextPc: pc + 2, jumps: [[target, d - 2]],
        };
      }
      return fall(
        `{ const rhs = S[${d - 1}], lhs = S[${d - 2}]; S[${d - 1}] = null; ${save(pc, d - 1)} let r; ` +
        `if (lhs.type === LongType && rhs.type === LongType && typeof lhs.value === 'number' && typeof rhs.value === 'number') ` +
        `r = newBool(compareNumbers(lhs.value, rhs.value, ${cmp})); ` +
        `else { try { r = richCompare(lhs, rhs, ${cmp}); } catch (e) { decref(rhs); throw e; } } ` +
        `S[${d - 2}] = r; ${dec('lhs')} ${dec('rhs')} }`, d - 1);
    }
    case 117: // IS_OP
      return fall(
        `{ const rhs = S[${d - 1}], lhs = S[${d - 2}]; S[${d - 1}] = null; ` +
        `const r = (lhs === rhs) !== ${a === 1} ? PyTrue : PyFalse; ${inc('r')} S[${d - 2}] = r; ${save(pc, d - 1)} decref(lhs); decref(rhs); }`,
        d - 1);
    case 118: // CONTAINS_OP
      return fall(
        `{ const rhs = S[${d - 1}], lhs = S[${d - 2}]; S[${d - 1}] = null; ${save(pc, d - 1)} let b; ` +
        `try { b = contains(rhs, lhs); } catch (e) { decref(rhs); throw e; } ` +
        `const r = b !== ${a === 1} ? PyTrue : PyFalse; ${inc('r')} S[${d - 2}] = r; ${dec('lhs')} ${dec('rhs')} }`, d - 1);
    case 114: // POP_JUMP_IF_FALSE
    case 115: { // POP_JUMP_IF_TRUE
      const jumpIf = op === 115;
      const [taken, other] = jumpIf ? ['PyTrue', 'PyFalse'] : ['PyFalse', 'PyTrue'];
      return {
        js: `{ const v = ${top}; ${top} = null; ` +
          `if (v === ${taken}) { ${dec('v')} pc = ${a}; continue; } ` +
          `if (v !== ${other}) { ${save(pc, d - 1)} let t; try { t = isTrue(v); } finally { decref(v); } ` +
          `if (t === ${jumpIf}) { pc = ${a}; continue; } } else { ${dec('v')} } }`,
        next: d - 1, jumps: [[a, d - 1]],
      };
    }
    case 129: // POP_JUMP_IF_NONE
    case 128: // POP_JUMP_IF_NOT_NONE
      return {
        js: `{ const v = ${top}; ${top} = null; const j = v ${op === 129 ? '===' : '!=='} PyNone; ` +
          `f.sp = ${d - 1}; f.pc = j ? ${a} : ${pc + 1}; decref(v); if (j) { pc = ${a}; continue; } }`,
        next: d - 1, jumps: [[a, d - 1]],
      };
    case 68: // GET_ITER
      return fall(`{ const v = ${top}; ${save(pc, d)} ${top} = getIter(v); decref(v); }`, d);
    case 93: // FOR_ITER (exhausted: pops the iterator and skips the END_FOR at the target)
      return {
        js: `{ const it = ${top}; ${save(pc, d)} const next = it.type.tp_iternext(it); ` +
          `if (next === null) { ${top} = null; decref(it); pc = ${a + 1}; continue; } S[${d}] = next; }`,
        next: d + 1, jumps: [[a + 1, d - 1]],
      };
    case 102: // BUILD_TUPLE
    case 103: { // BUILD_LIST
      const make = op === 102 ? 'newTuple' : 'newList';
      // a few items: an array literal and constant stores, which V8 allocates inline (slice is a call)
      const items = a <= 8
        ? `[${Array.from({ length: a }, (_, i) => `S[${d - a + i}]`).join(', ')}]; ` +
          Array.from({ length: a }, (_, i) => `S[${d - a + i}] = null; `).join('')
        : `S.slice(${d - a}, ${d}); for (let i = ${d - a}; i < ${d}; i++) S[i] = null; `;
      return fall(`{ const items = ${items}${save(pc, d - a)} S[${d - a}] = ${make}(items); }`, d - a + 1);
    }
    case 145: // LIST_APPEND
      return fall(`{ const v = ${top}; ${top} = null; ${save(pc, d - 1)} listAppendSteal(S[${d - 1 - a}], v); }`, d - 1);
    case 92: // UNPACK_SEQUENCE
      return fall(
        `{ const seq = ${top}; ${top} = null; ${save(pc, d - 1)} ` +
        `if ((seq.type === TupleType || seq.type === ListType) && seq.items.length === ${a}) { const items = seq.items; ` +
        `${Array.from({ length: a }, (_, i) => `{ const v = items[${a - 1 - i}]; ${inc('v')} S[${d - 1 + i}] = v; }`).join(' ')} decref(seq); } ` +
        `else { let items; try { items = unpackIterable(seq, ${a}, -1); } finally { decref(seq); } ` +
        `${Array.from({ length: a }, (_, i) => `S[${d - 1 + i}] = items[${a - 1 - i}];`).join(' ')} } }`, d - 1 + a);
    case 157: { // BUILD_STRING
      const parts = Array.from({ length: a }, (_, i) => `S[${d - a + i}].value`).join(' + ');
      return fall(
        `{ const s = ${a === 0 ? "''" : parts}; ${save(pc, d)} ` +
        `for (let i = ${d - a}; i < ${d}; i++) { const v = S[i]; S[i] = null; decref(v); } S[${d - a}] = newStr(s); }`, d - a + 1);
    }
    case 155: { // FORMAT_VALUE
      const hasSpec = (a & 4) !== 0;
      const dd = hasSpec ? d - 1 : d;
      return fall(
        `{ ${hasSpec ? `const spec = S[${d - 1}]; S[${d - 1}] = null;` : 'const spec = null;'} const v = S[${dd - 1}]; ${save(pc, dd)} ` +
        `S[${dd - 1}] = formatValueOp(v, ${a & 3}, spec); decref(v); }`, dd);
    }
    case 137: // LOAD_DEREF
      return fall(`{ const v = L[${a}].ref; if (v === null) { ${save(pc, d)} unboundDeref(f, ${a}); } ${inc('v')} S[${d}] = v; }`, d + 1);
    case 138: // STORE_DEREF
      return fall(
        `{ const v = ${top}; ${top} = null; const cell = L[${a}]; const old = cell.ref; cell.ref = v; ` +
        `if (old !== null) { ${save(pc, d - 1)} decref(old); } }`, d - 1);
    case 12: // UNARY_NOT
      return fall(`{ const v = ${top}; ${save(pc, d)} const r = isTrue(v) ? PyFalse : PyTrue; ${inc('r')} ${top} = r; decref(v); }`, d);
    case 11: // UNARY_NEGATIVE
      return fall(`{ const v = ${top}; ${save(pc, d)} ${top} = negative(v); decref(v); }`, d);
    case 35: // PUSH_EXC_INFO (new_exc -- prev_exc, new_exc)
      return fall(
        `{ const exc = ${top}; const prev = tstate.excInfo ?? PyNone; ${top} = prev; S[${d}] = exc; ${inc('exc')} tstate.excInfo = exc; }`,
        d + 1);
    case 89: // POP_EXCEPT
      return fall(
        `{ const prev = ${top}; ${top} = null; const cur = tstate.excInfo; tstate.excInfo = prev === PyNone ? null : prev; ` +
        `${save(pc, d - 1)} xdecref(cur); }`, d - 1);
    case 36: // CHECK_EXC_MATCH (left, right -- left, b)
      return fall(
        `{ const right = ${top}; ${top} = null; const left = S[${d - 2}]; ${save(pc, d - 1)} ` +
        `try { checkExceptType(right); const r = exceptionMatches(left, right) ? PyTrue : PyFalse; ${inc('r')} S[${d - 1}] = r; } ` +
        `finally { decref(right); } }`, d);
    case 132: { // MAKE_FUNCTION
      let k = d - 1;
      const take = (bit: number): string => ((a & bit) !== 0 ? `S[${--k}]` : 'null');
      const closure = take(8), annotations = take(4), kwdefaults = take(2), defaults = take(1);
      const clear = Array.from({ length: d - k }, (_, i) => `S[${k + i}] = null;`).join(' ');
      return fall(
        `{ const codeObj = S[${d - 1}]; const parts = [${closure}, ${annotations}, ${kwdefaults}, ${defaults}]; ${clear} ` +
        `${save(pc, k)} S[${k}] = makeFunction(f, codeObj, parts[0], parts[1], parts[2], parts[3]); }`, k + 1);
    }
    case 172: // KW_NAMES
      return fall(`f.kwnames = kwNamesOf(C[${a}]);`, d);
    case 171: // CALL
      // The call is the interpreter's (callAt). A Python frame it pushes is
      // run by a direct call of its compiled code (up to MAX_DIRECT deep;
      // deeper, or if it has none, by runLoop), whose return leaves the
      // result on this frame's stack and comes back here with this frame.
      // Any other frame coming back (a deeper call left to runLoop, a frame
      // left to the interpreter) is passed up to runLoop, this frame's state
      // being saved already.
      return {
        js: `{ const nf = callAt(f, ${pc}, ${d}, ${a}, steps); steps = tierOut.steps; if (nf !== null) { ` +
          (cx.traced
            ? `if (obs !== null) obs.call(nf); const co = nf.codeObj; const fn = co.jitTraced ? co.jit : compiledFor(co, true); `
            : `const fn = nf.codeObj.jit ?? compiledFor(nf.codeObj, false); `) +
          `if (fn === null || tierOut.depth >= ${MAX_DIRECT}) return nf; ` +
          `let next; tierOut.depth++; ` +
          `try { next = fn(nf, entry, steps); } catch (e) { tierOut.depth--; steps = tstate.stepsLeft; throw e; } ` +
          `tierOut.depth--; if (next !== f) return next; steps = tierOut.steps; } }`,
        next: d - a - 1, jumps: [], resume: d - a - 1,
      };
    case 83: // RETURN_VALUE
      return { js: `{ const r = ${top}; ${top} = null; ${ret(pc, d - 1, cx)} }`, next: null, jumps: [] };
    case 121: // RETURN_CONST
      return { js: `{ const r = C[${a}]; ${inc('r')} ${ret(pc, d, cx)} }`, next: null, jumps: [] };
    default:
      return null;
  }
}

/**
 * Returns `r` from the frame (with the stack `sp` deep under it): the
 * interpreter's RETURN (returnFrom), spelled out for the common case of a
 * function called by Python code with nothing left on its stack and no frame
 * object: leaveFrame, clearFrame (this code's locals, in order), the result
 * onto the caller's stack.
 */
function ret(pc: number, sp: number, cx: Context): string {
  // (traced: the return event first, as dispatch's RETURN sends it)
  const event = cx.traced ? `f.sp = ${sp}; f.pc = ${pc + 1}; if (obs !== null) obs.ret(f); ` : '';
  const slow = `f.sp = ${sp}; f.pc = ${pc + 1}; tierOut.steps = steps; return returnFrom(f, entry, r);`;
  if (sp !== 0) return event + slow;
  const dec = (v: string): string => decJs(v, cx.traced);
  const clear: string[] = [];
  for (let i = 0; i < cx.nlocalsplus; i++) clear.push(`{ const v = L[${i}]; if (v !== null) { L[${i}] = null; ${dec('v')} } }`);
  return `${event}if (f === entry || f.entry || f.initArgc >= 0 || f.frameObject !== null || f.func === null) { ${slow} } ` +
    `f.pc = ${pc + 1}; const prev = f.previous; f.state = ${FrameState.Completed}; tstate.frame = prev; tstate.depth--; ` +
    `f.state = ${FrameState.Cleared}; ${clear.join(' ')} ` +
    `const func = f.func; f.func = null; ${dec('func')} releaseFrame(f); ` +
    `prev.stack[prev.sp++] = r; tierOut.steps = steps; return prev;`;
}

/**
 * The JS source of `code`'s compiled function, or null if none is worth
 * having (a generator's code, whose frames the interpreter suspends and
 * resumes). `traced`: with the trace's hooks, as dispatch calls them.
 */
export function compiledSource(code: CodeObject, traced = false): string | null {
  if (code.co_flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)) return null;
  const ops = code.code;
  const n = ops.length >> 1;
  // The stack depth before each instruction compiled code can reach (-1:
  // none), found by following the flow from the start and from every
  // exception handler; an instruction left to the interpreter ends a path.
  const targets = new Set<number>();
  for (let pc = 0; pc < n; pc++) {
    const op = ops[pc << 1];
    if (HAS_JUMP.has(op)) targets.add(op === 93 ? ops[(pc << 1) + 1] + 1 : ops[(pc << 1) + 1]);
  }
  for (const e of code.exceptiontable) targets.add(e.target);
  const positions = code.positions;
  const cx: Context = {
    ops, targets, nlocalsplus: code.co_localsplusnames.length, traced,
    lines: (pc) => (pc < n ? positions[pc << 2] : 0),
  };
  const depth = new Int32Array(n).fill(-1);
  const leader = new Uint8Array(n);
  const emitted: (Emitted | null)[] = new Array(n).fill(null);
  const todo: number[] = [];
  const reach = (pc: number, d: number): void => {
    if (pc >= n) return;
    if (depth[pc] === -1) {
      depth[pc] = d;
      todo.push(pc);
    } else if (depth[pc] !== d) {
      throw new Error(`inconsistent stack depth at ${pc}`);
    }
  };
  reach(0, 0);
  leader[0] = 1;
  for (const e of code.exceptiontable) {
    reach(e.target, e.depth + (e.lasti ? 1 : 0) + 1);
    leader[e.target] = 1;
  }
  while (todo.length > 0) {
    const pc = todo.pop()!;
    const op = ops[pc << 1], a = ops[(pc << 1) + 1];
    const e = emit(op, a, pc, depth[pc], cx) ?? handOver(op, a, pc, depth[pc]);
    emitted[pc] = e;
    if (e.next !== null) reach(e.nextPc ?? pc + 1, e.next);
    else if (e.resume !== undefined) reach(pc + 1, e.resume);
    if ((e.next === null || e.resume !== undefined) && pc + 1 < n) leader[pc + 1] = 1; // the frame may come back here after a call
    for (const [t, d] of e.jumps) {
      reach(t, d);
      leader[t] = 1;
    }
  }
  if (emitted.every((e) => e === null || e.handsOver)) return null;
  const body: string[] = [];
  for (let pc = 0; pc < n; pc++) {
    const e = emitted[pc];
    if (e === null) continue;
    const prev = emitted[pc - 1];
    if (leader[pc] || prev === null || prev.next === null || prev.nextPc !== undefined) body.push(`case ${pc}:`);
    const op = ops[pc << 1];
    // (the opcode's number: its name would bring the whole name table into the browser's engine chunk)
    body.push(`/* op ${op} ${ops[(pc << 1) + 1]} */`);
    // an instruction the interpreter runs counts its own step there (and sends its own line event)
    if (!e.handsOver) {
      body.push(`if (--steps < 0) budget(f, ${pc}, ${depth[pc]}, steps);`);
      const line = cx.lines(pc);
      if (traced && line > 0) body.push(traceLine(pc, depth[pc], line, op === 140));
    }
    body.push(e.js);
  }
  return [
    `const S = f.stack, L = f.localsplus, C = f.consts, N = f.code.co_names;`,
    ...(traced ? ['const obs = tierOut.obs;'] : []),
    `let pc = f.pc;`,
    `try {`,
    `for (;;) {`,
    `switch (pc) {`,
    ...body,
    `default: tierOut.steps = steps; return undefined;`,
    `}`,
    `}`,
    `} catch (e) { tstate.stepsLeft = steps; throw e; }`,
  ].join('\n');
}

const RUNTIME_NAMES = Object.keys(runtime);

/**
 * Compiled functions by their JS. A program run again (the bench, a learner
 * pressing Run) compiles to new code objects but to the same JS, and the
 * same function then runs it: V8 keeps what it learned and optimized on the
 * earlier runs instead of starting cold. (So a compiled function takes its
 * code object's constants and names from the frame, not from a closure.)
 */
const compiled = new Map<string, CompiledCode>();
const MAX_COMPILED = 2000;

/** Compiles a code object (see the top of this file); null if the interpreter alone runs it. */
export function compileCode(codeObj: PyCode, traced: boolean): CompiledCode | null {
  const code = codeObj.code;
  const src = compiledSource(code, traced);
  if (src === null) return null;
  const name = 'py_' + code.co_name.replace(/[^A-Za-z0-9_]/g, '_');
  const key = name + '\n' + src;
  let fn = compiled.get(key);
  if (fn === undefined) {
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    const factory = new Function(
      'rt', 'compiledFor',
      `const { ${RUNTIME_NAMES.join(', ')} } = rt;\nreturn function ${name}(f, entry, steps) {\n${src}\n};`,
    ) as (rt: typeof runtime, compiledFor: (c: PyCode, traced: boolean) => CompiledCode | null) => CompiledCode;
    fn = factory(runtime, compiledFor);
    compiled.set(key, fn);
  }
  return fn;
}

/**
 * A code object's compiled function (`traced`: with the trace hooks),
 * compiling it if it is hot now; null if it has none (yet).
 */
function compiledFor(codeObj: PyCode, traced: boolean): CompiledCode | null {
  const fn = codeObj.jit;
  if (fn === null || (fn !== undefined && (codeObj.jitTraced || !traced))) return fn;
  // not compiled yet, or compiled without the hooks a trace needs (compiled again: same heat)
  if (fn === undefined && ++codeObj.heat < compileThreshold()) return null;
  codeObj.jitTraced = traced;
  return (codeObj.jit = compileCode(codeObj, traced));
}

/**
 * The tier Node's entry installs. A code object is compiled once it has been
 * entered or has jumped back this many times: a function called a few times,
 * a loop that goes round a few times, stays with the interpreter.
 */
export const compiledTier: CompiledTier = { compile: compileCode, hot: 50 };
