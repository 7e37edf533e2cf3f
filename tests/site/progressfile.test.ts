// Progress export / import / reset (src/lib/progressfile.ts) against an
// in-memory stand-in for localStorage.
import { describe, expect, it } from 'vitest';
import { PROGRESS_KEY, readChapter } from '../../src/lib/progress';
import {
  FILE_FORMAT,
  applyImport,
  buildExport,
  importSummary,
  parseImport,
  resetProgress,
  storeEntries,
  type KeyValueStore,
} from '../../src/lib/progressfile';

class MemoryStore implements KeyValueStore {
  readonly map = new Map<string, string>();
  /** the write after this many more throws, once (a storage that is full for it) */
  failAfter = Infinity;
  constructor(entries: Record<string, string> = {}) {
    for (const [k, v] of Object.entries(entries)) this.map.set(k, v);
  }
  get length(): number {
    return this.map.size;
  }
  key(i: number): string | null {
    return [...this.map.keys()][i] ?? null;
  }
  getItem(k: string): string | null {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string): void {
    if (this.failAfter-- === 0) throw new DOMException('full', 'QuotaExceededError');
    this.map.set(k, v);
  }
  removeItem(k: string): void {
    this.map.delete(k);
  }
  snapshot(): Record<string, string> {
    return Object.fromEntries([...this.map].sort(([a], [b]) => (a < b ? -1 : 1)));
  }
}

const progress = JSON.stringify({ v: 1, chapters: { 'reference-counting': { visited: true, solved: ['ex1'], quiz: { score: 6, total: 8 } } } });
const code = JSON.stringify({ v: 1, code: 'x = [1]\ny = x\n' });

function learnerStore(): MemoryStore {
  return new MemoryStore({
    [PROGRESS_KEY]: progress,
    'pml:v1:code:reference-counting:p2': code,
    'pml:v1:code:reference-counting:broken': '{not json',
    'pml:v1:theme': 'dark',
    'other-site-key': 'keep me',
  });
}

describe('progress file: export', () => {
  it('holds the progress and every saved code edit, marked with its format and version', () => {
    const doc = buildExport(storeEntries(learnerStore()), new Date('2025-01-31T12:00:00Z'));
    expect(doc).toEqual({
      format: FILE_FORMAT,
      version: 1,
      exportedAt: '2025-01-31T12:00:00.000Z',
      storage: {
        [PROGRESS_KEY]: JSON.parse(progress),
        'pml:v1:code:reference-counting:p2': JSON.parse(code),
      },
    });
  });
});

describe('progress file: import', () => {
  it('round-trips into an empty browser, leaving its theme and other sites alone', () => {
    const text = JSON.stringify(buildExport(storeEntries(learnerStore()), new Date('2025-01-31T12:00:00Z')));
    const fresh = new MemoryStore({ 'pml:v1:theme': 'light', 'pml:v1:code:names-and-objects:p1': code, unrelated: '1' });
    const r = parseImport(text);
    if (!r.ok) throw new Error(r.reason);
    applyImport(fresh, r.plan);
    expect(fresh.snapshot()).toEqual({
      [PROGRESS_KEY]: progress,
      'pml:v1:code:reference-counting:p2': code,
      'pml:v1:theme': 'light',
      unrelated: '1',
    });
    expect(readChapter(fresh.getItem(PROGRESS_KEY), 'reference-counting').quiz).toEqual({ score: 6, total: 8 });
    expect(importSummary(r.plan)).toBe('Imported progress for 1 chapter and 1 saved code edit (exported 2025-01-31).');
  });

  it('refuses a file that is not ours, of another version, or with a malformed entry', () => {
    const good = buildExport(storeEntries(learnerStore()), new Date('2025-01-31T12:00:00Z'));
    const cases: [string, RegExp][] = [
      ['', /not a JSON file/],
      ['{"format": "python-memory-lab-progress", "version": 1, "storage": {', /not a JSON file/],
      ['[1, 2]', /not a Python Memory Lab progress file/],
      [JSON.stringify({ ...good, format: 'something-else' }), /not a Python Memory Lab progress file/],
      [JSON.stringify({ ...good, version: 2 }), /format version 2, and this site reads version 1/],
      [JSON.stringify({ ...good, storage: null }), /has no progress in it/],
      [JSON.stringify({ ...good, storage: { [PROGRESS_KEY]: { v: 2, chapters: {} } } }), /not a version 1 progress record/],
      [JSON.stringify({ ...good, storage: { [PROGRESS_KEY]: { v: 1, chapters: { a: 'done' } } } }), /chapter "a" is not a record/],
      [JSON.stringify({ ...good, storage: { 'pml:v1:code:a:p1': { v: 1, code: 42 } } }), /saved code "a:p1" is not a version 1 code record/],
      [JSON.stringify({ ...good, storage: { 'pml:v1:code:a': { v: 1, code: '' } } }), /malformed name/],
      [JSON.stringify({ ...good, storage: { 'pml:v1:theme': 'dark' } }), /entry this site does not keep/],
      ['x'.repeat(9 * 1024 * 1024), /too large/],
    ];
    for (const [text, reason] of cases) {
      const r = parseImport(text);
      expect(r.ok, text.slice(0, 80)).toBe(false);
      if (!r.ok) expect(r.reason).toMatch(reason);
    }
  });

  it('puts everything back when the storage fills up halfway', () => {
    const store = learnerStore();
    const before = store.snapshot();
    const r = parseImport(
      JSON.stringify({ format: FILE_FORMAT, version: 1, storage: { [PROGRESS_KEY]: { v: 1, chapters: {} }, 'pml:v1:code:a:p1': { v: 1, code: 'x' } } }),
    );
    if (!r.ok) throw new Error(r.reason);
    store.failAfter = 1;
    expect(() => applyImport(store, r.plan)).toThrow(/full/);
    store.failAfter = Infinity;
    expect(store.snapshot()).toEqual(before);
  });
});

describe('progress file: reset', () => {
  it('removes every pml:v1 key but the theme, and nothing of other sites', () => {
    const store = learnerStore();
    expect(resetProgress(store)).toBe(3);
    expect(store.snapshot()).toEqual({ 'other-site-key': 'keep me', 'pml:v1:theme': 'dark' });
  });
});
