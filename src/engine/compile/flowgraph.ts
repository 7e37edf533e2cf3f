/** Basic blocks, CFG optimization, stack depth and exception-table labelling: CPython 3.12's Python/flowgraph.c. */

import * as OP from '../bytecode/op.js';
import type { ConstSpec } from '../bytecode/code.js';
import { parts, deferred } from '../ondemand.js';

// Pseudo-instructions (Include/internal/pycore_opcode.h's 256+ range): they
// never reach the final code object.
export const SETUP_FINALLY = 256;
export const SETUP_CLEANUP = 257;
export const SETUP_WITH = 258;
export const POP_BLOCK = 259;
export const JUMP = 260;
export const JUMP_NO_INTERRUPT = 261;
export const STORE_FAST_MAYBE_NULL = 262;

export interface Loc {
  lineno: number;
  end_lineno: number;
  col: number;
  end_col: number;
}
export const NO_LOCATION: Loc = Object.freeze({ lineno: -1, end_lineno: -1, col: -1, end_col: -1 });

export interface Instr {
  op: number;
  arg: number;
  target: Block | null;
  loc: Loc;
  /** the handler this instruction unwinds to (set by labelExceptionTargets) */
  except: Block | null;
}

let blockIds = 0;

export class Block {
  id = blockIds++;
  instrs: Instr[] = [];
  next: Block | null = null;
  /** started by a label (a jump target or handler) rather than by falling after a terminator */
  isLabel: boolean;
  predecessors = 0;
  visited = false;
  exceptHandler = false;
  preserveLasti = false;
  startdepth = -(2 ** 31);
  exceptStack: Block[] | null = null;
  unsafeLocalsMask = 0n;
  warm = false;
  cold = false;
  /** instruction index of the block's start after layout */
  offset = 0;
  constructor(isLabel: boolean) {
    this.isLabel = isLabel;
  }
  last(): Instr | null {
    return this.instrs.length ? this.instrs[this.instrs.length - 1] : null;
  }
}

const JUMP_OPS = new Set<number>([
  OP.FOR_ITER, OP.JUMP_FORWARD, OP.POP_JUMP_IF_FALSE, OP.POP_JUMP_IF_TRUE, OP.SEND,
  OP.POP_JUMP_IF_NOT_NONE, OP.POP_JUMP_IF_NONE, OP.JUMP_BACKWARD_NO_INTERRUPT, OP.JUMP_BACKWARD,
  JUMP, JUMP_NO_INTERRUPT,
]);
const UNCONDITIONAL_JUMPS = new Set<number>([
  JUMP, JUMP_NO_INTERRUPT, OP.JUMP_FORWARD, OP.JUMP_BACKWARD, OP.JUMP_BACKWARD_NO_INTERRUPT,
]);
const SCOPE_EXITS = new Set<number>([OP.RETURN_VALUE, OP.RETURN_CONST, OP.RAISE_VARARGS, OP.RERAISE]);

export function isJump(i: Instr): boolean {
  return JUMP_OPS.has(i.op);
}
export function isBlockPush(i: Instr): boolean {
  return i.op === SETUP_FINALLY || i.op === SETUP_CLEANUP || i.op === SETUP_WITH;
}
export function hasTarget(op: number): boolean {
  return JUMP_OPS.has(op) || op === SETUP_FINALLY || op === SETUP_CLEANUP || op === SETUP_WITH;
}
export function isUnconditionalJump(op: number): boolean {
  return UNCONDITIONAL_JUMPS.has(op);
}
export function isScopeExit(op: number): boolean {
  return SCOPE_EXITS.has(op);
}
export function isTerminator(op: number): boolean {
  return JUMP_OPS.has(op) || SCOPE_EXITS.has(op);
}
export function hasFallthrough(b: Block): boolean {
  const last = b.last();
  return !last || !(isUnconditionalJump(last.op) || isScopeExit(last.op));
}
function exitsScope(b: Block): boolean {
  const last = b.last();
  return !!last && isScopeExit(last.op);
}
function nop(i: Instr): void {
  i.op = OP.NOP;
  i.arg = 0;
  i.target = null;
}
function copyInstr(i: Instr): Instr {
  return { op: i.op, arg: i.arg, target: i.target, loc: i.loc, except: i.except };
}

