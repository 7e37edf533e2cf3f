/** Registers one vitest test per case kind for the recorded cases of one subject type. */

import { expect, it } from 'vitest';
import { recorded, run, expected, label, subjectType, type Case } from './objects-harness.js';

export function recordedTests(filter: (c: Case) => boolean): void {
  const byKind = new Map<string, Case[]>();
  for (const c of recorded.cases) {
    if (!filter(c)) continue;
    const list = byKind.get(c.kind) ?? [];
    list.push(c);
    byKind.set(c.kind, list);
  }
  for (const [kind, cases] of byKind) {
    it(`${kind}: ${cases.length} cases match CPython ${recorded.python}`, () => {
      const failures: string[] = [];
      for (const c of cases) {
        let got;
        try {
          got = run(c);
        } catch (e) {
          failures.push(`${label(c)}\n    threw ${String(e)}`);
          continue;
        }
        const want = expected(c);
        if (JSON.stringify(got) !== JSON.stringify(want)) {
          failures.push(`${label(c)}\n    want ${JSON.stringify(want)}\n    got  ${JSON.stringify(got)}`);
        }
      }
      expect(failures.slice(0, 40).join('\n'), `${failures.length} of ${cases.length} differ`).toBe('');
    });
  }
}

export { subjectType };
