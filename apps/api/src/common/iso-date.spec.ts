import { describe, expect, it } from '@jest/globals';
import { daysBetween, todayInLondon } from './iso-date.js';

describe('todayInLondon', () => {
  it("uses the UK date for today, not UTC's", () => {
    // 23:30 UTC on 30 June is 00:30 BST on 1 July.
    expect(todayInLondon(new Date('2025-06-30T23:30:00Z'))).toBe('2025-07-01');
    expect(todayInLondon(new Date('2025-12-31T23:30:00Z'))).toBe('2025-12-31');
  });
});

describe('daysBetween', () => {
  it('counts whole calendar days, negative when the second date is earlier', () => {
    expect(daysBetween('2026-03-29', '2026-04-01')).toBe(3);
    expect(daysBetween('2026-04-01', '2026-03-29')).toBe(-3);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });
});
