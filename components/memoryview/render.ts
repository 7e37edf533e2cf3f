/**
 * Draws a memory state (protocol.ts `WireState`, i.e. TraceReplay.stateAt)
 * into the memory view's element: frames on the left, the heap in layered
 * columns to the right (layout.ts), SVG arrows from names and container
 * slots to the objects they reference, and what the last line did (new
 * objects, changed refcounts, freed objects with the reason, GC runs).
 *
 * Everything is built with textContent: nothing from the program is ever
 * interpreted as HTML. The picture depends only on the state (and which
 * containers the learner expanded), so stepping back redraws exactly the
 * earlier picture.
 */

import type { WireState, ObjectState, FreedObject } from '../../src/runner/protocol.js';
import { layoutState, isInline, type Layout, type LayoutOptions } from './layout.js';
import { selectFrames, selectFreed, countsText, SHOW_ALL_MAX, FRAMES_HEAD, FRAMES_OVER, type FrameSelection } from './elision.js';

const SVG_NS = 'http://www.w3.org/2000/svg';
/** From this many names with their own object in the first column, names are drawn level with their objects. */
const ALIGN_NAMES_FROM = 8;
const SEQUENCE_TYPES = new Set(['list', 'tuple', 'dict', 'set', 'frozenset', 'bytearray', 'deque', 'defaultdict', 'Counter']);

export interface NameLookup {
  name: string;
  frame: string;
  /** the object the name's value is (for a closure variable: what its cell holds) */
  object: ObjectState;
  /** a closure variable: the cell the name refers to */
  cell?: ObjectState;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

export function hexAddress(a: number): string {
  return '0x' + a.toString(16);
}

/** `sys.getrefcount(x)` as the learner would see it (its argument adds one). */
export function refcountText(o: { refcount: number | null; immortal: boolean; internal?: boolean }): string {
  if (o.internal) return 'shared with the interpreter';
  return o.refcount === null ? 'immortal' : String(o.refcount);
}

export class MemoryViewRenderer {
  private state: WireState | null = null;
  private objects = new Map<number, ObjectState>();
  private expanded = new Set<number>();
  private layout: Layout | null = null;
  private canvas: HTMLDivElement;
  private svg: SVGSVGElement;
  private framesEl: HTMLDivElement;
  private heapEl: HTMLDivElement;
  private notesEl: HTMLDivElement;
  private emptyEl: HTMLParagraphElement;
  private boxes = new Map<number, HTMLElement>();
  private raf = 0;
  private ro: ResizeObserver | null = null;
  private readonly scrollEl: HTMLElement;
  private readonly scrollFrame: HTMLElement;
  private hovered: number | null = null;
  private opts: LayoutOptions = { inlineImmortal: true };
  private optionsEl: HTMLLabelElement;
  /** the learner asked for every frame of a deep stack (kept while stepping, reset by a new run) */
  private allFrames = false;
  /** the step whose whole freed list the learner asked for */
  private allFreedStep = -1;
  private frameSel: FrameSelection | null = null;

