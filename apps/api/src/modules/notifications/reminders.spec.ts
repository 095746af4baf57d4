import { describe, expect, it } from '@jest/globals';
import { closingThreshold } from './reminders.js';

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
