import { describe, expect, it } from '@jest/globals';
import { safeFileName } from './safe-file-name.js';

describe('safeFileName', () => {
  it('drops folders, control characters, quotes and broken characters', () => {
    expect(safeFileName('C:\\temp\\a"b\u0001.pdf', 'x')).toBe('ab.pdf');
    expect(safeFileName('paper\ud800.pdf', 'x')).toBe('paper.pdf');
    expect(safeFileName('../..', 'x')).toBe('..');
    expect(safeFileName('\u0000', 'fallback')).toBe('fallback');
  });

  it('keeps the last 200 characters, never cutting one in half', () => {
    const name = `${'😀'.repeat(250)}.pdf`;
    const safe = safeFileName(name, 'x');
    expect([...safe]).toHaveLength(200);
    expect(safe.endsWith('.pdf')).toBe(true);
    expect(safe).toBe(`${'😀'.repeat(196)}.pdf`);
  });
});