  constructor(readonly root: HTMLElement) {
    root.replaceChildren();
    this.emptyEl = el('p', 'mv-empty', 'Run or Step the program to see its frames and objects.');
    this.canvas = el('div', 'mv-canvas');
    this.svg = document.createElementNS(SVG_NS, 'svg');
    this.svg.setAttribute('class', 'mv-arrows');
    this.svg.setAttribute('aria-hidden', 'true');
    const defs = document.createElementNS(SVG_NS, 'defs');
    const marker = document.createElementNS(SVG_NS, 'marker');
    marker.setAttribute('id', `mv-head-${Math.random().toString(36).slice(2, 8)}`);
    marker.setAttribute('viewBox', '0 0 10 10');
    marker.setAttribute('refX', '9');
    marker.setAttribute('refY', '5');
    marker.setAttribute('markerWidth', '7');
    marker.setAttribute('markerHeight', '7');
    marker.setAttribute('orient', 'auto-start-reverse');
    const tip = document.createElementNS(SVG_NS, 'path');
    tip.setAttribute('d', 'M 0 0 L 10 5 L 0 10 z');
    tip.setAttribute('class', 'mv-arrow-head');
    marker.append(tip);
    defs.append(marker);
    this.svg.append(defs);
    this.framesEl = el('div', 'mv-frames');
    this.heapEl = el('div', 'mv-heap');
    this.canvas.append(this.svg, this.framesEl, this.heapEl);
    this.notesEl = el('div', 'mv-notes');
    const scroll = el('div', 'mv-scroll');
    scroll.append(this.canvas);
    // the scroll box sits in a frame that shades an edge with more picture beyond it
    const scrollFrame = el('div', 'mv-scroll-frame');
    scrollFrame.append(scroll);
    this.scrollEl = scroll;
    this.scrollFrame = scrollFrame;
    scroll.addEventListener('scroll', () => this.markOverflow(), { passive: true });
    this.optionsEl = el('label', 'mv-option');
    const box = el('input');
    box.type = 'checkbox';
    box.checked = !this.opts.inlineImmortal;
    box.addEventListener('change', () => {
      this.opts = { inlineImmortal: !box.checked };
      if (this.state !== null) this.render(this.state);
    });
    this.optionsEl.append(box, document.createTextNode(' Draw immortal objects inside containers as boxes'));
    this.optionsEl.hidden = true;
    root.append(this.emptyEl, scrollFrame, this.notesEl, this.optionsEl);
    this.canvas.hidden = true;
    if (typeof ResizeObserver !== 'undefined') {
      this.ro = new ResizeObserver(() => this.scheduleArrows());
      this.ro.observe(this.canvas);
    }
    root.addEventListener('click', (e) => {
      const t = (e.target as Element).closest<HTMLElement>('.mv-show-all');
      if (t === null || this.state === null) return;
      if (t.dataset.what === 'frames') this.allFrames = !this.allFrames;
      else this.allFreedStep = this.allFreedStep === this.state.step ? -1 : this.state.step;
      this.render(this.state);
    });
    this.canvas.addEventListener('click', (e) => {
      const b = (e.target as Element).closest<HTMLElement>('.mv-more');
      if (b === null) return;
      const id = Number(b.dataset.id);
      if (this.expanded.has(id)) this.expanded.delete(id);
      else this.expanded.add(id);
      if (this.state !== null) this.render(this.state);
    });
  }

  /** Shows a message instead of a picture (before a run, after a SyntaxError…). */
  clear(message = 'Run or Step the program to see its frames and objects.'): void {
    this.state = null;
    this.objects = new Map();
    this.layout = null;
    this.allFrames = false;
    this.allFreedStep = -1;
    this.boxes.clear();
    this.emptyEl.textContent = message;
    this.emptyEl.hidden = false;
    this.canvas.hidden = true;
    this.optionsEl.hidden = true;
    this.notesEl.replaceChildren();
    this.root.dataset.step = '';
  }

  /** The object a name refers to at the current step: the innermost frame that binds it wins. */
  lookup(name: string): NameLookup | null {
    const s = this.state;
    if (s === null) return null;
    for (let i = s.frames.length - 1; i >= 0; i--) {
      const f = s.frames[i];
      const l = f.locals.find((x) => x.name === name);
      if (l === undefined || l.id === null) continue;
      const o = this.objects.get(l.id);
      if (o === undefined) continue;
      if (o.type === 'cell') {
        // a closure variable: the name refers to a cell, the value is what the cell holds
        const v = o.edges.length > 0 ? this.objects.get(o.edges[0].target) : undefined;
        if (v !== undefined) return { name, frame: f.name, object: v, cell: o };
        continue; // an empty cell: the variable is unbound
      }
      return { name, frame: f.name, object: o };
    }
    return null;
  }

  /** Marks one object (hovering its name in the editor); null clears the mark. */
  mark(id: number | null): void {
    if (this.hovered !== null) this.boxes.get(this.hovered)?.classList.remove('mv-marked');
    this.hovered = id;
    if (id !== null) this.boxes.get(id)?.classList.add('mv-marked');
  }

  render(state: WireState): void {
    this.state = state;
    this.objects = new Map(state.objects.map((o) => [o.id, o]));
    this.frameSel = selectFrames(state.frames, this.allFrames);
    const layout = layoutState(state, this.objects, this.expanded, this.opts, this.frameSel.shown);
    this.optionsEl.hidden = false;
    this.layout = layout;
    this.emptyEl.hidden = true;
    this.canvas.hidden = false;
    this.root.dataset.step = String(state.step);
    this.boxes.clear();
    this.renderFrames(state);
    this.renderHeap(state, layout);
    this.renderNotes(state, layout);
    if (this.hovered !== null) this.mark(this.hovered);
    this.alignNames(layout);
    this.scheduleArrows();
  }

