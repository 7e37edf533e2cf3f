/**
 * Records a run as a trace (format: events.ts). It listens to the heap
 * (alloc, free, incref, decref), the evaluation loop (line, call, return),
 * the collector (start/end of each collection) and sys.stdout/stderr, and
 * at every step boundary (a LINE event) writes what changed during the step:
 * new objects, net refcount changes, re-read container contents, and the
 * names that frames rebound.
 *
 * CPython counterpart: none exactly — the nearest are sys.settrace's
 * line/call/return events (Python/legacy_tracing.c) and tracemalloc's
 * allocation hooks; the memory view needs both at once.
 *
 * Cost when tracing is off: nothing (the engine tests `heap.tracing` and
 * `observer !== null` only). When on, each incref/decref is one array push;
 * the work is done once per step over the objects the step touched.
 */

import { addressOf } from '../memory/address.js';
import { heap, FreeReason, type MemoryObserver } from '../memory/heap.js';
import { isImmortal, IMMORTAL_REFCNT, type PyObject } from '../objects/object.js';
import { PyTypeObject, TPFLAGS_HEAPTYPE } from '../objects/typeobject.js';
import { PyList } from '../objects/listobject.js';
import { PyTuple } from '../objects/tupleobject.js';
import { PyDict } from '../objects/dictobject.js';
import type { InlineValuesOwner } from '../objects/instancevalues.js';
import { PySet, setKeys } from '../objects/setobject.js';
import { PyStr, StrType, strReprString } from '../objects/unicodeobject.js';
import { PyCFunction } from '../objects/methodobject.js';
import { PyLong, LongType } from '../objects/longobject.js';
import { PyFloat } from '../objects/floatobject.js';
import { PyBytes, bytesReprString } from '../objects/bytesobject.js';
import { PyFunction } from '../objects/funcobject.js';
import { PyModule } from '../objects/moduleobject.js';
import { PyCell } from '../objects/cellobject.js';
import { PyCode } from '../objects/codeobject.js';
import { CO_FAST_CELL, CO_FAST_FREE, type CodeObject } from '../bytecode/code.js';
import type { Frame } from '../eval/frame.js';
import type { ExecObserver } from '../eval/ceval.js';
import { tstate } from '../eval/pystate.js';
import { hooks as gcHooks } from '../gc/gc.js';
import { output } from '../modules/sysmodule.js';
import {
  ByteWriter, Ev, Val, EdgeMode, FLAG_IMMORTAL, FLAG_INTERNED, FLAG_INTERNAL, EDGE_CAP, REPR_CAP, encodeAddr, displaySize, type Trace,
} from './events.js';
import { MemoryTally } from './tally.js';
import { SerialTable } from './serialtable.js';

// ---------------------------------------------------------------- reading objects

/** A short value for display, as ALLOC/INTRO carry it. */
export type ShortValue =
  | { kind: Val.NONE }
  | { kind: Val.INT; v: number }
  | { kind: Val.FLOAT; v: number }
  | { kind: Val.STR | Val.NAME; v: string };

const NONE_VALUE: ShortValue = { kind: Val.NONE };

function truncatedRepr(s: string, repr: (s: string) => string): string {
  return s.length > REPR_CAP ? repr(s.slice(0, REPR_CAP)) + '…' : repr(s);
}

/** What the memory view prints inside an object's box. Reads fields only: never runs Python code. */
export function shortValue(o: PyObject): ShortValue {
  const tn = o.type.name;
  if (tn === 'NoneType') return { kind: Val.STR, v: 'None' };
  if (tn === 'bool') return { kind: Val.STR, v: (o as PyLong).value ? 'True' : 'False' };
  if (o instanceof PyLong) {
    const v = o.value;
    if (typeof v === 'number') return { kind: Val.INT, v };
    const s = v.toString();
    return { kind: Val.STR, v: s.length > REPR_CAP ? s.slice(0, REPR_CAP) + '…' : s };
  }
  if (o instanceof PyFloat) return { kind: Val.FLOAT, v: o.value };
  if (o instanceof PyStr) return { kind: Val.STR, v: truncatedRepr(o.value, (s) => strReprString(s)) };
  if (o instanceof PyBytes) {
    const u = o.value;
    return { kind: Val.STR, v: u.length > REPR_CAP ? bytesReprString(u.subarray(0, REPR_CAP)) + '…' : bytesReprString(u) };
  }
  if (o instanceof PyFunction) return { kind: Val.NAME, v: o.qualname };
  if (o instanceof PyTypeObject) return { kind: Val.NAME, v: o.qualname ?? o.name };
  if (o instanceof PyModule) return { kind: Val.NAME, v: o.name };
  if (o instanceof PyCode) return { kind: Val.NAME, v: o.code.co_name };
  // generators, builtin functions, methods…: a `qualname`/`name` string field when they have one
  const named = o as unknown as { qualname?: unknown; name?: unknown };
  if (typeof named.qualname === 'string') return { kind: Val.NAME, v: named.qualname };
  if (typeof named.name === 'string') return { kind: Val.NAME, v: named.name };
  return NONE_VALUE;
}

/** How the recorder reads an object's references; LEAF = shown without contents. */
const LEAF = -1;
type EdgeKind = EdgeMode | typeof LEAF;

const LEAF_TYPES = new Set([
  'code', 'builtin_function_or_method', 'method_descriptor', 'wrapper_descriptor', 'getset_descriptor',
  'member_descriptor', 'classmethod_descriptor', 'method-wrapper', 'frame', 'traceback', 'module', 'type',
  'function', 'staticmethod', 'classmethod', 'property', 'weakref', 'weakproxy', 'weakcallableproxy',
]);

const edgeKinds = new WeakMap<PyTypeObject, EdgeKind>();

/** The edge kind of `o` (cached per type, since it depends on the type only). */
export function edgeKind(o: PyObject): EdgeKind {
  // a closure's function shows its cells (`__closure__`): what keeps a captured object alive
  if (o instanceof PyFunction) return o.closure instanceof PyTuple ? EdgeMode.OTHER : LEAF;
  const t = o.type;
  let k = edgeKinds.get(t);
  if (k !== undefined) return k;
  if (o instanceof PyList || o instanceof PyTuple) k = EdgeMode.SEQUENCE;
  else if (o instanceof PyDict) k = EdgeMode.MAPPING;
  else if (o instanceof PySet) k = EdgeMode.SET;
  else if (o instanceof PyTypeObject || o instanceof PyModule || o instanceof PyFunction || o instanceof PyCode) k = LEAF;
  else if (o instanceof PyStr || o instanceof PyLong || o instanceof PyFloat || o instanceof PyBytes) k = LEAF;
  else if (t.flags & TPFLAGS_HEAPTYPE) k = EdgeMode.ATTRS;
  else if (LEAF_TYPES.has(t.name) || t.tp_traverse === null) k = LEAF;
  else k = EdgeMode.OTHER;
  edgeKinds.set(t, k);
  return k;
}

