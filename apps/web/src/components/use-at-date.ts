import { useSearchParams } from 'react-router';

import { todayIso } from '../lib/dates';

export interface AtDate {
  /** The `?at=` value as given (possibly invalid; the API then explains), or undefined. */
  requested: string | undefined;
  /** The date shown: the requested one, or today. */
  effective: string;
}

/** Reads the `?at=` date that detail pages use to show the hierarchy on another day. */
export function useAtDate(): AtDate {
  const [searchParams] = useSearchParams();
  const requested = searchParams.get('at')?.trim() || undefined;
  return { requested, effective: requested ?? todayIso() };
}