  private renderFrames(state: WireState): void {
    const head = el('div', 'mv-col-title', 'Frames');
    const list: HTMLElement[] = [head];
    const sel = this.frameSel ?? selectFrames(state.frames, true);
    const n = state.frames.length;
    sel.shown.forEach((i, k) => {
      const f = state.frames[i];
      if (k === FRAMES_HEAD && sel.elided !== null) list.push(this.elidedFrames(sel.elided.count, sel.elided.byName, n));
      const fe = el('div', 'mv-frame');
      fe.dataset.testid = 'frame';
      fe.dataset.name = f.name;
      if (i === state.frames.length - 1 && state.line !== 0) fe.classList.add('mv-frame-current');
      const title = el('div', 'mv-frame-name');
      title.append(el('span', 'mv-frame-fn', f.name));
      if (f.name === '<module>') title.append(el('span', 'mv-frame-hint', 'global names'));
      fe.append(title);
      if (f.locals.length === 0) fe.append(el('div', 'mv-frame-none', 'no names yet'));
      for (const l of f.locals) {
        const row = el('div', 'mv-local');
        row.dataset.name = l.name;
        row.append(el('span', 'mv-local-name', l.name));
        if (l.id !== null && this.objects.has(l.id)) {
          row.dataset.target = String(l.id);
          row.append(el('span', 'mv-dot'));
        } else {
          row.append(el('span', 'mv-unbound', 'unbound'));
        }
        fe.append(row);
      }
      list.push(fe);
    });
    if (this.allFrames && n > FRAMES_OVER) list.push(this.showAllButton('frames', 'show fewer frames', true));
    if (state.frames.length === 0) list.push(el('div', 'mv-frame-none', 'no frames: the program has ended'));
    this.framesEl.replaceChildren(...list);
  }

  /** The row standing for the middle of a deep stack: how many frames, of which functions. */
  private elidedFrames(count: number, byName: [string, number][], total: number): HTMLElement {
    const row = el('div', 'mv-frames-elided');
    row.dataset.testid = 'frames-elided';
    row.dataset.count = String(count);
    const names = byName.length === 1 ? ` of ${byName[0][0]}` : ` (${countsText(byName)})`;
    row.append(el('span', 'mv-elided-text', `… ${count} more frame${count === 1 ? '' : 's'}${names} …`));
    if (total <= SHOW_ALL_MAX) row.append(this.showAllButton('frames', `show all ${total}`, false));
    return row;
  }

  private showAllButton(what: 'frames' | 'freed', text: string, expanded: boolean): HTMLButtonElement {
    const b = el('button', 'mv-show-all', text);
    b.type = 'button';
    b.dataset.what = what;
    b.setAttribute('aria-expanded', String(expanded));
    return b;
  }

  private renderHeap(state: WireState, layout: Layout): void {
    const fresh = new Set(state.newObjects);
    const changed = new Set(state.changedRefcounts);
    const cols: HTMLElement[] = [];
    layout.columns.forEach((ids, ci) => {
      const col = el('div', 'mv-column');
      if (ci === 0) col.append(el('div', 'mv-col-title', 'Objects'));
      else col.append(el('div', 'mv-col-title mv-col-spacer', '\u00a0'));
      for (const id of ids) col.append(this.objectBox(this.objects.get(id)!, layout, fresh.has(id), changed.has(id)));
      cols.push(col);
    });
    if (layout.columns.length === 0) {
      const col = el('div', 'mv-column');
      col.append(el('div', 'mv-col-title', 'Objects'), el('div', 'mv-frame-none', 'no objects referenced by names'));
      cols.push(col);
    }
    this.heapEl.replaceChildren(...cols);
  }

