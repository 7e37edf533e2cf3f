/**
 * The trace format: THE boundary between the interpreter and the memory view.
 * (Python Tutor documents its encoder's output the same way; unlike Python
 * Tutor we never store a heap snapshot per step — see STYLE.md.)
 *
 * A trace is a stream of events written by `recorder.ts` while a program
 * runs and read back by `replay.ts`, which rebuilds the memory state at any
 * step, forwards or backwards, from periodic keyframes plus the events after
 * them. Nothing else should decode the bytes: the UI uses `TraceReplay`.
 *
 * ## Steps
 *
 * A *step* is one LINE event: the moment execution reaches a new line (the
 * UI's unit of stepping; step 0 is the first line the program runs; a
 * loop's backward jump repeats its line's event, and when nothing happens
 * before the next line that repeat is left out). The
 * state "at step k" is the memory as it was when line event k fired, i.e.
 * before that line runs. Every event between LINE k-1 and LINE k is what
 * running the previous line did. One extra LINE with line 0 ends the trace:
 * the state after the program's last line (and the traceback, if any),
 * before interpreter shutdown.
 *
 * ## Objects
 *
 * Objects are named by an *object id*:
 *  - a heap object by its `serial` (> 0, unique per run; addresses get reused,
 *    serials never are);
 *  - a statically allocated immortal object (None, True, small ints, builtin
 *    types; `serial` 0 in the engine) by a negative id the recorder hands out
 *    the first time it meets it.
 * Immortal objects never get INCREF/DECREF/FREE events.
 *
 * Objects enter the trace by ALLOC (made during the run) or INTRO (existed
 * before tracing started, or immortal: introduced the first time a frame,
 * container or refcount change refers to them). Both carry a description:
 * type name, address, size, reference count and a short value. Objects
 * allocated and freed within one step are never shown by any step and are
 * left out (only their count is kept: `Trace.transient`).
 *
 * Reference counts are the net change over a step: INCREF/DECREF carry a
 * count (the temporary references of the value stack cancel out within a
 * line). After the events up to LINE k, every known object's count equals
 * `ob_refcnt` at that moment (the test suite checks this for every step).
 *
 * Container contents (the arrows from list slots, dict entries, instance
 * attributes…) are EDGES events: the first `EDGE_CAP` references the object
 * holds plus their total. They are re-read at the end of a step for every
 * container whose refcount was touched during the step (a program cannot
 * reach a container without a reference to it), that was allocated in the
 * step, or that sits on the running frame's value stack (comprehensions).
 * Only the changed tail is sent: EDGES says how many leading edges to keep.
 * Modules, classes, functions, code objects and builtins are shown as leaves
 * (name only): their insides are the interpreter's, not the learner's data —
 * except a closure's function, whose edges are the cells of its `__closure__`
 * (mode OTHER; the replay labels them `__closure__[i]`, and a cell's one edge
 * `cell_contents`).
 *
 * ## Frames
 *
 * CALL pushes a Python frame (id, function name), RETURN pops the top one
 * (a return, an exception passing through, or a generator suspending; a
 * resumed generator is pushed again with the same id). BIND says that a name
 * in a frame now refers to an object, or (target UNBOUND) to nothing; the
 * frame is given by its distance from the top of the stack. A cell or free
 * variable's name refers to its cell object, as in CPython. The module frame
 * shows the module's global names (dunder names excluded).
 *
 * ## Encoding
 *
 * One byte stream of unsigned LEB128 varints (a growable Uint8Array: most
 * fields fit in one byte, which makes a step of a tight loop ~25–40 bytes,
 * where fixed Int32 fields would take 3–4× that). Each event is its kind
 * byte followed by the fields below. Strings (names, short reprs, type
 * names, output) go in `Trace.strings` once and are referred to by index.
 * Signed values are zigzag-encoded (`zz`). Object ids in events are encoded
 * relative to the last ALLOC/INTRO id (`oid` = zz(lastId - id)), because a
 * step mostly touches objects made shortly before; addresses relative to the
 * previous ALLOC/INTRO address (`zz` of the difference, in 16-byte units
 * when both are 16-aligned — see `encodeAddr`).
 *
 * | kind | fields |
 * | --- | --- |
 * | LINE | line |
 * | CALL | frameId, name (string) |
 * | RETURN | — (pops the top frame) |
 * | ALLOC / INTRO | id (zz(id - lastId)), type (string), addr, size, refcnt, value kind << 3 \| flags, value |
 * | FREE | oid × 2 + reason (FreeReason: 0 refcount, 1 collected by the GC) |
 * | INCREF / DECREF | oid, count |
 * | BIND | frame distance from top, name (string), target: 0 = unbound, else oid + 1 |
 * | EDGES | oid, mode, total, keep, n, then n × (target oid [, key oid if keyed]) |
 * | GC_START | generation |
 * | GC_END | generation, collected, uncollectable |
 * | OUTPUT | stream (0 stdout, 1 stderr), text (string) |
 *
 * `flags`: bit 0 immortal, bit 1 interned str. The value kind shares their
 * varint; the payload follows: V_NONE; V_INT zz(value) (safe integers); V_FLOAT 8 bytes
 * (IEEE little-endian); V_STR a string (a truncated repr); V_NAME a string
 * (function, class, module names).
 */

