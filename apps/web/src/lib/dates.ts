import type { IsoDate } from '@wgll/contracts';

import { pluralise } from './format';

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): value is IsoDate {
  const match = isoDatePattern.exec(value);
  if (!match) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Today's date in England, `YYYY-MM-DD`. */
export function todayIso(): IsoDate {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());
}

/** A formatter made on first use: making one costs time, which a page that shows no date saves. */
function lazyFormat(options: Intl.DateTimeFormatOptions): () => Intl.DateTimeFormat {
  let format: Intl.DateTimeFormat | undefined;
  return () => (format ??= new Intl.DateTimeFormat('en-GB', options));
}

const longDate = lazyFormat({ timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });

/** `2026-03-31` → `31 March 2026`. Returns the input unchanged when it is not a date. */
export function formatDate(value: IsoDate): string {
  if (!isIsoDate(value)) return value;
  const [year, month, day] = value.split('-').map(Number) as [number, number, number];
  return longDate().format(new Date(Date.UTC(year, month - 1, day)));
}

/** Whether `date` falls within a validity period (inclusive; an open end means still valid). */
export function isWithin(date: IsoDate, validFrom: IsoDate, validTo: IsoDate | null): boolean {
  return validFrom <= date && (validTo === null || date <= validTo);
}

/** The last day the ICBs before the mergers existed, and the first day of the new ICBs. */
export const LAST_DAY_BEFORE_MERGERS: IsoDate = '2026-03-31';
export const FIRST_DAY_AFTER_MERGERS: IsoDate = '2026-04-01';

/** `addDays('2026-03-31', 1)` → `2026-04-01`. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const result = new Date(`${date}T00:00:00Z`);
  result.setUTCDate(result.getUTCDate() + days);
  return result.toISOString().slice(0, 10);
}

const dateTimeParts = lazyFormat({
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
});

/** The day and the time of a moment, UK time; null when it is no moment. */
function dateTimeOf(value: Date | string): { day: string; time: string } | null {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  const parts = dateTimeParts().formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((item) => item.type === type)?.value ?? '';
  return {
    day: `${part('day')} ${part('month')} ${part('year')}`,
    time: `${part('hour')}:${part('minute')}${part('dayPeriod').toLowerCase().replace(/\s/g, '')}`,
  };
}

/** `2026-03-31T13:05:00Z` → `31 March 2026 at 2:05pm` (UK time). Unreadable values are returned unchanged. */
export function formatDateTime(value: string): string {
  const moment = dateTimeOf(value);
  return moment ? `${moment.day} at ${moment.time}` : value;
}

/** `2026-03-31T13:05:00Z` → `2:05pm`: the time (UK time) of a moment, as formatDateTime says it. */
export function formatTime(value: Date | string): string {
  return dateTimeOf(value)?.time ?? String(value);
}

/** `2026-03-31T13:05:00Z` → `31 March 2026`: the day (UK time) of a moment. */
export function formatDayOf(value: string): string {
  return formatDateTime(value).split(' at ')[0] ?? value;
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`): negative when `to` is earlier. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * How far off a due date is, in words, counted in UK days: `overdue by 2 days`, `due today`,
 * `due tomorrow`, `due in 3 days`.
 */
export function dueWording(dueDate: IsoDate, today: IsoDate = todayIso()): string {
  const days = daysBetween(today, dueDate);
  if (days < 0) return `overdue by ${pluralise(-days, 'day')}`;
  if (days === 0) return 'due today';
  if (days === 1) return 'due tomorrow';
  return `due in ${pluralise(days, 'day')}`;
}
