/**
 * Rebuilds the memory state at any step of a recorded trace (events.ts),
 * forwards and backwards, without re-running the program.
 *
 * Keyframes: while reading forwards the replay keeps a copy of the whole
 * reconstructed state every so often, and `stateAt(k)` starts from the
 * nearest keyframe before k and applies the events after it. A keyframe is
 * taken once the events since the previous one add up to at least
 * max(KEYFRAME_MIN_BYTES, KEYFRAME_BYTES_PER_OBJECT × live objects) bytes:
 * so rebuilding a step never decodes more than that many bytes, and the
 * keyframes of a program with a big heap are spaced so that all of them
 * together cost about as much memory as the trace itself. Keyframes are made
 * lazily, the first time a step beyond them is asked for. Stepping forwards
 * one step at a time continues from the previous answer instead.
 *
 * CPython counterpart: none (this is the memory view's side of the trace).
 */

import {
  Ev, Val, EdgeMode, FLAG_IMMORTAL, FLAG_INTERNED, FLAG_INTERNAL, f64view, f64bytes, type Trace,
} from './events.js';
import { FreeReason } from '../memory/heap.js';
import { floatRepr } from '../objects/floatobject.js';

/** Decoding more than this many bytes from a keyframe is the most any step costs (≈ 1–3 ms). */
export const KEYFRAME_MIN_BYTES = 256 * 1024;
/** …unless the heap is big: then keyframes are spaced by this much per live object. */
export const KEYFRAME_BYTES_PER_OBJECT = 128;

// ---------------------------------------------------------------- reading

// Here, not in events.ts beside ByteWriter: only the replay reads a trace, and
// the worker loads the replay on demand, while it records every run.

/** Reads what ByteWriter (events.ts) wrote. */
export class ByteReader {
  pos = 0;
  constructor(readonly buf: Uint8Array) {}

  u(): number {
    const b = this.buf;
    let x = b[this.pos++];
    if (x < 0x80) return x;
    x &= 0x7f;
    let mul = 0x80;
    for (;;) {
      const c = b[this.pos++];
      x += (c & 0x7f) * mul;
      if (c < 0x80) return x;
      mul *= 0x80;
    }
  }

  z(): number {
    const v = this.u();
    return v % 2 === 0 ? v / 2 : -(v + 1) / 2;
  }

  f64(): number {
    f64bytes.set(this.buf.subarray(this.pos, this.pos + 8));
    this.pos += 8;
    return f64view[0];
  }

  get done(): boolean {
    return this.pos >= this.buf.length;
  }
}

/** The inverse of encodeAddr (events.ts). */
export function decodeAddr(r: ByteReader, prev: number): number {
  const v = r.z();
  if (v % 2 === 0) return prev + (v / 2) * 16;
  return prev + (v > 0 ? (v - 1) / 2 : (v + 1) / 2);
}

// ---------------------------------------------------------------- what the UI gets

/** One reference from an object to another (an arrow in the view). */
export interface EdgeState {
  /** `[0]` for a list slot, the key's repr for a dict entry, the name for an attribute, '' otherwise */
  label: string;
  target: number;
  /** dict entries: the key object */
  key?: number;
}

export interface ObjectState {
  /** the object's id in the trace: its serial (> 0), or < 0 for a statically allocated immortal */
  id: number;
  type: string;
  /** a short value: `42`, `'abc'`, `3.5`, `None`, a function/class/module name; '' for containers */
  repr: string;
  /** ob_refcnt; null for immortal objects (sys.getrefcount shows the profile's immortal value) */
  refcount: number | null;
  /** what id() returns */
  address: number;
  /** bytes the allocator gave the object */
  size: number;
  immortal: boolean;
  interned: boolean;
  /** made by the interpreter for itself: its refcount includes references CPython holds and the simulator does not */
  internal: boolean;
  /** the first EDGE_CAP references the object holds */
  edges: EdgeState[];
  /** how many references it holds in all (edges.length may be less: the view collapses the rest) */
  edgeCount: number;
}

export interface FreedObject {
  id: number;
  type: string;
  repr: string;
  address: number;
  size: number;
  reason: 'refcount' | 'collected';
}

export interface FrameState {
  id: number;
  /** co_name: the function's name, '<module>' for the program */
  name: string;
  /** the names bound in the frame, in the order they were first bound; `id` null = unbound */
  locals: { name: string; id: number | null }[];
}

export interface GCEvent {
  generation: number;
  collected: number;
  uncollectable: number;
}