/** Stack effect of an instruction (Python/compile.c stack_effect, 3.12 opcode metadata). */
export function stackEffect(op: number, oparg: number, jump: boolean): number {
  switch (op) {
    case OP.NOP: case OP.RESUME: case OP.UNARY_NEGATIVE: case OP.UNARY_NOT: case OP.UNARY_INVERT:
    case OP.GET_ITER: case OP.GET_YIELD_FROM_ITER: case OP.RETURN_GENERATOR: case OP.SETUP_ANNOTATIONS:
    case OP.DELETE_NAME: case OP.DELETE_FAST: case OP.DELETE_GLOBAL: case OP.DELETE_DEREF:
    case OP.JUMP_FORWARD: case OP.JUMP_BACKWARD: case OP.JUMP_BACKWARD_NO_INTERRUPT:
    case OP.RETURN_CONST: case OP.SWAP: case OP.MAKE_CELL: case OP.COPY_FREE_VARS:
    case OP.YIELD_VALUE: case OP.KW_NAMES: case OP.CALL_INTRINSIC_1: case OP.SEND:
    case OP.CHECK_EXC_MATCH: case OP.CHECK_EG_MATCH: case OP.LOAD_FROM_DICT_OR_DEREF:
    case OP.LOAD_FROM_DICT_OR_GLOBALS: case OP.EXTENDED_ARG:
    case POP_BLOCK: case JUMP: case JUMP_NO_INTERRUPT:
      return 0;
    case OP.POP_TOP: case OP.RETURN_VALUE: case OP.POP_EXCEPT: case OP.STORE_NAME: case OP.STORE_GLOBAL:
    case OP.STORE_FAST: case OP.STORE_DEREF: case OP.BINARY_SUBSCR: case OP.BINARY_OP: case OP.COMPARE_OP:
    case OP.IS_OP: case OP.CONTAINS_OP: case OP.IMPORT_NAME: case OP.RERAISE: case OP.DELETE_ATTR:
    case OP.POP_JUMP_IF_FALSE: case OP.POP_JUMP_IF_TRUE: case OP.POP_JUMP_IF_NONE: case OP.POP_JUMP_IF_NOT_NONE:
    case OP.LIST_APPEND: case OP.SET_ADD: case OP.LIST_EXTEND: case OP.SET_UPDATE: case OP.DICT_MERGE:
    case OP.DICT_UPDATE: case OP.END_SEND: case OP.CALL_INTRINSIC_2: case OP.CLEANUP_THROW:
    case OP.INTERPRETER_EXIT: case STORE_FAST_MAYBE_NULL:
      return -1;
    case OP.PUSH_NULL: case OP.GET_LEN: case OP.PUSH_EXC_INFO: case OP.WITH_EXCEPT_START: case OP.BEFORE_WITH:
    case OP.LOAD_BUILD_CLASS: case OP.LOAD_ASSERTION_ERROR: case OP.LOAD_LOCALS: case OP.LOAD_CONST:
    case OP.LOAD_NAME: case OP.IMPORT_FROM: case OP.COPY: case OP.LOAD_FAST: case OP.LOAD_FAST_CHECK:
    case OP.LOAD_FAST_AND_CLEAR: case OP.LOAD_CLOSURE: case OP.LOAD_DEREF: case OP.FOR_ITER:
      return 1;
    case OP.END_FOR: case OP.BINARY_SLICE: case OP.DELETE_SUBSCR: case OP.STORE_ATTR: case OP.MAP_ADD:
      return -2;
    case OP.STORE_SUBSCR:
      return -3;
    case OP.STORE_SLICE:
      return -4;
    case OP.UNPACK_SEQUENCE:
      return oparg - 1;
    case OP.UNPACK_EX:
      return (oparg & 0xff) + (oparg >> 8);
    case OP.BUILD_TUPLE: case OP.BUILD_LIST: case OP.BUILD_SET: case OP.BUILD_STRING: case OP.BUILD_SLICE:
      return 1 - oparg;
    case OP.BUILD_MAP:
      return 1 - 2 * oparg;
    case OP.BUILD_CONST_KEY_MAP:
      return -oparg;
    case OP.LOAD_ATTR:
      return oparg & 1;
    case OP.LOAD_GLOBAL:
      return 1 + (oparg & 1);
    case OP.LOAD_SUPER_ATTR:
      return -2 + (oparg & 1);
    case OP.RAISE_VARARGS:
      return -oparg;
    case OP.MAKE_FUNCTION: {
      let n = 0;
      for (let b = 0; b < 4; b++) if (oparg & (1 << b)) n++;
      return -n;
    }
    case OP.CALL_FUNCTION_EX:
      return -2 - (oparg & 1);
    case OP.CALL:
      return -oparg - 1;
    case OP.FORMAT_VALUE:
      return (oparg & 0x04) ? -1 : 0;
    case SETUP_FINALLY:
      return jump ? 1 : 0;
    case SETUP_CLEANUP:
      return jump ? 2 : 0;
    case SETUP_WITH:
      return jump ? 1 : 0;
  }
  return 0;
}

