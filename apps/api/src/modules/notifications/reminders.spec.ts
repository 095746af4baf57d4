import { describe, expect, it } from '@jest/globals';
import { closingThreshold, isMonday } from './reminders.js';

describe('cycle closing reminders', () => {
  it('are due at 14, 7 and 1 days left: the tightest reached, none before 14 or after closing', () => {
    expect([30, 15, 14, 10, 8, 7, 2, 1, 0, -1].map(closingThreshold)).toEqual([
      null,
      null,
      14,
      14,
      14,
      7,
      7,
      1,
      1,
      null,
    ]);
  });
});

describe('the weekly digest', () => {
  it('is sent on Mondays only', () => {
    expect(['2026-12-06', '2026-12-07', '2026-12-08', '2027-01-04'].map(isMonday)).toEqual([
      false,
      true,
      false,
      true,
    ]);
  });
});