/** The references an object holds, as the view shows them: at most EDGE_CAP, plus the total. */
export interface RawEdges {
  mode: EdgeMode;
  total: number;
  targets: PyObject[];
  /** MAPPING: the key objects; ATTRS: the name (null for a __slots__ slot) */
  keys: (PyObject | null)[] | null;
}

class StopTraverse {}
const STOP = new StopTraverse();

/** Reads `o`'s references (never runs Python code, never changes a refcount). */
export function readEdges(o: PyObject, mode: EdgeMode): RawEdges {
  const buf = new EdgeBuffer();
  const total = readEdgesInto(o, mode, buf);
  const targets = buf.targets.slice(0, buf.n);
  const keys = buf.keys.slice(0, buf.n);
  return { mode, total, targets, keys: mode === EdgeMode.MAPPING || mode === EdgeMode.ATTRS ? keys : null };
}

/**
 * Where readEdgesInto leaves what it read: the first `n` entries of `targets`
 * (and of `keys`). The arrays are reused and never truncated (setting an
 * array's length to 0 every read, which frees its store, cost more than the read).
 */
export class EdgeBuffer {
  targets: PyObject[] = [];
  keys: (PyObject | null)[] = [];
  n = 0;

  push(t: PyObject, k: PyObject | null): void {
    const n = this.n++;
    this.targets[n] = t;
    this.keys[n] = k;
  }
}

/**
 * readEdges into a buffer the caller reuses (the recorder re-reads containers
 * every step they are touched: allocating the result each time cost more
 * than reading). Leaves at most EDGE_CAP targets in `buf` and, for MAPPING
 * and ATTRS, their keys (ATTRS: null for a __slots__ slot); returns the
 * total number of references.
 */
export function readEdgesInto(o: PyObject, mode: EdgeMode, buf: EdgeBuffer): number {
  buf.n = 0;
  switch (mode) {
    case EdgeMode.SEQUENCE: {
      const items = (o as PyList | PyTuple).items;
      const n = Math.min(items.length, EDGE_CAP);
      for (let i = 0; i < n; i++) buf.push(items[i], null);
      return items.length;
    }
    case EdgeMode.MAPPING: {
      const d = o as PyDict;
      const ek = d.ekeys, ev = d.evalues;
      for (let i = 0; i < ek.length && buf.n < EDGE_CAP; i++) {
        const k = ek[i];
        if (k === null) continue;
        buf.push(ev[i]!, k);
      }
      return d.used;
    }
    case EdgeMode.SET: {
      const s = o as PySet;
      const all = setKeys(s);
      for (let i = 0; i < all.length && i < EDGE_CAP; i++) buf.push(all[i], null);
      return s.used;
    }
    case EdgeMode.ATTRS: {
      let total = 0;
      const slots = (o as unknown as { slots?: (PyObject | null)[] }).slots;
      if (slots) {
        for (const s of slots) {
          if (s === null) continue;
          total++;
          if (buf.n < EDGE_CAP) buf.push(s, null);
        }
      }
      // the attributes, whether still "inline values" or in a dict object. The inline values
      // are read here rather than through instanceAttrItems(), which allocates a pair per
      // attribute: the same walk (the set indices, in `order` or else ascending)
      const io = o as InlineValuesOwner;
      const vals = io.values;
      if (vals) {
        const names = (o.type as PyTypeObject).cachedKeys!.names;
        const order = io.order;
        const n = order !== null ? order.length : vals.length;
        for (let j = 0; j < n; j++) {
          const i = order !== null ? order[j] : j;
          const v = vals[i];
          if (order === null && v === null) continue;
          total++;
          if (buf.n < EDGE_CAP) buf.push(v!, names[i]);
        }
      }
      const d = o.dict as PyDict | null;
      if (d instanceof PyDict) {
        const ek = d.ekeys, ev = d.evalues;
        for (let i = 0; i < ek.length; i++) {
          const k = ek[i];
          if (k === null) continue;
          total++;
          if (buf.n < EDGE_CAP) buf.push(ev[i]!, k);
        }
      }
      return total;
    }
    default: {
      if (o instanceof PyFunction) {
        // only the cells of `__closure__` (the tuple itself is not drawn): the code, globals and
        // defaults a function also holds are the interpreter's, not the learner's data
        const cells = o.closure instanceof PyTuple ? o.closure.items : [];
        for (let i = 0; i < cells.length && i < EDGE_CAP; i++) buf.push(cells[i], null);
        return cells.length;
      }
      let total = 0;
      const tr = o.type.tp_traverse;
      if (tr !== null) {
        try {
          tr(o, (c) => {
            total++;
            if (buf.n < EDGE_CAP) buf.push(c, null);
            else if (total > 100_000) throw STOP; // don't count a giant container to the end
          });
        } catch (e) {
          if (e !== STOP) throw e;
        }
      }
      return total;
    }
  }
}

// ---------------------------------------------------------------- the recorder

/** What the recorder remembers about an object the trace has shown. */
interface Known {
  id: number;
  o: PyObject;
  /** the refcount the trace last stated (0 for immortal objects) */
  refcnt: number;
  immortal: boolean;
  /** step in which the object was allocated; its ALLOC is pending until that step ends */
  born: number;
  /** last step this object was processed in (dedupes the touched list) */
  epoch: number;
  kind: EdgeKind;
  /** step in which the edges were last read (guards the re-reading of newly linked containers) */
  readStep: number;
  /** the size (sys.getsizeof) the trace last stated */
  size: number;
  /** the edges the trace last stated: the total, and the records of the first EDGE_CAP targets and keys */
  total: number;
  targets: Known[] | null;
  /** MAPPING and ATTRS: the keys' records (null: a __slots__ slot) */
  keys: (Known | null)[] | null;
  /** MAPPING: the dict's `writes` count when its edges were last stated */
  writes: number;
  /** freed: the record is no longer in `known` (a container's `targets` may still hold it) */
  dead: boolean;
}

/** A Python frame as the trace shows it. */
interface FrameRec {
  frame: Frame;
  id: number;
  /** fast locals: last target id per slot (0 = unbound) */
  slots: number[] | null;
  /** …and the object itself, so an unchanged slot costs one comparison */
  objs: (PyObject | null)[] | null;
  /** module/class bodies: last target id per name */
  names: Map<string, number> | null;
  /** module/class bodies: the dict's values (and their serials) when last compared, and its key-set version */
  lastValues: (PyObject | null)[] | null;
  lastSerials: number[] | null;
  /** per entry: string index of its name, -1 = not shown (dunder), -2 = not looked up yet */
  nameIdx: number[] | null;
  /** module/class bodies: the entries whose key is a name shown (a str, not a dunder) */
  watch: number[] | null;
  lastVersion: number;
  /** module/class bodies: the dict's `writes` count when last compared (unchanged: nothing to compare) */
  lastWrites: number;
  /**
   * module/class bodies: per entry, the id the fast path last stated for its name, and the
   * entries whose id is not in `names` yet (it is brought up to date only when the key set
   * changes: updating the Map on every rebinding was ~1.5% of a traced module-level loop)
   */
  lastIds: number[] | null;
  unsynced: number[] | null;
  hasCells: boolean;
  /** on the shadow stack now (a frame's record is reused when the frame is, unless it is still in use) */
  inUse: boolean;
  /** the recorder that made it (string indices are per recorder) */
  owner: TraceRecorder;
  /** string index of the code's name, and of its local names once needed (namesOf) */
  codeName: number;
  localNames: number[] | null;
}