/** A code unit's control-flow graph plus the constant pool it refers to. */
export class CFG {
  entry: Block;
  constructor(entry: Block) {
    this.entry = entry;
  }
  *blocks(): Generator<Block> {
    for (let b: Block | null = this.entry; b; b = b.next) yield b;
  }
  resetVisited(): void {
    for (const b of this.blocks()) b.visited = false;
  }
}

// ---------------------------------------------------------------------------
// Preprocessing

/** Marks the handlers' blocks; false when the code unit has none (then the passes for them have nothing to do). */
function markExceptHandlers(g: CFG): boolean {
  let any = false;
  for (const b of g.blocks()) {
    for (const i of b.instrs) {
      if (isBlockPush(i)) {
        i.target!.exceptHandler = true;
        any = true;
      }
    }
  }
  return any;
}

// Code units with exception handlers (try, with, comprehensions, generators):
// their passes are an on-demand part (compile/handlerblocks.ts)
const labelExceptionTargets = deferred<(g: CFG) => void>(parts.handlers, 'labelExceptionTargets');
const pushColdBlocksToEnd = deferred<(g: CFG) => void>(parts.handlers, 'pushColdBlocksToEnd');


// ---------------------------------------------------------------------------
// optimize_cfg

function eliminateEmptyBasicBlocks(g: CFG): void {
  for (const b of g.blocks()) {
    let next = b.next;
    while (next && next.instrs.length === 0) next = next.next;
    b.next = next;
  }
  while (g.entry.instrs.length === 0 && g.entry.next) g.entry = g.entry.next;
  for (const b of g.blocks()) {
    for (const i of b.instrs) {
      if (i.target) {
        let t: Block = i.target;
        while (t.instrs.length === 0 && t.next) t = t.next;
        if (t !== i.target) {
          t.isLabel = true;
          i.target = t;
        }
      }
    }
  }
}

const MAX_COPY_SIZE = 4;

function inlineSmallExitBlocks(b: Block): void {
  const last = b.last();
  if (!last || !isUnconditionalJump(last.op)) return;
  const target = last.target!;
  if (exitsScope(target) && target.instrs.length <= MAX_COPY_SIZE) {
    nop(last);
    for (const i of target.instrs) b.instrs.push(copyInstr(i));
  }
}

export interface ConstPool {
  consts: ConstSpec[];
  /** index of an equal constant, adding it if needed (compiler_add_const) */
  add(c: ConstSpec): number;
}

function isTrueConst(c: ConstSpec): boolean {
  switch (c.type) {
    case 'int': return c.value !== 0n;
    case 'float': return c.value !== 0;
    case 'complex': return c.imag !== 0;
    case 'str': return c.value.length > 0;
    case 'bytes': return c.value.length > 0;
    case 'bool': return c.value;
    case 'None': return false;
    case 'Ellipsis': return true;
    case 'tuple': case 'frozenset': return c.items.length > 0;
    case 'code': return true;
  }
}

function jumpThread(inst: Instr, target: Instr, op: number): boolean {
  if ((inst.loc.lineno === target.loc.lineno || target.loc.lineno === -1) && inst.target !== target.target) {
    inst.target = target.target;
    inst.op = op;
    return true;
  }
  return false;
}

