import type { IsoDate } from '@wgll/contracts';
import { DateInput } from 'nhsuk-react-components';

import { isIsoDate } from '../lib/dates';

/** What someone typed into an NHS date input: day, month and year as text. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export const emptyDateParts: DateParts = { day: '', month: '', year: '' };

/** `2026-03-31` → { day: '31', month: '3', year: '2026' }. */
export function toDateParts(date: IsoDate | null | undefined): DateParts {
  if (!date || !isIsoDate(date)) return emptyDateParts;
  const [year, month, day] = date.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year: year ?? '' };
}

/**
 * Reads a date input, with the NHS messages when it cannot: `name` is what the date is, for
 * example "Date of the board meeting". Returns the date as `YYYY-MM-DD`, or the message.
 */
export function readDateParts(parts: DateParts, name: string): { date: IsoDate } | { error: string } {
  const day = parts.day.trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  if (!day && !month && !year) return { error: `Enter the ${name.charAt(0).toLowerCase()}${name.slice(1)}` };
  const missing = [!day && 'day', !month && 'month', !year && 'year'].filter(Boolean);
  if (missing.length > 0) return { error: `${name} must include a ${missing.join(' and ')}` };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) {
    return { error: `${name} must be a real date` };
  }
  const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isIsoDate(date) ? { date } : { error: `${name} must be a real date` };
}

/** The input an error summary links to for a date: its day. */
export const dateInputTarget = (id: string) => `${id}-day`;

interface DateFieldsProps {
  /** The day, month and year inputs get `<id>-day`, `<id>-month` and `<id>-year`. */
  id: string;
  legend: string;
  hint?: string;
  value: DateParts;
  error?: string;
  onChange: (value: DateParts) => void;
}

/** The NHS date input (day, month, year in a fieldset) as a controlled field. */
export function DateFields({ id, legend, hint, value, error, onChange }: DateFieldsProps) {
  return (
    <DateInput id={id} name={id} legend={legend} legendProps={{ size: 's' }} hint={hint} error={error}>
      <DateInput.Day
        value={value.day}
        onChange={(event) => onChange({ ...value, day: event.target.value })}
      />
      <DateInput.Month
        value={value.month}
        onChange={(event) => onChange({ ...value, month: event.target.value })}
      />
      <DateInput.Year
        value={value.year}
        onChange={(event) => onChange({ ...value, year: event.target.value })}
      />
    </DateInput>
  );
}
