/**
 * The passes for code units with exception handlers (try and with
 * statements, comprehensions, generators): which handler each instruction
 * unwinds to (label_exception_targets) and the handlers' blocks moved to the
 * end (push_cold_blocks_to_end). An on-demand part (see ondemand.ts) that the
 * text of those statements loads; a code unit without handlers skips them.
 * Moved here verbatim from flowgraph.ts, which keeps their stubs.
 * CPython counterpart: Python/flowgraph.c.
 */
import * as OP from '../bytecode/op.js';
import {
  Block, type CFG, NO_LOCATION, SETUP_CLEANUP, SETUP_WITH, POP_BLOCK, JUMP, isJump, isBlockPush, hasFallthrough,
  removeRedundantJumps,
} from './flowgraph.js';

function labelExceptionTargets(g: CFG): void {
  const todo: Block[] = [g.entry];
  g.entry.visited = true;
  g.entry.exceptStack = [];
  while (todo.length) {
    const b = todo.pop()!;
    let stack: Block[] | null = b.exceptStack!;
    b.exceptStack = null;
    let handler: Block | null = stack.length ? stack[stack.length - 1] : null;
    for (const instr of b.instrs) {
      if (isBlockPush(instr)) {
        const t = instr.target!;
        if (!t.visited) {
          t.exceptStack = stack!.slice();
          t.visited = true;
          todo.push(t);
        }
        if (instr.op === SETUP_WITH || instr.op === SETUP_CLEANUP) t.preserveLasti = true;
        stack!.push(t);
        handler = t;
      } else if (instr.op === POP_BLOCK) {
        stack!.pop();
        handler = stack!.length ? stack![stack!.length - 1] : null;
      } else if (isJump(instr)) {
        instr.except = handler;
        const t = instr.target!;
        if (!t.visited) {
          if (hasFallthrough(b)) {
            t.exceptStack = stack!.slice();
          } else {
            t.exceptStack = stack;
            stack = null;
          }
          t.visited = true;
          todo.push(t);
        }
      } else {
        if (instr.op === OP.YIELD_VALUE) instr.arg = stack!.length;
        instr.except = handler;
      }
    }
    if (hasFallthrough(b) && b.next && !b.next.visited) {
      b.next.exceptStack = stack;
      b.next.visited = true;
      todo.push(b.next);
    }
  }
  g.resetVisited();
}

function markWarm(g: CFG): void {
  const stack: Block[] = [g.entry];
  g.entry.visited = true;
  while (stack.length) {
    const b = stack.pop()!;
    b.warm = true;
    const next = b.next;
    if (next && hasFallthrough(b) && !next.visited) {
      stack.push(next);
      next.visited = true;
    }
    for (const i of b.instrs) {
      if (isJump(i) && !i.target!.visited) {
        stack.push(i.target!);
        i.target!.visited = true;
      }
    }
  }
}

function markCold(g: CFG): void {
  markWarm(g);
  const stack: Block[] = [];
  for (const b of g.blocks()) {
    if (b.exceptHandler) {
      stack.push(b);
      b.visited = true;
    }
  }
  while (stack.length) {
    const b = stack.pop()!;
    b.cold = true;
    const next = b.next;
    if (next && hasFallthrough(b) && !next.warm && !next.visited) {
      stack.push(next);
      next.visited = true;
    }
    for (const i of b.instrs) {
      if (isJump(i)) {
        const t = i.target!;
        if (!t.warm && !t.visited) {
          stack.push(t);
          t.visited = true;
        }
      }
    }
  }
  g.resetVisited();
}

function pushColdBlocksToEnd(g: CFG): void {
  if (!g.entry.next) return;
  markCold(g);
  // a cold block falling through into a warm one gets an explicit jump
  for (const b of g.blocks()) {
    if (b.cold && hasFallthrough(b) && b.next && b.next.warm) {
      const j = new Block(false);
      b.next.isLabel = true;
      j.instrs.push({ op: JUMP, arg: 0, target: b.next, loc: NO_LOCATION, except: null });
      j.cold = true;
      j.next = b.next;
      j.predecessors = 1;
      b.next = j;
    }
  }
  let coldHead: Block | null = null;
  let coldTail: Block | null = null;
  let b: Block = g.entry;
  while (b.next) {
    while (b.next && !b.next.cold) b = b.next;
    if (!b.next) break;
    let end: Block = b.next;
    while (end.next && end.next.cold) end = end.next;
    if (!coldHead) coldHead = b.next;
    else coldTail!.next = b.next;
    coldTail = end;
    b.next = end.next;
    end.next = null;
  }
  b.next = coldHead;
  if (coldHead) removeRedundantJumps(g);
}

/** The implementations of flowgraph.ts's stubs. */
export const handlerBlocks = { labelExceptionTargets, pushColdBlocksToEnd };