import { FreeReason } from '../memory/heap.js';

export { FreeReason };

/** Event kinds (one byte each in the stream). */
export const enum Ev {
  LINE = 1,
  CALL = 2,
  RETURN = 3,
  ALLOC = 4,
  INTRO = 5,
  FREE = 6,
  INCREF = 7,
  DECREF = 8,
  BIND = 9,
  EDGES = 10,
  GC_START = 11,
  GC_END = 12,
  OUTPUT = 13,
  /** a container's sys.getsizeof changed (it grew or shrank): id, new size */
  SIZE = 14,
}

/** Value kinds of ALLOC/INTRO. */
export const enum Val {
  NONE = 0,
  INT = 1,
  FLOAT = 2,
  STR = 3,
  NAME = 4,
}

/** How an EDGES event's references are labelled. */
export const enum EdgeMode {
  /** list/tuple: label `[i]` */
  SEQUENCE = 0,
  /** dict: each edge has a key object; label = the key's repr */
  MAPPING = 1,
  /** set/frozenset: members, no label */
  SET = 2,
  /** instance attributes: each edge has a key str; label = the name */
  ATTRS = 3,
  /** anything else, read with tp_traverse: no label */
  OTHER = 4,
}

export const FLAG_IMMORTAL = 1;
export const FLAG_INTERNED = 2;
/** made by the interpreter for itself (modules, builtin functions): CPython's internals share its count */
export const FLAG_INTERNAL = 4;

/** References kept per container; the rest is only counted (the view collapses big containers). */
export const EDGE_CAP = 50;
/** Longest repr kept for a str (and other values shown as text). */
export const REPR_CAP = 60;

/** A recorded run. Plain data: can be posted from a Worker (the bytes are transferable). */
export interface Trace {
  /** format version, bumped on any incompatible change */
  version: 1;
  /** the event stream (see the table above) */
  bytes: Uint8Array;
  /** string table */
  strings: string[];
  /** number of LINE events, the final (line 0) one included */
  stepCount: number;
  /** objects allocated and freed within a single step (left out of the stream) */
  transient: number;
  /** true when the run hit a limit and the trace stops early */
  truncated: boolean;
}

// ---------------------------------------------------------------- writing

/**
 * A growable byte buffer of varints, kept as a list of chunks: a full chunk
 * is set aside and a new one started, so the bytes are copied once, by
 * finish() (doubling one buffer copied every byte about once more and
 * zero-filled twice as much: ~2.5% of a traced loop). `len` is the position
 * in the current chunk `buf`; `pos()` is the position in the whole stream.
 * The writer can go back (`rewind`) to any position at or after `mark`, so
 * the bytes after the mark move to the new chunk with it.
 */
export class ByteWriter {
  buf = new Uint8Array(1 << 16);
  len = 0;
  /** stream position of `buf[0]` (the bytes of the chunks set aside) */
  private base = 0;
  private chunks: Uint8Array[] = [];
  /** the earliest stream position rewind() may be asked for (>= base) */
  mark = 0;