  private objectBox(o: ObjectState, layout: Layout, isNew: boolean, isChanged: boolean): HTMLElement {
    const box = el('div', 'mv-obj');
    box.dataset.testid = 'heap-object';
    box.dataset.id = String(o.id);
    box.dataset.type = o.type;
    box.dataset.refcount = o.internal ? 'internal' : o.refcount === null ? 'immortal' : String(o.refcount);
    box.dataset.address = String(o.address);
    box.dataset.size = String(o.size);
    if (o.immortal) box.dataset.immortal = 'true';
    if (o.interned) box.dataset.interned = 'true';
    if (isNew) {
      box.classList.add('mv-new');
      box.dataset.new = 'true';
    }
    const head = el('div', 'mv-obj-head');
    head.append(el('span', 'mv-type', o.type));
    if (o.immortal) {
      const b = el('span', 'mv-badge mv-badge-immortal', 'immortal');
      b.title = 'Immortal (3.12+): its refcount never changes; sys.getrefcount shows 4294967295';
      head.append(b);
    }
    if (o.interned) {
      const b = el('span', 'mv-badge mv-badge-interned', 'interned');
      b.title = 'Interned string: equal strings share this one object';
      head.append(b);
    }
    if (isNew) head.append(el('span', 'mv-badge mv-badge-new', 'new'));
    box.append(head);
    if (o.repr !== '') {
      const v = el('div', 'mv-value', o.repr);
      v.title = o.repr;
      box.append(v);
    } else if (o.type === 'cell' && o.edgeCount === 0) {
      // made when the function starts; the variable is bound when its assignment runs
      box.append(el('div', 'mv-value mv-value-len', 'empty'));
    } else if (SEQUENCE_TYPES.has(o.type)) {
      box.append(el('div', 'mv-value mv-value-len', `${o.edgeCount} item${o.edgeCount === 1 ? '' : 's'}`));
    }
    const shown = layout.shown.get(o.id);
    if (shown !== undefined && (shown.edges.length > 0 || shown.hidden > 0)) {
      const slots = el('div', 'mv-slots');
      for (const e of shown.edges) {
        const row = el('div', 'mv-slot');
        const label = el('span', 'mv-slot-label', e.label === '' ? '•' : e.label);
        label.title = e.label;
        row.append(label);
        const t = this.objects.get(e.target);
        if (isInline(t, this.opts)) {
          // a shared immortal object, shown by value (the option above draws it as a box)
          const v = el('span', 'mv-inline', t!.repr !== '' ? t!.repr : t!.type);
          v.title = `${t!.type} ${t!.repr} · immortal · id ${hexAddress(t!.address)}`;
          row.append(v);
          row.dataset.inline = String(e.target);
        } else {
          row.dataset.target = String(e.target);
          row.append(el('span', 'mv-dot'));
        }
        slots.append(row);
      }
      if (shown.hidden > 0 || shown.collapsible) {
        const more = el('button', 'mv-more');
        more.type = 'button';
        more.dataset.id = String(o.id);
        const expanded = this.expanded.has(o.id);
        const recordedHidden = o.edges.length - shown.edges.length;
        if (expanded || recordedHidden === 0) {
          more.textContent = shown.hidden > 0 ? `…and ${shown.hidden} more (not recorded)` : 'show fewer';
          if (!shown.collapsible) more.disabled = true;
        } else {
          more.textContent = `…and ${shown.hidden} more`;
        }
        more.setAttribute('aria-expanded', String(expanded));
        slots.append(more);
      }
      box.append(slots);
    }
    const meta = el('div', 'mv-meta');
    const rc = el('span', 'mv-rc', o.internal ? 'refcount: interpreter' : o.refcount === null ? 'immortal' : `refcount ${o.refcount}`);
    rc.title = o.internal
      ? "The interpreter made this object for itself; CPython's own internals hold references to it that the simulator does not model"
      : o.refcount === null
        ? 'Immortal: no reference counting (sys.getrefcount shows 4294967295)'
        : `ob_refcnt = ${o.refcount} (sys.getrefcount(x) would show ${o.refcount + 1}: its argument is one more reference)`;
    if (isChanged) {
      rc.classList.add('mv-rc-changed');
      box.dataset.changed = 'true';
    }
    const addr = el('span', 'mv-addr', hexAddress(o.address));
    addr.title = `id() = ${o.address}`;
    meta.append(rc, addr, el('span', 'mv-size', `${o.size} B`));
    box.append(meta);
    this.boxes.set(o.id, box);
    return box;
  }

