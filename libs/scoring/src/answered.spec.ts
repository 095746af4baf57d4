import { describe, expect, it } from '@jest/globals';
import { isAnswered } from './answered.js';

const blank = { met: [] as string[], notApplicable: false, noneMet: false };

describe('isAnswered', () => {
  it('is false with no answer, or with nothing ticked, not applicable or confirmed', () => {
    expect(isAnswered(null)).toBe(false);
    expect(isAnswered(undefined)).toBe(false);
    expect(isAnswered(blank)).toBe(false);
  });

  it('is true with an element ticked', () => {
    expect(isAnswered({ ...blank, met: ['d-l2-e1'] })).toBe(true);
  });

  it('is true when marked not applicable', () => {
    expect(isAnswered({ ...blank, notApplicable: true })).toBe(true);
  });

  it('is true when the person confirms none of the elements is met yet', () => {
    expect(isAnswered({ ...blank, noneMet: true })).toBe(true);
  });

  it('ignores a comment or a confidence given alongside nothing else', () => {
    const commented = { ...blank, comment: 'We are working on it', confidence: 'low' };
    expect(isAnswered(commented)).toBe(false);
  });
});
