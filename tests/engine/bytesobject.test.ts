/** The bytes type against CPython 3.12 recordings (record-objects.py). */
import { describe } from 'vitest';
import { recordedTests, subjectType } from './objects-cases.js';

describe('bytes (recorded from CPython)', () => {
  recordedTests((c) => c.kind !== 'format' && subjectType(c) === 'bytes');
});
