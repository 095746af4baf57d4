import { describe, expect, it } from '@jest/globals';
import { todayInLondon } from './iso-date.js';

describe('todayInLondon', () => {
  it("uses the UK date for today, not UTC's", () => {
    // 23:30 UTC on 30 June is 00:30 BST on 1 July.
    expect(todayInLondon(new Date('2025-06-30T23:30:00Z'))).toBe('2025-07-01');
    expect(todayInLondon(new Date('2025-12-31T23:30:00Z'))).toBe('2025-12-31');
  });
});