export interface MemoryState {
  step: number;
  /** the line about to run (0 at the final step: the program has finished) */
  line: number;
  /** innermost last */
  frames: FrameState[];
  /** every object the trace has shown that is alive at this step (the view shows those reachable from frames) */
  objects: Map<number, ObjectState>;
  /** what running the previous step's line did: */
  newObjects: number[];
  changedRefcounts: number[];
  freedObjects: FreedObject[];
  gc: GCEvent[];
  /** stdout and stderr so far, interleaved as a terminal shows them */
  output: string;
}

// ---------------------------------------------------------------- the working state

interface Rec {
  id: number;
  type: string;
  addr: number;
  size: number;
  refcnt: number;
  flags: number;
  vkind: Val;
  value: number | string;
  mode: EdgeMode;
  total: number;
  /** shared between copies: replaced, never changed in place */
  targets: number[];
  keys: number[] | null;
}

interface FrameRec {
  id: number;
  name: string;
  /** name → object id (0 = unbound); a Map keeps first-bound order */
  binds: Map<string, number>;
}

/** The reconstructed state after some step, plus the decoder's context at that point. */
interface Working {
  step: number;
  line: number;
  offset: number;
  lastId: number;
  lastAddr: number;
  objects: Map<number, Rec>;
  frames: FrameRec[];
  /** output chunks so far: [stream, string index] pairs */
  outputCount: number;
}

interface Changes {
  newObjects: number[];
  changed: Set<number>;
  freed: FreedObject[];
  gc: GCEvent[];
}

function cloneWorking(w: Working): Working {
  const objects = new Map<number, Rec>();
  for (const [id, r] of w.objects) objects.set(id, { ...r });
  return {
    ...w,
    objects,
    frames: w.frames.map((f) => ({ id: f.id, name: f.name, binds: new Map(f.binds) })),
  };
}

export class TraceReplay {
  private keyframes: Working[] = [];
  /** reads forwards, making keyframes; its state is after step `scan.step` */
  private scan: Working;
  private bytesSinceKeyframe = 0;
  /** the state last returned, to continue from when stepping forwards */
  private cursor: Working | null = null;
  /** output chunks in order, as (stream, text): decoded once by the scanner */
  private outputs: string[] = [];

  constructor(readonly trace: Trace) {
    const empty: Working = {
      step: -1, line: 0, offset: 0, lastId: 0, lastAddr: 0, objects: new Map(), frames: [], outputCount: 0,
    };
    this.keyframes.push(empty);
    this.scan = cloneWorking(empty);
  }

  get stepCount(): number {
    return this.trace.stepCount;
  }

  /** Bytes held by keyframes, roughly (for the size report). */
  get keyframeCount(): number {
    return this.keyframes.length;
  }

