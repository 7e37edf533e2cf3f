/**
 * What the memory view leaves out so that one step never draws thousands of
 * boxes: the middle of a deep call stack (a recursion 900 calls deep) and
 * most of a long "freed by the last line" list (`del big_list`, or the end
 * of a recursion that built hundreds of objects). What is left out is
 * summarised by count and type, and can be shown in full when that is
 * cheap (at most SHOW_ALL_MAX boxes).
 *
 * Pure functions of the state: stepping back to a step draws the picture
 * that stepping forwards to it drew.
 */

import type { FrameState, FreedObject } from '../../src/runner/protocol.js';

/** More frames than this: only the outermost FRAMES_HEAD and the innermost FRAMES_TAIL are drawn. */
export const FRAMES_OVER = 12;
export const FRAMES_HEAD = 2;
export const FRAMES_TAIL = 6;
/** More freed objects than this: FREED_SHOW of them are drawn, the rest summed up by type. */
export const FREED_OVER = 14;
export const FREED_SHOW = 12;
/** "Show all" is offered only up to this many boxes (more would make the page slow to draw and to scroll). */
export const SHOW_ALL_MAX = 250;

/** How many of each kind, most common first: `[['int', 712], ['list', 26]]`. */
export type CountsByKind = [string, number][];

function countBy<T>(items: readonly T[], key: (t: T) => string): CountsByKind {
  const m = new Map<string, number>();
  for (const t of items) m.set(key(t), (m.get(key(t)) ?? 0) + 1);
  return [...m].sort((a, b) => b[1] - a[1]);
}

/** "712 int, 26 list" (the three most common kinds, then "…"). */
export function countsText(counts: CountsByKind, max = 3): string {
  const parts = counts.slice(0, max).map(([k, n]) => `${n} ${k}`);
  if (counts.length > max) parts.push('…');
  return parts.join(', ');
}

export interface FrameSelection {
  /** indices into `state.frames` of the frames drawn, outermost first */
  shown: number[];
  /** the frames left out: they sit between shown[FRAMES_HEAD - 1] and shown[FRAMES_HEAD] */
  elided: { count: number; byName: CountsByKind } | null;
}

export function selectFrames(frames: readonly FrameState[], showAll: boolean): FrameSelection {
  const n = frames.length;
  const all = Array.from({ length: n }, (_, i) => i);
  if (n <= FRAMES_OVER || showAll) return { shown: all, elided: null };
  const shown = [...all.slice(0, FRAMES_HEAD), ...all.slice(n - FRAMES_TAIL)];
  const middle = frames.slice(FRAMES_HEAD, n - FRAMES_TAIL);
  return { shown, elided: { count: middle.length, byName: countBy(middle, (f) => f.name) } };
}

export interface FreedSelection {
  /** the freed objects drawn, in the order they were freed */
  shown: FreedObject[];
  /** the ones left out, by type */
  hidden: number;
  hiddenByType: CountsByKind;
}

/**
 * Which freed objects to draw: one of each type first (so a list freed
 * after its 700 ints is not hidden behind them), then the earliest freed,
 * up to FREED_SHOW; drawn in the order they were freed.
 */
export function selectFreed(freed: readonly FreedObject[], showAll: boolean): FreedSelection {
  if (freed.length <= FREED_OVER || showAll) return { shown: [...freed], hidden: 0, hiddenByType: [] };
  const pick = new Set<number>();
  const types = new Set<string>();
  for (let i = 0; i < freed.length && pick.size < FREED_SHOW; i++) {
    if (types.has(freed[i].type)) continue;
    types.add(freed[i].type);
    pick.add(i);
  }
  for (let i = 0; i < freed.length && pick.size < FREED_SHOW; i++) pick.add(i);
  const shown: FreedObject[] = [];
  const rest: FreedObject[] = [];
  freed.forEach((f, i) => (pick.has(i) ? shown : rest).push(f));
  return { shown, hidden: rest.length, hiddenByType: countBy(rest, (f) => f.type) };
}