/** A live reading of the state at one step, taken only in test mode (see tests/engine/trace.test.ts). */
export interface LiveSnapshot {
  step: number;
  line: number;
  frames: { id: number; name: string; locals: { name: string; id: number }[] }[];
  objects: Map<number, { id: number; type: string; value: ShortValue; refcount: number | null; address: number; size: number; immortal: boolean; interned: boolean; edges: { target: number; key: number | null }[]; edgeCount: number; mode: EdgeMode | null; reachable: boolean }>;
  /** objects reachable from the frames that the recorder has never shown (must be 0) */
  unknownReachable: number;
}

export interface RecorderOptions {
  /** test-only: take a LiveSnapshot of the real interpreter at every step (slow; small programs only) */
  liveSnapshots?: boolean;
}

/** TypeInfo.kind before the type's kind is looked up */
const KIND_UNKNOWN = -2;

/** What a recorder caches per type (PyTypeObject.traceInfo). */
class TypeInfo {
  /** edge kind, KIND_UNKNOWN until looked up (never cached for functions: see kindOf) */
  kind: EdgeKind | typeof KIND_UNKNOWN = KIND_UNKNOWN;
  /** string index of the type's name, -1 until first described */
  name = -1;
  /**
   * can an object of this type be in `heap.interpreterOwned` (-1: not looked up)? Only
   * modules, their dicts and builtin functions are put there (modules/importer.ts), and
   * the WeakSet look-up for every list, str or instance described cost more than its answer
   */
  ownable = -1;
  constructor(readonly owner: TraceRecorder) {}
}

const UNKNOWN = 0;
/** FrameRec.lastIds: no id stated by the fast path since `names` was last brought up to date */
const UNSYNCED = 0;

export class TraceRecorder implements MemoryObserver, ExecObserver {
  private w = new ByteWriter();
  private strings: string[] = [];
  private stringIndex = new Map<string, number>();
  private codeNames = new Map<CodeObject, number[]>();
  private codeCells = new Map<CodeObject, boolean>();

  /** heap objects the trace has shown, by serial */
  private known = new SerialTable<Known>();
  private statics = new Map<PyObject, Known>();
  /** the records of the small ints in `statics`, by value + 5 (see staticRecord) */
  private smallInts: (Known | undefined)[] = new Array<Known | undefined>(262).fill(undefined);
  private nextStaticId = -1;
  private lastId = 0;
  private lastAddr = 0;

  /** objects whose refcount changed this step (with repeats) */
  private touched: PyObject[] = [];
  /** entries of `touched` in use (the array is reused, not truncated: truncating costs more than the step) */
  private touchedLen = 0;
  /** objects allocated during the current step, with their serial then (a reused JS object gets a new one) */
  private pendingObjs: PyObject[] = [];
  private pendingSerials: number[] = [];
  /** entries of `pendingObjs`/`pendingSerials` in use (reused like `touched`: `length = 0` every step cost ~5% of traced b2) */
  private pendingLen = 0;
  /** heap.nextSerial when the current step began: higher serials were born in this step */
  private stepStartSerial = 0;
  /** set when an object born in this step was introduced before the step ended (then frees must look it up) */
  private midStepKnown = false;
  private dirty: Known[] = [];
  /** entries of `dirty` in use (reused like `touched`: `length = 0` every step cost ~1.5% of traced b5) */
  private dirtyLen = 0;
  /**
   * diffEdges' scratch buffers, one per nesting depth (introducing a target can
   * re-enter diffEdges): reused, so a re-read allocates nothing but the records it keeps
   */
  private edgeBufs: EdgeBuffer[] = [];
  private edgeDepth = 0;

  private shadow: FrameRec[] = [];
  /** indices in `shadow` of the frames with cells or free variables, ascending (their names are re-read every step) */
  private cellFrames: number[] = [];
  private mainFrame: Frame | null = null;
  private nextFrameId = 0;

  private step = 0;
  /** the last LINE event: where it ended in the stream, its line and frame */
  private lastLineStart = -1;
  private lastLineEnd = -1;
  private lastWasRepeat = false;
  private lastLine = -1;
  private lastLineFrame: Frame | null = null;
  /** its trace id: frames are reused from their code object's pool, so identity alone is not enough */
  private lastLineFrameId = 0;
  private transient = 0;
  private finished = false;
  private truncated = true;

  readonly live: LiveSnapshot[] | null;
  /** every allocation and free by type, transients included, and the deepest stack: what `_lab` answers (tally.ts) */
  readonly tally = new MemoryTally();

  constructor(opts: RecorderOptions = {}) {
    this.live = opts.liveSnapshots ? [] : null;
  }

  /** Starts recording (RunOptions.onStart): hooks the heap, gc and output of the fresh interpreter. */
  start(): void {
    heap.observer = this;
    this.stepStartSerial = heap.nextSerial;
    heap.tracing = true;
    gcHooks.onCollect = (phase, generation, collected, uncollectable) => {
      if (this.finished) return;
      if (phase === 'start') {
        this.w.u(Ev.GC_START);
        this.w.u(generation);
      } else {
        this.w.u(Ev.GC_END);
        this.w.u(generation);
        this.w.u(collected);
        this.w.u(uncollectable);
      }
    };
    output.listener = (stream, text) => {
      if (this.finished) return;
      this.w.u(Ev.OUTPUT);
      this.w.u(stream === 'stdout' ? 0 : 1);
      this.w.u(this.str(text));
    };
  }

  /**
   * Ends recording with the final step (line 0): the state after the
   * program, before interpreter shutdown. `complete` is false when a
   * simulator limit stopped the run.
   */
  finish(complete = true): void {
    if (this.finished) return;
    this.truncated = !complete;
    this.endStep();
    this.w.u(Ev.LINE);
    this.w.u(0);
    if (this.live !== null) this.snapshot(0, null);
    this.step++;
    this.finished = true;
    heap.tracing = false;
    heap.observer = null;
    gcHooks.onCollect = null;
    output.listener = null;
  }

  trace(): Trace {
    this.finish(false);
    return {
      version: 1,
      bytes: this.w.finish(),
      strings: this.strings,
      stepCount: this.step,
      transient: this.transient,
      truncated: this.truncated,
    };
  }

  // ---------------------------------------------------------------- heap hooks

  alloc(o: PyObject): void {
    if (this.finished) return;
    this.tally.alloc(o);
    // Most objects die within the step that made them: their record is made
    // only at the end of the step, if they are still alive then.
    const n = this.pendingLen++;
    this.pendingObjs[n] = o;
    this.pendingSerials[n] = o.serial;
  }