function foldTupleOnConstants(b: Block, i: number, n: number, pool: ConstPool): void {
  for (let k = i - n; k < i; k++) if (b.instrs[k].op !== OP.LOAD_CONST) return;
  const items: ConstSpec[] = [];
  for (let k = i - n; k < i; k++) {
    items.push(pool.consts[b.instrs[k].arg]);
    nop(b.instrs[k]);
  }
  const idx = pool.add({ type: 'tuple', items });
  b.instrs[i].op = OP.LOAD_CONST;
  b.instrs[i].arg = idx;
}

const SWAPPABLE = new Set<number>([OP.STORE_FAST, STORE_FAST_MAYBE_NULL, OP.POP_TOP]);
function storesTo(i: Instr): number {
  return i.op === OP.STORE_FAST || i.op === STORE_FAST_MAYBE_NULL ? i.arg : -1;
}

function nextSwappable(b: Block, i: number, lineno: number): number {
  while (++i < b.instrs.length) {
    const ins = b.instrs[i];
    if (lineno >= 0 && ins.loc.lineno !== lineno) return -1;
    if (ins.op === OP.NOP) continue;
    if (SWAPPABLE.has(ins.op)) return i;
    return -1;
  }
  return -1;
}

function applyStaticSwaps(b: Block, i: number): void {
  for (; i >= 0; i--) {
    const swap = b.instrs[i];
    if (swap.op !== OP.SWAP) {
      if (swap.op === OP.NOP || SWAPPABLE.has(swap.op)) continue;
      return;
    }
    const j = nextSwappable(b, i, -1);
    if (j < 0) return;
    let k = j;
    const lineno = b.instrs[j].loc.lineno;
    for (let count = swap.arg - 1; count > 0; count--) {
      k = nextSwappable(b, k, lineno);
      if (k < 0) return;
    }
    const sj = storesTo(b.instrs[j]);
    const sk = storesTo(b.instrs[k]);
    if (sj >= 0 || sk >= 0) {
      if (sj === sk) return;
      for (let idx = j + 1; idx < k; idx++) {
        const s = storesTo(b.instrs[idx]);
        if (s >= 0 && (s === sj || s === sk)) return;
      }
    }
    nop(swap);
    const tmp = b.instrs[j];
    b.instrs[j] = b.instrs[k];
    b.instrs[k] = tmp;
  }
}

/** Replace a run of SWAPs with the minimal equivalent sequence; returns the new index. */
function swaptimize(b: Block, ix: number): number {
  const ins = b.instrs;
  let depth = ins[ix].arg;
  let len = 0;
  let more = false;
  const limit = ins.length - ix;
  while (++len < limit) {
    const op = ins[ix + len].op;
    if (op === OP.SWAP) {
      depth = Math.max(depth, ins[ix + len].arg);
      more = true;
    } else if (op !== OP.NOP) break;
  }
  if (!more) return ix;
  const stack: number[] = [];
  for (let i = 0; i < depth; i++) stack.push(i);
  for (let i = 0; i < len; i++) {
    const s = ins[ix + i];
    if (s.op === OP.SWAP) {
      const top = stack[0];
      stack[0] = stack[s.arg - 1];
      stack[s.arg - 1] = top;
    }
  }
  const VISITED = -1;
  let current = len - 1;
  for (let i = 0; i < depth; i++) {
    if (stack[i] === VISITED || stack[i] === i) continue;
    let j = i;
    for (;;) {
      if (j) {
        const s = ins[ix + current--];
        s.op = OP.SWAP;
        s.arg = j + 1;
        s.target = null;
      }
      if (stack[j] === VISITED) break;
      const nextJ = stack[j];
      stack[j] = VISITED;
      j = nextJ;
    }
  }
  while (current >= 0) nop(ins[ix + current--]);
  return ix + len - 1;
}

