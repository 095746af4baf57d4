import type { AreaBasis, CareSetting } from '@wgll/contracts';

import { isCareSetting } from '../../lib/format';
import type { AreaSearch } from './api/results-api';
import type { FiguresCycle } from './result-cycles';

export const DEFAULT_THRESHOLD = 2.5;

/** A number with at most 2 decimal places, as the API accepts a threshold. */
export const THRESHOLD_PATTERN = /^\d+(\.\d{1,2})?$/;

/** A threshold from the address or the form: a number from 1 to 5 (2 decimal places at most), else undefined. */
export function parseThreshold(value: string | null): number | undefined {
  if (value === null || !THRESHOLD_PATTERN.test(value.trim())) return undefined;
  const number = Number(value);
  return number >= 1 && number <= 5 ? number : undefined;
}

/** The care setting in the address (`?careSetting=`), if it names one. */
export function careSettingParam(searchParams: URLSearchParams): CareSetting | undefined {
  const value = searchParams.get('careSetting');
  return isCareSetting(value) ? value : undefined;
}

export type AreaParams = ReturnType<typeof areaParams>;

/** What the address asks to see: basis, care setting and threshold, with their defaults. */
export function areaParams(searchParams: URLSearchParams) {
  const basis: AreaBasis = searchParams.get('basis') === 'icb' ? 'icb' : 'providers';
  return {
    basis,
    careSetting: careSettingParam(searchParams),
    threshold: parseThreshold(searchParams.get('threshold')) ?? DEFAULT_THRESHOLD,
  };
}

export function areaSearch(cycle: FiguresCycle, params: AreaParams, withAt: boolean): AreaSearch | undefined {
  if (cycle === undefined) return undefined;
  return { cycle: cycle?.id, ...params, at: withAt ? cycle?.referenceDate : undefined };
}
