/**
 * Where the memory view puts each object: a layered layout, computed from
 * the state alone (so stepping back to a step draws exactly the picture that
 * stepping forwards to it drew).
 *
 * Column 0 holds the objects the frames' names refer to, in the order the
 * names appear (outermost frame first); column n+1 the objects first reached
 * from column n's visible references, in the order of those references. So
 * every arrow from a name, and every arrow that discovers an object, points
 * to the right, and an object sits next to the first thing that refers to it
 * (which keeps arrows from crossing where it can). References back to an
 * earlier column (cycles, shared objects) are the only ones drawn leftwards.
 *
 * Big containers are collapsed: past `COLLAPSE_OVER` references only the
 * first `COLLAPSED_SHOW` are drawn (with "…and N more"), unless the learner
 * expanded that object. Objects reachable only through hidden references are
 * not placed at all, which keeps a list of 10,000 ints as legible as one of 3.
 */

import type { WireState, ObjectState } from '../../src/runner/protocol.js';

export const COLLAPSE_OVER = 10;
export const COLLAPSED_SHOW = 6;

export interface ShownEdges {
  /** the references drawn as slots with arrows */
  edges: ObjectState['edges'];
  /** references not drawn (collapsed, or past what the trace records) */
  hidden: number;
  /** true when the learner can expand the object to see more */
  collapsible: boolean;
}

export interface Layout {
  /** object ids per column, left to right */
  columns: number[][];
  /** column of each placed object */
  column: Map<number, number>;
  shown: Map<number, ShownEdges>;
  /** objects reachable from the frames but not placed (only behind collapsed references) */
  unplaced: number;
}

export function shownEdges(o: ObjectState, expanded: boolean): ShownEdges {
  const all = o.edges;
  const collapsible = all.length > COLLAPSE_OVER;
  const edges = collapsible && !expanded ? all.slice(0, COLLAPSED_SHOW) : all;
  return { edges, hidden: Math.max(0, o.edgeCount - edges.length), collapsible };
}

export interface LayoutOptions {
  /**
   * Draw immortal objects (small ints, None, True, interned strings…) that a
   * container slot refers to as a value in the slot rather than as a box with
   * an arrow: they are shared by everything, and their arrows cross the whole
   * picture. Names still point to their boxes.
   */
  inlineImmortal: boolean;
}

/** Whether a container slot pointing at `target` shows it as an inline value. */
export function isInline(target: ObjectState | undefined, opts: LayoutOptions): boolean {
  return opts.inlineImmortal && target !== undefined && target.immortal;
}

/**
 * `frames`: indices of the frames drawn (elision.ts leaves out the middle of
 * a deep stack); objects only the other frames' names lead to are not placed.
 */
export function layoutState(
  state: WireState, objects: Map<number, ObjectState>, expanded: ReadonlySet<number>, opts: LayoutOptions,
  frames?: readonly number[],
): Layout {
  const column = new Map<number, number>();
  const shown = new Map<number, ShownEdges>();
  const columns: number[][] = [];
  let current: number[] = [];
  for (const fi of frames ?? state.frames.keys()) {
    for (const l of state.frames[fi].locals) {
      if (l.id === null || column.has(l.id) || !objects.has(l.id)) continue;
      column.set(l.id, 0);
      current.push(l.id);
    }
  }
  let depth = 0;
  while (current.length > 0) {
    columns.push(current);
    const next: number[] = [];
    for (const id of current) {
      const o = objects.get(id)!;
      const s = shownEdges(o, expanded.has(id));
      shown.set(id, s);
      for (const e of s.edges) {
        if (column.has(e.target) || !objects.has(e.target) || isInline(objects.get(e.target), opts)) continue;
        column.set(e.target, depth + 1);
        next.push(e.target);
      }
    }
    current = next;
    depth++;
  }
  // objects not drawn that the drawn ones lead to, through references left out (dict keys are
  // labels, not counted; objects only a left-out frame's names lead to are not "inside" anything drawn)
  const todo = [...column.keys()];
  const behind = new Set<number>();
  while (todo.length > 0) {
    const o = objects.get(todo.pop()!)!;
    for (const e of o.edges) {
      const t = objects.get(e.target);
      if (t === undefined || column.has(t.id) || behind.has(t.id) || isInline(t, opts)) continue;
      behind.add(t.id);
      todo.push(t.id);
    }
  }
  return { columns, column, shown, unplaced: behind.size };
}
