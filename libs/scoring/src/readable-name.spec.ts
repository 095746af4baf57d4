import { describe, expect, it } from '@jest/globals';
import { readableName } from './readable-name.js';

describe('readableName', () => {
  it('prints ODS capitals in title case, keeping NHS and small words, and leaves mixed case alone', () => {
    expect(readableName("GUY'S AND ST THOMAS' NHS FOUNDATION TRUST")).toBe(
      "Guy's and St Thomas' NHS Foundation Trust",
    );
    expect(readableName('NHS SOUTH EAST LONDON INTEGRATED CARE BOARD')).toBe(
      'NHS South East London Integrated Care Board',
    );
    expect(readableName('Already Fine Trust')).toBe('Already Fine Trust');
  });
});
