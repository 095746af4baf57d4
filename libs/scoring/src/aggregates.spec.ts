import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  formatScore,
  groupByCareSetting,
  publishedOverall,
  quartilePosition,
  shareBelow,
  summarise,
  summariseMovement,
  summariseScores,
} from './aggregates.js';

describe('summarise (known values)', () => {
  it('computes count, mean, median, quartiles, min and max', () => {
    expect(summarise([1, 2, 3, 4, 5])).toEqual({
      count: 5,
      mean: 3,
      median: 3,
      lowerQuartile: 2,
      upperQuartile: 4,
      min: 1,
      max: 5,
    });
    expect(summarise([2.5, 1, 4, 3])).toEqual({
      count: 4,
      mean: 2.625,
      median: 2.75,
      lowerQuartile: 2.125, // QUARTILE.INC([1, 2.5, 3, 4], 1)
      upperQuartile: 3.25,
      min: 1,
      max: 4,
    });
  });

  it('is null for no values and exact for one', () => {
    expect(summarise([])).toBeNull();
    expect(summarise([2.8])).toMatchObject({
      count: 1,
      mean: 2.8,
      median: 2.8,
      lowerQuartile: 2.8,
      max: 2.8,
    });
  });
});

describe('summarise (properties)', () => {
  const scores = fc.array(fc.double({ min: 1, max: 5, noNaN: true }), { minLength: 1, maxLength: 300 });

  it('does not depend on the order of its input', () => {
    fc.assert(
      fc.property(
        scores.chain((values) =>
          fc.tuple(fc.constant(values), fc.shuffledSubarray(values, { minLength: values.length })),
        ),
        ([values, shuffled]) => {
          expect(summarise(shuffled)).toEqual(summarise(values));
        },
      ),
    );
  });

  it('orders min ≤ lower quartile ≤ median ≤ upper quartile ≤ max, with the mean between min and max', () => {
    fc.assert(
      fc.property(scores, (values) => {
        const s = summarise(values)!;
        return (
          s.min <= s.lowerQuartile &&
          s.lowerQuartile <= s.median &&
          s.median <= s.upperQuartile &&
          s.upperQuartile <= s.max &&
          s.min <= s.mean &&
          s.mean <= s.max &&
          s.count === values.length
        );
      }),
    );
  });
});

describe('summariseScores', () => {
  it('summarises each measure and overall over the organisations that have a score', () => {
    const s = summariseScores([
      { measures: { 'well-led': 2, 'safe-practice': 3 }, overall: 2.5 },
      { measures: { 'well-led': 4, 'safe-practice': null }, overall: null },
    ]);
    expect(s.measures['well-led']).toMatchObject({ count: 2, mean: 3 });
    expect(s.measures['safe-practice']).toMatchObject({ count: 1, mean: 3 });
    expect(s.measures['empower-citizens']).toBeNull();
    expect(s.overall).toMatchObject({ count: 1, mean: 2.5 });
  });
});

describe('groupByCareSetting and formatScore', () => {
  it('groups by care setting, keeping order within a group', () => {
    const rows = [
      { code: 'A', setting: 'acute' as const },
      { code: 'B', setting: 'community' as const },
      { code: 'C', setting: 'acute' as const },
    ];
    const groups = groupByCareSetting(rows, (r) => r.setting);
    expect(groups.get('acute')?.map((r) => r.code)).toEqual(['A', 'C']);
    expect(groups.get('community')?.map((r) => r.code)).toEqual(['B']);
  });

  it('rounds to one decimal place only for display', () => {
    expect(formatScore(2.25)).toBe('2.3');
    expect(formatScore(2.8333333)).toBe('2.8');
    expect(formatScore(3)).toBe('3.0');
    expect(formatScore(null)).toBe('–');
  });
});

describe('quartilePosition, shareBelow and summariseMovement', () => {
  // 1, 2, 3, 4, 5: quartiles 2 and 4 (inclusive method), median 3.
  const summary = summarise([1, 2, 3, 4, 5])!;

  it('places a score by quarter; at the median is said, quartiles count in the quarter nearer it', () => {
    expect([1.9, 2, 2.9, 3, 3.1, 4, 4.1, 5].map((s) => quartilePosition(s, summary))).toEqual([
      'lowest-quarter',
      'second-quarter',
      'second-quarter',
      'at-median',
      'third-quarter',
      'third-quarter',
      'highest-quarter',
      'highest-quarter',
    ]);
    // Every organisation the same: each is at the median, not in a quarter.
    expect(quartilePosition(1, summarise([1, 1, 1, 1, 1])!)).toBe('at-median');
    // The median equal to the upper quartile (ties): at the median, never "highest".
    expect(quartilePosition(2.3, summarise([1.5, 2, 2.3, 2.3, 2.3])!)).toBe('at-median');
  });

  it('counts scores strictly below the threshold', () => {
    expect(shareBelow([2.4, 2.5, 2.6, 1], 2.5)).toEqual({ count: 2, of: 4, share: 0.5 });
    expect(shareBelow([], 2.5)).toEqual({ count: 0, of: 0, share: null });
  });

  it('summarises movement over organisations with both years', () => {
    expect(
      summariseMovement([
        { previous: 2, current: 2.5 },
        { previous: 3, current: 2 },
        { previous: 2, current: 2 },
        { previous: null, current: 4 },
      ]),
    ).toEqual({
      count: 3,
      improved: 1,
      declined: 1,
      unchanged: 1,
      meanChange: (0.5 - 1 + 0) / 3,
      previousMean: 7 / 3,
      currentMean: 6.5 / 3,
    });
  });
});

describe('summariseMovement (rounding)', () => {
  it('counts a difference left by floating-point rounding as unchanged', () => {
    expect(summariseMovement([{ previous: 0.1 + 0.2, current: 0.3 }])).toMatchObject({
      unchanged: 1,
      improved: 0,
      declined: 0,
    });
  });
});

describe('publishedOverall', () => {
  const seven = {
    'well-led': 2,
    'smart-foundations': 3,
    'safe-practice': 4,
    'support-people': 1,
    'empower-citizens': 5,
    'improve-care': 2.5,
    'healthy-populations': 3.5,
  } as const;

  it('is the mean of the seven measures (21 / 7 = 3)', () => {
    expect(publishedOverall(seven)).toBe(3);
  });

  it('is null when a measure is missing, never the mean of fewer', () => {
    const six: Partial<Record<keyof typeof seven, number>> = { ...seven };
    delete six['healthy-populations'];
    expect(publishedOverall(six)).toBeNull();
    expect(publishedOverall({ ...seven, 'well-led': null })).toBeNull();
  });
});