  free(o: PyObject, reason: FreeReason): void {
    if (this.finished) return;
    this.tally.free(o, reason);
    const serial = o.serial;
    if (serial >= this.stepStartSerial && !this.midStepKnown) {
      // made and freed within this step: no step ever shows it
      this.transient++;
      return;
    }
    const k = this.known.get(serial);
    if (k === undefined || k.o !== o) return;
    this.known.delete(serial);
    k.dead = true;
    if (k.born === this.step) {
      // made and freed within this step: no step ever shows it
      k.born = -2;
      this.transient++;
      return;
    }
    this.w.u(Ev.FREE);
    this.w.u(zz(this.lastId - k.id) * 2 + reason);
  }

  incref(o: PyObject): void {
    if (o.serial !== 0) this.touched[this.touchedLen++] = o;
  }

  decref(o: PyObject): void {
    if (o.serial !== 0) this.touched[this.touchedLen++] = o;
  }

  // ---------------------------------------------------------------- exec hooks

  line(frame: Frame, line: number): void {
    if (this.finished) return;
    const top = this.shadow.length > 0 ? this.shadow[this.shadow.length - 1] : null;
    if (top === null || top.frame !== frame || top.id !== frame.traceId) this.reconcile(frame);
    this.endStep();
    // A loop's backward jump repeats the line event of the line it is on. When
    // nothing happened between that repeat and this line event, the repeat
    // shows the same memory as this step: it is dropped (3 steps a loop
    // iteration become 2).
    const sameFrame = frame === this.lastLineFrame && frame.traceId === this.lastLineFrameId;
    if (this.w.pos() === this.lastLineEnd && this.lastWasRepeat && sameFrame) {
      this.w.rewind(this.lastLineStart);
      this.step--;
      this.live?.pop();
    }
    const repeat = line === this.lastLine && sameFrame;
    this.lastLineStart = this.w.pos();
    // the next line event may drop this one (rewinding to its start)
    this.w.mark = this.lastLineStart;
    this.w.u(Ev.LINE);
    this.w.u(line);
    this.lastWasRepeat = repeat;
    this.lastLine = line;
    this.lastLineFrame = frame;
    this.lastLineFrameId = frame.traceId;
    this.lastLineEnd = this.w.pos();
    if (this.live !== null) this.snapshot(line, frame);
    this.step++;
    this.stepStartSerial = heap.nextSerial;
    this.midStepKnown = false;
  }

  call(frame: Frame): void {
    if (this.finished) return;
    // the caller may have bound names earlier on this line: state them before it is covered
    if (this.shadow.length > 0) this.diffFrame(this.shadow.length - 1);
    this.push(frame);
  }

  ret(frame: Frame): void {
    if (this.finished) return;
    const s = this.shadow;
    let i = s.length - 1;
    while (i >= 0 && (s[i].frame !== frame || s[i].id !== frame.traceId)) i--;
    if (i < 0) return;
    // the main module's frame stays on show until the end: its names are the program's globals
    if (i === 0 && frame === this.mainFrame) i = 1;
    while (s.length > i) this.pop();
  }

  // ---------------------------------------------------------------- frames

  private push(frame: Frame): void {
    if (frame.traceId === 0) frame.traceId = ++this.nextFrameId;
    if (this.mainFrame === null) this.mainFrame = frame;
    const code = frame.code;
    const dictFrame = frame.locals !== null; // module and class bodies (a class body has a func too)
    // A frame reused from its code object's pool brings its last record along (same code,
    // so the same code facts when this recorder made it): reset rather than reallocate it
    // (a call each step in recursive code made this ~10% of traced fib).
    let rec = frame.traceRec as FrameRec | null;
    if (rec !== null && rec.owner === this && !rec.inUse && rec.slots !== null && !dictFrame) {
      rec.id = frame.traceId;
      const slots = rec.slots, objs = rec.objs!;
      for (let i = 0; i < slots.length; i++) {
        slots[i] = UNKNOWN;
        objs[i] = null;
      }
    } else {
      let hasCells = this.codeCells.get(code);
      if (hasCells === undefined) {
        hasCells = code.co_localspluskinds.some((k) => (k & (CO_FAST_CELL | CO_FAST_FREE)) !== 0);
        this.codeCells.set(code, hasCells);
      }
      const n = code.co_localsplusnames.length;
      rec = {
        frame, id: frame.traceId,
        slots: dictFrame ? null : new Array(n).fill(UNKNOWN),
        objs: dictFrame ? null : new Array(n).fill(null),
        names: dictFrame ? new Map() : null,
        lastValues: null, lastSerials: null, nameIdx: null, watch: null, lastVersion: -1, lastWrites: -1, lastIds: null, unsynced: null,
        hasCells, inUse: false, owner: this, codeName: this.str(code.co_name), localNames: null,
      };
      frame.traceRec = rec;
    }
    rec.inUse = true;
    if (rec.hasCells) this.cellFrames.push(this.shadow.length);
    this.shadow.push(rec);
    this.tally.depth(this.shadow.length);
    this.w.u(Ev.CALL);
    this.w.u(frame.traceId);
    this.w.u(rec.codeName);
  }

  /** Pops the top shadow frame (RETURN). */
  private pop(): void {
    const rec = this.shadow.pop()!;
    rec.inUse = false;
    if (rec.hasCells) this.cellFrames.pop();
    this.w.u(Ev.RETURN);
  }

  /** Brings the shadow stack in line with the real one (frames entered from JS fire no `call`). */
  private reconcile(frame: Frame): void {
    const s = this.shadow;
    const chain: Frame[] = [];
    let f: Frame | null = frame;
    let at = -1;
    for (; f !== null; f = f.previous) {
      let i = s.length - 1;
      while (i >= 0 && (s[i].frame !== f || s[i].id !== f.traceId)) i--;
      if (i >= 0) {
        at = i;
        break;
      }
      chain.push(f);
    }
    if (at < 0 && this.mainFrame !== null && s.length > 0 && s[0].frame === this.mainFrame) at = 0;
    while (s.length > at + 1) this.pop();
    if (s.length > 0) this.diffFrame(s.length - 1);
    for (let j = chain.length - 1; j >= 0; j--) {
      if (chain[j] === this.mainFrame) continue;
      this.push(chain[j]);
    }
  }

