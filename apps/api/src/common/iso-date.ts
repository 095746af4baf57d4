const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A day in milliseconds. */
export const DAY_MS = 86_400_000;

/** True for a real calendar date written YYYY-MM-DD (rejects 2025-02-30). */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

/** `addDays('2026-03-31', 1)` → `2026-04-01` (calendar days, in UTC). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (ISO dates): negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

const LONG_DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** `2025-04-01` → `1 April 2025`, for messages. */
export function formatIsoDate(value: string): string {
  return LONG_DATE.format(new Date(`${value}T00:00:00Z`));
}

// Built once: constructing an Intl.DateTimeFormat costs far more than formatting with it, and
// this runs on every request that checks access.
const LONDON_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });

// The last day worked out, by second: UK midnight always falls on a whole second, so every instant
// of one second is on the same day, and formatting once a second serves every request in it.
let lastDay = { second: Number.NaN, day: '' };

/** Today in the UK, as the default date for "at" queries. */
export function todayInLondon(now: Date = new Date()): string {
  const second = Math.floor(now.getTime() / 1000);
  if (second !== lastDay.second) lastDay = { second, day: LONDON_DAY.format(now) };
  return lastDay.day;
}
