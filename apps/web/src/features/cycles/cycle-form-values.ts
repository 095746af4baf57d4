import type { FrameworkRef, IsoDate } from '@wgll/contracts';

import { dateInputTarget, readDateParts, type DateParts } from '../../components/date-fields';
import type { FormError } from '../../lib/form-errors';

/** A framework version as a select's value: `frameworkId|version` (neither may contain a bar). */
export const toFrameworkValue = (ref: FrameworkRef) => `${ref.frameworkId}|${ref.version}`;

export function fromFrameworkValue(value: string): FrameworkRef | undefined {
  const [frameworkId, version] = value.split('|');
  return frameworkId && version ? { frameworkId, version } : undefined;
}

/**
 * Reads the date inputs of a cycle form: each date, or an error linked to its day input. `fields`
 * maps each date's name (as the API calls it) to its input id and its label.
 */
export function readDates<K extends string>(
  values: Record<K, DateParts>,
  fields: Record<K, { id: string; label: string }>,
): { dates: Partial<Record<K, IsoDate>>; errors: FormError[] } {
  const dates: Partial<Record<K, IsoDate>> = {};
  const errors: FormError[] = [];
  for (const key of Object.keys(fields) as K[]) {
    const result = readDateParts(values[key], fields[key].label);
    if ('date' in result) dates[key] = result.date;
    else errors.push({ id: dateInputTarget(fields[key].id), message: result.error });
  }
  return { dates, errors };
}