  /** BIND events for the names frame `index` rebound since the trace last looked. */
  private diffFrame(index: number): void {
    const rec = this.shadow[index];
    const f = rec.frame;
    const dist = this.shadow.length - 1 - index;
    if (rec.slots !== null) {
      const ls = f.localsplus;
      const slots = rec.slots;
      const objs = rec.objs!;
      const kinds = f.code.co_localspluskinds;
      const cells = rec.hasCells;
      let names: number[] | undefined;
      for (let i = 0; i < ls.length; i++) {
        const v = ls[i];
        // unchanged: the same object, not recycled under a new serial (free lists reuse JS objects)
        if (v === objs[i] && (v === null || v.serial === 0 || v.serial === slots[i]) && !cells) continue;
        objs[i] = v;
        if (cells && v !== null && kinds[i] & (CO_FAST_CELL | CO_FAST_FREE) && v instanceof PyCell) {
          // the name refers to its cell (as in CPython); STORE_DEREF changes the cell's
          // contents without touching it: if the cell is shown, re-read it
          const ck = this.known.get(v.serial);
          if (ck !== undefined && ck.o === v) this.dirty[this.dirtyLen++] = ck;
        }
        const id = v === null ? UNKNOWN : v.serial !== 0 ? v.serial : this.staticId(v);
        if (id === slots[i]) continue;
        // (staticId has introduced a static object already: linking it would do nothing more)
        if (v !== null && id > 0) this.linked(v);
        slots[i] = id;
        names ??= rec.localNames ??= this.namesOf(f.code);
        this.bind(dist, names[i], v === null ? UNKNOWN : id);
      }
    } else {
      const d = f.locals as PyDict;
      // no value stored or removed since the last comparison: no name can have changed (and
      // the dict's contents neither, so it need not be re-read). A module's globals are
      // compared every step of every function, and mostly they sit still.
      if (rec.lastValues !== null && rec.lastWrites === d.writes) return;
      rec.lastWrites = d.writes;
      const map = rec.names!;
      // STORE_NAME changes the dict without touching its refcount: if the dict is shown, re-read it
      const dk = d.serial !== 0 ? this.known.get(d.serial) : undefined;
      if (dk !== undefined && dk.kind !== LEAF && dk.o === d) this.dirty[this.dirtyLen++] = dk;
      const ek = d.ekeys, ev = d.evalues;
      // fast path: the same key set as last time → only the entries whose value changed
      const last = rec.lastValues;
      if (last !== null && rec.lastVersion === d.version && last.length === ev.length) {
        const serials = rec.lastSerials!;
        const watch = rec.watch!;
        for (let j = 0; j < watch.length; j++) {
          const i = watch[j];
          const v = ev[i];
          if (v === last[i] && (v === null || v.serial === serials[i])) continue;
          last[i] = v;
          serials[i] = v === null ? 0 : v.serial;
          let name = rec.nameIdx![i];
          if (name === -1) continue; // a dunder or non-str key
          if (v === null) continue;
          if (name === -2) {
            const k = ek[i];
            name = k instanceof PyStr && !isDunder(k.value) ? this.str(k.value) : -1;
            rec.nameIdx![i] = name;
            if (name === -1) continue;
          }
          const id = v.serial !== 0 ? v.serial : this.staticId(v);
          this.linked(v);
          const ids = rec.lastIds!;
          if (ids[i] === UNSYNCED) rec.unsynced!.push(i);
          ids[i] = id;
          this.bind(dist, name, id);
        }
        return;
      }
      // the key set changed: first bring `names` up to date with what the fast path stated
      const unsynced = rec.unsynced;
      if (unsynced !== null) {
        const ids = rec.lastIds!, nameIdx = rec.nameIdx!;
        for (let j = 0; j < unsynced.length; j++) map.set(this.strings[nameIdx[unsynced[j]]], ids[unsynced[j]]);
      }
      rec.lastIds = new Array(ev.length).fill(UNSYNCED);
      rec.unsynced = [];
      rec.lastValues = ev.slice();
      rec.lastSerials = ev.map((v) => (v === null ? 0 : v.serial));
      rec.nameIdx = new Array(ev.length).fill(-2);
      rec.lastVersion = d.version;
      // the entries the fast path looks at: only names it can show (a module's dozen dunders
      // are never bound, and comparing them every step was ~5% of traced fib)
      const watch: number[] = [];
      for (let i = 0; i < ek.length; i++) {
        const k = ek[i];
        if (k instanceof PyStr && !isDunder(k.value)) watch.push(i);
      }
      rec.watch = watch;
      let seen = 0;
      for (let i = 0; i < ek.length; i++) {
        const k = ek[i];
        if (k === null || !(k instanceof PyStr)) continue;
        const name = k.value;
        if (isDunder(name)) continue;
        seen++;
        const v = ev[i]!;
        const id = v.serial !== 0 ? v.serial : this.staticId(v);
        if (map.get(name) === id) continue;
        this.linked(v);
        map.set(name, id);
        this.bind(dist, this.str(name), id);
      }
      if (seen !== map.size) {
        const present = new Set<string>();
        for (const k of ek) if (k instanceof PyStr) present.add(k.value);
        for (const name of [...map.keys()]) {
          if (!present.has(name)) {
            map.delete(name);
            this.bind(dist, this.str(name), UNKNOWN);
          }
        }
      }
    }
  }

  private bind(dist: number, name: number, id: number): void {
    this.w.u(Ev.BIND);
    this.w.u(dist);
    this.w.u(name);
    if (id === UNKNOWN) this.w.u(0);
    else this.w.u(zz(this.lastId - id) + 1);
  }

  private namesOf(code: CodeObject): number[] {
    let n = this.codeNames.get(code);
    if (n === undefined) {
      n = code.co_localsplusnames.map((s) => this.str(s));
      this.codeNames.set(code, n);
    }
    return n;
  }

  // ---------------------------------------------------------------- step boundary

