/**
 * `<Exercise>`'s props are checked at build time (components/exercise/props.ts):
 * a malformed exercise fails the build with a message naming the page and
 * the exercise. Every exercise in the chapters passes.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { claimId, inlineCode, resolveExercise } from '../../components/exercise/props.js';
import { scanComponents } from '../../src/lib/mdxscan.js';
import { CHAPTERS_DIR } from '../../src/lib/recordings.js';

const code = {
  id: 'ex-alias',
  starter: 'a = [1, 2]\n',
  solution: 'a = [1, 2]\nb = a\n',
  checks: 'assert b is a\n',
  wrong: ['a = [1, 2]\nb = list(a)\n'],
};

describe('resolveExercise', () => {
  it('accepts the contract\'s code exercise, kind defaulting to "code"', () => {
    const ex = resolveExercise({ ...code, hints: ['An assignment never copies.'] }, '/chapters/x/');
    expect(ex.kind).toBe('code');
    expect(ex.hints).toEqual(['An assignment never copies.']);
  });

  it('accepts a predict exercise with an output line', () => {
    const ex = resolveExercise({ id: 'p', kind: 'predict', code: 'print(1)', line: 1, wrong: ['2'] }, '/x/');
    expect(ex).toMatchObject({ kind: 'predict', line: 1, wrong: ['2'] });
  });

  it.each([
    [{ ...code, id: undefined }, /give it an id/],
    [{ ...code, id: 'has space' }, /give it an id/],
    [{ ...code, kind: 'quiz' }, /kind must be "code" or "predict"/],
    [{ ...code, starter: undefined }, /starter prop must be a non-empty string/],
    [{ ...code, solution: '' }, /solution prop must be a non-empty string/],
    [{ ...code, checks: undefined }, /checks prop/],
    [{ ...code, wrong: undefined }, /wrong must be a non-empty array/],
    [{ ...code, wrong: [] }, /wrong must be a non-empty array/],
    [{ ...code, hints: 'one hint' }, /hints must be an array/],
    [{ ...code, solution: code.starter }, /the same as the starter/],
    [{ ...code, checkz: 'x' }, /unknown prop "checkz"/],
    [{ id: 'p', kind: 'predict' }, /code prop must be a non-empty string/],
    [{ id: 'p', kind: 'predict', code: 'print(1)', line: 0 }, /line must be a whole number/],
    [{ id: 'p', kind: 'predict', code: 'print(1)', starter: 'x' }, /unknown prop "starter"/],
  ])('refuses %o', (props, message) => {
    expect(() => resolveExercise(props as Record<string, unknown>, '/chapters/x/')).toThrow(message);
  });

  it('names the page and the exercise in its messages', () => {
    expect(() => resolveExercise({ ...code, checks: '' }, '/chapters/names/')).toThrow(/<Exercise id="ex-alias"> in \/chapters\/names\//);
  });

  it('accepts every exercise in the chapters', () => {
    const files = readdirSync(CHAPTERS_DIR).filter((f) => f.endsWith('.mdx'));
    let n = 0;
    for (const f of files) {
      for (const tag of scanComponents(readFileSync(join(CHAPTERS_DIR, f), 'utf8'), ['Exercise'])) {
        expect(() => resolveExercise(tag.props, f), `${f}:${tag.line}`).not.toThrow();
        n++;
      }
    }
    expect(n).toBeGreaterThan(0);
  });
});

describe('claimId', () => {
  it('refuses an id used twice on one page, and allows it on another page', () => {
    const page1 = {};
    const page2 = {};
    claimId(page1, 'ex-a', '/one/');
    claimId(page1, 'ex-b', '/one/');
    expect(() => claimId(page1, 'ex-a', '/one/')).toThrow(/another exercise on this page has the same id/);
    expect(() => claimId(page2, 'ex-a', '/two/')).not.toThrow();
  });
});

describe('inlineCode', () => {
  it('splits `code` spans out of text', () => {
    expect(inlineCode('Write `b = a` here.')).toEqual([
      { text: 'Write ', code: false },
      { text: 'b = a', code: true },
      { text: ' here.', code: false },
    ]);
  });

  it('leaves text with an unmatched backtick as written', () => {
    expect(inlineCode('a ` b')).toEqual([{ text: 'a ` b', code: false }]);
  });
});
