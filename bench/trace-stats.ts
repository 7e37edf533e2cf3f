/**
 * What a program's trace is made of: its size, its steps, and the events it
 * holds, counted and weighed by kind. Where the recorder spends its bytes is
 * where it spends much of its time (every byte is written by some step).
 *
 *   npx tsx bench/trace-stats.ts b5_objects        # a bench program
 *   npx tsx bench/trace-stats.ts path/to/prog.py
 */

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runProgram } from '../src/engine/index.js';
import { ByteReader } from '../src/engine/trace/replay.js';
import { Ev, EdgeMode, Val } from '../src/engine/trace/events.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const arg = process.argv[2] ?? 'b5_objects';
const file = existsSync(arg) ? arg : join(HERE, 'programs', `${arg}.py`);
const r = runProgram(readFileSync(file, 'utf8'), { trace: true });
const t = r.trace!;

const NAMES: Record<number, string> = {
  [Ev.LINE]: 'LINE', [Ev.CALL]: 'CALL', [Ev.RETURN]: 'RETURN', [Ev.ALLOC]: 'ALLOC', [Ev.INTRO]: 'INTRO',
  [Ev.FREE]: 'FREE', [Ev.INCREF]: 'INCREF', [Ev.DECREF]: 'DECREF', [Ev.BIND]: 'BIND', [Ev.EDGES]: 'EDGES',
  [Ev.GC_START]: 'GC_START', [Ev.GC_END]: 'GC_END', [Ev.OUTPUT]: 'OUTPUT', [Ev.SIZE]: 'SIZE',
};
const count = new Map<string, number>();
const bytes = new Map<string, number>();
const rd = new ByteReader(t.bytes);
while (!rd.done) {
  const start = rd.pos;
  const ev = rd.u() as Ev;
  let name = NAMES[ev] ?? `?${ev}`;
  switch (ev) {
    case Ev.LINE: rd.u(); break;
    case Ev.CALL: rd.u(); rd.u(); break;
    case Ev.RETURN: break;
    case Ev.ALLOC:
    case Ev.INTRO: {
      rd.z(); rd.u(); rd.z(); rd.u(); rd.u();
      const packed = rd.u();
      const vkind = (packed >> 3) as Val;
      if (vkind === Val.INT) rd.z();
      else if (vkind === Val.FLOAT) rd.f64();
      else if (vkind === Val.STR || vkind === Val.NAME) rd.u();
      break;
    }
    case Ev.FREE: rd.u(); break;
    case Ev.INCREF:
    case Ev.DECREF: rd.z(); rd.u(); break;
    case Ev.BIND: rd.u(); rd.u(); rd.u(); break;
    case Ev.EDGES: {
      rd.z();
      const mode = rd.u() as EdgeMode;
      rd.u(); rd.u();
      const n = rd.u();
      const keyed = mode === EdgeMode.MAPPING || mode === EdgeMode.ATTRS;
      for (let i = 0; i < n; i++) {
        rd.z();
        if (keyed) rd.u();
      }
      name += n === 0 ? ' (total only)' : ` (${['SEQUENCE', 'MAPPING', 'SET', 'ATTRS', 'OTHER'][mode] ?? mode})`;
      break;
    }
    case Ev.SIZE: rd.z(); rd.u(); break;
    case Ev.GC_START: rd.u(); break;
    case Ev.GC_END: rd.u(); rd.u(); rd.u(); break;
    case Ev.OUTPUT: rd.u(); rd.u(); break;
    default: throw new Error(`unknown event ${ev} at ${start}`);
  }
  count.set(name, (count.get(name) ?? 0) + 1);
  bytes.set(name, (bytes.get(name) ?? 0) + rd.pos - start);
}

console.log(`${arg}: ${t.bytes.length.toLocaleString('en-US')} bytes, ${t.stepCount.toLocaleString('en-US')} steps, ` +
  `${t.strings.length.toLocaleString('en-US')} strings, ${t.transient.toLocaleString('en-US')} transient objects`);
console.log('| event | count | bytes | per step |');
console.log('| --- | ---: | ---: | ---: |');
for (const [k, b] of [...bytes].sort((a, b) => b[1] - a[1])) {
  console.log(`| ${k} | ${count.get(k)!.toLocaleString('en-US')} | ${b.toLocaleString('en-US')} | ${(b / t.stepCount).toFixed(2)} |`);
}
