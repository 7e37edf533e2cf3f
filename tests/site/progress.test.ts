import { describe, expect, it } from 'vitest';
import { badgeText, readChapter, updateChapter } from '../../src/lib/progress';

describe('progress (localStorage pml:v1:progress)', () => {
  it('reads nothing from an absent, corrupt or foreign value', () => {
    for (const raw of [null, '', '{', 'null', '[]', '42', '{"v":2,"chapters":{"a":{"visited":true}}}', '{"v":1}']) {
      const p = readChapter(raw, 'a');
      expect(p).toEqual({ visited: false, solved: [], quiz: null });
      expect(badgeText(p)).toBe('');
    }
  });

  it('ignores fields of the wrong type', () => {
    const raw = JSON.stringify({ v: 1, chapters: { a: { visited: 'yes', solved: [1, 'e1', 'e1', null], quiz: { score: 9, total: 5 } } } });
    expect(readChapter(raw, 'a')).toEqual({ visited: false, solved: ['e1'], quiz: null });
  });

  it('describes progress briefly', () => {
    expect(badgeText({ visited: true, solved: [], quiz: null })).toBe('started');
    expect(badgeText({ visited: true, solved: ['a'], quiz: null })).toBe('1 exercise solved');
    expect(badgeText({ visited: true, solved: ['a', 'b'], quiz: { score: 3, total: 5 } })).toBe('2 exercises solved · quiz 3/5');
  });

  it('keeps unknown fields and other chapters when updating', () => {
    const raw = JSON.stringify({ v: 1, extra: 1, chapters: { a: { solved: ['e1'], future: true }, b: { visited: true } } });
    const next = JSON.parse(updateChapter(raw, 'a', { visited: true }));
    expect(next).toEqual({ v: 1, extra: 1, chapters: { a: { solved: ['e1'], future: true, visited: true }, b: { visited: true } } });
    expect(JSON.parse(updateChapter('corrupt', 'c', { visited: true }))).toEqual({ v: 1, chapters: { c: { visited: true } } });
  });
});