function optimizeBasicBlock(b: Block, pool: ConstPool): void {
  const NOPI: Instr = { op: OP.NOP, arg: 0, target: null, loc: NO_LOCATION, except: null };
  let target: Instr = NOPI;
  let opcode = 0;
  let oparg = 0;
  for (let i = 0; i < b.instrs.length; i++) {
    const inst = b.instrs[i];
    const isCopyOfLoadConst = opcode === OP.LOAD_CONST && inst.op === OP.COPY && inst.arg === 1;
    if (!isCopyOfLoadConst) {
      opcode = inst.op;
      oparg = inst.arg;
      target = hasTarget(opcode) ? inst.target!.instrs[0] ?? NOPI : NOPI;
    }
    const nextop = i + 1 < b.instrs.length ? b.instrs[i + 1].op : 0;
    switch (opcode) {
      case OP.LOAD_CONST: {
        if (nextop === OP.POP_JUMP_IF_FALSE || nextop === OP.POP_JUMP_IF_TRUE) {
          const isTrue = isTrueConst(pool.consts[oparg]);
          nop(inst);
          const jumpIfTrue = nextop === OP.POP_JUMP_IF_TRUE;
          if (isTrue === jumpIfTrue) b.instrs[i + 1].op = JUMP;
          else nop(b.instrs[i + 1]);
        } else if (nextop === OP.IS_OP) {
          if (pool.consts[oparg].type !== 'None') break;
          if (b.instrs.length <= i + 2) break;
          const isInstr = b.instrs[i + 1];
          const jumpInstr = b.instrs[i + 2];
          let invert = isInstr.arg !== 0;
          if (jumpInstr.op === OP.POP_JUMP_IF_FALSE) invert = !invert;
          else if (jumpInstr.op !== OP.POP_JUMP_IF_TRUE) break;
          nop(inst);
          nop(isInstr);
          jumpInstr.op = invert ? OP.POP_JUMP_IF_NOT_NONE : OP.POP_JUMP_IF_NONE;
        } else if (nextop === OP.RETURN_VALUE) {
          nop(inst);
          i++;
          b.instrs[i].op = OP.RETURN_CONST;
          b.instrs[i].arg = oparg;
        }
        break;
      }
      case OP.BUILD_TUPLE:
        if (nextop === OP.UNPACK_SEQUENCE && oparg === b.instrs[i + 1].arg) {
          if (oparg === 1) {
            nop(inst);
            nop(b.instrs[i + 1]);
            continue;
          }
          if (oparg === 2 || oparg === 3) {
            nop(inst);
            b.instrs[i + 1].op = OP.SWAP;
            continue;
          }
        }
        if (i >= oparg) foldTupleOnConstants(b, i, oparg, pool);
        break;
      case OP.POP_JUMP_IF_NOT_NONE:
      case OP.POP_JUMP_IF_NONE:
      case OP.POP_JUMP_IF_FALSE:
      case OP.POP_JUMP_IF_TRUE:
      case JUMP:
        if (target.op === JUMP && jumpThread(inst, target, inst.op)) i -= 1;
        break;
      case OP.SWAP:
        if (oparg === 1) {
          nop(inst);
          break;
        }
        i = swaptimize(b, i);
        applyStaticSwaps(b, i);
        break;
      case OP.PUSH_NULL:
        if (nextop === OP.LOAD_GLOBAL && (b.instrs[i + 1].arg & 1) === 0) {
          nop(inst);
          b.instrs[i + 1].arg |= 1;
        }
        break;
      case OP.CALL_INTRINSIC_1:
        // for _ in (*foo, *bar) -> for _ in [*foo, *bar]
        if (oparg === 6 && nextop === OP.GET_ITER) nop(inst);
        break;
    }
  }
}

function removeRedundantNops(b: Block): void {
  const out: Instr[] = [];
  let prevLineno = -1;
  const ins = b.instrs;
  for (let src = 0; src < ins.length; src++) {
    const instr = ins[src];
    const lineno = instr.loc.lineno;
    if (instr.op === OP.NOP) {
      if (lineno < 0) continue;
      if (prevLineno === lineno) continue;
      if (src < ins.length - 1) {
        const nextLineno = ins[src + 1].loc.lineno;
        if (nextLineno === lineno) continue;
        if (nextLineno < 0) {
          ins[src + 1].loc = instr.loc;
          continue;
        }
      } else {
        let next = b.next;
        while (next && next.instrs.length === 0) next = next.next;
        if (next && lineno === next.instrs[0].loc.lineno) continue;
      }
    }
    out.push(instr);
    prevLineno = lineno;
  }
  b.instrs = out;
}