  /**
   * Many names (a module with dozens of globals): each name's row is moved
   * level with the object it placed in the first column, so its arrow runs
   * straight across instead of fanning out over the whole column. A few
   * names stay compact (their arrows are short anyway); a phone-width view
   * stacks the frames above the objects and is left as it is.
   */
  private alignNames(layout: Layout): void {
    const first = layout.columns[0];
    if (first === undefined || getComputedStyle(this.canvas).flexDirection === 'column') return;
    const pairs: [HTMLElement, HTMLElement][] = [];
    const seen = new Set<number>();
    for (const row of Array.from(this.framesEl.querySelectorAll<HTMLElement>('.mv-local[data-target]'))) {
      const id = Number(row.dataset.target);
      if (seen.has(id) || layout.column.get(id) !== 0) continue;
      seen.add(id);
      const box = this.boxes.get(id);
      if (box !== undefined) pairs.push([row, box]);
    }
    if (pairs.length < ALIGN_NAMES_FROM) return;
    // one measurement: a margin moves everything below it in its column by as much
    const tops = pairs.map(([row, box]) => [row.getBoundingClientRect().top, box.getBoundingClientRect().top]);
    let rowShift = 0, boxShift = 0;
    pairs.forEach(([row, box], i) => {
      // the name's text sits about 4 px below the box's top edge when level
      const y = tops[i][0] + rowShift - 4, by = tops[i][1] + boxShift;
      if (by < y) {
        box.style.marginTop = `${y - by}px`;
        boxShift += y - by;
      } else if (y < by) {
        row.style.marginTop = `${by - y}px`;
        rowShift += by - y;
      }
    });
    // …and each later column's objects level with the slot that first leads to them, where
    // they would otherwise sit higher (a slot inside a box cannot move down to meet its object)
    for (let c = 1; c < layout.columns.length; c++) {
      const moves: [HTMLElement, number][] = [];
      for (const id of layout.columns[c]) {
        const box = this.boxes.get(id);
        let slot: HTMLElement | null = null;
        for (const pid of layout.columns[c - 1]) {
          slot = this.boxes.get(pid)?.querySelector<HTMLElement>(`.mv-slot[data-target="${id}"]`) ?? null;
          if (slot !== null) break;
        }
        if (box !== undefined && slot !== null) moves.push([box, slot.getBoundingClientRect().top - box.getBoundingClientRect().top - 4]);
      }
      let shift = 0;
      for (const [box, d] of moves) {
        if (d - shift > 0) {
          box.style.marginTop = `${d - shift}px`;
          shift = d;
        }
      }
    }
  }

  private renderNotes(state: WireState, layout: Layout): void {
    const parts: HTMLElement[] = [];
    const counts = el('p', 'mv-count');
    const n = layout.column.size;
    counts.textContent = `${n} object${n === 1 ? '' : 's'} shown` +
      (layout.unplaced > 0 ? `, ${layout.unplaced} more inside collapsed containers` : '');
    parts.push(counts);
    for (const g of state.gc) {
      parts.push(el('p', 'mv-gc',
        `The cyclic GC ran (generation ${g.generation}): ${g.collected} unreachable object${g.collected === 1 ? '' : 's'} collected` +
        (g.uncollectable > 0 ? `, ${g.uncollectable} uncollectable` : '') + '.'));
    }
    const all = state.freedObjects;
    if (all.length > 0) {
      const freed = el('div', 'mv-freed');
      freed.dataset.testid = 'freed';
      freed.dataset.count = String(all.length);
      freed.append(el('div', 'mv-col-title', all.length > 1 ? `Freed by the last line: ${all.length} objects` : 'Freed by the last line'));
      const showAll = this.allFreedStep === state.step;
      const sel = selectFreed(all, showAll);
      const row = el('div', 'mv-freed-row');
      for (const f of sel.shown) row.append(this.freedBox(f));
      freed.append(row);
      if (sel.hidden > 0) {
        const more = el('p', 'mv-freed-more');
        more.dataset.testid = 'freed-more';
        more.dataset.count = String(sel.hidden);
        more.append(el('span', '', `…and ${sel.hidden} more (${countsText(sel.hiddenByType)})`));
        if (all.length <= SHOW_ALL_MAX) more.append(' ', this.showAllButton('freed', `show all ${all.length}`, false));
        freed.append(more);
      } else if (showAll) {
        freed.append(this.showAllButton('freed', 'show fewer', true));
      }
      parts.push(freed);
    }
    this.notesEl.replaceChildren(...parts);
  }

  private freedBox(f: FreedObject): HTMLElement {
    const box = el('div', 'mv-obj mv-freed-obj');
    box.dataset.testid = 'freed-object';
    box.dataset.type = f.type;
    box.dataset.address = String(f.address);
    box.dataset.reason = f.reason;
    const head = el('div', 'mv-obj-head');
    head.append(el('span', 'mv-type', f.type));
    box.append(head);
    if (f.repr !== '') box.append(el('div', 'mv-value', f.repr));
    box.append(el('div', 'mv-reason', f.reason === 'collected' ? 'collected by the GC' : 'refcount reached 0'));
    const meta = el('div', 'mv-meta');
    meta.append(el('span', 'mv-addr', hexAddress(f.address)), el('span', 'mv-size', `${f.size} B`));
    box.append(meta);
    return box;
  }

