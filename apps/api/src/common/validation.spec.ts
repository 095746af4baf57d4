import { describe, expect, it } from '@jest/globals';
import { findUnstorableText, textProblem } from './validation.js';

describe('textProblem', () => {
  it('refuses NUL and unpaired surrogates, and accepts whole characters', () => {
    expect(textProblem('a\u0000b')).toMatch(/null character/);
    expect(textProblem('a\ud800')).toMatch(/broken character/);
    expect(textProblem('\udc00a')).toMatch(/broken character/);
    expect(textProblem('a\ud800b\udc00')).toMatch(/broken character/);
    expect(textProblem('📄 Board paper é')).toBeNull();
    expect(textProblem('')).toBeNull();
  });
});

describe('findUnstorableText', () => {
  it('names the first field in document order, nested and in lists', () => {
    expect(findUnstorableText({ a: 'ok', b: [{ c: 'x' }, { c: 'y\ud800' }], d: 'z\u0000' }, '')).toEqual({
      field: 'b.1.c',
      messages: [expect.stringMatching(/broken character/)],
    });
    expect(findUnstorableText('a\u0000', 'q')).toEqual({ field: 'q', messages: [expect.any(String)] });
    expect(findUnstorableText({ a: 1, b: null, c: true }, '')).toBeNull();
  });

  it('checks keys too, and shows them readably', () => {
    expect(findUnstorableText({ ['x\ud800']: 1 }, 'body')?.field).toBe('body.x\ufffd');
  });

  it('walks 100,000 levels without overflowing the stack', () => {
    let deep: unknown = 'bottom\u0000';
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    expect(findUnstorableText(deep, '')?.field).toMatch(/^0(\.0)+$/);
  });
});