function removeRedundantNopsAndPairs(g: CFG): void {
  let done = false;
  while (!done) {
    done = true;
    let instr: Instr | null = null;
    for (const b of g.blocks()) {
      removeRedundantNops(b);
      if (b.isLabel) instr = null;
      for (const cur of b.instrs) {
        const prev = instr;
        instr = cur;
        if (cur.op === OP.POP_TOP && prev && (prev.op === OP.LOAD_CONST || (prev.op === OP.COPY && prev.arg === 1))) {
          nop(prev);
          nop(cur);
          done = false;
        }
      }
      if ((instr && isJump(instr)) || !hasFallthrough(b)) instr = null;
    }
  }
}

function markReachable(g: CFG): void {
  for (const b of g.blocks()) {
    b.predecessors = 0;
    b.visited = false;
  }
  const stack: Block[] = [g.entry];
  g.entry.predecessors = 1;
  while (stack.length) {
    const b = stack.pop()!;
    b.visited = true;
    if (b.next && hasFallthrough(b)) {
      if (!b.next.visited) stack.push(b.next);
      b.next.predecessors++;
    }
    for (const i of b.instrs) {
      if (isJump(i) || isBlockPush(i)) {
        const t = i.target!;
        if (!t.visited) stack.push(t);
        t.predecessors++;
      }
    }
  }
  g.resetVisited();
}

export function removeRedundantJumps(g: CFG): void {
  for (const b of g.blocks()) {
    const last = b.last();
    if (last && isUnconditionalJump(last.op) && last.target === b.next) nop(last);
  }
}

function optimizeCfg(g: CFG, pool: ConstPool): void {
  eliminateEmptyBasicBlocks(g);
  for (const b of g.blocks()) inlineSmallExitBlocks(b);
  for (const b of g.blocks()) optimizeBasicBlock(b, pool);
  removeRedundantNopsAndPairs(g);
  for (const b of g.blocks()) inlineSmallExitBlocks(b);
  markReachable(g);
  for (const b of g.blocks()) if (b.predecessors === 0) b.instrs = [];
  for (const b of g.blocks()) removeRedundantNops(b);
  eliminateEmptyBasicBlocks(g);
  removeRedundantJumps(g);
}

// ---------------------------------------------------------------------------
// Constants and locals

function removeUnusedConsts(g: CFG, pool: ConstPool): void {
  const n = pool.consts.length;
  if (n === 0) return;
  const used = new Array<boolean>(n).fill(false);
  used[0] = true; // the first constant may be a docstring: always kept
  const USES_CONST = (op: number) => op === OP.LOAD_CONST || op === OP.RETURN_CONST || op === OP.KW_NAMES;
  for (const b of g.blocks()) for (const i of b.instrs) if (USES_CONST(i.op)) used[i.arg] = true;
  const map = new Array<number>(n).fill(-1);
  const kept: ConstSpec[] = [];
  for (let i = 0; i < n; i++) {
    if (used[i]) {
      map[i] = kept.length;
      kept.push(pool.consts[i]);
    }
  }
  if (kept.length === n) return;
  for (const b of g.blocks()) for (const i of b.instrs) if (USES_CONST(i.op)) i.arg = map[i.arg];
  pool.consts.length = 0;
  pool.consts.push(...kept);
}

function maybePush(b: Block, mask: bigint, stack: Block[]): void {
  const both = b.unsafeLocalsMask | mask;
  if (b.unsafeLocalsMask !== both) {
    b.unsafeLocalsMask = both;
    if (!b.visited) {
      stack.push(b);
      b.visited = true;
    }
  }
}

function scanBlockForLocals(b: Block, stack: Block[]): void {
  let unsafe = b.unsafeLocalsMask;
  for (const instr of b.instrs) {
    if (instr.except) maybePush(instr.except, unsafe, stack);
    if (instr.arg >= 64) continue;
    const bit = 1n << BigInt(instr.arg);
    switch (instr.op) {
      case OP.DELETE_FAST:
      case OP.LOAD_FAST_AND_CLEAR:
      case STORE_FAST_MAYBE_NULL:
        unsafe |= bit;
        break;
      case OP.STORE_FAST:
        unsafe &= ~bit;
        break;
      case OP.LOAD_FAST_CHECK:
        unsafe &= ~bit;
        break;
      case OP.LOAD_FAST:
        if (unsafe & bit) instr.op = OP.LOAD_FAST_CHECK;
        unsafe &= ~bit;
        break;
    }
  }
  if (b.next && hasFallthrough(b)) maybePush(b.next, unsafe, stack);
  const last = b.last();
  if (last && isJump(last)) maybePush(last.target!, unsafe, stack);
}