  /**
   * The memory state at step `k` (clamped to 0 … stepCount-1). With
   * `reachable`, `objects` holds only what the view can draw — objects
   * reachable from the frames' names through the recorded edges — which
   * keeps a step of a program with a huge heap cheap to render.
   */
  stateAt(k: number, opts: { reachable?: boolean } = {}): MemoryState {
    const n = this.trace.stepCount;
    if (n === 0) throw new RangeError('the trace has no steps');
    k = Math.max(0, Math.min(n - 1, Math.floor(k)));
    this.scanTo(k - 1);
    // the nearest keyframe before step k (the events of step k itself must be replayed to report its changes)
    let lo = 0, hi = this.keyframes.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.keyframes[mid].step <= k - 1) lo = mid;
      else hi = mid - 1;
    }
    const kf = this.keyframes[lo];
    const c = this.cursor;
    const w = c !== null && c.step <= k - 1 && c.step >= kf.step ? c : cloneWorking(kf);
    const r = new ByteReader(this.trace.bytes);
    r.pos = w.offset;
    while (w.step < k - 1) this.applyStep(w, r, null);
    const changes: Changes = { newObjects: [], changed: new Set(), freed: [], gc: [] };
    this.applyStep(w, r, changes);
    this.cursor = w;
    return this.render(w, changes, opts.reachable === true);
  }

  /**
   * Makes the keyframes up to step `k` (all of them by default) ahead of
   * time, e.g. in the worker right after the run: otherwise the first jump
   * far forwards pays for reading the trace up to there.
   */
  prepare(k = this.trace.stepCount): void {
    this.scanTo(k);
  }

  /** Reads forwards until the scanner is past step `k`, taking keyframes on the way. */
  private scanTo(k: number): void {
    const s = this.scan;
    if (s.step >= k) return;
    const r = new ByteReader(this.trace.bytes);
    r.pos = s.offset;
    while (s.step < k && !r.done) {
      const before = r.pos;
      this.applyStep(s, r, null);
      this.bytesSinceKeyframe += r.pos - before;
      if (this.bytesSinceKeyframe >= Math.max(KEYFRAME_MIN_BYTES, KEYFRAME_BYTES_PER_OBJECT * s.objects.size)) {
        this.keyframes.push(cloneWorking(s));
        this.bytesSinceKeyframe = 0;
      }
    }
  }

  /** Applies the events of the next step, through its LINE event. */
  private applyStep(w: Working, r: ByteReader, ch: Changes | null): void {
    const strings = this.trace.strings;
    const objects = w.objects;
    const frames = w.frames;
    while (!r.done) {
      const ev = r.u() as Ev;
      switch (ev) {
        case Ev.LINE:
          w.line = r.u();
          w.step++;
          w.offset = r.pos;
          return;
        case Ev.CALL: {
          const id = r.u();
          frames.push({ id, name: strings[r.u()], binds: new Map() });
          break;
        }
        case Ev.RETURN:
          frames.pop();
          break;
        case Ev.ALLOC:
        case Ev.INTRO: {
          const id = w.lastId + r.z();
          w.lastId = id;
          const type = strings[r.u()];
          const addr = decodeAddr(r, w.lastAddr);
          w.lastAddr = addr;
          const size = r.u();
          const refcnt = r.u();
          const packed = r.u();
          const flags = packed & 7;
          const vkind = (packed >> 3) as Val;
          let value: number | string = 0;
          if (vkind === Val.INT) value = r.z();
          else if (vkind === Val.FLOAT) value = r.f64();
          else if (vkind === Val.STR || vkind === Val.NAME) value = strings[r.u()];
          // an INTRO of a known object re-describes it (it became immortal) and keeps its edges
          const old = ev === Ev.INTRO ? objects.get(id) : undefined;
          objects.set(id, old === undefined
            ? { id, type, addr, size, refcnt, flags, vkind, value, mode: EdgeMode.OTHER, total: 0, targets: NO_EDGES, keys: null }
            : { ...old, type, addr, size, refcnt, flags, vkind, value });
          if (ch !== null && ev === Ev.ALLOC) ch.newObjects.push(id);
          break;
        }
        case Ev.FREE: {
          const v = r.u();
          const reason = v % 2;
          const id = w.lastId - unzz((v - reason) / 2);
          const o = objects.get(id);
          objects.delete(id);
          if (ch !== null && o !== undefined) {
            ch.freed.push({
              id, type: o.type, repr: reprOf(o), address: o.addr, size: o.size,
              reason: reason === FreeReason.Collected ? 'collected' : 'refcount',
            });
          }
          break;
        }
        case Ev.INCREF:
        case Ev.DECREF: {
          const id = w.lastId - r.z();
          const n = r.u();
          const o = objects.get(id);
          if (o !== undefined) {
            // copy-on-write: keyframes share nothing mutable with the working state
            o.refcnt += ev === Ev.INCREF ? n : -n;
            if (ch !== null) ch.changed.add(id);
          }
          break;
        }
        case Ev.BIND: {
          const dist = r.u();
          const name = strings[r.u()];
          const t = r.u();
          const f = frames[frames.length - 1 - dist];
          if (t === 0) f?.binds.delete(name);
          else f?.binds.set(name, w.lastId - unzz(t - 1));
          break;
        }
        case Ev.EDGES: {
          const id = w.lastId - r.z();
          const mode = r.u() as EdgeMode;
          const total = r.u();
          const keep = r.u();
          const n = r.u();
          const o = objects.get(id);
          const targets = o ? o.targets.slice(0, keep) : [];
          const keyed = mode === EdgeMode.MAPPING || mode === EdgeMode.ATTRS;
          const keys = keyed ? (o?.keys ? o.keys.slice(0, keep) : []) : null;
          for (let i = 0; i < n; i++) {
            targets.push(w.lastId - r.z());
            if (keys !== null) {
              const kz = r.u();
              keys.push(kz === 0 ? 0 : w.lastId - unzz(kz - 1));
            }
          }
          if (o !== undefined) {
            o.mode = mode;
            o.total = total;
            o.targets = targets;
            o.keys = keys;
          }
          break;
        }
        case Ev.SIZE: {
          const id = w.lastId - r.z();
          const size = r.u();
          const o = objects.get(id);
          if (o !== undefined) o.size = size;
          break;
        }
        case Ev.GC_START:
          r.u();
          break;
        case Ev.GC_END: {
          const generation = r.u(), collected = r.u(), uncollectable = r.u();
          if (ch !== null) ch.gc.push({ generation, collected, uncollectable });
          break;
        }
        case Ev.OUTPUT: {
          const stream = r.u();
          const text = strings[r.u()];
          void stream;
          if (w.outputCount === this.outputs.length) this.outputs.push(text);
          w.outputCount++;
          break;
        }
        default:
          throw new Error(`corrupt trace: event ${ev} at byte ${r.pos - 1}`);
      }
    }
  }

  private render(w: Working, ch: Changes, reachableOnly: boolean): MemoryState {
    const objects = new Map<number, ObjectState>();
    let show: Iterable<Rec> = w.objects.values();
    if (reachableOnly) {
      const seen = new Map<number, Rec>();
      const todo: number[] = [];
      for (const f of w.frames) for (const id of f.binds.values()) todo.push(id);
      while (todo.length > 0) {
        const id = todo.pop()!;
        if (seen.has(id)) continue;
        const o = w.objects.get(id);
        if (o === undefined) continue;
        seen.set(id, o);
        for (const t of o.targets) todo.push(t);
        if (o.keys !== null) for (const t of o.keys) if (t !== 0) todo.push(t);
      }
      show = seen.values();
    }
    for (const o of show) {
      const edges: EdgeState[] = [];
      for (let i = 0; i < o.targets.length; i++) {
        const e: EdgeState = { label: edgeLabel(o, i, w.objects), target: o.targets[i] };
        if (o.mode === EdgeMode.MAPPING && o.keys !== null) e.key = o.keys[i];
        edges.push(e);
      }
      const immortal = (o.flags & FLAG_IMMORTAL) !== 0;
      objects.set(o.id, {
        id: o.id, type: o.type, repr: reprOf(o), refcount: immortal ? null : o.refcnt,
        address: o.addr, size: o.size, immortal, interned: (o.flags & FLAG_INTERNED) !== 0,
        internal: (o.flags & FLAG_INTERNAL) !== 0, edges, edgeCount: o.total,
      });
    }
    return {
      step: w.step,
      line: w.line,
      frames: w.frames.map((f) => ({
        id: f.id, name: f.name, locals: [...f.binds].map(([name, id]) => ({ name, id: id === 0 ? null : id })),
      })),
      objects,
      newObjects: ch.newObjects.filter((id) => w.objects.has(id)),
      changedRefcounts: [...ch.changed].filter((id) => w.objects.has(id) && !ch.newObjects.includes(id)),
      freedObjects: ch.freed,
      gc: ch.gc,
      output: this.outputs.slice(0, w.outputCount).join(''),
    };
  }
}

