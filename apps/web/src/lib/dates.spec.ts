import { describe, expect, it } from '@jest/globals';

import { daysBetween, dueWording, formatDateTime, formatTime } from './dates';

describe('times', () => {
  it('are said the same way everywhere: 2:05pm, UK time', () => {
    expect(formatDateTime('2026-03-31T13:05:00Z')).toBe('31 March 2026 at 2:05pm');
    expect(formatTime('2026-03-31T13:05:00Z')).toBe('2:05pm');
    expect(formatTime(new Date('2026-01-15T09:30:00Z'))).toBe('9:30am');
    expect(formatTime('not a time')).toBe('not a time');
  });
});

describe('due dates', () => {
  it('are said as how far off they are, in UK days', () => {
    expect(dueWording('2026-12-08', '2026-12-05')).toBe('due in 3 days');
    expect(dueWording('2026-12-06', '2026-12-05')).toBe('due tomorrow');
    expect(dueWording('2026-12-05', '2026-12-05')).toBe('due today');
    expect(dueWording('2026-12-04', '2026-12-05')).toBe('overdue by 1 day');
    expect(dueWording('2026-11-25', '2026-12-05')).toBe('overdue by 10 days');
  });

  it('count whole days across the clock change and month and year ends', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2027-01-01', '2026-12-31')).toBe(-1);
  });
});