  /** Everything the step changed, written just before its LINE event. */
  private endStep(): void {
    const step = this.step;
    // 1. objects made during the step that are still alive
    const po = this.pendingObjs, ps = this.pendingSerials;
    const pn = this.pendingLen;
    this.pendingLen = 0;
    for (let i = 0; i < pn; i++) {
      const o = po[i];
      const serial = ps[i];
      // freed again (transient), or recycled by a free list under a new serial
      if (o.serial !== serial || o.refcnt <= 0) continue;
      // already introduced during the step (only possible when one born in it was)
      if (this.midStepKnown && this.known.has(serial)) continue;
      const k: Known = {
        id: serial, o, refcnt: 0, immortal: false, born: step, epoch: -1,
        kind: LEAF, readStep: -1, size: 0, total: 0, targets: null, keys: null, writes: -1, dead: false,
      };
      this.known.set(serial, k);
      this.describe(Ev.ALLOC, k);
      k.epoch = step;
      if (k.kind !== LEAF) this.dirty[this.dirtyLen++] = k;
    }
    // 2. net refcount changes
    const t = this.touched;
    const tn = this.touchedLen;
    this.touchedLen = 0;
    // born in this step: either just stated by ALLOC above (with its count) or gone, unless
    // one was introduced early (then it may need its count stated): skipped without a look-up
    const bornFrom = this.midStepKnown ? Infinity : this.stepStartSerial;
    for (let i = 0; i < tn; i++) {
      const o = t[i];
      if (o.serial >= bornFrom || o.refcnt < 0) continue;
      // (a count of 0 here is an object still being torn down: a __del__ its deallocation
      // triggered is running; it is stated, and freed when its deallocation ends)
      const k = this.known.get(o.serial);
      // an object the trace has not shown yet gets its count when it is introduced
      if (k === undefined || k.epoch === step) continue;
      k.epoch = step;
      if (k.immortal) continue;
      if (isImmortal(o)) {
        this.describe(Ev.INTRO, k); // became immortal (3.12 interning): re-describe
        continue;
      }
      const d = o.refcnt - k.refcnt;
      if (d !== 0) {
        this.w.u(d > 0 ? Ev.INCREF : Ev.DECREF);
        this.oid(k.id);
        this.w.u(d > 0 ? d : -d);
        k.refcnt = o.refcnt;
      }
      if (k.kind !== LEAF && o.refcnt > 0) this.dirty[this.dirtyLen++] = k;
    }
    // 3. names: the running frame, the module's globals, and frames sharing cells
    const s = this.shadow;
    if (s.length > 0) {
      this.diffFrame(s.length - 1);
      if (s.length > 1 && s[0].names !== null) this.diffFrame(0);
      const cf = this.cellFrames;
      for (let j = 0; j < cf.length; j++) {
        const i = cf[j];
        if (i >= 1 && i < s.length - 1) this.diffFrame(i);
      }
    }
    // 4. containers on the running frame's value stack (a comprehension's list is
    //    appended to without any refcount change of its own)
    const top = tstate.frame;
    if (top !== null) {
      // a running generator's contents are its frame's locals and stack, which change without touching it
      const g = top.generator;
      if (g !== null && g.serial !== 0) {
        const gk = this.known.get(g.serial);
        if (gk !== undefined && gk.kind !== LEAF && gk.o === g) this.dirty[this.dirtyLen++] = gk;
      }
      const st = top.stack;
      for (let i = 0; i < top.sp; i++) {
        const v = st[i];
        if (v === null || v.serial === 0 || v.refcnt <= 0) continue;
        const k = this.known.get(v.serial);
        if (k !== undefined && k.kind !== LEAF && k.epoch !== -step - 1) {
          k.epoch = -step - 1;
          this.dirty[this.dirtyLen++] = k;
        }
      }
    }
    // 5. contents of the containers the step touched
    const dirty = this.dirty;
    const dn = this.dirtyLen;
    for (let i = 0; i < dn; i++) {
      const k = dirty[i];
      if (k.o.refcnt > 0 && k.o.serial === k.id) this.diffEdges(k);
    }
    this.dirtyLen = 0;
  }

  /**
   * This recorder's facts about type `t`, kept on the type itself (a Map look-up per
   * object described cost more, and a loop's objects alternate between a few types)
   */
  private typeInfo(t: PyTypeObject): TypeInfo {
    const ti = t.traceInfo as TypeInfo | null;
    if (ti !== null && ti.owner === this) return ti;
    const fresh = new TypeInfo(this);
    t.traceInfo = fresh;
    return fresh;
  }

  /** edgeKind(o), cached per type (a function's kind depends on the object: a closure or not) */
  private kindOf(o: PyObject): EdgeKind {
    if (o instanceof PyFunction) return edgeKind(o);
    const ti = this.typeInfo(o.type);
    let k = ti.kind;
    if (k === KIND_UNKNOWN) {
      k = edgeKind(o);
      ti.kind = k;
    }
    return k;
  }

  /** ALLOC or INTRO: an object's description. */
  private describe(ev: Ev.ALLOC | Ev.INTRO, k: Known): void {
    const o = k.o;
    const w = this.w;
    const rc = o.refcnt;
    k.immortal = rc >= IMMORTAL_REFCNT / 2; // isImmortal(o)
    k.refcnt = k.immortal ? 0 : rc;
    const t = o.type;
    const ti = this.typeInfo(t);
    let kind = ti.kind;
    if (kind === KIND_UNKNOWN || o instanceof PyFunction) kind = this.kindOf(o);
    k.kind = kind;
    w.u(ev);
    w.z(k.id - this.lastId);
    this.lastId = k.id;
    // the type's name as first described (a class renamed later keeps it)
    let tn = ti.name;
    if (tn < 0) {
      tn = this.str(t.name);
      ti.name = tn;
    }
    w.u(tn);
    const addr = addressOf(o.ptr);
    encodeAddr(w, addr, this.lastAddr);
    this.lastAddr = addr;
    k.size = displaySize(o);
    w.u(k.size);
    w.u(k.refcnt);
    if (t === LongType && typeof (o as PyLong).value === 'number') {
      // an exact int, the commonest object by far: what shortValue would say, without its
      // allocation. Only the serial range can make it interpreter-owned: after start-up only
      // modules, their dicts and builtin functions are registered (importer.ts), and the
      // WeakSet look-up of isInterpreterOwned was ~1.5% of traced b2_loop
      const internal = o.serial > 0 && o.serial < heap.startupSerial ? FLAG_INTERNAL : 0;
      w.u((Val.INT << 3) | (k.immortal ? FLAG_IMMORTAL : 0) | internal);
      w.z((o as PyLong).value as number);
      return;
    }
    let ownable = ti.ownable;
    if (ownable < 0) {
      ownable = o instanceof PyModule || o instanceof PyDict || o instanceof PyCFunction ? 1 : 0;
      ti.ownable = ownable;
    }
    const internal = (o.serial > 0 && o.serial < heap.startupSerial) || (ownable === 1 && heap.interpreterOwned.has(o))
      ? FLAG_INTERNAL : 0; // heap.isInterpreterOwned(o)
    if (t === StrType) {
      // an exact str (the commonest after ints): what shortValue would say, without its allocations
      const sv = (o as PyStr).value;
      const text = sv.length > REPR_CAP ? strReprString(sv.slice(0, REPR_CAP)) + '…' : strReprString(sv);
      w.u((Val.STR << 3) | (k.immortal ? FLAG_IMMORTAL : 0) | ((o as PyStr).interned ? FLAG_INTERNED : 0) | internal);
      w.u(this.str(text));
      return;
    }
    const v = shortValue(o);
    w.u((v.kind << 3) | (k.immortal ? FLAG_IMMORTAL : 0) | (o instanceof PyStr && o.interned ? FLAG_INTERNED : 0) |
      internal);
    switch (v.kind) {
      case Val.INT:
        w.z(v.v);
        break;
      case Val.FLOAT:
        w.f64(v.v);
        break;
      case Val.STR:
      case Val.NAME:
        w.u(this.str(v.v));
        break;
    }
  }

  /**
   * A frame name or a container now refers to `o`. A container that was
   * filled by builtin code while no frame could see it (the list `list(gen)`
   * builds) changed without any refcount event of its own: re-read it now
   * that it becomes visible. Returns its id.
   */
  private linked(o: PyObject): number {
    const known = o.serial !== 0 && this.known.has(o.serial);
    const id = this.ensureKnown(o);
    if (known) this.relink(o);
    return id;
  }

  private relink(o: PyObject): void {
    if (o.serial === 0) return;
    const k = this.known.get(o.serial);
    if (k !== undefined && k.kind !== LEAF && k.o === o && k.readStep !== this.step && o.refcnt > 0) this.diffEdges(k);
  }

  /** The object's id, introducing it to the trace first if needed. */
  private ensureKnown(o: PyObject): number {
    return this.ensureRecord(o).id;
  }

