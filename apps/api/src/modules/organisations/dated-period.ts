import type { IsoDate } from '@wgll/contracts';

/** A validity period; both ends inclusive, open-ended when `validTo` is null. */
export interface DatedPeriod {
  validFrom: IsoDate;
  validTo: IsoDate | null;
}

/** ICBs were established on 1 July 2022: the hierarchy starts then. */
export const HIERARCHY_START: IsoDate = '2022-07-01';
/** The ICB mergers took effect on 1 April 2026 (42 ICBs became 36). */
export const ICB_MERGER_DATE: IsoDate = '2026-04-01';

/** ISO dates compare correctly as strings. */
export function isValidOn(period: DatedPeriod, at: IsoDate): boolean {
  return period.validFrom <= at && (period.validTo === null || at <= period.validTo);
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}

export function minDate(a: IsoDate, b: IsoDate | null): IsoDate {
  return b !== null && b < a ? b : a;
}

/** Open, closed or not yet open on `at`, given an opening date and a last day of operation. */
export function operatingStatus(
  openedOn: IsoDate | null,
  closedOn: IsoDate | null,
  at: IsoDate,
): 'open' | 'closed' | 'not-yet-open' {
  if (openedOn !== null && at < openedOn) return 'not-yet-open';
  if (closedOn !== null && at > closedOn) return 'closed';
  return 'open';
}
