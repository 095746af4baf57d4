import { describe, expect, it } from '@jest/globals';

import { formatDateTime, formatTime } from './dates';

describe('times', () => {
  it('are said the same way everywhere: 2:05pm, UK time', () => {
    expect(formatDateTime('2026-03-31T13:05:00Z')).toBe('31 March 2026 at 2:05pm');
    expect(formatTime('2026-03-31T13:05:00Z')).toBe('2:05pm');
    expect(formatTime(new Date('2026-01-15T09:30:00Z'))).toBe('9:30am');
    expect(formatTime('not a time')).toBe('not a time');
  });
});