  private scheduleArrows(): void {
    if (this.raf !== 0) return;
    this.raf = requestAnimationFrame(() => {
      this.raf = 0;
      this.drawArrows();
    });
  }

  /** Marks which sides of the picture are scrolled out of sight, for the edge shading (MemoryView.astro). */
  private markOverflow(): void {
    const s = this.scrollEl;
    const hidden = this.canvas.hidden;
    this.scrollFrame.toggleAttribute('data-more-left', !hidden && s.scrollLeft > 1);
    this.scrollFrame.toggleAttribute('data-more-right', !hidden && s.scrollLeft + s.clientWidth < s.scrollWidth - 1);
  }

  /** Arrows are drawn after layout, from each dot to the left edge of its object's box. */
  private drawArrows(): void {
    this.markOverflow();
    const svg = this.svg;
    const defs = svg.firstChild!;
    while (svg.lastChild !== defs) svg.removeChild(svg.lastChild!);
    if (this.state === null || this.canvas.hidden) return;
    const c = this.canvas.getBoundingClientRect();
    svg.setAttribute('width', String(this.canvas.scrollWidth));
    svg.setAttribute('height', String(this.canvas.scrollHeight));
    const markerId = (defs.firstChild as Element).getAttribute('id');
    // a narrow view stacks the frames above the objects (MemoryView.astro)
    const stacked = getComputedStyle(this.canvas).flexDirection === 'column';
    const frag = document.createDocumentFragment();
    for (const src of Array.from(this.canvas.querySelectorAll<HTMLElement>('[data-target]'))) {
      const target = this.boxes.get(Number(src.dataset.target));
      const dot = src.querySelector('.mv-dot');
      if (target === undefined || dot === null) continue;
      const d = dot.getBoundingClientRect();
      const t = target.getBoundingClientRect();
      const x1 = d.left + d.width / 2 - c.left, y1 = d.top + d.height / 2 - c.top;
      let x2 = t.left - c.left;
      const y2 = t.top + 14 - c.top;
      let path: string;
      if (stacked && src.classList.contains('mv-local') && y2 > y1 && t.left - c.left < x1) {
        // a name above its object: down the right-hand side and into the box's
        // right edge, so the arrow crosses neither the frames nor other boxes
        x2 = t.right - c.left;
        const k = 24 + Math.min(24, Math.abs(y2 - y1) / 12);
        path = `M ${x1} ${y1} C ${Math.max(x1, x2) + k} ${y1}, ${Math.max(x1, x2) + k} ${y2}, ${x2} ${y2}`;
      } else if (x2 < x1 && t.right - c.left > x1 - 24) {
        // an object in the same column (a function's closure cell that a frame also names):
        // out to the right and into the box's right edge, beside the column instead of through it
        x2 = t.right - c.left;
        const k = 28 + Math.min(40, Math.abs(y2 - y1) / 10);
        path = `M ${x1} ${y1} C ${Math.max(x1, x2) + k} ${y1}, ${Math.max(x1, x2) + k} ${y2}, ${x2} ${y2}`;
      } else if (x2 > x1 + 8) {
        const k = Math.max(16, (x2 - x1) / 2);
        path = `M ${x1} ${y1} C ${x1 + k} ${y1}, ${x2 - k} ${y2}, ${x2} ${y2}`;
      } else {
        // a reference back to an earlier column: loop out to the right and come in from the left
        const k = 40 + Math.min(80, Math.abs(y2 - y1) / 4);
        path = `M ${x1} ${y1} C ${x1 + k} ${y1}, ${x2 - k} ${y2}, ${x2} ${y2}`;
      }
      const p = document.createElementNS(SVG_NS, 'path');
      p.setAttribute('d', path);
      p.setAttribute('class', src.classList.contains('mv-local') ? 'mv-arrow mv-arrow-name' : 'mv-arrow');
      p.setAttribute('marker-end', `url(#${markerId})`);
      p.dataset.target = src.dataset.target;
      frag.append(p);
    }
    svg.append(frag);
  }

  dispose(): void {
    this.ro?.disconnect();
    if (this.raf !== 0) cancelAnimationFrame(this.raf);
  }
}