  private grow(need: number): void {
    const keepFrom = this.mark - this.base;
    const tail = this.len - keepFrom;
    // chunks double up to 1 MiB, and beyond while one step's bytes fill a chunk
    let n = Math.min(this.buf.length * 2, 1 << 20);
    while (n < 2 * (tail + need)) n *= 2;
    const b = new Uint8Array(n);
    b.set(this.buf.subarray(keepFrom, this.len));
    if (keepFrom > 0) this.chunks.push(this.buf.subarray(0, keepFrom));
    this.base = this.mark;
    this.buf = b;
    this.len = tail;
  }

  /** the position in the stream */
  pos(): number {
    return this.base + this.len;
  }

  /** Goes back to stream position `p` (>= mark), dropping what was written after it. */
  rewind(p: number): void {
    this.len = p - this.base;
  }

  /** unsigned LEB128; `v` must be a non-negative safe integer */
  u(v: number): void {
    if (this.len + 10 > this.buf.length) this.grow(10);
    const b = this.buf;
    let p = this.len;
    // most fields fit in one byte; below 2^31 the shifts are exact (and cheaper than % and floor)
    if (v < 0x80) {
      b[p] = v;
      this.len = p + 1;
      return;
    }
    while (v > 0x7fffffff) {
      // exact for safe integers (dividing by a power of two is), and no float `%` (a libcall)
      const q = Math.floor(v / 0x80);
      b[p++] = (v - q * 0x80) | 0x80;
      v = q;
    }
    while (v >= 0x80) {
      b[p++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    b[p++] = v;
    this.len = p;
  }

  /** zigzag: small magnitudes of either sign stay small */
  z(v: number): void {
    this.u(v >= 0 ? v * 2 : -v * 2 - 1);
  }

  f64(x: number): void {
    if (this.len + 8 > this.buf.length) this.grow(8);
    f64view[0] = x;
    this.buf.set(f64bytes, this.len);
    this.len += 8;
  }

  /** The bytes written, in one array of their length (a copy, so the writer's slack is dropped). */
  finish(): Uint8Array {
    const out = new Uint8Array(this.base + this.len);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    out.set(this.buf.subarray(0, this.len), at);
    return out;
  }
}

/** scratch for a float64's 8 bytes (ByteWriter here, ByteReader in replay.ts) */
export const f64view = new Float64Array(1);
export const f64bytes = new Uint8Array(f64view.buffer);

/**
 * Addresses: most objects are 16-byte aligned, so deltas are sent in 16-byte
 * units (low bit says which); replay.ts decodes them (decodeAddr).
 */
export function encodeAddr(w: ByteWriter, addr: number, prev: number): void {
  const d = addr - prev;
  // the common case, a delta that fits in 32 bits, with integer operations (a float `%` is a
  // libcall: ~1.5% of a traced loop that allocates every step); the same encoding either way
  if ((d | 0) === d) {
    if ((d & 15) === 0) w.z((d >> 4) * 2);
    else w.z(d * 2 + (d >= 0 ? 1 : -1));
    return;
  }
  if (d % 16 === 0) w.z(d / 16 * 2);
  else w.z(d * 2 + (d >= 0 ? 1 : -1));
}


/**
 * What sys.getsizeof reports for `o` without running Python code: the type's
 * __sizeof__ (builtin) plus the GC header and the managed-dict pre-header.
 * For a list or dict this includes its separately allocated items/keys.
 */
export function displaySize(o: PyObject): number {
  const f = o.type.tp_sizeof;
  if (f === null || o.ptr === 0) return o.size;
  try {
    const n = f(o) + (o.type.isGC() ? profile.gcHeaderSize : 0) + o.type.preheader;
    // a Smi for V8 (some __sizeof__s compute in doubles): one double stored in
    // the trace's per-object record boxes that field in every record
    return n < 0x4000_0000 ? n | 0 : n;
  } catch {
    return o.size;
  }
}
import { profile } from '../profiles/index.js';
import type { PyObject } from '../objects/object.js';