const NO_EDGES: number[] = [];

function unzz(v: number): number {
  return v % 2 === 0 ? v / 2 : -(v + 1) / 2;
}

/** The short value shown in an object's box. */
export function renderValue(vkind: Val, value: number | string): string {
  switch (vkind) {
    case Val.INT:
      return String(value);
    case Val.FLOAT:
      return floatRepr(value as number);
    case Val.STR:
    case Val.NAME:
      return value as string;
    default:
      return '';
  }
}

/** Containers have no short value: the view shows their type and edges (`edgeCount`). */
function reprOf(o: Rec): string {
  return renderValue(o.vkind, o.value);
}

function edgeLabel(o: Rec, i: number, objects: Map<number, Rec>): string {
  switch (o.mode) {
    case EdgeMode.SEQUENCE:
      return `[${i}]`;
    case EdgeMode.MAPPING: {
      const k = o.keys !== null ? objects.get(o.keys[i]) : undefined;
      return k !== undefined ? renderValue(k.vkind, k.value) : '?';
    }
    case EdgeMode.ATTRS: {
      const key = o.keys !== null ? o.keys[i] : 0;
      if (key === 0) return 'slot';
      const k = objects.get(key);
      if (k === undefined) return '?';
      const s = renderValue(k.vkind, k.value);
      return s.length >= 2 && (s[0] === "'" || s[0] === '"') ? s.slice(1, -1) : s;
    }
    default:
      // the two kinds of object a closure is made of: a function's `__closure__` holds cells, a cell its value
      if (o.type === 'cell') return 'cell_contents';
      if (o.type === 'function') return `__closure__[${i}]`;
      return '';
  }
}
