import { describe, expect, it } from '@jest/globals';
import { addDays, isIsoDate } from '../../common/iso-date.js';
import { isValidOn, operatingStatus } from './dated-period.js';

describe('dated periods', () => {
  const period = { validFrom: '2022-07-01', validTo: '2026-03-31' };

  it('includes both ends of a period', () => {
    expect(isValidOn(period, '2022-07-01')).toBe(true);
    expect(isValidOn(period, '2026-03-31')).toBe(true);
  });

  it('excludes the day before it starts and the day after it ends', () => {
    expect(isValidOn(period, '2022-06-30')).toBe(false);
    expect(isValidOn(period, '2026-04-01')).toBe(false);
  });

  it('treats a null end as open-ended', () => {
    expect(isValidOn({ validFrom: '2026-04-01', validTo: null }, '2099-12-31')).toBe(true);
    expect(isValidOn({ validFrom: '2026-04-01', validTo: null }, '2026-03-31')).toBe(false);
  });

  it('adds days across month and leap-year boundaries', () => {
    expect(addDays('2026-04-01', -1)).toBe('2026-03-31');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
  });

  it('accepts only real calendar dates written YYYY-MM-DD', () => {
    expect(isIsoDate('2025-06-30')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('30/06/2025')).toBe(false);
    expect(isIsoDate('2025-6-30')).toBe(false);
  });

  it('gives an organisation status from its opening and last day of operation', () => {
    expect(operatingStatus('2024-11-01', null, '2024-10-31')).toBe('not-yet-open');
    expect(operatingStatus('2024-11-01', null, '2024-11-01')).toBe('open');
    expect(operatingStatus(null, '2026-03-31', '2026-03-31')).toBe('open');
    expect(operatingStatus(null, '2026-03-31', '2026-04-01')).toBe('closed');
  });
});