function fastScanManyLocals(g: CFG, nlocals: number): void {
  const states = new Array<number>(nlocals - 64).fill(0);
  let blocknum = 0;
  for (const b of g.blocks()) {
    blocknum++;
    for (const instr of b.instrs) {
      const arg = instr.arg;
      if (arg < 64) continue;
      switch (instr.op) {
        case OP.DELETE_FAST:
        case OP.LOAD_FAST_AND_CLEAR:
        case STORE_FAST_MAYBE_NULL:
          states[arg - 64] = blocknum - 1;
          break;
        case OP.STORE_FAST:
          states[arg - 64] = blocknum;
          break;
        case OP.LOAD_FAST:
          if (states[arg - 64] !== blocknum) instr.op = OP.LOAD_FAST_CHECK;
          states[arg - 64] = blocknum;
          break;
      }
    }
  }
}

function addChecksForLoadsOfUninitializedVariables(g: CFG, nlocals: number, nparams: number): void {
  if (nlocals === 0) return;
  if (nlocals > 64) {
    fastScanManyLocals(g, nlocals);
    nlocals = 64;
  }
  for (const b of g.blocks()) {
    b.unsafeLocalsMask = 0n;
    b.visited = false;
  }
  const stack: Block[] = [];
  let startMask = 0n;
  for (let i = nparams; i < nlocals; i++) startMask |= 1n << BigInt(i);
  maybePush(g.entry, startMask, stack);
  for (const b of g.blocks()) scanBlockForLocals(b, stack);
  while (stack.length) {
    const b = stack.pop()!;
    b.visited = false;
    scanBlockForLocals(b, stack);
  }
  g.resetVisited();
}

// ---------------------------------------------------------------------------
// Block ordering and line numbers




function isExitWithoutLineno(b: Block): boolean {
  if (!exitsScope(b)) return false;
  return b.instrs.every((i) => i.loc.lineno < 0);
}

function duplicateExitsWithoutLineno(g: CFG): void {
  for (const b of g.blocks()) {
    const last = b.last();
    if (last && isJump(last)) {
      const target = last.target!;
      if (isExitWithoutLineno(target) && target.predecessors > 1) {
        const nb = new Block(true);
        nb.instrs = target.instrs.map(copyInstr);
        nb.instrs[0].loc = last.loc;
        last.target = nb;
        target.predecessors--;
        nb.predecessors = 1;
        nb.next = target.next;
        nb.cold = target.cold;
        target.next = nb;
      }
    }
  }
  for (const b of g.blocks()) {
    if (hasFallthrough(b) && b.next && b.instrs.length > 0 && isExitWithoutLineno(b.next)) {
      b.next.instrs[0].loc = b.last()!.loc;
    }
  }
}

function propagateLineNumbers(g: CFG): void {
  for (const b of g.blocks()) {
    const last = b.last();
    if (!last) continue;
    let prev: Loc = NO_LOCATION;
    for (const i of b.instrs) {
      if (i.loc.lineno < 0) i.loc = prev;
      else prev = i.loc;
    }
    if (hasFallthrough(b) && b.next && b.next.predecessors === 1 && b.next.instrs.length) {
      if (b.next.instrs[0].loc.lineno < 0) b.next.instrs[0].loc = prev;
    }
    if (isJump(last)) {
      const t = last.target!;
      if (t.predecessors === 1 && t.instrs.length && t.instrs[0].loc.lineno < 0) t.instrs[0].loc = prev;
    }
  }
}

function guaranteeLinenoForExits(g: CFG, firstlineno: number): void {
  let lineno = firstlineno;
  for (const b of g.blocks()) {
    const last = b.last();
    if (!last) continue;
    if (last.loc.lineno < 0) {
      if (last.op === OP.RETURN_VALUE) {
        for (const i of b.instrs) i.loc = { ...i.loc, lineno };
      }
    } else {
      lineno = last.loc.lineno;
    }
  }
}

function resolveLineNumbers(g: CFG, firstlineno: number): void {
  duplicateExitsWithoutLineno(g);
  propagateLineNumbers(g);
  guaranteeLinenoForExits(g, firstlineno);
}