  /** The object's record, introducing it to the trace first if needed. */
  private ensureRecord(o: PyObject): Known {
    if (o.serial === 0) return this.staticRecord(o);
    const k0 = this.known.get(o.serial);
    if (k0 !== undefined) return k0;
    if (o.serial >= this.stepStartSerial) this.midStepKnown = true;
    const k: Known = {
      // epoch -1: if introduced mid-step, later changes in the step still count
      id: o.serial, o, refcnt: 0, immortal: false, born: -1, epoch: -1,
      kind: LEAF, readStep: -1, size: 0, total: 0, targets: null, keys: null, writes: -1, dead: false,
    };
    this.known.set(o.serial, k);
    this.describe(Ev.INTRO, k);
    if (k.kind !== LEAF) this.diffEdges(k);
    return k;
  }

  /** Ids for statically allocated objects (serial 0), introduced on first use. */
  private staticId(o: PyObject): number {
    return this.staticRecord(o).id;
  }

  private staticRecord(o: PyObject): Known {
    // small ints (-5..256), the commonest static objects by far (recursion binds them on
    // every call): an array look-up before the Map's
    let si = -1;
    if (o.type === LongType) {
      const v = (o as PyLong).value;
      if (typeof v === 'number' && v >= -5 && v <= 256) {
        si = v + 5;
        const k = this.smallInts[si];
        if (k !== undefined && k.o === o) return k;
      }
    }
    let k = this.statics.get(o);
    if (k === undefined) {
      k = {
        id: this.nextStaticId--, o, refcnt: 0, immortal: true, born: -1, epoch: -1,
        kind: LEAF, readStep: -1, size: 0, total: 0, targets: null, keys: null, writes: -1, dead: false,
      };
      this.statics.set(o, k);
      this.describe(Ev.INTRO, k);
      if (k.kind !== LEAF) this.diffEdges(k);
    }
    if (si >= 0) this.smallInts[si] = k;
    return k;
  }

  /** Re-reads a container and writes an EDGES event if its contents changed. */
  private diffEdges(k: Known): void {
    k.readStep = this.step;
    const size = displaySize(k.o);
    if (size !== k.size) {
      // Lists and dicts grow their item arrays: the view shows getsizeof as it changes.
      k.size = size;
      this.w.u(Ev.SIZE);
      this.oid(k.id);
      this.w.u(size);
    }
    const mode = k.kind as EdgeMode;
    if (mode === EdgeMode.MAPPING) {
      // no value stored or removed since the edges were last stated (dictobject.ts bumps
      // `writes` on every write of its entries): nothing to compare. A dict a loop fills is
      // touched every step, and comparing its first EDGE_CAP entries each time added up
      const writes = (k.o as PyDict).writes;
      if (k.targets !== null && writes === k.writes) return;
      k.writes = writes;
    }
    // The stated edges are all still there (a big list or dict a loop adds to past
    // EDGE_CAP, an instance touched on every line): at most the total changed. Compared
    // in place, without copying the edges into the scratch buffer first (that copy was
    // most of re-reading such a list).
    let same = -1;
    if (k.targets !== null) {
      if (mode === EdgeMode.SEQUENCE) {
        if (unchangedEdges(k, mode)) same = (k.o as PyList | PyTuple).items.length;
      } else if (mode === EdgeMode.MAPPING) {
        if (unchangedEdges(k, mode)) same = (k.o as PyDict).used;
      } else if (mode === EdgeMode.ATTRS) {
        same = unchangedAttrs(k);
      }
    }
    if (same >= 0) {
      const total = same;
      if (total === k.total) return;
      k.total = total;
      const w = this.w;
      w.u(Ev.EDGES);
      this.oid(k.id);
      w.u(mode);
      w.u(total);
      w.u(k.targets!.length);
      w.u(0);
      return;
    }
    const keyed = mode === EdgeMode.MAPPING || mode === EdgeMode.ATTRS;
    // Read into this depth's scratch arrays: introducing a target below may re-enter
    // diffEdges, which then reads into the next depth's.
    const depth = this.edgeDepth;
    let buf = this.edgeBufs[depth];
    if (buf === undefined) {
      buf = new EdgeBuffer();
      this.edgeBufs[depth] = buf;
    }
    const total = readEdgesInto(k.o, mode, buf);
    const rt = buf.targets, rk = buf.keys, n = buf.n;
    // The unchanged prefix, compared by object: a target is unchanged when it is the same
    // object as the record stated last time and that record is still alive (not freed; a
    // reused JS object has a new serial). Then it has the same id, and introducing it again
    // would do nothing: only the changed tail needs ids (a container touched every step,
    // like a list a loop appends to, costs pointer comparisons rather than lookups).
    const old = k.targets, oldKeys = k.keys;
    let keep = 0;
    if (old !== null) {
      const m = Math.min(old.length, n);
      while (keep < m && sameObject(old[keep], rt[keep]) && (!keyed || sameKey(oldKeys![keep], rk[keep]))) keep++;
      if (keep === n && old.length === n && k.total === total) return;
    } else if (n === 0 && total === 0) {
      k.targets = [];
      k.keys = keyed ? [] : null;
      return; // a new container is empty unless said otherwise
    }
    let targets: Known[], keys: (Known | null)[] | null = null;
    this.edgeDepth = depth + 1;
    if (keep === n && old !== null && old.length === n) {
      targets = old; // only the total changed
      keys = oldKeys;
    } else {
      // As before the prefix comparison existed: every target is introduced (in order)
      // before any key; the prefix's are known already, so only the tail's can be new.
      // The arrays are made at their final length (pushing onto [] reserves 17 slots).
      targets = new Array<Known>(n);
      for (let i = 0; i < keep; i++) targets[i] = old![i];
      for (let i = keep; i < n; i++) targets[i] = this.ensureRecord(rt[i]);
      if (keyed) {
        keys = new Array<Known | null>(n);
        for (let i = 0; i < keep; i++) keys[i] = oldKeys![i];
        for (let i = keep; i < n; i++) {
          const key = rk[i];
          keys[i] = key === null ? null : this.ensureRecord(key);
        }
      }
    }
    k.targets = targets;
    k.keys = keys;
    k.total = total;
    // newly linked containers may have been filled by builtin code without a touch (list(gen)): re-read them
    for (let i = keep; i < n; i++) this.relink(rt[i]);
    this.edgeDepth = depth;
    const w = this.w;
    w.u(Ev.EDGES);
    this.oid(k.id);
    w.u(mode);
    w.u(total);
    w.u(keep);
    w.u(n - keep);
    for (let i = keep; i < n; i++) {
      this.oid(targets[i].id);
      if (keys !== null) {
        const key = keys[i];
        w.u(key === null ? 0 : zz(this.lastId - key.id) + 1);
      }
    }
  }

  private oid(id: number): void {
    this.w.z(this.lastId - id);
  }

