/**
 * The playground's pure parts: error markers from tracebacks, the URL code
 * format, the stored-code schema, the worker protocol's state (through the
 * engine and TraceReplay), and the memory view's layout.
 */
import { describe, expect, it } from 'vitest';
import { findErrorMark } from '../../components/playground/traceback.js';
import { parseStored } from '../../components/playground/storage.js';
import { runProgram } from '../../src/engine/index.js';
import { TraceReplay } from '../../src/engine/trace/replay.js';
import { layoutState, COLLAPSED_SHOW } from '../../components/memoryview/layout.js';
import type { WireState } from '../../src/runner/protocol.js';

function stderrOf(src: string): string {
  return runProgram(src).stderr;
}

describe('error markers', () => {
  it('marks a SyntaxError at the caret, mapped back through the indentation', () => {
    const src = 'print("fine")\nif True:\n    def broken(:\n        pass\n';
    const m = findErrorMark(stderrOf(src), src)!;
    expect(m.kind).toBe('syntax');
    expect(m.line).toBe(3);
    expect(src.split('\n')[2].slice(m.startColumn - 1, m.endColumn - 1)).toBe(':');
    expect(m.message).toMatch(/^SyntaxError/);
  });

  it("marks the innermost line of an uncaught exception", () => {
    const src = 'def f(a):\n    return a / 0\nx = 5\nf(x)\n';
    const m = findErrorMark(stderrOf(src), src)!;
    expect(m).toMatchObject({ kind: 'exception', line: 2, startColumn: 5, message: 'ZeroDivisionError: division by zero' });
  });

  it('has no marker without a traceback location', () => {
    expect(findErrorMark('SimulatorLimit: the program was stopped\n', 'while True: pass\n')).toBeNull();
  });
});

describe('stored code', () => {
  it('accepts only schema v1 with a string', () => {
    expect(parseStored('{"v":1,"code":"x = 1\\n"}')).toBe('x = 1\n');
    expect(parseStored('{"v":2,"code":"x"}')).toBeNull();
    expect(parseStored('{"v":1,"code":3}')).toBeNull();
    expect(parseStored('{"v":1,')).toBeNull();
    expect(parseStored('null')).toBeNull();
  });
});

function wire(src: string, step?: number): WireState {
  const r = runProgram(src, { trace: true });
  const rp = new TraceReplay(r.trace!);
  rp.prepare();
  const s = rp.stateAt(step ?? r.trace!.stepCount - 1, { reachable: true });
  return { ...s, objects: [...s.objects.values()] };
}

describe('memory view layout', () => {
  it('puts named objects in the first column and what they hold to the right', () => {
    const s = wire('a = [10**6, 10**7]\nb = a\n');
    const objects = new Map(s.objects.map((o) => [o.id, o]));
    const l = layoutState(s, objects, new Set(), { inlineImmortal: true });
    expect(l.columns[0].map((id) => objects.get(id)!.type)).toEqual(['list']);
    expect(l.columns[1].map((id) => objects.get(id)!.type)).toEqual(['int', 'int']);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s); // plain data: can cross postMessage as JSON
  });

  it('collapses a big container unless expanded, and inlines immortal slots', () => {
    const s = wire('xs = [10**6 + i for i in range(40)]\nys = list(range(3))\n');
    const objects = new Map(s.objects.map((o) => [o.id, o]));
    const xs = s.objects.find((o) => o.type === 'list' && o.edgeCount === 40)!;
    const collapsed = layoutState(s, objects, new Set(), { inlineImmortal: true });
    expect(collapsed.shown.get(xs.id)!.edges).toHaveLength(COLLAPSED_SHOW);
    expect(collapsed.shown.get(xs.id)!.hidden).toBe(40 - COLLAPSED_SHOW);
    expect(collapsed.column.size).toBe(2 + COLLAPSED_SHOW); // two lists, the shown ints; small ints inline
    const open = layoutState(s, objects, new Set([xs.id]), { inlineImmortal: false });
    expect(open.shown.get(xs.id)!.edges).toHaveLength(40);
    expect(open.column.size).toBe(2 + 40 + 3);
  });
});