/** _PyCfg_OptimizeCodeUnit */
export function optimizeCodeUnit(
  g: CFG,
  pool: ConstPool,
  nlocals: number,
  nparams: number,
  firstlineno: number,
): void {
  const handlers = markExceptHandlers(g);
  if (handlers) labelExceptionTargets(g);
  optimizeCfg(g, pool);
  removeUnusedConsts(g, pool);
  addChecksForLoadsOfUninitializedVariables(g, nlocals, nparams);
  resolveLineNumbers(g, firstlineno);
  if (handlers) pushColdBlocksToEnd(g);
}

/** _PyCfg_Stackdepth: also records each block's start depth, which the exception table needs. */
export function stackdepth(g: CFG, isGenerator: boolean): number {
  for (const b of g.blocks()) b.startdepth = -(2 ** 31);
  const stack: Block[] = [];
  let maxdepth = 0;
  const push = (b: Block, depth: number) => {
    if (b.startdepth < depth && b.startdepth < 100) {
      b.startdepth = depth;
      stack.push(b);
    }
  };
  // a generator's frame starts with the value RETURN_GENERATOR's caller sends in
  push(g.entry, isGenerator ? 1 : 0);
  while (stack.length) {
    const b = stack.pop()!;
    let depth = b.startdepth;
    let next = b.next;
    for (const instr of b.instrs) {
      const effect = stackEffect(instr.op, instr.arg, false);
      const newDepth = depth + effect;
      if (newDepth > maxdepth) maxdepth = newDepth;
      if (hasTarget(instr.op)) {
        const targetDepth = depth + stackEffect(instr.op, instr.arg, true);
        if (targetDepth > maxdepth) maxdepth = targetDepth;
        push(instr.target!, targetDepth);
      }
      depth = newDepth;
      if (isUnconditionalJump(instr.op) || isScopeExit(instr.op)) {
        next = null;
        break;
      }
    }
    if (next) push(next, depth);
  }
  return maxdepth;
}

/** _PyCfg_ConvertPseudoOps: SETUP_* and POP_BLOCK become NOPs (then mostly vanish). */
export function convertPseudoOps(g: CFG): void {
  for (const b of g.blocks()) {
    for (const i of b.instrs) {
      if (isBlockPush(i) || i.op === POP_BLOCK) nop(i);
      else if (i.op === STORE_FAST_MAYBE_NULL) i.op = OP.STORE_FAST;
    }
  }
  for (const b of g.blocks()) removeRedundantNops(b);
}

/** normalize_jumps: pick JUMP_FORWARD/JUMP_BACKWARD, and never jump backwards conditionally. */
export function normalizeJumps(g: CFG): void {
  g.resetVisited();
  for (let b: Block | null = g.entry; b; b = b.next) {
    b.visited = true;
    const last = b.last();
    if (!last || !isJump(last)) continue;
    const isForward = !last.target!.visited;
    if (last.op === JUMP) {
      last.op = isForward ? OP.JUMP_FORWARD : OP.JUMP_BACKWARD;
      continue;
    }
    if (last.op === JUMP_NO_INTERRUPT) {
      last.op = isForward ? OP.JUMP_FORWARD : OP.JUMP_BACKWARD_NO_INTERRUPT;
      continue;
    }
    if (isForward) continue;
    let reversed = 0;
    switch (last.op) {
      case OP.POP_JUMP_IF_NOT_NONE: reversed = OP.POP_JUMP_IF_NONE; break;
      case OP.POP_JUMP_IF_NONE: reversed = OP.POP_JUMP_IF_NOT_NONE; break;
      case OP.POP_JUMP_IF_FALSE: reversed = OP.POP_JUMP_IF_TRUE; break;
      case OP.POP_JUMP_IF_TRUE: reversed = OP.POP_JUMP_IF_FALSE; break;
      default: continue;
    }
    const target = last.target!;
    const back = new Block(false);
    // like basicblock_addop, the new jump carries no handler (3.12 leaves a gap in the exception table)
    back.instrs.push({ op: OP.JUMP_BACKWARD, arg: 0, target, loc: last.loc, except: null });
    back.cold = b.cold;
    back.visited = true;
    last.op = reversed;
    last.target = b.next;
    back.next = b.next;
    b.next = back;
    b = back;
  }
  g.resetVisited();
}
