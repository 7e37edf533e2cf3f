/** format(x, spec) for int, float and str against CPython 3.12 recordings (record-objects.py). */
import { describe } from 'vitest';
import { recordedTests, subjectType } from './objects-cases.js';

for (const ty of ['int', 'float', 'str']) {
  describe(`format(${ty}, spec) (recorded from CPython)`, () => {
    recordedTests((c) => c.kind === 'format' && subjectType(c) === ty);
  });
}