  private str(s: string): number {
    let i = this.stringIndex.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(s);
      this.stringIndex.set(s, i);
    }
    return i;
  }

  // ---------------------------------------------------------------- test mode

  /** Reads the real interpreter's state (frames from tstate, every refcount, every container afresh). */
  private snapshot(line: number, frame: Frame | null): void {
    const frames: LiveSnapshot['frames'] = [];
    const chain: Frame[] = [];
    for (let f = frame; f !== null; f = f.previous) chain.push(f);
    if (this.mainFrame !== null && !chain.includes(this.mainFrame)) chain.push(this.mainFrame);
    chain.reverse();
    const roots: PyObject[] = [];
    for (const f of chain) {
      const locals: { name: string; id: number }[] = [];
      if (f.locals !== null) {
        const d = f.locals as PyDict;
        for (let i = 0; i < d.ekeys.length; i++) {
          const key = d.ekeys[i];
          if (!(key instanceof PyStr) || isDunder(key.value)) continue;
          const v = d.evalues[i]!;
          locals.push({ name: key.value, id: this.peekId(v) });
          roots.push(v);
        }
      } else {
        const names = f.code.co_localsplusnames;
        for (let i = 0; i < f.localsplus.length; i++) {
          const v = f.localsplus[i];
          if (v === null) continue;
          locals.push({ name: names[i], id: this.peekId(v) });
          roots.push(v);
        }
      }
      frames.push({ id: f.traceId, name: f.code.co_name, locals });
    }
    const objects: LiveSnapshot['objects'] = new Map();
    let unknownReachable = 0;
    let reachable = true;
    const visit = (o: PyObject): void => {
      const id = this.peekId(o);
      if (id === UNKNOWN) {
        if (reachable) unknownReachable++;
        return;
      }
      if (objects.has(id)) return;
      const immortal = isImmortal(o);
      const kind = edgeKind(o);
      const raw = kind === LEAF ? null : readEdges(o, kind);
      objects.set(id, {
        id, type: o.type.name, value: shortValue(o), refcount: immortal ? null : o.refcnt, address: o.addr,
        size: displaySize(o), immortal, interned: o instanceof PyStr && o.interned,
        edges: raw === null ? [] : raw.targets.map((t, i) => ({
          target: this.peekId(t),
          key: raw.keys === null ? null : raw.keys[i] === null ? UNKNOWN : this.peekId(raw.keys[i]!),
        })),
        edgeCount: raw === null ? 0 : raw.total,
        mode: raw === null ? null : raw.mode,
        reachable,
      });
      if (raw !== null) {
        for (const t of raw.targets) visit(t);
        if (raw.keys !== null) for (const key of raw.keys) if (key !== null) visit(key);
      }
    };
    for (const r of roots) visit(r);
    reachable = false;
    for (const k of this.known.values()) if (k.o.refcnt >= 0 && k.o.serial === k.id) visit(k.o);
    for (const k of this.statics.values()) visit(k.o);
    this.live!.push({ step: this.step, line, frames, objects, unknownReachable });
  }

  private peekId(o: PyObject): number {
    if (o.serial === 0) return this.statics.get(o)?.id ?? UNKNOWN;
    return this.known.has(o.serial) ? o.serial : UNKNOWN;
  }
}

/** Is `rec` the record of `o` as it is now (same object, not freed since; see diffEdges)? */
function sameObject(rec: Known, o: PyObject): boolean {
  return rec.o === o && !rec.dead && (o.serial === rec.id || (o.serial === 0 && rec.id < 0));
}

/**
 * Are the first EDGE_CAP references of a list, tuple or dict exactly the ones
 * `k` last stated (the same objects, keys too, and no more of them below the cap)?
 * The same answer as reading them with readEdgesInto and comparing, without the copy.
 */
function unchangedEdges(k: Known, mode: EdgeMode.SEQUENCE | EdgeMode.MAPPING): boolean {
  const old = k.targets!;
  const m = old.length;
  if (mode === EdgeMode.SEQUENCE) {
    const items = (k.o as PyList | PyTuple).items;
    if (Math.min(items.length, EDGE_CAP) !== m) return false;
    for (let i = 0; i < m; i++) if (!sameObject(old[i], items[i])) return false;
    return true;
  }
  const d = k.o as PyDict;
  const ek = d.ekeys, ev = d.evalues;
  const oldKeys = k.keys!;
  let j = 0;
  for (let i = 0; i < ek.length && j < EDGE_CAP; i++) {
    const key = ek[i];
    if (key === null) continue;
    if (j === m || !sameObject(old[j], ev[i]!) || !sameKey(oldKeys[j], key)) return false;
    j++;
  }
  return j === m;
}

/**
 * unchangedEdges for an instance's attributes (EdgeMode.ATTRS): the same walk as
 * readEdgesInto, compared in place. Returns the total number of references when
 * the first EDGE_CAP are exactly the ones `k` last stated, else -1.
 */
function unchangedAttrs(k: Known): number {
  const o = k.o;
  const old = k.targets!, oldKeys = k.keys!;
  const m = old.length;
  let j = 0, total = 0;
  const slots = (o as unknown as { slots?: (PyObject | null)[] }).slots;
  if (slots) {
    for (let i = 0; i < slots.length; i++) {
      const v = slots[i];
      if (v === null) continue;
      total++;
      if (j < EDGE_CAP) {
        if (j === m || !sameObject(old[j], v) || oldKeys[j] !== null) return -1;
        j++;
      }
    }
  }
  const io = o as InlineValuesOwner;
  const vals = io.values;
  if (vals) {
    const names = (o.type as PyTypeObject).cachedKeys!.names;
    const order = io.order;
    const n = order !== null ? order.length : vals.length;
    for (let jj = 0; jj < n; jj++) {
      const i = order !== null ? order[jj] : jj;
      const v = vals[i];
      if (order === null && v === null) continue;
      total++;
      if (j < EDGE_CAP) {
        if (j === m || !sameObject(old[j], v!) || !sameKey(oldKeys[j], names[i])) return -1;
        j++;
      }
    }
  }
  const d = o.dict as PyDict | null;
  if (d instanceof PyDict) {
    const ek = d.ekeys, ev = d.evalues;
    for (let i = 0; i < ek.length; i++) {
      const key = ek[i];
      if (key === null) continue;
      total++;
      if (j < EDGE_CAP) {
        if (j === m || !sameObject(old[j], ev[i]!) || !sameKey(oldKeys[j], key)) return -1;
        j++;
      }
    }
  }
  return j === m ? total : -1;
}

function sameKey(rec: Known | null, o: PyObject | null): boolean {
  return rec === null ? o === null : o !== null && sameObject(rec, o);
}

function zz(v: number): number {
  return v >= 0 ? v * 2 : -v * 2 - 1;
}

function isDunder(name: string): boolean {
  return name.length > 4 && name.startsWith('__') && name.endsWith('__');
}

/**
 * The RunOptions (pylifecycle.ts) that record a run with `rec`: attach once
 * the interpreter is up, stop when the program has finished.
 */
export function recorderRunOptions(rec: TraceRecorder): { observer: ExecObserver; onStart: () => void; onEnd: () => void } {
  return { observer: rec, onStart: () => rec.start(), onEnd: () => rec.finish(true) };
}
